"""Templates from a pull request: no code run from a cache file, nothing read through a link, and
bounded in time, size and memory (dvcq/documents/templating.py, the README's "Untrusted input")."""

from __future__ import annotations

import marshal
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE, environment, run, time_limit

from dvcq.documents import templating

STRING_VI = "mẫu bị dừng: chuỗi tạo ra vượt giới hạn 1.000.000 ký tự."
STRING_EN = "template stopped: the string built exceeds the limit of 1,000,000 characters."


@pytest.fixture(autouse=True)
def guard() -> Iterator[None]:
    """Each test ends within 60 s: a template that runs on fails the test instead of hanging it."""
    with time_limit(60):
        yield


def workspace(tmp_path: Path, template: str, name: str = "plan.md.j2") -> Path:
    for sub in ("plans", "progress", "reports"):
        shutil.copytree(SAMPLE / sub, tmp_path / sub)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / name).write_text(template, encoding="utf-8")
    return tmp_path


def refused(folder: Path, vi: str, en: str, *args: str) -> None:
    """`dvcq render plan` (or ARGS) stops with exit 1 and exactly these messages, writing nothing."""
    words = args or ("render", "plan", "-o", "out.md")
    result = run(*words, cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"Lỗi: {vi}\n")
    result = run("--lang", "en", *words, cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"Error: {en}\n")
    assert not (folder / "out.md").exists()


# --- (a) no bytecode cache ------------------------------------------------------------------------


def test_a_planted_bytecode_cache_file_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2.bccache import FileSystemBytecodeCache, bc_magic

    folder = workspace(tmp_path / "ws", "Mở đầu {{ closing }}\n")
    marker = tmp_path / "pwned"
    # Where Jinja's default FileSystemBytecodeCache looks: $TMPDIR/_jinja2-cache-$UID/.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    cache = FileSystemBytecodeCache()
    source = (folder / "templates" / "plan.md.j2").read_text(encoding="utf-8")
    code = compile(f"open({str(marker)!r}, 'w').write('x')\nroot = None\n", "x", "exec")
    payload = bc_magic + pickle.dumps(cache.get_source_checksum(source), 2) + marshal.dumps(code)
    names = {"templates/plan.md.j2", str(folder / "templates" / "plan.md.j2")}
    for filename in names | {os.path.normpath(n) for n in names}:
        key = cache.get_cache_key("plan.md.j2", filename)
        Path(cache.directory, cache.pattern % key).write_bytes(payload)
    result = run("render", "plan", "-o", "out.md", cwd=folder)
    assert (result.returncode, result.stderr) == (0, "")
    assert not marker.exists()
    assert (folder / "out.md").read_text(encoding="utf-8").startswith("Mở đầu")


# --- (b) nothing read through a link ----------------------------------------------------------------


def test_an_include_through_a_symlink_reads_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT-KHẨU-42\n", encoding="utf-8")
    folder = workspace(tmp_path / "ws", "Mở đầu\n\n{% include 'env' %}\n")
    (folder / "templates" / "env").symlink_to(secret)
    refused(
        folder,
        "templates/plan.md.j2:3: mẫu bị từ chối: templates/env là một liên kết (symlink); mẫu chỉ "
        "đọc tệp thật nằm trong thư mục mẫu.",
        "templates/plan.md.j2:3: template refused: templates/env is a symbolic link; templates "
        "are read only from plain files in the template folder.",
    )


