"""Document symbols (domain.md §2): the hand-written parser, checked against the grammar written
as regular expressions, on the documented examples and on generated strings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvcq.symbols import PARTY_TYPES, STATE_TYPES, find_citations, normalise, parse_symbol

# The grammar of domain.md §2 as regular expressions: the reference the parser must agree with.
_NUM = r"(?P<num>\d+[a-zA-Z]?)"
_CODE = r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*"
_CODES = rf"{_CODE}(?:-{_CODE})*"
FORMS = [
    ("normative", re.compile(rf"{_NUM}/(?P<year>\d{{4}})/(?P<type>{_CODE})-(?P<issuer>{_CODES})")),
    ("law", re.compile(rf"{_NUM}/(?P<year>\d{{4}})/(?P<type>QH)(?P<issuer>\d+)")),
    ("state", re.compile(rf"(?P<num>\d+[a-zA-Z]?)?/(?P<type>{_CODE})-(?P<issuer>{_CODES})")),
    ("party", re.compile(rf"{_NUM}-(?P<type>{_CODE})/(?P<issuer>{_CODES})(?: [^\s].*)?")),
]


def reference(text: str) -> tuple[str, str, str, str, int | None] | None:
    clean = normalise(text)
    for kind, pattern in FORMS:
        m = pattern.fullmatch(clean)
        if not m:
            continue
        number, typ, issuer = m.group("num") or "", m.group("type"), m.group("issuer")
        if kind == "normative":
            return (kind, number, typ, issuer, int(m["year"])) if typ in STATE_TYPES else None
        if kind == "law":
            return (kind, number, "QH", "QH" + issuer, int(m["year"]))
        if kind == "party":
            return (kind, number, typ, issuer, None) if typ in PARTY_TYPES else None
        if typ == "VBHN":
            return ("consolidated", number, typ, issuer, None)
        if typ in STATE_TYPES:
            return (kind, number, typ, issuer, None)
        return ("congvan", number, "", f"{typ}-{issuer}", None)
    return None


def parsed(text: str) -> tuple[str, str, str, str, int | None] | None:
    s = parse_symbol(text)
    return None if s is None else (s.kind, s.number, s.type, s.issuer, s.year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("918/KH-UBND", ("state", "918", "KH", "UBND", None)),
        ("16/CT-TTg", ("state", "16", "CT", "TTg", None)),
        ("/KH-SNgV", ("state", "", "KH", "SNgV", None)),  # a draft: number blank
        ("30c/NQ-CP", ("state", "30c", "NQ", "CP", None)),
        ("05/BNV-VP", ("congvan", "05", "", "BNV-VP", None)),
        ("12/SNV-CCHC&PC", ("congvan", "12", "", "SNV-CCHC&PC", None)),
        ("20/2008/NĐ-CP", ("normative", "20", "NĐ", "CP", 2008)),
        ("02/2009/TTLT-BNG-BNV", ("normative", "02", "TTLT", "BNG-BNV", 2009)),
        ("89/2015/QH13", ("law", "89", "QH", "QH13", 2015)),
        ("10271/VBHN-VPCP", ("consolidated", "10271", "VBHN", "VPCP", None)),
        ("23-QĐ/TW", ("party", "23", "QĐ", "TW", None)),
        ("1573-KH/BDVTW-BCSĐCP", ("party", "1573", "KH", "BDVTW-BCSĐCP", None)),
        ("05-CTrPH/BDVTU-BCSĐ UBND tỉnh", ("party", "05", "CTrPH", "BDVTU-BCSĐ", None)),
        ("367 - QĐ/TWĐTN-VP", ("party", "367", "QĐ", "TWĐTN-VP", None)),  # spaces normalised
        ("918-KH-UBND", None),
        ("918/KH", None),
        ("abc/KH-UBND", None),
        ("12/2020/XYZ-ABC", None),  # a year but no normative type
        ("23-XX/TW", None),  # not a Party kind
    ],
)
def test_documented_examples(text: str, expected: object) -> None:
    assert parsed(text) == expected
    assert parsed(text) == reference(text)


symbolish = st.text(alphabet="0123456789/- &abcQHKĐđTWUBNDSgVCPLVBHNTTtg\n", max_size=24)


@settings(max_examples=3000, deadline=None)
@given(text=symbolish)
def test_parser_agrees_with_the_grammar(text: str) -> None:
    assert parsed(text) == reference(text)


def test_citations_in_the_source_plan() -> None:
    text = "Thực hiện Kế hoạch số 918/KH-UBND ngày 31/3/2026 và Nghị định số 10271/VBHN-VPCP, ngày 27/9/2017"
    found = [(c.word, c.symbol, c.date) for c in find_citations(text)]
    assert found == [
        ("Kế hoạch", "918/KH-UBND", (2026, 3, 31)),
        ("Nghị định", "10271/VBHN-VPCP", (2017, 9, 27)),
    ]
