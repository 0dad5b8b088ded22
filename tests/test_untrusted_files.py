"""Hostile files in a repository (issue 12): FIFOs, devices, links out, links to lock files.

Every input is read under one policy (`dvcq.files.read_input`): a regular file, inside the
repository, at most 64 MiB read from the descriptor. Every progress writer takes one lock on the
real progress root and writes through no link. Each test here is bounded in time: the in-process
ones by an alarm (a blocking open on a FIFO is interrupted and fails the test), the subprocess ones
by `timeout=`.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import SAMPLE, Result, run, time_limit

ADD = [
    "progress",
    "add",
    "quy-che-tiep-cong-dan",
    "--unit",
    "VP",
    "--date",
    "2026-11-20",
    "--status",
    "dang-thuc-hien",
    "--result",
    "Đã tiếp 5 lượt công dân",
    "--author",
    "A",
    "--yes",
]
MONTH = Path("progress/2026/2026-11.yaml")
SECRET = "BI-MAT-7f3a9c"  # what an outside file holds: must never reach any output


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Fail any in-process test here that runs longer than 20 s (a FIFO opened for reading)."""
    with time_limit(20):
        yield


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the sample workspace (plan, eleven months of progress, report notes)."""
    shutil.copytree(SAMPLE, tmp_path / "repo")
    return tmp_path / "repo"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the repository with a YAML file whose key is the secret."""
    folder = tmp_path / "ngoai"
    folder.mkdir()
    (folder / "ngoai.yaml").write_text(f"{SECRET}: {SECRET}\n", encoding="utf-8")
    (folder / "2026-11.yaml").write_text(f"- {{{SECRET}: 1}}\n", encoding="utf-8")
    return folder


def dvcq(*args: str, cwd: Path, lang: str = "vi", **env: str) -> Result:
    proc = run(*args, cwd=cwd, env={"DVCQ_LANG": lang, "DVCQ_NO_CACHE": "1", **env})
    assert proc.returncode != 3 and "Traceback" not in proc.stderr, proc.stderr
    return proc


def problems(proc: Result) -> list[tuple[str, int, int, str, str]]:
    return [
        (p["file"], p["line"], p["column"], p["rule"], p["message"])
        for p in json.loads(proc.stdout)["problems"]
        if p["level"] == "error"
    ]


def no_secret(*procs: Result) -> None:
    for proc in procs:
        assert SECRET not in proc.stdout + proc.stderr


# --- reading: only regular files ----------------------------------------------------------------


def test_link_to_dev_zero_as_a_plan_is_refused_unread(repo: Path) -> None:
    (repo / "plans" / "x.yaml").symlink_to("/dev/zero")
    start = time.monotonic()
    vi = dvcq("check", "--format", "json", cwd=repo)
    en = dvcq("check", "--format", "json", cwd=repo, lang="en")
    assert time.monotonic() - start < 5
    assert vi.returncode == en.returncode == 1
    assert problems(vi) == [
        (
            "plans/x.yaml",
            1,
            1,
            "link-outside",
            "Không đọc: tệp là liên kết (symlink) trỏ ra ngoài kho, tới /dev/zero.",
        )
    ]
    assert problems(en)[0][4] == (
        "Not read: the file is a link (symlink) pointing outside the repository, to /dev/zero."
    )


FIFO_VI = "Không đọc: đây không phải tệp thường mà là một ống dẫn (FIFO)."
FIFO_EN = "Not read: this is not a regular file but a pipe (FIFO)."


def test_fifo_progress_file_in_check(repo: Path) -> None:
    os.mkfifo(repo / "progress/2026/2026-12.yaml")
    vi = dvcq("check", "--format", "json", cwd=repo)
    en = dvcq("check", "--format", "json", cwd=repo, lang="en")
    assert vi.returncode == en.returncode == 1
    assert problems(vi) == [("progress/2026/2026-12.yaml", 1, 1, "not-regular-file", FIFO_VI)]
    assert problems(en) == [("progress/2026/2026-12.yaml", 1, 1, "not-regular-file", FIFO_EN)]


def test_fifo_progress_file_in_status(repo: Path) -> None:
    os.mkfifo(repo / "progress/2026/2026-12.yaml")
    proc = dvcq("status", cwd=repo)
    assert proc.returncode == 0
    assert proc.stderr.startswith(
        "Cảnh báo: progress/2026/2026-12.yaml:1:1: mục tiến độ không được tính: Không đọc"
    )
    cached = run("status", cwd=repo)  # with the cache: its fingerprint reads no FIFO either
    assert cached.returncode == 0