def test_the_environment_cannot_be_included(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws", "{% include 'env' %}\n")
    (folder / "templates" / "env").symlink_to("/proc/self/environ")
    result = run(
        "--lang", "en", "render", "plan", "-o", "out.md", cwd=folder, env={"SECRET": "s3cr3t-v4lue"}
    )
    assert result.returncode == 1 and "s3cr3t" not in result.stdout + result.stderr
    assert result.stderr.startswith(
        "Error: templates/plan.md.j2:1: template refused: templates/env is a symbolic link"
    )


def test_the_template_itself_may_not_be_a_link(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws", "x\n", name="real.md.j2")
    (folder / "templates" / "plan.md.j2").symlink_to("real.md.j2")
    refused(
        folder,
        "templates/plan.md.j2: mẫu bị từ chối: templates/plan.md.j2 là một liên kết (symlink); "
        "mẫu chỉ đọc tệp thật nằm trong thư mục mẫu.",
        "templates/plan.md.j2: template refused: templates/plan.md.j2 is a symbolic link; "
        "templates are read only from plain files in the template folder.",
    )


def test_a_linked_template_folder_is_refused(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws", "x\n")
    (folder / "templates").rename(folder / "real")
    (folder / "templates").symlink_to("real")
    refused(
        folder,
        "templates/plan.md.j2: mẫu bị từ chối: thư mục mẫu templates là một liên kết (symlink); "
        "dùng thư mục thật.",
        "templates/plan.md.j2: template refused: the template folder templates is a symbolic "
        "link; use a real folder.",
    )


@pytest.mark.parametrize("name", ["../plans/2026.yaml", "/etc/passwd", "sub/part.md.j2"])
def test_only_names_directly_in_the_folder(tmp_path: Path, name: str) -> None:
    folder = workspace(tmp_path / "ws", f"x\n{{% include {name!r} %}}\n")
    refused(
        folder,
        f"templates/plan.md.j2:2: mẫu bị từ chối: mẫu chỉ được gọi tới tệp nằm ngay trong thư mục "
        f"templates, không được gọi “{name}”.",
        f"templates/plan.md.j2:2: template refused: a template may include only files directly "
        f"inside templates, not “{name}”.",
    )


def test_a_fifo_is_not_waited_for(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws", "{% import 'pipe' as p %}\n")
    os.mkfifo(folder / "templates" / "pipe")
    refused(
        folder,
        "templates/plan.md.j2:1: mẫu bị từ chối: templates/pipe không phải tệp thông thường.",
        "templates/plan.md.j2:1: template refused: templates/pipe is not a regular file.",
    )


# --- (c) bounds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "a\n{{ 'x' * 10**9 }}\n",
        "a\n{{ 'x' | center(10**9) }}\n",
        "a\n{{ '%*d' | format(10**9, 1) }}\n",
        "a\n{{ '%*d' % (10**9, 1) }}\n",
        "a\n{{ '{:>1000000000}'.format(1) }}\n",
        "a\n{{ 'x' | indent(10**9) }}\n",
        "a\n{{ range(10000) | join('x' * 1000) }}\n",
        "a\n{{ 'xx' | replace('', 'y' * 600000) }}\n",
        "a\n{{ 'x y z' | wordwrap(1, wrapstring='y' * 600000) }}\n",
        "{% set s = 'x' * 600000 %}\n{{ s ~ s }}\n",
        "{% set s = 'x' * 600000 %}\n{{ s + s }}\n",
    ],
)
def test_strings_are_bounded(tmp_path: Path, template: str) -> None:
    refused(
        workspace(tmp_path, template),
        f"templates/plan.md.j2:2: {STRING_VI}",
        f"templates/plan.md.j2:2: {STRING_EN}",
    )


@pytest.mark.parametrize(
    ("template", "vi", "en"),
    [
        (
            "{{ range(10001) | length }}\n",
            "range() vượt giới hạn 10.000 phần tử",
            "range() exceeds the limit of 10,000 items",
        ),
        (
            "{{ [0] * 10**6 }}\n",
            "danh sách tạo ra vượt giới hạn 100.000 phần tử",
            "the list built exceeds the limit of 100,000 items",
        ),
        (
            "{{ [1] | batch(10**9, 0) | list }}\n",
            "danh sách tạo ra vượt giới hạn 100.000 phần tử",
            "the list built exceeds the limit of 100,000 items",
        ),
        (
            "{{ 2 ** 100000 }}\n",
            "số tạo ra vượt giới hạn 20.000 bit",
            "the number built exceeds the limit of 20,000 bits",
        ),
        (
            "{{ [[1], [2]] | sum(start=[]) }}\n",
            "bộ lọc sum chỉ cộng các số",
            "the sum filter adds numbers only",
        ),
    ],
)
def test_lists_numbers_and_ranges_are_bounded(
    tmp_path: Path, template: str, vi: str, en: str
) -> None:
    refused(
        workspace(tmp_path, template),
        f"templates/plan.md.j2:1: mẫu bị dừng: {vi}.",
        f"templates/plan.md.j2:1: template stopped: {en}.",
    )


def test_lipsum_is_gone(tmp_path: Path) -> None:
    refused(
        workspace(tmp_path, "a\n{{ lipsum(n=10**6) }}\n"),
        "templates/plan.md.j2:2: mẫu dùng dữ liệu không có (“lipsum” không có). Kiểm tra tên "
        "biến trong mẫu.",
        "templates/plan.md.j2:2: the template uses data that does not exist ('lipsum' is "
        "undefined). Check the names in the template.",
    )


def test_the_document_is_bounded(tmp_path: Path) -> None:
    bomb = "a\n{% for i in range(10000) %}\n{{ 'x' * 2000 }}\n{% endfor %}\n"
    refused(
        workspace(tmp_path, bomb),
        "templates/plan.md.j2:3: mẫu bị dừng: văn bản tạo ra vượt giới hạn 10.000.000 ký tự.",
        "templates/plan.md.j2:3: template stopped: the document exceeds the limit of "
        "10,000,000 characters.",
    )


NESTED_CALLS = (
    "a\n{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}\n"
)
NESTED_NO_CALLS = (
    "{% set r = range(10000) %}\n{% for i in r %}\n{% for j in r %}\n{% for k in r %}\n"
    "{% endfor %}\n{% endfor %}\n{% endfor %}\n"
)


@pytest.mark.parametrize(("template", "line"), [(NESTED_CALLS, 2), (NESTED_NO_CALLS, 4)])
def test_nested_loops_stop_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str, line: int
) -> None:
    monkeypatch.setattr(templating, "MAX_SECONDS", 0.5)
    refused(
        workspace(tmp_path, template),
        f"templates/plan.md.j2:{line}: mẫu bị dừng: mẫu chạy quá 0.5 giây (vòng lặp quá dài?).",
        f"templates/plan.md.j2:{line}: template stopped: the template ran longer than 0.5 "
        "seconds (a loop too long?).",
    )


def test_the_bounds_are_those_documented() -> None:
    assert (templating.MAX_RANGE, templating.MAX_STRING, templating.MAX_ITEMS) == (
        10_000,
        1_000_000,
        100_000,
    )
    assert (templating.MAX_OUTPUT, templating.MAX_SECONDS, templating.MAX_SOURCE) == (
        10_000_000,
        10.0,
        1_000_000,
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    policy = readme[readme.index("**Templates** are untrusted code") :]
    policy = policy[: policy.index("**The environment.**")]
    for figure in ("10,000", "1,000,000", "100,000", "10,000,000", "10 s", "512 MiB"):
        assert figure in policy


def test_the_real_report_is_far_from_every_bound(tmp_path: Path) -> None:
    result = run("report", "2026-H1", "--format", "md", "-o", tmp_path / "r.md")
    assert result.returncode == 0
    assert len((tmp_path / "r.md").read_text(encoding="utf-8")) < templating.MAX_OUTPUT // 500


# --- in a real process, with 1 GiB of address space: peak memory stays low ------------------------

CHILD = """
import resource, sys
from dvcq.cli import main
from dvcq.documents import templating
templating.MAX_MEMORY = 128 * 2**20  # so that the backstop is reached in well under MAX_SECONDS
try:
    main(sys.argv[1:])
finally:
    sys.stderr.write(f"MAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def one_gib() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("a\n{{ 'x' * 10**9 }}\n", f"templates/plan.md.j2:2: {STRING_VI}"),
        ("a\n{{ 'x' | center(10**9) }}\n", f"templates/plan.md.j2:2: {STRING_VI}"),
        ("a\n{{ '%*d' | format(10**9, 1) }}\n", f"templates/plan.md.j2:2: {STRING_VI}"),
        ("a\n{{ 'x' | indent(10**9) }}\n", f"templates/plan.md.j2:2: {STRING_VI}"),
        (
            "a\n{% for i in range(10000) %}\n{{ 'x' * 2000 }}\n{% endfor %}\n",
            "templates/plan.md.j2:3: mẫu bị dừng: văn bản tạo ra vượt giới hạn 10.000.000 ký tự.",
        ),
        (
            # Sharing builds 10**9 items from literal lists: only the memory backstop sees it.
            "{% set a = [1,1,1,1,1,1,1,1,1,1] %}\n"
            + "".join(
                f"{{% set {n} = [{p},{p},{p},{p},{p},{p},{p},{p},{p},{p}] %}}\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + "{{ i }}\n",
            "templates/plan.md.j2:10: mẫu bị dừng: cần quá 128 MiB bộ nhớ.",
        ),
    ],
    ids=["repeat", "center", "format", "indent", "output", "sharing"],
)
def test_refused_in_a_process_with_little_memory(
    tmp_path: Path, template: str, message: str
) -> None:
    folder = workspace(tmp_path, template)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "render", "plan", "-o", "out.md"],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=one_gib,
    )
    errors, maxrss = result.stderr.rsplit("MAXRSS ", 1)
    assert (result.returncode, errors) == (1, f"Lỗi: {message}\n")
    assert int(maxrss) < 400 * 1024  # KiB: far from the 1 GiB the process may have


def test_outside_the_main_thread_the_calls_keep_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from dvcq.errors import DvcqError

    monkeypatch.setattr(templating, "MAX_SECONDS", 0.5)
    folder = workspace(tmp_path, NESTED_CALLS) / "templates"
    caught: list[BaseException] = []

    def work() -> None:
        try:
            templating.render(folder, "plan.md.j2", {})
        except DvcqError as exc:
            caught.append(exc)

    worker = threading.Thread(target=work, daemon=True)  # no SIGALRM there
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive() and len(caught) == 1
    assert str(caught[0]).endswith(
        "plan.md.j2:2: template stopped: the template ran longer than 0.5 seconds (a loop too long?)."
    )
