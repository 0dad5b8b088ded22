"""Document numbers and symbols (số, ký hiệu), and the type words that name documents.

The grammar follows Nghị định 30/2020 (Phụ lục III) for state documents and Party practice for
Party documents; see docs/domain.md §2. These are national conventions, not an agency's data.
Symbols are never upper-cased: `SNgV` (Sở Ngoại vụ) and `SNV` (Sở Nội vụ) differ only by case.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dvcq.record import record

# Type abbreviations of state documents: NĐ 30/2020 Phụ lục III, plus the normative kinds.
STATE_TYPES = frozenset(
    [
        "KH",
        "BC",
        "CT",
        "NQ",
        "QĐ",
        "QC",
        "QyĐ",
        "TB",
        "TC",
        "HD",
        "CTr",
        "PA",
        "ĐA",
        "DA",
        "TTr",
        "BB",
        "HĐ",
        "CĐ",
        "BGN",
        "BTT",
        "GUQ",
        "GM",
        "GGT",
        "GNP",
        "PG",
        "PC",
        "PB",
        "SY",
        "TrS",
        "SL",
        "NĐ",
        "TT",
        "TTLT",
        "NQLT",
        "VBHN",
        "L",
        "PL",
        "LCT",
    ]
)
# Kinds of Party documents seen in symbols (the part before the slash).
PARTY_TYPES = frozenset(
    [
        "NQ",
        "QĐ",
        "QyĐ",
        "CT",
        "KL",
        "KH",
        "HD",
        "CTr",
        "CV",
        "TB",
        "BC",
        "TT",
        "QC",
        "TTr",
        "CTrPH",
        "QCPH",
        "QĐi",  # quy định, told apart from quyết định QĐ (Hướng dẫn 36-HD/VPTW) [S]
        "NQLT",
        "HDLT",
    ]
)

# Which abbreviations each type word may carry. A word missing here is not checked.
TYPE_WORDS: dict[str, frozenset[str]] = {
    "Kế hoạch": frozenset({"KH"}),
    "Báo cáo": frozenset({"BC"}),
    "Chỉ thị": frozenset({"CT"}),
    "Nghị quyết": frozenset({"NQ", "QH"}),
    "Nghị quyết liên tịch": frozenset({"NQLT"}),
    "Nghị định": frozenset({"NĐ"}),
    "Quyết định": frozenset({"QĐ"}),
    "Quy định": frozenset({"QyĐ", "QĐ", "QĐi"}),
    "Quy chế": frozenset({"QC"}),
    # A joint text is numbered in the series of one of its signers, so its symbol may carry the
    # plain kind: "Chương trình phối hợp số 161-CTr/…", "Quy chế phối hợp số 02-QC/…".
    "Quy chế phối hợp": frozenset({"QCPH", "QC"}),
    "Thông báo": frozenset({"TB"}),
    "Thông tư": frozenset({"TT"}),
    "Thông tư liên tịch": frozenset({"TTLT"}),
    "Thông tri": frozenset({"TT"}),
    "Hướng dẫn": frozenset({"HD"}),
    "Hướng dẫn liên tịch": frozenset({"HDLT", "HD"}),
    "Chương trình": frozenset({"CTr"}),
    "Chương trình hành động": frozenset({"CTr"}),
    "Chương trình phối hợp": frozenset({"CTrPH", "CTr"}),
    "Thông báo kết luận": frozenset({"TB"}),
    "Kết luận": frozenset({"KL"}),
    "Tờ trình": frozenset({"TTr"}),
    "Đề án": frozenset({"ĐA"}),
    "Phương án": frozenset({"PA"}),
    "Công điện": frozenset({"CĐ"}),
    "Văn bản hợp nhất": frozenset({"VBHN"}),
    "Luật": frozenset({"QH", "L"}),
    "Pháp lệnh": frozenset({"PL"}),
    "Công văn": frozenset({"", "CV"}),
}

# Characters of the codes in a symbol (`KH`, `SNgV`, `CCHC&PC`, `QĐ`): a letter first.
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzĐđ")
_CODE_CHARS = _LETTERS | frozenset("0123456789&")
_SPACES = re.compile(r"\s*([/-])\s*")


@record(frozen=True, slots=True)
class Symbol:
    """A document symbol taken apart by the grammar."""

    text: str
    kind: str  # state | congvan | normative | law | consolidated | party
    number: str  # "" for a draft whose number is not yet issued
    type: str  # the type abbreviation, "" for a công văn
    issuer: str
    year: int | None = None

    @property
    def draft(self) -> bool:
        return self.number == ""


def normalise(text: str) -> str:
    """Real-world text puts spaces around separators (`367 - QĐ/TW`): drop them."""
    return _SPACES.sub(r"\1", text.strip())


def parse_symbol(text: str) -> Symbol | None:
    """Parse a symbol by the grammar of domain.md §2; None when it fits no form.

    Written by hand rather than as regular expressions: it runs on every `dvcq check`, and
    compiling the four patterns cost more than all the parsing a plan needs.
    """
    clean = normalise(text)
    head, slash, rest = clean.partition("/")
    if not slash:
        return None
    if "-" in head:  # Party: N-TYPE/BODY[-BODY2], joint symbols may end in free text
        number, _, typ = head.partition("-")
        bodies, space, free = rest.partition(" ")
        free_ok = not space or (free[:1].strip() != "" and "\n" not in free)
        if _number(number) and _code(typ) and _codes(bodies) and free_ok and typ in PARTY_TYPES:
            return Symbol(clean, "party", number, typ, bodies)
        return None
    if "/" in rest:  # N/YYYY/TYPE-AGENCY (normative) or N/YYYY/QHk (law)
        year, _, tail = rest.partition("/")
        if not (_number(head) and len(year) == 4 and year.isdecimal()):
            return None
        if tail.startswith("QH") and tail[2:].isdecimal():
            return Symbol(clean, "law", head, "QH", tail, int(year))
        typ, dash, issuer = tail.partition("-")
        if dash and _code(typ) and _codes(issuer) and typ in STATE_TYPES:
            return Symbol(clean, "normative", head, typ, issuer, int(year))
        return None
    if head and not _number(head):  # N/TYPE-AGENCY[-UNIT], the number blank in a draft
        return None
    typ, dash, issuer = rest.partition("-")
    if not (dash and _code(typ) and _codes(issuer)):
        return None
    if typ == "VBHN":
        return Symbol(clean, "consolidated", head, typ, issuer)
    if typ in STATE_TYPES:
        return Symbol(clean, "state", head, typ, issuer)
    # No known type after the slash: a công văn, whose symbol is agency code + unit code.
    return Symbol(clean, "congvan", head, "", f"{typ}-{issuer}")


def _number(text: str) -> bool:
    """`918`, `30c`: digits, then at most one ASCII letter."""
    digits = text[:-1] if text[-1:] in _LETTERS and text[-1:] not in "Đđ" else text
    return digits.isdecimal()


def _code(text: str) -> bool:
    return text[:1] in _LETTERS and all(c in _CODE_CHARS for c in text)


def _codes(text: str) -> bool:
    return all(_code(part) for part in text.split("-"))


def word_matches(word: str, symbol: Symbol) -> bool:
    """Whether a type word ("Nghị định") fits the symbol's type; unknown words pass."""
    allowed = TYPE_WORDS.get(_canonical_word(word))
    if allowed is None:
        return True
    return symbol.type in allowed


