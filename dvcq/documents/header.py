"""The header and footer of an official document, typed once for every document dvcq writes.

A `Header` holds what NĐ 30/2020 prints around the body (docs/domain.md §1.2): the superior and
issuing bodies, number and symbol, place and date, type name and subject, Kính gửi, Nơi nhận and
the signature block. `plan_header` makes the plan's own, `report_header` the one of a periodic
report on it; templates read the same object as `document`, and the layout prints it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dvcq.dates import numeric
from dvcq.documents.wording import (
    default_addressees,
    lower_first,
    report_recipients,
    report_subject,
)
from dvcq.errors import DvcqError
from dvcq.model import Agency, Plan, Signer
from dvcq.symbols import parse_symbol, type_word_for, type_word_of

if TYPE_CHECKING:
    from dvcq.documents.notes import ReportNotes, SignerOverride
    from dvcq.progress.periods import Period

REPORT_TYPE = "BC"
REPORT_TYPE_NAME = "Báo cáo"


@dataclass(frozen=True, eq=False)
class Header:
    """What the header and footer say; every text as the plan writes it (the layout sets case)."""

    superior: str  # cơ quan chủ quản, e.g. "UBND tỉnh Cao Bằng"; "" for a UBND (none printed)
    agency: str  # cơ quan ban hành, e.g. "Sở Ngoại vụ"
    symbol: str  # the part of the symbol after the slash, e.g. "KH-SNgV"
    type_name: str  # "Kế hoạch"; "" when the type code names no known type
    subject: str
    place: str
    year: int
    month: int | None = None
    day: int | None = None
    number: str | None = None  # None while the records office has not issued it
    addressees: tuple[str, ...] = ()  # Kính gửi (reports): names, punctuation added by the layout
    recipients: tuple[str, ...] = ()  # Nơi nhận: lines as written, "- " added by the layout
    signer: Signer | None = None  # None: the signature column is left empty
    reference: str = ""  # the document as its appendix cites it: "Báo cáo số …/BC-SNgV ngày …"
    # A công văn's trích yếu, printed as `V/v …` under the number (box 5b); it has no type name.
    about: str = ""
    # Box 2 as printed, one item a line (the plan's `superior_lines`/`name_lines`, else one line).
    superior_lines: tuple[str, ...] = ()
    agency_lines: tuple[str, ...] = ()
    subject_lines: tuple[str, ...] = ()  # box 5a as printed (the plan's `subject_lines`)

    @property
    def issuer_block(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Box 2: the superior's lines (none for a UBND) and the issuer's, as the author breaks
        them."""
        superior = self.superior_lines or ((self.superior,) if self.superior else ())
        return superior, self.agency_lines or (self.agency,)

    @property
    def full_symbol(self) -> str:
        """`05/KH-SNgV`, or `/KH-SNgV` while the number is blank."""
        return f"{self.number or ''}/{self.symbol}"

    @property
    def subject_inline(self) -> str:
        """The subject inside a sentence: `báo cáo kết quả thực hiện …`."""
        return lower_first(self.subject)

    def require_type_name(self) -> str:
        """The type name to print as the heading, or stop: a document needs one."""
        if not self.type_name:
            code = self.symbol.partition("-")[0]
            raise DvcqError(
                f"Không biết tên loại văn bản của ký hiệu “{code}” (document.type) để in ở đầu "
                "văn bản; dùng một loại của Nghị định 30/2020, ví dụ KH (Kế hoạch).",
                f"No type name is known for “{code}” (document.type) to print as the heading; "
                "use a type of Nghị định 30/2020, e.g. KH (Kế hoạch).",
            )
        return self.type_name


def plan_header(plan: Plan) -> Header:
    """The plan's own header and footer."""
    doc = plan.document
    symbol = parse_symbol(plan.symbol())
    return Header(
        **_issuer(doc.agency),
        agency=doc.agency.name,
        symbol=plan.symbol().partition("/")[2],
        type_name=(type_word_of(symbol) if symbol else "") or "",
        subject=doc.subject,
        subject_lines=tuple(doc.subject_lines),
        place=doc.place,
        year=doc.date.year,
        month=doc.date.month,
        day=doc.date.day,
        number=doc.number,
        recipients=tuple(plan.recipients),
        signer=doc.signer,
    )