def test_fifo_progress_file_in_fmt_check(repo: Path) -> None:
    os.mkfifo(repo / "progress/2026/2026-12.yaml")
    vi = dvcq("fmt", "--check", cwd=repo)
    en = dvcq("fmt", "--check", cwd=repo, lang="en")
    assert vi.returncode == en.returncode == 1
    assert vi.stderr == f"progress/2026/2026-12.yaml:1: giữ nguyên: {FIFO_VI}\n"
    assert en.stderr == f"progress/2026/2026-12.yaml:1: left as is: {FIFO_EN}\n"


def test_fifo_in_textconv(repo: Path) -> None:
    os.mkfifo(repo / "plans/x.yaml")
    vi = dvcq("diff", "--textconv", "plans/x.yaml", cwd=repo)
    en = dvcq("diff", "--textconv", "plans/x.yaml", cwd=repo, lang="en")
    assert (vi.returncode, vi.stdout) == (en.returncode, en.stdout) == (1, "")
    assert vi.stderr == f"Lỗi: Không đọc được plans/x.yaml: {FIFO_VI}\n"
    assert en.stderr.endswith(f"Cannot read plans/x.yaml: {FIFO_EN}\n")


def test_fifo_month_file_in_progress_add(repo: Path) -> None:
    (repo / MONTH).unlink()
    os.mkfifo(repo / MONTH)
    vi = dvcq(*ADD, cwd=repo)
    en = dvcq(*ADD, cwd=repo, lang="en")
    assert vi.returncode == en.returncode == 1
    assert vi.stderr == (f"Lỗi: Không ghi thêm vào {MONTH} được: {FIFO_VI} Tệp để nguyên.\n")
    assert en.stderr.endswith(f"Cannot add to {MONTH}: {FIFO_EN} The file is left as it was.\n")