def type_word_of(symbol: Symbol) -> str:
    """The usual type word for a symbol's type, for hints ("" when several or none fit)."""
    return type_word_for(symbol.type)


def type_word_for(code: str) -> str:
    """The usual type word of a type code (`Kế hoạch` for `KH`), "" when several or none fit."""
    words = [w for w, abbrs in TYPE_WORDS.items() if code in abbrs]
    # "Chương trình phối hợp" may carry CTr too, but a CTr is called a "Chương trình".
    words = [w for w in words if not any(w.startswith(f"{o} ") for o in words)]
    return words[0] if len(words) == 1 else ""


def _canonical_word(word: str) -> str:
    word = " ".join(word.split())
    return word[:1].upper() + word[1:].lower()


# A citation in prose: `<type word> số <symbol>[,] [ngày d/m/yyyy]`. The symbol the pattern
# takes ends at the first space; a registered symbol that goes on after a space (a joint Party
# symbol, `05-CTrPH/BDVTU-BCSĐ UBND tỉnh`) is taken whole when the prose writes it whole, and the
# date is looked for after its end.
_WORDS = "|".join(sorted((re.escape(w) for w in TYPE_WORDS), key=len, reverse=True))
CITATION = re.compile(
    rf"(?P<word>{_WORDS})\s+số\s+(?P<symbol>[\w&]+(?:\s?[/-]\s?[\w&]+)*)",
    re.IGNORECASE,
)
# Party texts write the date with hyphens (`ngày 30-7-2021`), State texts with slashes.
_DATE_AFTER = re.compile(
    r",?\s+ngày\s+(?P<day>\d{1,2})(?P<sep>[/-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})",
    re.IGNORECASE,
)


@record(frozen=True, slots=True)
class Citation:
    """A citation found in prose: its type word, symbol and date as written."""

    word: str
    symbol: str
    date: tuple[int, int, int] | None  # (year, month, day) as written
    offset: int  # character offset of the type word in the text
    symbol_offset: int


def spaced_symbols(symbols: list[str]) -> tuple[str, ...]:
    """The symbols (of a registry) that go on after a space, longest first: what
    `find_citations` needs to take them whole."""
    found = {normalise(s) for s in symbols if " " in normalise(s)}
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=4096)  # several rules read the same paragraphs
def find_citations(text: str, spaced: tuple[str, ...] = ()) -> tuple[Citation, ...]:
    """The citations in `text`; `spaced` (from `spaced_symbols`) lists the symbols with a space
    that the prose may cite whole."""
    # A quick test before the pattern, as wide as it: any case, any white space around "số".
    if "số" not in text and "Số" not in text and "SỐ" not in text:
        return ()
    out = []
    for m in CITATION.finditer(text):
        symbol, end = normalise(m.group("symbol")), m.end("symbol")
        for whole in spaced:
            rest = _rest_of(whole, symbol, text, end)
            if rest is not None:
                symbol, end = whole, rest
                break
        date = None
        after = _DATE_AFTER.match(text, end)
        if after:
            date = (int(after.group("year")), int(after.group("month")), int(after.group("day")))
        out.append(Citation(m.group("word"), symbol, date, m.start(), m.start("symbol")))
    return tuple(out)


def _rest_of(whole: str, head: str, text: str, at: int) -> int | None:
    """Where `whole` ends in `text` when its part before the first space is `head` and the rest
    follows at `at` (any run of white space between words, then no letter): else None."""
    first, _, free = whole.partition(" ")
    if first != head:
        return None
    words = r"\s+".join(re.escape(w) for w in free.split())
    found = re.compile(rf"\s+{words}(?![\w&])").match(text, at)
    return found.end() if found else None
