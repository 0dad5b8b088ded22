"""The signature block and the recipient list (Nghị định 30/2020, Phụ lục I)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.rules import ERROR, Finding, rule

AUTHORITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
_ARCHIVE = re.compile(r"Lưu\s*:\s*VT\b.*\.$")


@rule(
    "missing-signer",
    ERROR,
    vi="Văn bản chưa có người ký (document.signer).",
    en="The document has no signer (document.signer).",
    hint_vi="Thêm `signer:` với `authority` (ví dụ KT. GIÁM ĐỐC), `title` và `name`.",
    hint_en="Add `signer:` with `authority` (e.g. KT. GIÁM ĐỐC), `title` and `name`.",
    doc_vi="Văn bản phải có khối chữ ký: thẩm quyền, chức vụ và họ tên người ký.",
    doc_en="A document has a signature block: authority, title and the signer's name.",
)
def missing_signer(plan: Plan) -> Iterator[Finding]:
    if plan.document.signer is None:
        yield plan.document.pos, {}


@rule(
    "signer-authority",
    ERROR,
    vi="Thẩm quyền ký “{authority}” không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.",
    en="Signing authority “{authority}” does not start with TM., KT., Q., TL. or TUQ.",
    hint_vi="Ví dụ: “KT. GIÁM ĐỐC” (cấp phó ký thay), “TM. ỦY BAN NHÂN DÂN”; nếu người đứng đầu "
    "ký trực tiếp thì bỏ dòng `authority`.",
    hint_en="For example “KT. GIÁM ĐỐC” (a deputy signs for the head), “TM. ỦY BAN NHÂN DÂN”; when "
    "the head signs in person, leave `authority` out.",
    doc_vi="Dòng thẩm quyền ký theo Nghị định 30/2020: TM., KT., Q., TL., TUQ.",
    doc_en="The authority line uses the prefixes of Nghị định 30/2020: TM., KT., Q., TL., TUQ.",
)
def signer_authority(plan: Plan) -> Iterator[Finding]:
    signer = plan.document.signer
    if signer and not authority_ok(signer.authority):
        yield signer.where("authority"), {"authority": signer.authority}


def authority_ok(authority: str | None) -> bool:
    """An authority line NĐ 30 accepts: none (the head signs in person) or one of its prefixes;
    the one test for the plan's signer and for a report's signer override."""
    return authority is None or authority.startswith(tuple(a + " " for a in AUTHORITIES))


@rule(
    "recipients-archive",
    ERROR,
    vi="Danh sách nơi nhận phải kết thúc bằng dòng “Lưu: VT, …”.",
    en="The recipient list must end with the line “Lưu: VT, …”.",
    hint_vi="Thêm dòng cuối, ví dụ “Lưu: VT, VP.” (kết thúc bằng dấu chấm).",
    hint_en="Add a last line such as “Lưu: VT, VP.” (ending with a full stop).",
    doc_vi="Theo Nghị định 30/2020, dòng cuối của Nơi nhận là “Lưu: VT, <đơn vị soạn thảo>.”",
    doc_en="By Nghị định 30/2020 the last recipient line is “Lưu: VT, <drafting unit>.”",
)
def recipients_archive(plan: Plan) -> Iterator[Finding]:
    if not plan.recipients:
        yield plan.where("recipients"), {}
    elif not _ARCHIVE.match(plan.recipients[-1].strip()):
        yield plan.where("recipients", len(plan.recipients) - 1), {}
