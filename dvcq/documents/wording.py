"""Wording the documents share: a subject inside a sentence, Vietnamese figures and percentages,
a change against the same period last year in words, the report's subject, Kính gửi and Nơi
nhận, and the first citation of a document (NĐ 30). A task is named by `dvcq.titles`."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dvcq.model import Plan
    from dvcq.progress.periods import Period

# Words that open a plan's subject and name the act of planning rather than the work itself:
# "Triển khai thực hiện công tác dân vận chính quyền năm 2026" reports on "công tác dân vận
# chính quyền". Vietnamese administrative vocabulary, not any one agency's.
_PLAN_VERBS = re.compile(
    r"^(?:kế hoạch\s+)?(?:(?:tổ chức\s+)?triển khai(?:\s+thực hiện)?|tổ chức thực hiện|thực hiện)\s+",
    re.IGNORECASE,
)
# The plan's year (or years) wherever the subject says it: "… năm 2023 trên địa bàn tỉnh X".
_YEAR = re.compile(r"\b(?:năm|giai đoạn)\s+\d{4}(?:\s*-\s*\d{4})?(?!\d)", re.IGNORECASE)
# Normalised forms for matching a recipient line with an addressee.
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


def report_subject(plan: Plan, period: Period) -> str:
    """`Kết quả thực hiện <what the plan is about> <period>`, from the plan's own subject."""
    topic = lower_first(_PLAN_VERBS.sub("", plan.document.subject.strip()))
    # The period takes the place of the plan's year, so the year is said once and where the plan
    # said it: "… quý II năm 2023 trên địa bàn tỉnh X"; a subject without a year ends with it.
    first = _YEAR.search(topic)
    if first is None:
        return f"Kết quả thực hiện {topic} {period.name()}"
    rest = _YEAR.sub("", topic[first.end() :])
    text = f"{topic[: first.start()]}{period.name()}{rest}"
    return "Kết quả thực hiện " + " ".join(text.split())


def default_addressees(plan: Plan) -> list[str]:
    """Kính gửi when the notes name nobody: the plan's `reporting.addressees`, else the body the
    agency answers to (none for a UBND without `superior`: its reports name `reporting.addressees`)."""
    superior = plan.document.agency.superior
    return list(plan.reporting.addressees) or ([superior] if superior else [])


def report_recipients(plan: Plan, addressees: list[str]) -> list[str]:
    """Nơi nhận: `Như trên;` (the addressees), then the plan's list without them again."""
    names = [_name_key(a) for a in addressees]
    agency = plan.document.agency
    superior = _name_key(agency.superior or "")
    if any(_same_body(n, superior) for n in names) and agency.superior_short:
        names.append(_name_key(agency.superior_short))
    rest = [r for r in plan.recipients if not any(_same_body(_name_key(r), n) for n in names)]
    return ["Như trên;", *rest] if addressees else rest  # "as above" needs a Kính gửi above


def lower_first(text: str) -> str:
    """Sentence case inside a sentence: `Triển khai …` → `triển khai …`; `UBND …` stays."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].isupper():  # an abbreviation or a name in capitals
        return text
    return text[:1].lower() + text[1:]


def vn_number(value: float) -> str:
    """A figure as Vietnamese writes it: `1.234`, `95,5`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + "," + fraction


PERCENT = "\u00a0%"  # a no-break space: "100 %" never breaks between the figure and its sign


def vn_percent(value: float) -> str:
    """A percentage as Vietnamese writes it: `96,6 %`, `15,0 %`; `100 %` and `0 %` whole."""
    if value in (0, 100):
        return f"{int(value)}{PERCENT}"
    return f"{value:.1f}".replace(".", ",") + PERCENT


def en_percent(value: float) -> str:
    """The same percentage in English (`--lang en`): `96.6%`, `15.0%`; `100%` and `0%` whole."""
    return f"{int(value)}%" if value in (0, 100) else f"{value:.1f}%"


def change_words(now: float, before: float, unit: str) -> str:
    """`now` against the same period last year, as a report says it: `tăng 12 lượt, 15,0 %`,
    `giảm 146 lượt, 40,2 %`, `bằng cùng kỳ`; no percentage when last year had none."""
    if now == before:
        return "bằng cùng kỳ"
    word = "tăng" if now > before else "giảm"
    diff = abs(now - before)
    text = f"{word} {vn_number(round(diff, 2))}{' ' + unit if unit else ''}"
    if not before:
        return text
    # Rounded half up, as by hand: 9 of 16 more is 56,3 % (round() would give 56,2).
    share = (Decimal(repr(diff)) * 100 / Decimal(repr(abs(before)))).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )
    return f"{text}, {vn_percent(float(share))}"


def citation(type_word: str, symbol: str, when: str, issuer: str, subject: str) -> str:
    """NĐ 30's first citation of a document: type, number and symbol, date, issuer, subject."""
    text = f"{type_word} số {symbol}"
    if when:
        text += f" {when}"
    if issuer:
        text += f" của {issuer}"
    if subject:
        subject = subject.strip()
        text += f" {subject}" if subject.lower().startswith(("về ", "“về ")) else f" về {subject}"
    return text


def _name_key(text: str) -> str:
    """A body's name for matching: no notes in brackets, no closing punctuation, words spelt out."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFC", text)).casefold()
    text = text.replace("uỷ", "ủy")  # both spellings of "Ủy" are in use
    words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"\w+", text)]
    return " ".join(words)


def _same_body(a: str, b: str) -> bool:
    """`ủy ban nhân dân tỉnh` and `ủy ban nhân dân tỉnh cao bằng` name the same body."""
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))
