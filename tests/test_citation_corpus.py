"""Citations as real plans of the genre write them: Party, State and joint forms, symbols with
spaces, several agencies. `tests/data/citations/real-wording.yaml` must check clean; each broken
copy (one sentence changed) must give exactly the expected problem at the symbol it concerns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import ROOT, run

from dvcq.symbols import Citation, find_citations, spaced_symbols

CORPUS = ROOT / "tests" / "data" / "citations" / "real-wording.yaml"
JOINT = "05-CTrPH/BDVTU-BCSĐ UBND tỉnh"


def problems(path: Path, cwd: Path) -> tuple[int, list[tuple[str, int, int, str]]]:
    proc = run("check", "--format", "json", path, cwd=cwd)
    report = json.loads(proc.stdout)
    found = [(p["rule"], p["line"], p["column"], p["message"]) for p in report["problems"]]
    return proc.returncode, found


def test_real_wording_draws_no_problem(tmp_path: Path) -> None:
    assert problems(CORPUS, tmp_path) == (0, [])


# (line, written, changed to, rule, line, column, words of the message)
BROKEN = [
    (21, "ngày 12/5/2023", "ngày 12/6/2023", "citation-date-mismatch", 21, 43, "ngày 12/6/2023"),
    (
        21,
        "Chương trình phối hợp số",
        "Quy chế phối hợp số",
        "citation-type-mismatch",
        21,
        38,
        JOINT,
    ),
    (
        21,
        "BCSĐ UBND tỉnh ngày",
        "BCSĐ ngày",
        "citation-unregistered",
        21,
        43,
        "05-CTrPH/BDVTU-BCSĐ”",
    ),
    (21, "ngày 12/5/2023", "ngày 31/2/2023", "invalid-date", 21, 43, "31/2/2023"),
    (24, "ngày 20/3/2024", "ngày 20/3/2023", "citation-date-mismatch", 24, 43, "161-CTr/BDVTU-SNV"),
    (
        27,
        "Quy định số 11-QĐi",
        "Quyết định số 11-QĐi",
        "citation-type-mismatch",
        27,
        32,
        "quy định",
    ),
    (
        34,
        "Thông báo kết luận số 45",
        "Kết luận số 45",
        "citation-type-mismatch",
        34,
        95,
        "45-TB/TU",
    ),
    (34, "ngày 10-5-2022", "ngày 11-5-2022", "citation-date-mismatch", 34, 167, "ngày 11/5/2022"),
    (45, "12/5/2023 (đã dẫn)", "21/5/2023 (đã dẫn)", "citation-date-mismatch", 45, 114, JOINT),
]


@pytest.mark.parametrize(("at", "old", "new", "rule", "line", "col", "words"), BROKEN)
def test_one_broken_sentence_gives_one_problem(
    tmp_path: Path, at: int, old: str, new: str, rule: str, line: int, col: int, words: str
) -> None:
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    assert old in lines[at - 1]
    lines[at - 1] = lines[at - 1].replace(old, new, 1)
    broken = tmp_path / "plan.yaml"
    broken.write_text("\n".join(lines), encoding="utf-8")
    _, found = problems(broken, tmp_path)
    assert [(r, ln, c) for r, ln, c, _ in found] == [(rule, line, col)]
    assert words in found[0][3]


def test_a_spaced_symbol_is_found_whole_with_its_date() -> None:
    text = f"Căn cứ Chương trình phối hợp số {JOINT}, ngày 12/5/2023 giữa hai cơ quan"
    spaced = spaced_symbols(["918/KH-UBND", JOINT])
    assert spaced == (JOINT,)
    assert find_citations(text, spaced) == (
        Citation("Chương trình phối hợp", JOINT, (2023, 5, 12), 7, 32),
    )
    # Unknown to the registry, the symbol ends at the space and no date follows it.
    assert find_citations(text) == (
        Citation("Chương trình phối hợp", "05-CTrPH/BDVTU-BCSĐ", None, 7, 32),
    )
    # The registered words must follow whole: "UBND" alone is not the registered symbol.
    assert find_citations(text.replace(" tỉnh", ""), spaced)[0].symbol == "05-CTrPH/BDVTU-BCSĐ"
    assert find_citations(text.replace(" tỉnh", " tỉnhX"), spaced)[0].symbol == (
        "05-CTrPH/BDVTU-BCSĐ"
    )