def report_header(plan: Plan, period: Period, notes: ReportNotes) -> Header:
    """The header of the report on `period`: the plan's agency, the notes' number, day, subject,
    addressees and signer, dated in the period's last month unless the notes say otherwise."""
    doc = plan.document
    addressees = notes.addressees if notes.addressees else default_addressees(plan)
    subject = notes.subject.strip() if notes.subject else report_subject(plan, period)
    # Reports go out right after the cut-off (NĐ 09/2019: by the 25th of that month at the latest).
    year, month = period.end.year, notes.month or period.end.month
    # A draft's blanks as "…", the way a reference to an unissued document is written by hand.
    date_text = f"ngày … tháng {month} năm {year}"
    if notes.day:
        try:
            date_text = f"ngày {numeric(dt.date(year, month, notes.day))}"
        except ValueError:
            raise DvcqError(
                f"Tệp ghi chú báo cáo: ngày {notes.day} không có trong tháng {month}/{year}.",
                f"Report notes: day {notes.day} does not exist in {month}/{year}.",
            ) from None
    symbol = f"{REPORT_TYPE}-{doc.agency.code}"
    return Header(
        **_issuer(doc.agency),
        agency=doc.agency.name,
        symbol=symbol,
        type_name=REPORT_TYPE_NAME,
        subject=subject,
        place=doc.place,
        year=year,
        month=month,
        day=notes.day,
        number=notes.number,
        addressees=tuple(addressees),
        recipients=tuple(report_recipients(plan, list(addressees))),
        signer=_report_signer(doc.signer, notes),
        reference=f"{REPORT_TYPE_NAME} số {notes.number or '…'}/{symbol} {date_text}",
    )


def _issuer(agency: Agency) -> dict[str, Any]:
    """Box 2 of every document of the plan's agency."""
    return {
        # The decree allows the short form of the superior body; issued copies use it.
        "superior": agency.superior_short or agency.superior or "",
        "superior_lines": tuple(agency.superior_lines),
        "agency_lines": tuple(agency.name_lines),
    }


def _report_signer(base: Signer | None, notes: ReportNotes) -> Signer | None:
    """The plan's signer with the notes' (or the command line's) changes, field by field."""
    override = notes.signer
    authority = base.authority if base else None
    lines = list(base.authority_lines) if base else []
    if override and override.authority is not None:
        new = override.authority or None  # "" says the head signs in person
        # A committee still signs on its own behalf: the plan's TM. line stays above the
        # override's line, unless the override is a TM. line itself.
        tm = lines[0] if lines and lines[0].startswith("TM. ") else None
        if tm and not (new or "").startswith("TM. "):
            lines, authority = ([tm, new] if new else [tm]), None
        else:
            lines, authority = [], new
    title = (override.title if override else None) or (base.title if base else None)
    name = (override.name if override else None) or (base.name if base else None)
    if title and name:
        return Signer(authority=authority, authority_lines=lines, title=title, name=name)
    return None


def type_name_of(type_code: str) -> str:
    """`Kế hoạch` for `KH`: the one type word of a code, else the code itself."""
    return type_word_for(type_code) or type_code


def urge_header(
    plan: Plan,
    period: Period,
    addressees: list[str],
    when: tuple[int, int],
    drafter: str,
    signer: SignerOverride,
) -> Header:
    """The header of the công văn urging the units silent in `period` (docs/domain.md §6.3): no
    type name, `V/v đôn đốc báo cáo …` under `Số:      /<AGENCY>-<drafter>`, number and day blank
    (dated `when`, year and month), Kính gửi the `addressees`, recipients `Như trên;` and the plan's `Lưu:` line, the plan's signer with `signer` over it."""
    from dvcq.documents.notes import ReportNotes

    doc = plan.document
    about = f"V/v đôn đốc báo cáo {lower_first(report_subject(plan, period))}"
    archive = [r for r in plan.recipients if r.strip().startswith("Lưu")]
    return Header(
        **_issuer(doc.agency),
        agency=doc.agency.name,
        symbol=f"{doc.agency.code}-{drafter}",
        type_name="",
        subject=about,
        place=doc.place,
        year=when[0],
        month=when[1],
        addressees=tuple(addressees),
        recipients=("Như trên;", *archive),
        signer=_report_signer(doc.signer, ReportNotes(signer=signer)),
        about=about,
    )


def drafting_unit(plan: Plan) -> str | None:
    """The drafting unit's code from the plan's `Lưu: VT, VP.` line (NĐ 30, box 9b), if any."""
    for line in plan.recipients:
        head, _, rest = line.strip().partition(":")
        if head.strip() == "Lưu":
            codes = [c.strip(" .;") for c in rest.split(",")]
            codes = [c for c in codes if c and c != "VT"]
            if codes:
                return codes[0]
    return None


def outgoing_metadata(info: Header) -> dict[str, object]:
    """The outgoing document's metadata as NĐ 30/2020 Phụ lục VI lists it (type name, number and
    symbol, date, issuer, subject, signer's position and name, recipients), for the office's
    document system; blanks the văn thư fills in are null."""
    signer = info.signer
    return {
        "format": "dvcq-outgoing/1",
        "source": "Nghị định 30/2020/NĐ-CP, Phụ lục VI",
        "type_name": info.type_name or ("Công văn" if info.about else ""),
        "number": info.number,
        "symbol": info.symbol,
        "number_and_symbol": info.full_symbol,
        "date": {"day": info.day, "month": info.month, "year": info.year},
        "place": info.place,
        "issuer": info.agency,
        "superior": info.superior,
        "subject": info.subject,
        "signer": {
            "authority": signer.authority if signer else None,
            "title": signer.title if signer else None,
            "name": signer.name if signer else None,
        },
        "addressees": list(info.addressees),
        "recipients": list(info.recipients),
        "language": "vi",
    }
