"""Property-based fuzzing: whatever arrives in a pull request, `dvcq check` ends in 0 or 1.

Random YAML documents and mutated copies of the sample plan (tests/data/sample) and of a progress
file go through the real command (`dvcq.cli.main`, in process, through cli_run.run); exit 3 (an internal error) or an escaping
exception fails the test. CI runs a small budget; DVCQ_FUZZ_EXAMPLES=10000 (bench/fuzz.py) runs
the long one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from cli_run import SAMPLE_PLAN, run, time_limit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PLAN = SAMPLE_PLAN.read_text(encoding="utf-8")
PROGRESS = "".join(
    f'- {{"id": "2026030{i}-0000000{i}", "task": "quy-che-tiep-cong-dan", "date": "2026-03-0{i}", '
    f'"unit": "VP", "status": "hoan-thanh", "result": "Tiếp công dân.", "evidence": ["4{i}/SNgV-VP"], '
    f'"values": {{"luot-tiep-cong-dan": {i}}}, "author": "Văn thư"}}\n'
    for i in range(1, 6)
)
EXAMPLES = int(os.environ.get("DVCQ_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def run_check(folder: Path, *extra: str) -> int:
    done = run("check", "--format", "json", *extra, folder / "plans" / "2026.yaml", cwd=folder)
    assert done.returncode in (0, 1), f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    return done.returncode


def workspace(tmp: Path, plan: str, progress: str | None = None) -> Path:
    shutil.rmtree(tmp / "ws", ignore_errors=True)
    (tmp / "ws" / "plans").mkdir(parents=True)
    (tmp / "ws" / "plans" / "2026.yaml").write_text(plan, encoding="utf-8", errors="surrogatepass")
    if progress is not None:
        (tmp / "ws" / "progress" / "2026").mkdir(parents=True)
        (tmp / "ws" / "progress" / "2026" / "2026-03.yaml").write_text(
            progress, encoding="utf-8", errors="surrogatepass"
        )
    return tmp / "ws"


# --- mutations -------------------------------------------------------------------------------------

text_chars = st.characters(codec="utf-8", exclude_categories=["Cs"])
nasty = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x0b",
        "\ufeff",
        "\u0301",
        ": ",
        "- ",
        "{",
        "[",
        "]",
        "&a ",
        "*a",
        "!!python/object ",
        "'",
        '"',
        "#",
        "\t",
        "\r\n",
        "9" * 400,
        "-1",
        "1e999",
        "~",
        "null",
        "yes",
        "2026-02-31",
        "ǅ",
        # Round two (hostile files): huge integers, hex past the int-str limit, a float past
        # 1e308, lone surrogates (raw and as JSON escapes), terminal escapes, bidi overrides.
        "9" * 5000,
        "0x" + "f" * 3700,
        "1" + "0" * 400 + ".5",
        "\ud800",
        "\\ud800",
        "\x1b]0;pwned\x07",
        "\x1b[2J",
        "\u202e",
        "\u2066",
        "\x85",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, source: str) -> str:
    lines = source.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(
                [
                    "delete",
                    "duplicate",
                    "swap",
                    "truncate",
                    "inject",
                    "replace",
                    "indent",
                    "nest",
                    "long",
                    "cr",
                ]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], line
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = line[: draw(st.integers(0, len(line)))]
        elif op == "inject":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(nasty | st.text(text_chars, max_size=5)) + line[at:]
        elif op == "replace" and ": " in line:
            key = line.split(": ", 1)[0]
            value = draw(
                nasty | st.integers(-(10**30), 10**30).map(str) | st.text(text_chars, max_size=40)
            )
            lines[i] = f"{key}: {value}"
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 7)) + line.lstrip()
        elif op == "nest":
            depth = draw(st.integers(1, 300))
            lines[i] = line + " " + "[" * depth + "]" * depth
        elif op == "long":
            lines[i] = line + "x" * draw(st.integers(1000, 20000))
        elif op == "cr":  # the line endings of an old Mac or a broken editor: CR only
            return "\r".join(lines)
        if not lines:
            lines = [""]
    return "\n".join(lines)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(text_chars, max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "document",
                    "tasks",
                    "owner",
                    "id",
                    "text",
                    "sections",
                    "contents",
                    "units",
                    "refs",
                    "x",
                ]
            )
            | st.text(max_size=6),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@FUZZ
@given(plan=mutated(PLAN))
def test_mutated_plan_never_crashes(tmp_path: Path, plan: str) -> None:
    run_check(workspace(tmp_path, plan))


def run_readers(folder: Path) -> None:
    """The commands that print what the entries say: none may crash on what check accepted."""
    plan = str(folder / "plans" / "2026.yaml")
    for args in (
        ("status", "--format", "json", "--plan", plan),
        ("progress", "list", "--plan", plan),
        ("progress", "list", "--format", "csv", "--plan", plan),
    ):
        done = run(*args, cwd=folder, env={"DVCQ_NO_CACHE": "1"})
        assert done.returncode in (0, 1, 2), (
            f"{args}: exit {done.returncode}: {done.stderr[-2000:]}"
        )
        assert "Traceback" not in done.stderr


@FUZZ
@given(progress=mutated(PROGRESS))
def test_mutated_progress_never_crashes(tmp_path: Path, progress: str) -> None:
    folder = workspace(tmp_path, PLAN, progress)
    run_check(folder)
    run_readers(folder)


# Paths a pull request can commit in place of a plan or progress file: links out of the
# repository, to devices that never end, to a FIFO nobody writes, and to a folder.
SPECIAL = ["/dev/zero", "/dev/stdin", "/proc/self/environ", "fifo", "outside", "folder", "loop"]


@FUZZ
@given(kind=st.sampled_from(SPECIAL), where=st.sampled_from(["plan", "progress"]))
def test_special_files_never_hang_or_leak(tmp_path: Path, kind: str, where: str) -> None:
    folder = workspace(tmp_path, PLAN, PROGRESS)
    target = folder / ("plans/x.yaml" if where == "plan" else "progress/2026/2026-04.yaml")
    outside = tmp_path / "secret.yaml"
    # Its one key would be quoted in an unknown-key message, were the file read.
    secret = "SECRET_7f3a: 1\n" if where == "plan" else '- {"SECRET_7f3a": 1}\n'
    outside.write_text(secret, encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "loop":
        target.symlink_to(target)
    else:
        target.symlink_to(outside if kind == "outside" else kind)
    paths = [] if where == "progress" else [folder / "plans" / "x.yaml"]
    for fmt in ("json", "github"):
        with time_limit(20):  # in process: a hang must fail the test, not stall the suite
            done = run("check", "--format", fmt, *map(str, paths), cwd=folder)
        assert done.returncode in (0, 1), f"exit {done.returncode}: {done.stderr[-2000:]}"
        assert "SECRET_7f3a" not in done.stdout + done.stderr


@FUZZ
@given(document=json_like)
def test_random_yaml_never_crashes(tmp_path: Path, document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    run_check(workspace(tmp_path, text))
    run_check(workspace(tmp_path, PLAN, text))


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    folder = workspace(tmp_path, PLAN)
    (folder / "plans" / "2026.yaml").write_bytes(data)
    run_check(folder)
