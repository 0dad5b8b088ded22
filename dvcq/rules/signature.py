"""The signature block and the recipient list (Nghị định 30/2020, Phụ lục I)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.rules import ERROR, WARNING, Finding, rule

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


@rule(
    "signer-authority-lines",
    ERROR,
    vi="Dòng thẩm quyền ký “{line}” (dòng {n} của `authority_lines`) {reason}.",
    en="Authority line “{line}” (line {n} of `authority_lines`) {reason}.",
    hint_vi="Theo Nghị định 30/2020, khối chữ ký tập thể là: “TM. ỦY BAN NHÂN DÂN”, rồi “KT. CHỦ "
    "TỊCH” khi cấp phó ký thay; chức vụ người ký (“PHÓ CHỦ TỊCH”) ghi ở `title`, không có tiền tố.",
    hint_en="By Nghị định 30/2020 a collective body signs “TM. ỦY BAN NHÂN DÂN”, then “KT. CHỦ "
    "TỊCH” when a deputy signs; the signer's own title (“PHÓ CHỦ TỊCH”) goes in `title`, unprefixed.",
    doc_vi="Mỗi dòng thẩm quyền bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.; TM. chỉ ở dòng đầu; sau "
    "đó nhiều nhất một dòng KT., Q., TL. hoặc TUQ.",
    doc_en="Each authority line starts with TM., KT., Q., TL. or TUQ.; TM. only on the first line; "
    "then at most one line of KT., Q., TL. or TUQ.",
)
def signer_authority_lines(plan: Plan) -> Iterator[Finding]:
    signer = plan.document.signer
    if signer is None:
        return
    for i, reason in authority_lines_problems(signer.authority_lines):
        line = signer.authority_lines[i]
        yield signer.where("authority_lines", i), {"line": line, "n": i + 1, "reason": reason}


@rule(
    "signer-authority-twice",
    ERROR,
    vi="Khối chữ ký có cả `authority` và `authority_lines`.",
    en="The signature block has both `authority` and `authority_lines`.",
    hint_vi="Giữ một trong hai: `authority` cho một dòng (KT. GIÁM ĐỐC), `authority_lines` cho "
    "nhiều dòng (TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH).",
    hint_en="Keep one: `authority` for one line (KT. GIÁM ĐỐC), `authority_lines` for several "
    "(TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH).",
    doc_vi="Dòng thẩm quyền ký ghi ở một chỗ.",
    doc_en="The authority lines are written in one place.",
)
def signer_authority_twice(plan: Plan) -> Iterator[Finding]:
    signer = plan.document.signer
    if signer and signer.authority is not None and signer.authority_lines:
        yield signer.where("authority_lines"), {}


@rule(
    "signer-title-prefix",
    WARNING,
    vi="Chức vụ người ký “{title}” bắt đầu bằng tiền tố thẩm quyền {prefix}.",
    en="The signer's title “{title}” starts with the authority prefix {prefix}.",
    hint_vi="Tiền tố TM., KT., Q., TL., TUQ. thuộc dòng thẩm quyền (`authority` hoặc "
    "`authority_lines`); `title` là chức vụ của chính người ký, ví dụ “PHÓ GIÁM ĐỐC”.",
    hint_en="TM., KT., Q., TL. and TUQ. belong on the authority line (`authority` or "
    "`authority_lines`); `title` is the signer's own title, e.g. “PHÓ GIÁM ĐỐC”.",
    doc_vi="Tiền tố thẩm quyền ở đúng dòng của nó, không ở dòng chức vụ.",
    doc_en="Authority prefixes stand on their own line, not on the title line.",
)
def signer_title_prefix(plan: Plan) -> Iterator[Finding]:
    signer = plan.document.signer
    prefix = signer and prefix_of(signer.title)
    if signer and prefix:
        yield signer.where("title"), {"title": signer.title, "prefix": prefix}


def prefix_of(line: str) -> str | None:
    """`KT.` for `KT. GIÁM ĐỐC`; None when the line starts with no authority prefix."""
    head = line.strip().split(" ", 1)[0].upper()
    return head if head in AUTHORITIES and " " in line.strip() else None


def authority_lines_problems(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line index, reason code) for each line out of NĐ 30's order: `[TM.] [KT.|Q.|TL.|TUQ.]`."""
    for i, line in enumerate(lines):
        prefix = prefix_of(line)
        if prefix is None:
            yield i, "authority:no-prefix"
        elif prefix == "TM." and i > 0:
            yield i, "authority:tm-first"
        elif i > 1 or (i == 1 and prefix_of(lines[0]) != "TM."):
            yield i, "authority:one-more"


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