def test_device_in_the_repository(repo: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(repo / "plans/x.yaml", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero's numbers
    proc = dvcq("check", "--format", "json", "plans/x.yaml", cwd=repo)
    assert problems(proc) == [
        (
            "plans/x.yaml",
            1,
            1,
            "not-regular-file",
            "Không đọc: đây không phải tệp thường mà là một thiết bị.",
        )
    ]


def test_link_to_dev_stdin(repo: Path) -> None:
    """/dev/stdin leads to /proc/self/fd/0 and on to a pipe or a terminal: outside, unread."""
    (repo / "progress/2026/2026-12.yaml").symlink_to("/dev/stdin")
    proc = dvcq("check", "--format", "json", cwd=repo)
    [(file, line, col, rule, message)] = problems(proc)
    assert (file, line, col, rule) == ("progress/2026/2026-12.yaml", 1, 1, "link-outside")
    assert message.startswith("Không đọc: tệp là liên kết (symlink) trỏ ra ngoài kho, tới /")


def test_a_file_over_the_bound_is_refused_from_the_descriptor(repo: Path) -> None:
    big = repo / "plans/x.yaml"
    with open(big, "wb") as out:  # sparse: 64 MiB + 1 byte on no disk space
        out.truncate(64 * 1024 * 1024 + 1)
    proc = dvcq("check", "--format", "json", "plans/x.yaml", cwd=repo)
    assert problems(proc) == [
        (
            "plans/x.yaml",
            1,
            1,
            "yaml-too-large",
            "Tệp quá lớn để đọc an toàn (vượt giới hạn 64 MiB).",
        )
    ]


def test_a_file_at_the_bound_is_read(repo: Path) -> None:
    """Exactly 64 MiB is not refused for its size (it is all NULs: refused as binary)."""
    big = repo / "plans/x.yaml"
    with open(big, "wb") as out:
        out.truncate(64 * 1024 * 1024)
    proc = dvcq("check", "--format", "json", "plans/x.yaml", cwd=repo)
    assert [p[3] for p in problems(proc)] == ["bad-encoding"]


# --- reading: only inside the repository --------------------------------------------------------


HINT = "Thay liên kết bằng chính tệp, đặt trong kho (plans/, progress/, reports/)."


def test_links_out_are_refused_and_nothing_outside_is_quoted(repo: Path, outside: Path) -> None:
    (repo / "plans/x.yaml").symlink_to(outside / "ngoai.yaml")
    (repo / "progress/2026/2026-12.yaml").symlink_to(outside / "ngoai.yaml")
    runs = [
        dvcq("check", cwd=repo),
        dvcq("check", "--format", "github", cwd=repo),
        dvcq("check", "--format", "json", cwd=repo, lang="en"),
        dvcq("diff", "--textconv", "plans/x.yaml", cwd=repo),
        dvcq("fmt", "--check", cwd=repo),
        dvcq("status", "--plan", "plans/2026.yaml", cwd=repo),
    ]
    no_secret(*runs)
    target = outside / "ngoai.yaml"
    assert [line for line in runs[1].stdout.splitlines() if line.startswith("::error")] == [
        "::error file=plans/x.yaml,line=1,col=1,title=link-outside::Không đọc: tệp là liên kết "
        f"(symlink) trỏ ra ngoài kho, tới {target}. {HINT}",
        "::error file=progress/2026/2026-12.yaml,line=1,col=1,title=link-outside::Không đọc: tệp "
        f"là liên kết (symlink) trỏ ra ngoài kho, tới {target}. {HINT}",
    ]
    assert [r.returncode for r in runs] == [1, 1, 1, 1, 1, 0]


def test_a_year_folder_linked_out_is_not_read(repo: Path, outside: Path) -> None:
    shutil.rmtree(repo / "progress/2026")
    (repo / "progress/2026").symlink_to(outside)
    proc = dvcq("check", "--format", "github", cwd=repo)
    no_secret(proc)
    assert proc.returncode == 1
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert {line.split("::")[1].split(",title=")[1] for line in errors} == {"link-outside"}
    assert len(errors) == 2  # both files of the outside folder


def test_a_link_inside_the_repository_is_followed(repo: Path) -> None:
    """The policy: a link whose target stays in the repository is read like the file itself."""
    (repo / "progress/2026").rename(repo / "progress/archive-2026")
    (repo / "progress/2026").symlink_to("archive-2026")
    proc = dvcq("check", "--format", "json", cwd=repo)
    assert (proc.returncode, problems(proc)) == (0, [])
    assert len(json.loads(proc.stdout)["files"]) == 13  # the plan, 11 progress files, the notes


def test_report_notes_linked_out(repo: Path, outside: Path) -> None:
    notes = repo / "reports/2026-H1.yaml"
    notes.unlink()
    notes.symlink_to(outside / "ngoai.yaml")
    proc = dvcq("report", "2026-H1", "--format", "md", "-o", "out.md", cwd=repo)
    no_secret(proc)
    assert proc.returncode == 1
    assert "reports/2026-H1.yaml:1:1: Không đọc: tệp là liên kết (symlink)" in proc.stderr
    assert not (repo / "out.md").exists()


def test_report_notes_fifo_is_not_skipped_silently(repo: Path) -> None:
    notes = repo / "reports/2026-H1.yaml"
    notes.unlink()
    os.mkfifo(notes)
    proc = dvcq("report", "2026-H1", "--format", "md", "-o", "out.md", cwd=repo)
    assert proc.returncode == 1
    assert f"reports/2026-H1.yaml:1:1: {FIFO_VI}" in proc.stderr


# --- writing: never through links --------------------------------------------------------------


def test_lock_file_that_is_a_link(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "created-by-dvcq"
    (repo / "progress/.lock").symlink_to(target)
    before = (repo / MONTH).read_bytes()
    vi = dvcq(*ADD, cwd=repo)
    en = dvcq(*ADD, cwd=repo, lang="en")
    assert not target.exists() and not target.is_symlink()
    assert (repo / MONTH).read_bytes() == before
    assert vi.returncode == en.returncode == 1
    assert vi.stderr == (
        "Lỗi: progress/.lock không phải tệp khóa thường (là liên kết hay tệp đặc biệt); dvcq không "
        "ghi qua nó. Xóa nó đi rồi chạy lại.\n"
    )
    assert en.stderr.endswith(
        "progress/.lock is not a plain lock file (it is a link or a special file); dvcq writes "
        "nothing through it. Delete it and run again.\n"
    )
    assert dvcq("fmt", cwd=repo).returncode == 1  # fmt takes the same lock, refused the same way
    assert not target.exists()


YEAR_LINK_VI = (
    "Lỗi: Thư mục năm progress/2026 là liên kết (symlink); dvcq không ghi qua liên kết. Thay nó "
    "bằng một thư mục thật rồi chạy lại.\n"
)


def test_year_folder_that_is_a_link_out(repo: Path, outside: Path) -> None:
    shutil.rmtree(repo / "progress/2026")
    (repo / "progress/2026").symlink_to(outside)
    (outside / ".2026-11.yaml.0badc0de.tmp").write_text("của người khác", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    vi = dvcq(*ADD, cwd=repo)
    en = dvcq(*ADD, cwd=repo, lang="en")
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before  # none written, none swept
    assert (vi.returncode, vi.stderr) == (1, YEAR_LINK_VI)
    assert en.stderr.endswith(
        "The year folder progress/2026 is a link (symlink); dvcq writes through no link. Replace "
        "it with a real folder and run again.\n"
    )
    no_secret(vi, en)


def test_year_folder_linked_inside_is_not_written_through_either(repo: Path) -> None:
    (repo / "progress/2026").rename(repo / "progress/archive-2026")
    (repo / "progress/2026").symlink_to("archive-2026")
    before = (repo / "progress/archive-2026/2026-11.yaml").read_bytes()
    proc = dvcq(*ADD, cwd=repo)
    assert (proc.returncode, proc.stderr) == (1, YEAR_LINK_VI)
    assert (repo / "progress/archive-2026/2026-11.yaml").read_bytes() == before


def test_month_file_that_is_a_link(repo: Path) -> None:
    real = repo / "progress/2026/moved.yaml"
    (repo / MONTH).rename(real)
    (repo / MONTH).symlink_to("moved.yaml")
    before = real.read_bytes()
    proc = dvcq(*ADD, cwd=repo)
    assert (proc.returncode, proc.stderr) == (
        1,
        f"Lỗi: Tệp {MONTH} là liên kết (symlink); dvcq không ghi qua liên kết. Thay nó bằng chính "
        "tệp rồi chạy lại.\n",
    )
    assert real.read_bytes() == before and (repo / MONTH).is_symlink()


def test_fmt_leaves_a_linked_file_alone(repo: Path) -> None:
    real = repo / "progress/2026/moved.yaml"
    (repo / MONTH).rename(real)
    text = real.read_text(encoding="utf-8").replace('{"id": ', '{ "id": ', 1)  # needs formatting
    real.write_text(text, encoding="utf-8")
    (repo / MONTH).symlink_to("moved.yaml")
    proc = dvcq("fmt", str(MONTH), cwd=repo)
    assert proc.returncode == 1
    assert proc.stderr == (
        f"{MONTH}:1: giữ nguyên: Tệp là liên kết (symlink) hoặc nằm trong thư mục liên kết: dvcq "
        "không ghi qua liên kết.\n"
    )
    assert real.read_text(encoding="utf-8") == text and (repo / MONTH).is_symlink()


def test_month_file_that_is_a_folder(repo: Path) -> None:
    (repo / MONTH).unlink()
    (repo / MONTH).mkdir()
    vi = dvcq(*ADD, cwd=repo)
    en = dvcq(*ADD, cwd=repo, lang="en")
    assert (vi.returncode, en.returncode) == (1, 1)
    assert vi.stderr == (
        f"Lỗi: Không ghi thêm vào {MONTH} được: Không đọc được tệp: đây là thư mục, không phải "
        "tệp. Tệp để nguyên.\n"
    )
    assert en.stderr.endswith(
        f"Cannot add to {MONTH}: Cannot read the file: this is a folder, not a file. The file is "
        "left as it was.\n"
    )


UNREADABLE_VI = (
    f"Lỗi: Không ghi thêm vào {MONTH} được: Không đọc được tệp: không có quyền đọc tệp này. Tệp "
    "để nguyên.\n"
)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; see the next test")
def test_month_file_unreadable(repo: Path) -> None:
    (repo / MONTH).chmod(0)
    proc = dvcq(*ADD, cwd=repo)
    assert (proc.returncode, proc.stderr) == (1, UNREADABLE_VI)


def test_month_file_unreadable_as_root_too(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file, so the refusal the OS gives others (EACCES) is given here by os.open."""
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if str(path).endswith(str(MONTH)) and not flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    before = (repo / MONTH).read_bytes()
    monkeypatch.setattr(os, "open", refusing)
    proc = dvcq(*ADD, cwd=repo)
    monkeypatch.undo()
    assert (proc.returncode, proc.stderr) == (1, UNREADABLE_VI)
    assert (repo / MONTH).read_bytes() == before


def test_stale_sweep_survives_a_folder_named_like_a_temp_file(repo: Path) -> None:
    (repo / "progress/2026/.x.tmp").mkdir()
    (repo / "progress/2026/.2026-11.yaml.deadbeef.tmp").write_text("half", encoding="utf-8")
    proc = dvcq(*ADD, cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert (repo / "progress/2026/.x.tmp").is_dir()
    assert not (repo / "progress/2026/.2026-11.yaml.deadbeef.tmp").exists()


# --- one lock, a bounded wait -------------------------------------------------------------------


HOLDERS: dict[Path, int] = {}


@pytest.fixture
def held(repo: Path) -> Iterator[Path]:
    """The progress lock held by this test (another open file: flock conflicts as between two
    processes); `release(repo)` lets go of it early."""
    fd = os.open(repo / "progress/.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    HOLDERS[repo] = fd
    try:
        yield repo
    finally:
        os.close(HOLDERS.pop(repo))


def release(repo: Path) -> None:
    fcntl.flock(HOLDERS[repo], fcntl.LOCK_UN)


def test_lock_wait_in_process_gives_up(held: Path) -> None:
    before = (held / MONTH).read_bytes()
    start = time.monotonic()
    proc = dvcq(*ADD, cwd=held, lang="en", DVCQ_LOCK_TIMEOUT="1.5")
    assert 1.5 <= time.monotonic() - start < 5
    assert proc.returncode == 1
    assert proc.stderr == (
        "Waiting for another process to finish writing (lock progress/.lock), at most 1.5 s…\n"
        "Error: Waited 1.5 s and the lock progress/.lock is still held by another process; "
        "nothing was written. Run again once it is done (DVCQ_LOCK_TIMEOUT sets a longer wait).\n"
    )
    assert (held / MONTH).read_bytes() == before


def test_a_short_wait_is_not_announced(held: Path) -> None:
    proc = dvcq(*ADD, cwd=held, DVCQ_LOCK_TIMEOUT="0.5")
    assert proc.returncode == 1
    assert proc.stderr.startswith("Lỗi: Đã chờ 0.5 giây mà tệp khóa progress/.lock vẫn do")


@pytest.mark.parametrize("value", ["garbage", "-1", "nan", "1e9"])
def test_lock_timeout_must_be_seconds(repo: Path, value: str) -> None:
    proc = dvcq(*ADD, cwd=repo, DVCQ_LOCK_TIMEOUT=value)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"Lỗi: DVCQ_LOCK_TIMEOUT=“{value}” không phải số giây chờ khóa (từ 0 đến 86400).\n"
    )


def _process(*args: str, cwd: Path, **env: str) -> subprocess.Popen[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DVCQ_")}
    environ.update(DVCQ_TODAY="2026-11-27", DVCQ_LANG="vi", DVCQ_NO_CACHE="1", **env)
    return subprocess.Popen(
        [sys.executable, "-m", "dvcq", *args],
        cwd=cwd,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_lock_wait_says_so_and_gives_up(held: Path) -> None:
    start = time.monotonic()
    add = _process(*ADD, cwd=held, DVCQ_LOCK_TIMEOUT="2")
    _out, err = add.communicate(timeout=30)
    assert 2 <= time.monotonic() - start < 15
    assert add.returncode == 1
    assert err == (
        "Đang chờ tiến trình khác ghi xong (khóa progress/.lock), tối đa 2 giây…\n"
        "Lỗi: Đã chờ 2 giây mà tệp khóa progress/.lock vẫn do tiến trình khác giữ; không ghi gì. "
        "Chạy lại khi tiến trình kia xong (đặt DVCQ_LOCK_TIMEOUT để chờ lâu hơn).\n"
    )


@pytest.mark.slow
def test_fmt_and_add_take_one_lock_whatever_the_spelling(held: Path, tmp_path: Path) -> None:
    """`fmt` through a link to the repository and `add` through its real path queue on the one
    lock: while the test holds it neither writes; released, both write and no entry is lost."""
    alias = tmp_path / "alias"
    alias.symlink_to(held)
    month = held / MONTH
    messy = month.read_text(encoding="utf-8").replace('{"id": ', '{ "id": ', 1)
    month.write_text(messy, encoding="utf-8")
    fmt = _process("fmt", str(alias / MONTH), cwd=tmp_path, DVCQ_LOCK_TIMEOUT="30")
    add = _process(*ADD, cwd=held, DVCQ_LOCK_TIMEOUT="30")
    try:
        time.sleep(3)  # both started (0.3 s) and are waiting on the lock
        assert fmt.poll() is None and add.poll() is None
        assert month.read_text(encoding="utf-8") == messy
    finally:
        release(held)
    _fmt_out, fmt_err = fmt.communicate(timeout=30)
    _add_out, add_err = add.communicate(timeout=30)
    assert (fmt.returncode, add.returncode) == (0, 0), fmt_err + add_err
    assert fmt_err.startswith("Đang chờ tiến trình khác ghi xong (khóa ")
    assert add_err.startswith("Đang chờ tiến trình khác ghi xong (khóa progress/.lock)")
    text = month.read_text(encoding="utf-8")
    assert "Đã tiếp 5 lượt công dân" in text  # the entry add reported as written is there
    assert '{ "id": ' not in text  # and fmt's work too
