"""`dvcq fmt`'s exit codes (run in-process), and the sweep of temporary files a killed writer left
in a progress year folder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from board_plan import entry

from dvcq import i18n
from dvcq.cli import main
from dvcq.progress.store import HEADER
from dvcq.progress.writing import append_entry

MINIMAL = Path(__file__).resolve().parent / "data" / "minimal.yaml"
CANONICAL = entry("20260301-0a0b0c0d", "theo-doi-don-doc", "2026-03-01").to_line()
# The same entry by hand: keys in another order, other spacing.
REORDERED = (
    "- "
    + json.dumps(
        {
            "task": "theo-doi-don-doc",
            "id": "20260301-0a0b0c0d",
            "date": "2026-03-01",
            "unit": "VP",
            "status": "dang-thuc-hien",
            "result": "Kết quả.",
            "author": "A",
        },
        ensure_ascii=False,
    )
    + "\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DVCQ_TODAY", "2026-11-27")
    monkeypatch.setenv("DVCQ_LANG", "vi")
    monkeypatch.chdir(tmp_path)
    saved = list(i18n._current)
    yield tmp_path
    i18n._current[:] = saved


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_.value.code
    return (code if isinstance(code, int) else 0), out, err


def progress_file(root: Path, text: str) -> Path:
    path = root / "progress" / "2026" / "2026-03.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes((HEADER + text).encode("utf-8"))
    return path


def test_check_on_a_formatted_file_exits_0(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = progress_file(here, CANONICAL)
    assert run(capsys, "fmt", "--check") == (0, "0 tệp cần định dạng lại, 1 tệp không đổi.\n", "")
    assert path.read_text(encoding="utf-8") == HEADER + CANONICAL


def test_check_on_a_file_needing_changes_exits_1_and_writes_nothing(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = progress_file(here, REORDERED)
    before = path.read_bytes()
    code, out, err = run(capsys, "fmt", "--check", "progress")
    assert (code, err) == (1, "")
    assert out == (
        "Cần định dạng lại: progress/2026/2026-03.yaml\n1 tệp cần định dạng lại, 0 tệp không đổi.\n"
    )
    assert path.read_bytes() == before


def test_fmt_rewrites_and_exits_0(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = progress_file(here, REORDERED)
    code, out, err = run(capsys, "fmt", "progress")
    assert (code, err) == (0, "")
    assert (
        out
        == "Đã định dạng lại: progress/2026/2026-03.yaml\nĐã định dạng lại 1 tệp, 0 tệp không đổi.\n"
    )
    assert path.read_text(encoding="utf-8") == HEADER + CANONICAL
    assert run(capsys, "fmt", "--check", "progress")[0] == 0


def test_a_line_left_alone_exits_1_even_when_writing(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = CANONICAL.replace('"author": "A"', '"author": "A", "extra": 1')
    path = progress_file(here, unknown)
    code, _, err = run(capsys, "fmt", "progress")
    assert code == 1
    assert err.startswith("progress/2026/2026-03.yaml:3: giữ nguyên: ")
    assert path.read_text(encoding="utf-8") == HEADER + unknown


# --- the stale-temp sweep -------------------------------------------------------------------------

STALE = [".2026-03.yaml.1a2b3c4d.tmp", ".2026-04.yaml.deadbeef.tmp"]
KEPT = ["ghi-chu.tmp", ".gitkeep", ".2026-03.yaml.bak", "2026-02.yaml"]


def year_folder(root: Path) -> Path:
    folder = root / "2026"
    folder.mkdir(parents=True)
    for name in [*STALE, *KEPT]:
        (folder / name).write_text("x", encoding="utf-8")
    return folder


def test_append_sweeps_stale_temp_files_only(tmp_path: Path) -> None:
    folder = year_folder(tmp_path / "progress")
    other_year = tmp_path / "progress" / "2025"
    other_year.mkdir()
    (other_year / ".2025-03.yaml.00000000.tmp").write_text("x", encoding="utf-8")
    append_entry(
        tmp_path / "progress", 2026, entry("20260301-0a0b0c0d", "theo-doi-don-doc", "2026-03-01")
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted([*KEPT, "2026-03.yaml"])
    assert (other_year / ".2025-03.yaml.00000000.tmp").exists()  # only the year written to


def test_progress_add_sweeps(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "plans").mkdir()
    shutil.copy(MINIMAL, here / "plans" / "2026.yaml")
    folder = year_folder(here / "progress")
    words = ["--unit", "VP", "--date", "2026-03-10", "--status", "dang-thuc-hien"]
    code, _, err = run(
        capsys,
        "progress",
        "add",
        "theo-doi-don-doc",
        *words,
        "--result",
        "Đã làm.",
        "--author",
        "A",
        "--yes",
    )
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*KEPT, "2026-03.yaml"])
