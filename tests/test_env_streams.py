"""Output that survives the environment: any terminal encoding, a full disk on stdout, a closed
stdout, and arguments that are not UTF-8. Real processes (the streams and argv are the point)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from cli_run import SAMPLE, SAMPLE_PLAN, SAMPLE_PROGRESS

from dvcq.cli.app import _nearest_char

ROOT = Path(__file__).resolve().parents[1]


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DVCQ_", "PYTHONIO", "LC_"))}
    base.update(DVCQ_TODAY="2026-11-27", DVCQ_LANG="vi", DVCQ_NO_CACHE="1", COLUMNS="80")
    base.update(PYTHONPATH=str(ROOT), **extra)
    return base


def dvcq(*args: str, cwd: Path = SAMPLE, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("env", env())
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "dvcq", *args], cwd=cwd, stderr=subprocess.PIPE, timeout=60, **kwargs
    )


def test_nearest_forms() -> None:
    text = "Lỗi nội bộ: “đơn vị” – kiểm tra…"
    assert "".join(_nearest_char(c, "ascii") if ord(c) > 127 else c for c in text) == (
        'Loi noi bo: "don vi" - kiem tra...'
    )
    cp1258 = "".join(_nearest_char(c, "cp1258") for c in "ộ ờ ữ ễ đ")
    assert cp1258.encode("cp1258") == b"\xf4\xf2 \xf5\xcc \xfd\xde \xea\xde \xf0"
    assert unicodedata.normalize("NFC", cp1258) == "ộ ờ ữ ễ đ"
    assert _nearest_char("ộ", "latin-1") == "o"  # all marks or none, never "ô" (another word)
    assert _nearest_char("★", "ascii") == "\\u2605"
    assert _nearest_char("é", "ascii") == "e" and _nearest_char("\xa0", "ascii") == "\\u00a0"


ENCODINGS = {
    "ascii": ({"PYTHONIOENCODING": "ascii"}, "ascii"),
    "latin-1": ({"PYTHONIOENCODING": "latin-1"}, "latin-1"),
    "C": ({"LC_ALL": "C", "PYTHONUTF8": "0"}, "ascii"),
    "cp1258": ({"PYTHONIOENCODING": "cp1258"}, "cp1258"),
}
CHECK_LAST = {  # the plan, its 11 progress files and the H1 report notes
    "ascii": "Da kiem tra 13 tep: 0 loi, 1 canh bao.",
    "latin-1": "Dã kiem tra 13 tep: 0 loi, 1 canh báo.",
    "C": "Da kiem tra 13 tep: 0 loi, 1 canh bao.",
    "cp1258": "Đã kiểm tra 13 tệp: 0 lỗi, 1 cảnh báo.",
}
COMMANDS = {
    "check": ["check", "plans/2026.yaml"],
    "status": ["status", "--period", "2026-H1"],
    "show": ["show"],
    "rules": ["rules"],
    "progress list": ["progress", "list"],
}


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(ENCODINGS))
def test_any_terminal_encoding(name: str, command: str) -> None:
    extra, codec = ENCODINGS[name]
    done = dvcq(*COMMANDS[command], env=env(**extra))
    assert done.returncode == 0, done.stderr.decode(codec, "replace")
    assert done.stderr == b""
    out = unicodedata.normalize("NFC", done.stdout.decode(codec))  # strict: all encodable
    assert out.strip()
    if command == "check":
        assert out.splitlines()[-1] == CHECK_LAST[name]


FULL = {
    "vi": "Lỗi: Không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy. Kết quả có thể thiếu; chạy "
    "lại khi đầu ra ghi được (ví dụ chuyển vào tệp trên ổ còn chỗ).\n",
    "en": "Error: Cannot write the output to standard output: the disk is full. The output may "
    "be incomplete; run again with an output that can be written (e.g. a file on a disk with "
    "room).\n",
}
PRINTING = [
    *COMMANDS.values(),
    ["--version"],
    ["--help"],
    ["check", "--format", "json", "plans/2026.yaml"],
    ["status", "--format", "json"],
    ["progress", "list", "--format", "csv"],
    ["schema"],
    ["diff", "plans/2026.yaml", "plans/2026.yaml"],
    ["fmt", "--check"],
]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_full_disk_on_stdout(args: list[str], tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    lang = "en" if args[0] == "rules" else "vi"
    with open("/dev/full", "w") as full:
        done = dvcq(*args, "--lang", lang, cwd=tmp_path / "ws", stdout=full)
    assert (done.returncode, done.stderr.decode()) == (1, FULL[lang])


CLOSED = {
    "vi": "Lỗi: Đầu ra chuẩn (stdout) đã bị đóng; dvcq không chạy lệnh. Chạy lại với đầu ra mở, "
    "hoặc chuyển nó vào tệp hay /dev/null.\n",
    "en": "Error: Standard output is closed; dvcq ran nothing. Run again with an open output, or "
    "redirect it to a file or /dev/null.\n",
}


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["check", "plans/2026.yaml"], ["status"], ["rules", "--lang", "en"], ["--version"]]
)
def test_a_closed_stdout(args: list[str]) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "dvcq", *args],
        cwd=SAMPLE,
        env=env(),
        stderr=subprocess.PIPE,
        timeout=60,
    )
    lang = "en" if "en" in args else "vi"
    assert (done.returncode, done.stderr.decode()) == (1, CLOSED[lang])


def not_utf8(option: str, lang: str) -> str:
    if lang == "vi":
        return (
            f"Lỗi: Giá trị của {option} không phải văn bản UTF-8 (“\\xff”); gõ lại giá trị, hoặc "
            "đặt máy dùng UTF-8 (ví dụ LANG=C.UTF-8).\n"
        )
    return (
        f"Error: The value of {option} is not UTF-8 text (“\\xff”); type it again, or set the "
        "system to UTF-8 (e.g. LANG=C.UTF-8).\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("form", ["apart", "joined"])
def test_arguments_that_are_not_utf8(tmp_path: Path, lang: str, form: str) -> None:
    bad = os.fsdecode(b"\xff")
    (tmp_path / "plans").mkdir()
    shutil.copy(SAMPLE_PLAN, tmp_path / "plans")
    shutil.copytree(SAMPLE_PROGRESS, tmp_path / "progress")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = ["--result", bad] if form == "apart" else [f"--result={bad}"]
    add = dvcq(
        "progress",
        "add",
        "theo-doi-don-doc-bao-cao",
        "--unit",
        "VP",
        "--date",
        "2026-06-01",
        "--status",
        "hoan-thanh",
        *result,
        "--author",
        "A",
        "--yes",
        "--lang",
        lang,
        cwd=tmp_path,
    )
    assert (add.returncode, add.stdout, add.stderr.decode()) == (2, b"", not_utf8("--result", lang))
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    init = dvcq(
        "init",
        "new",
        "--agency",
        bad,
        "--code",
        "SNgV",
        "--superior",
        "UBND",
        "--year",
        "2027",
        "--lang",
        lang,
        cwd=tmp_path,
    )
    assert (init.returncode, init.stdout, init.stderr.decode()) == (
        2,
        b"",
        not_utf8("--agency", lang),
    )
    assert not (tmp_path / "new").exists()
