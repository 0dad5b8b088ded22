"""A unit's own report on its tasks (`dvcq report PERIOD --unit U`): the same body as the
agency's report, under the unit's own header.

Who issues, signs and receives it: the unit (a phòng, Văn phòng…) is the agency's subordinate,
so the header names the agency as the body above it and the unit as the issuer; the report is
addressed to the agency's leadership ("Lãnh đạo <agency>") unless the unit's notes name someone
else; the head of the unit signs, as its notes (`reports/<PERIOD>-<UNIT>.yaml`) or the
`--signer-*` options say; without them the signature block is left for the unit to fill in (the
plan names no head of a unit). Nơi nhận: "Như trên;" and the unit's own file copy.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dvcq.documents.header import REPORT_TYPE, REPORT_TYPE_NAME, Header
from dvcq.model import Signer

if TYPE_CHECKING:
    from dvcq.documents.notes import ReportNotes
    from dvcq.model import Plan, Unit


def notes_name(period: str, unit: str) -> str:
    """The stem of a unit's notes file: `2026-H1-VP` (reports/2026-H1-VP.yaml)."""
    return f"{period}-{unit}"


def unit_header(header: Header, plan: Plan, unit: Unit, notes: ReportNotes) -> Header:
    """The agency's report header turned into the unit's."""
    agency = plan.document.agency
    symbol = f"{REPORT_TYPE}-{unit.id}"
    addressees = tuple(notes.addressees or ()) or (f"Lãnh đạo {agency.name}",)
    date = header.reference.partition(f"/{header.symbol} ")[2]
    signer = None
    given = notes.signer
    if given and given.title and given.name:
        signer = Signer(authority=given.authority or None, title=given.title, name=given.name)
    return replace(
        header,
        superior=agency.name,
        agency=unit.name,
        symbol=symbol,
        addressees=addressees,
        recipients=("Như trên;", f"Lưu: {unit.id}."),
        signer=signer,
        reference=f"{REPORT_TYPE_NAME} số {notes.number or '…'}/{symbol} {date}",
    )
