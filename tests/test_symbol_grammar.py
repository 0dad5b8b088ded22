"""Edges of the symbol grammar (NĐ 30/2020 Phụ lục III; Party practice) and of citations in prose.

Near-valid symbols come from a small structured generator: five valid symbols taken apart into
number, year, type and issuer, each put back together with exactly one mutation. The expected parse
of every (symbol, mutation) pair is written out by hand in EXPECTED."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from dvcq.symbols import Citation, Symbol, find_citations, parse_symbol


@dataclass(frozen=True)
class Parts:
    form: str  # "state" (N/TYPE-ISSUER), "normative" (N/YYYY/TYPE-ISSUER), "party" (N-TYPE/ISSUER)
    number: str
    type: str
    issuer: str
    year: str = ""
    slash: str = "/"
    dash: str = "-"
    tail: str = ""

    def text(self) -> str:
        s, d = self.slash, self.dash
        if self.form == "party":
            body = f"{self.number}{d}{self.type}{s}{self.issuer}"
        elif self.form == "normative":
            body = f"{self.number}{s}{self.year}/{self.type}{d}{self.issuer}"
        else:
            body = f"{self.number}{s}{self.type}{d}{self.issuer}"
        return body + self.tail


BASES = {
    "918/KH-UBND": Parts("state", "918", "KH", "UBND"),
    "20/2008/NĐ-CP": Parts("normative", "20", "NĐ", "CP", "2008"),
    "10271/VBHN-VPCP": Parts("state", "10271", "VBHN", "VPCP"),
    "05-CTr/TU": Parts("party", "05", "CTr", "TU"),
    "30/2020/NĐ-CP": Parts("normative", "30", "NĐ", "CP", "2020"),
}
MUTATIONS: dict[str, Callable[[Parts], Parts]] = {
    "drop-number": lambda p: replace(p, number=""),
    "double-slash": lambda p: replace(p, slash="//"),
    "lower-type": lambda p: replace(p, type=p.type.lower()),
    "space-in-type": lambda p: replace(p, type=f"{p.type[0]} {p.type[1:]}"),
    "spaced-separators": lambda p: replace(p, slash="  /  ", dash="  -  "),
    "en-dash": lambda p: replace(p, dash="–"),
    "trailing-dot": lambda p: replace(p, tail="."),
    "number-letter": lambda p: replace(p, number=p.number + "a"),
    "number-letter-Đ": lambda p: replace(p, number=p.number + "Đ"),
    "drop-issuer": lambda p: replace(p, issuer=""),
    "drop-dash": lambda p: replace(p, dash=""),
    "unknown-type": lambda p: replace(p, type="XY"),
}


def S(text: str, kind: str, number: str, type: str, issuer: str, year: int | None = None) -> Symbol:
    return Symbol(text, kind, number, type, issuer, year)


N = None
EXPECTED: dict[tuple[str, str], Symbol | None] = {
    # drop the number: a draft (number not yet issued) is fine in N/TYPE-ISSUER forms only
    ("918/KH-UBND", "drop-number"): S("/KH-UBND", "state", "", "KH", "UBND"),
    ("20/2008/NĐ-CP", "drop-number"): N,
    ("10271/VBHN-VPCP", "drop-number"): S("/VBHN-VPCP", "consolidated", "", "VBHN", "VPCP"),
    ("05-CTr/TU", "drop-number"): N,
    ("30/2020/NĐ-CP", "drop-number"): N,
    # a doubled slash fits no form
    **{(base, "double-slash"): N for base in BASES},
    # types are case-sensitive: a lower-case type is no state type, so N/xx-YY reads as a công văn
    ("918/KH-UBND", "lower-type"): S("918/kh-UBND", "congvan", "918", "", "kh-UBND"),
    ("20/2008/NĐ-CP", "lower-type"): N,
    ("10271/VBHN-VPCP", "lower-type"): S("10271/vbhn-VPCP", "congvan", "10271", "", "vbhn-VPCP"),
    ("05-CTr/TU", "lower-type"): N,
    ("30/2020/NĐ-CP", "lower-type"): N,
    # a space inside a code is not a separator's space
    **{(base, "space-in-type"): N for base in BASES},
    # spaces around separators are dropped (`367 - QĐ/TW`), and the text is the clean one
    ("918/KH-UBND", "spaced-separators"): S("918/KH-UBND", "state", "918", "KH", "UBND"),
    ("20/2008/NĐ-CP", "spaced-separators"): S("20/2008/NĐ-CP", "normative", "20", "NĐ", "CP", 2008),
    ("10271/VBHN-VPCP", "spaced-separators"): S(
        "10271/VBHN-VPCP", "consolidated", "10271", "VBHN", "VPCP"
    ),
    ("05-CTr/TU", "spaced-separators"): S("05-CTr/TU", "party", "05", "CTr", "TU"),
    ("30/2020/NĐ-CP", "spaced-separators"): S("30/2020/NĐ-CP", "normative", "30", "NĐ", "CP", 2020),
    # an en-dash is not a hyphen, a trailing dot is not part of a code
    **{(base, "en-dash"): N for base in BASES},
    **{(base, "trailing-dot"): N for base in BASES},
    # one ASCII letter after the digits is a number (`30c`), but not Đ
    ("918/KH-UBND", "number-letter"): S("918a/KH-UBND", "state", "918a", "KH", "UBND"),
    ("20/2008/NĐ-CP", "number-letter"): S("20a/2008/NĐ-CP", "normative", "20a", "NĐ", "CP", 2008),
    ("10271/VBHN-VPCP", "number-letter"): S(
        "10271a/VBHN-VPCP", "consolidated", "10271a", "VBHN", "VPCP"
    ),
    ("05-CTr/TU", "number-letter"): S("05a-CTr/TU", "party", "05a", "CTr", "TU"),
    ("30/2020/NĐ-CP", "number-letter"): S("30a/2020/NĐ-CP", "normative", "30a", "NĐ", "CP", 2020),
    **{(base, "number-letter-Đ"): N for base in BASES},
    **{(base, "drop-issuer"): N for base in BASES},
    **{(base, "drop-dash"): N for base in BASES},
    # an unknown type: a công văn in the N/X-Y form, nothing in the others
    ("918/KH-UBND", "unknown-type"): S("918/XY-UBND", "congvan", "918", "", "XY-UBND"),
    ("20/2008/NĐ-CP", "unknown-type"): N,
    ("10271/VBHN-VPCP", "unknown-type"): S("10271/XY-VPCP", "congvan", "10271", "", "XY-VPCP"),
    ("05-CTr/TU", "unknown-type"): N,
    ("30/2020/NĐ-CP", "unknown-type"): N,
}
PAIRS = [(base, name) for base in BASES for name in MUTATIONS]


def test_the_table_covers_every_pair() -> None:
    assert set(EXPECTED) == set(PAIRS)


@pytest.mark.parametrize("base", list(BASES))
def test_generator_rebuilds_the_valid_symbols(base: str) -> None:
    assert BASES[base].text() == base
    parsed = parse_symbol(base)
    assert parsed is not None and parsed.text == base


@pytest.mark.parametrize(("base", "mutation"), PAIRS)
def test_near_valid(base: str, mutation: str) -> None:
    text = MUTATIONS[mutation](BASES[base]).text()
    assert parse_symbol(text) == EXPECTED[base, mutation], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("918/KH-UBND", S("918/KH-UBND", "state", "918", "KH", "UBND")),
        ("  918/KH-UBND  ", S("918/KH-UBND", "state", "918", "KH", "UBND")),
        ("45/SNgV-VP", S("45/SNgV-VP", "congvan", "45", "", "SNgV-VP")),
        ("45/SNV-VP", S("45/SNV-VP", "congvan", "45", "", "SNV-VP")),  # never upper-cased
        ("59/2020/QH14", S("59/2020/QH14", "law", "59", "QH", "QH14", 2020)),
        ("59/2020/QH", N),
        ("20/208/NĐ-CP", N),  # a three-digit year
        ("20/2008/ND-CP", N),  # D for Đ
        ("01-HD/TU-UBND", S("01-HD/TU-UBND", "party", "01", "HD", "TU-UBND")),
        ("05-CTr/TU BCS", S("05-CTr/TU BCS", "party", "05", "CTr", "TU")),
        ("918-KH-UBND", N),
        ("918", N),
        ("", N),
    ],
)
def test_other_symbols(text: str, expected: Symbol | None) -> None:
    assert parse_symbol(text) == expected


def test_draft() -> None:
    draft = parse_symbol("/KH-SNgV")
    assert draft is not None and draft.draft
    issued = parse_symbol("12/KH-SNgV")
    assert issued is not None and not issued.draft


# --- citations in prose -------------------------------------------------------------------------


def C(word: str, symbol: str, date: tuple[int, int, int] | None, at: int, sym_at: int) -> Citation:
    return Citation(word, symbol, date, at, sym_at)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quán triệt Kế hoạch số 918/KH-UBND ngày 31/3/2026 của UBND tỉnh.",
            [C("Kế hoạch", "918/KH-UBND", (2026, 3, 31), 11, 23)],
        ),
        (
            "theo Kế hoạch  số  918/KH-UBND  ngày 31/3/2026",  # double spaces
            [C("Kế hoạch", "918/KH-UBND", (2026, 3, 31), 5, 19)],
        ),
        ("Kế hoạch Số 918/KH-UBND.", [C("Kế hoạch", "918/KH-UBND", None, 0, 12)]),
        ("kế hoạch số 918/KH-UBND", [C("kế hoạch", "918/KH-UBND", None, 0, 12)]),
        ("Kế hoạch số918/KH-UBND", []),  # no space after "số": not a citation
        ("Theo số liệu của Kế hoạch số918/KH-UBND", []),  # the same, past the quick test
        ("Kế hoạch số 918/KH-UBND.", [C("Kế hoạch", "918/KH-UBND", None, 0, 12)]),
        (
            "Nghị định số 30/2020/NĐ-CP, ngày 5/3/2020",
            [C("Nghị định", "30/2020/NĐ-CP", (2020, 3, 5), 0, 13)],
        ),
        ("Quyết định số 367 - QĐ/TW", [C("Quyết định", "367-QĐ/TW", None, 0, 14)]),
        (
            "Thông tư liên tịch số 01/2015/TTLT-BNV",
            [C("Thông tư liên tịch", "01/2015/TTLT-BNV", None, 0, 22)],
        ),
        (
            "Kế hoạch số 918/KH-UBND và Công văn số 45/SNgV-VP",
            [
                C("Kế hoạch", "918/KH-UBND", None, 0, 12),
                C("Công văn", "45/SNgV-VP", None, 27, 39),
            ],
        ),
        ("Số 918/KH-UBND", []),  # no type word
        ("Kế hoạch 918/KH-UBND", []),  # no "số"
    ],
)
def test_citations(text: str, expected: list[Citation]) -> None:
    assert list(find_citations(text)) == expected


# The quick test in find_citations once looked only for " số " and " Số ", while the pattern takes
# any case and any white space: these citations were dropped without a word.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("KẾ HOẠCH SỐ 918/KH-UBND", id="upper-case-SO"),
        pytest.param("Kế hoạch số\xa0918/KH-UBND", id="no-break-space"),
        pytest.param("Kế hoạch\nsố 918/KH-UBND", id="line-break"),
        pytest.param("Kế hoạch số 918/KH-UBND", id="plain"),
    ],
)
def test_citations_the_pattern_allows_are_found(text: str) -> None:
    (cite,) = find_citations(text)
    assert cite.symbol == "918/KH-UBND"
