"""`dvcq init`: a new plan repository that passes `dvcq check` before anyone edits it.

Every department of every province writes a plan like the bundled one; this gives them the folders,
git settings, pre-commit hook, editor schema and templates, and a skeleton plan whose every line is
a valid placeholder to overwrite.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dvcq.errors import DvcqError, UsageError, os_failure
from dvcq.lifecycle import kinds
from dvcq.lifecycle.kinds import DEFAULT_KIND, KINDS, committee_lines

# The same bytes as this repository's own .gitattributes (tests/test_scaffold.py compares them), so
# a repository made by a wheel install gets what one made from a checkout gets.
GITATTRIBUTES = (
    "# Progress files get one line per entry and are only ever appended to: git's union driver keeps\n"
    "# the lines both branches added, so parallel `dvcq progress add` on two branches never conflicts.\n"
    "progress/**/*.yaml merge=union\n"
    "# Plans are shown to `git diff` and `git log -p` as one line per field, led by its id, once\n"
    '# `git config diff.dvcq.textconv "dvcq diff --textconv"` is set (see README).\n'
    "plans/*.yaml diff=dvcq\n"
)
GITIGNORE = "# Khóa và tệp tạm của dvcq (lock and temporary files)\nprogress/.lock\n*.tmp\n"
PRE_COMMIT = """\
# Kiểm tra kế hoạch và tiến độ trước mỗi lần commit (https://pre-commit.com):
#   pip install pre-commit && pre-commit install
# Hook dùng lệnh dvcq đã cài trong máy (language: system). Checks plans before each commit.
repos:
  - repo: local
    hooks:
      - id: dvcq-check
        name: dvcq check
        entry: dvcq check
        language: system
        files: ^(plans|progress)/.*\\.ya?ml$
        pass_filenames: false
"""


@dataclass(frozen=True)
class Agency:
    name: str
    code: str
    superior: str | None  # the body above a Sở; for a UBND, the body its reports go to (or none)
    year: int
    place: str
    kind: str = DEFAULT_KIND


def place_of(superior: str) -> str | None:
    """`Ủy ban nhân dân tỉnh Cao Bằng` -> `Cao Bằng` (the place a body's name names)."""
    return kinds.place_of(superior)


def default_place(kind: str, name: str, superior: str | None) -> str | None:
    """Where the document is signed: a Sở in its province; a UBND where it sits itself (a
    district's place is the district, not its province)."""
    return kinds.place_of(name if KINDS[kind].is_committee else superior or "")


def _q(text: str) -> str:
    """A YAML scalar for any text: JSON strings are YAML strings."""
    return json.dumps(text, ensure_ascii=False)


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_q(x) for x in items) + "]"


def _agency_block(a: Agency) -> str:
    kind = KINDS[a.kind]
    lines = [f"    code: {_q(a.code)}", f"    name: {_q(a.name)}"]
    if kind.is_committee:
        # NĐ 30 prints a UBND alone at the top, on the two lines chosen here (docs/domain.md §6.1).
        lines.append(
            "    # Ủy ban nhân dân tự đứng ở dòng đầu (không có cơ quan chủ quản); mỗi mục một dòng."
        )
        lines.append(f"    name_lines: {_list(committee_lines(a.name))}")
    else:
        lines.append(f"    superior: {_q(a.superior or '')}")
        committee = kinds.committee_name(a.superior or "")
        if committee is not None:
            # A Sở prints its UBND on one line, short ("UBND TỈNH LẠNG SƠN"): the full name
            # is too wide for the box and would break inside the place name.
            short = "UBND " + committee[len("Ủy ban nhân dân ") :]
            lines.append(f"    superior_lines: {_list([short])}")
    return "\n".join(lines)


def _signer_block(a: Agency) -> str:
    kind = KINDS[a.kind]
    if len(kind.authority_lines) == 1:
        head = (
            "  # Người ký: bỏ dòng authority nếu người đứng đầu ký trực tiếp.\n"
            f"    authority: {kind.authority_lines[0]}"
        )
    else:
        head = (
            "  # Người ký thay mặt tập thể: TM. rồi KT. (cấp phó ký thay); chủ tịch ký thì chỉ giữ\n"
            "  # dòng TM. và ghi title: CHỦ TỊCH.\n"
            f"    authority_lines: {_list(list(kind.authority_lines))}"
        )
    # The comment belongs above `signer:`; the authority line goes under it.
    comment, _, authority = head.rpartition("\n")
    return (
        f"{comment}\n  signer:\n{authority}\n    title: {kind.title}\n    name: Họ và tên người ký"
    )


def _basis(a: Agency) -> str:
    kind = KINDS[a.kind]
    subject = f"Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm {a.year}"
    if kind.is_committee:
        return (
            f"Căn cứ tình hình thực tế của địa phương, {a.name} ban hành {subject} trên địa bàn "
            f"{kind.level} với các nội dung như sau:"
        )
    return f"Căn cứ chức năng, nhiệm vụ được giao, {a.name} xây dựng {subject} với các nội dung như sau:"


def _recipients(a: Agency) -> list[str]:
    kind = KINDS[a.kind]
    first = [f"{a.superior} (b/c);"] if a.superior else []
    return [*first, *kind.recipients, "Lưu: VT, VP." if not kind.is_committee else "Lưu: VT."]


def _reporting(a: Agency) -> str:
    """A UBND prints no superior: its reports name their addressee here."""
    kind = KINDS[a.kind]
    if not kind.is_committee:
        return ""
    return (
        "\n# Báo cáo định kỳ gửi (Kính gửi): cơ quan cấp trên nhận báo cáo.\n"
        f"reporting:\n  addressees:\n    - {_q(a.superior or kind.reports_to)}\n"
    )


def plan_text(a: Agency) -> str:
    year = a.year
    kind = KINDS[a.kind]
    unit_id, unit_name = kind.unit
    audience = (
        "các cơ quan, đơn vị, cán bộ, công chức, viên chức trên địa bàn"
        if kind.is_committee
        else "toàn thể công chức, viên chức, người lao động"
    )
    recipients = "\n".join(f"  - {_q(r)}" for r in _recipients(a))
    return f"""\
# yaml-language-server: $schema=../schema/plan.schema.json
#
# Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm {year} của {a.name}.
# Bản khung do `dvcq init --kind {a.kind}` tạo: mỗi giá trị là chỗ để thay bằng nội dung thật; chạy
# `dvcq check` sau mỗi lần sửa. Mã (id) của mục và nhiệm vụ là cố định: tiến độ tham chiếu theo mã,
# nên đặt một lần rồi không đổi. Số thứ tự I., 1., - do dvcq tự đánh theo thứ tự trong tệp.

document:
  type: KH
  number: null  # để trống đến khi văn thư cấp số
  agency:
{_agency_block(a)}
  place: {_q(a.place)}
  date:
    year: {year}
    month: null  # tháng, ngày ban hành: điền khi ký
    day: null
  subject: {_q(f"Triển khai thực hiện công tác dân vận chính quyền năm {year}")}
{_signer_block(a)}

# Căn cứ: văn bản của cấp trên mà kế hoạch thực hiện. Khi viện dẫn văn bản (ví dụ "Kế hoạch số
# …/KH-UBND ngày …"), khai báo văn bản đó trong `directives` và ghi ký hiệu vào `refs`.
basis:
  - text: {_q(_basis(a))}

# I. MỤC ĐÍCH, YÊU CẦU
objectives:
  title: MỤC ĐÍCH, YÊU CẦU
  items:
    - id: nang-cao-trach-nhiem
      text: Nâng cao trách nhiệm của người đứng đầu, công chức, viên chức, người lao động trong thực hiện công tác dân vận chính quyền.

# II. NỘI DUNG THỰC HIỆN
contents:
  title: NỘI DUNG THỰC HIỆN
  sections:
    - id: lanh-dao-chi-dao
      title: Công tác lãnh đạo, chỉ đạo
      tasks:
        - id: quan-triet-ke-hoach
          text: {_q(f"Quán triệt, triển khai Kế hoạch này đến {audience}.")}
          owner: {unit_id}  # đơn vị chủ trì: mã trong `units`
          cadence: ongoing

# III. TỔ CHỨC THỰC HIỆN
organization:
  title: TỔ CHỨC THỰC HIỆN
  sections:
    - id: don-vi-tham-muu
      title: {_q(unit_name)}
      unit: {unit_id}
      tasks:
        - id: theo-doi-don-doc
          text: Theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này; định kỳ tổng hợp, báo cáo kết quả thực hiện theo quy định.
          owner: {unit_id}
          cadence: ongoing

closing: {_q(f"Trên đây là Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm {year} của {a.name}./.")}

# Nơi nhận: dòng cuối luôn là "Lưu: VT, …" (kết thúc bằng dấu chấm).
recipients:
{recipients}
{_reporting(a)}
# Đơn vị: mọi mã dùng ở owner, support, unit phải có ở đây.
units:
  - id: {unit_id}
    name: {_q(unit_name)}

# Văn bản được viện dẫn (symbol, type, date "YYYY-MM-DD", issuer, subject).
directives: []
"""


def readme_text(a: Agency) -> str:
    return f"""\
# Kế hoạch công tác dân vận chính quyền — {a.name}

Kho này lưu kế hoạch công tác dân vận chính quyền của {a.name} dưới dạng tệp văn bản, kiểm tra
bằng dvcq (kho được tạo bằng `dvcq init`).

- `plans/{a.year}.yaml`: kế hoạch năm {a.year}. Sửa các giá trị mẫu, rồi chạy `dvcq check`.
- `progress/`: tiến độ thực hiện, chỉ ghi bằng `dvcq progress add` (mỗi dòng một mục).
- `templates/`: mẫu lời văn khi in kế hoạch (`dvcq render plan -o ke-hoach.docx`).
- `schema/`: lược đồ để trình soạn thảo gợi ý và báo lỗi khi gõ (`dvcq schema -o schema`).

Các lệnh thường dùng:

```sh
dvcq check                        # kiểm tra kế hoạch và tiến độ
dvcq show                         # xem kế hoạch dạng cây
dvcq status                       # bảng tình hình thực hiện
dvcq render plan -o ke-hoach.docx # in kế hoạch thành văn bản Word
dvcq plan new-year                # bắt đầu kế hoạch năm sau từ kế hoạch năm nay
```

Kiểm tra tự động trước mỗi lần commit: `pip install pre-commit && pre-commit install`.
"""


def files_for(a: Agency) -> dict[str, bytes]:
    """Relative path -> content, for every file of the new repository."""
    from dvcq.documents.templating import packaged_dir
    from dvcq.schema import schemas

    out: dict[str, bytes] = {
        f"plans/{a.year}.yaml": plan_text(a).encode("utf-8"),
        "progress/.gitkeep": b"",
        ".gitattributes": GITATTRIBUTES.encode("utf-8"),
        ".gitignore": GITIGNORE.encode("utf-8"),
        ".pre-commit-config.yaml": PRE_COMMIT.encode("utf-8"),
        "README.md": readme_text(a).encode("utf-8"),
    }
    for name, text in schemas().items():
        out[f"schema/{name}"] = text.encode("utf-8")
    # The packaged default wording becomes the new repository's own copy, for the agency to edit.
    templates = sorted(packaged_dir().glob("*.j2"))
    if not templates:
        raise DvcqError(
            f"Bản dvcq đã cài thiếu mẫu văn bản (*.j2) trong {packaged_dir()}; hãy cài lại dvcq.",
            f"This dvcq installation lacks its templates (*.j2) in {packaged_dir()}; reinstall dvcq.",
        )
    for template in templates:
        out[f"templates/{template.name}"] = template.read_bytes()
    return out


def init(folder: Path, agency: Agency, *, force: bool = False) -> list[Path]:
    """Write the new repository into `folder` (created if missing); refuse a non-empty one."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} là một tệp, không phải thư mục.", f"{folder} is a file.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise DvcqError(
            f"Thư mục {folder} không trống; không ghi gì. Chọn thư mục mới, hoặc thêm --force để "
            "ghi các tệp của dvcq vào đó (tệp trùng tên sẽ bị ghi đè).",
            f"{folder} is not empty; nothing written. Choose a new folder, or add --force to write "
            "dvcq's files into it (files with the same names are overwritten).",
        )
    refuse_controls(
        name=agency.name, code=agency.code, superior=agency.superior, place=agency.place
    )
    from dvcq.symbols import parse_symbol

    if not agency.code or parse_symbol(f"1/KH-{agency.code}") is None:
        raise UsageError(
            f"Chữ viết tắt “{agency.code}” không dùng được trong ký hiệu văn bản (ví dụ "
            "1/KH-SNgV): chỉ gồm chữ cái và chữ số, không có dấu cách.",
            f"Code “{agency.code}” cannot be used in a document symbol (e.g. 1/KH-SNgV): letters "
            "and digits only, no spaces.",
        )
    if not 1900 < agency.year < 2200:
        raise UsageError(f"Năm {agency.year} không hợp lệ.", f"Year {agency.year} is not valid.")
    contents = files_for(agency)  # everything read and checked before anything is written
    _check_skeleton(contents[f"plans/{agency.year}.yaml"].decode("utf-8"), agency.year)
    from dvcq.files import replace_atomically

    written = []
    for name, data in contents.items():
        path = folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, data)
        except OSError as exc:
            raise os_failure(
                exc,
                f"Không ghi được {path}",
                f"Cannot write {path}",
                then=("Chọn một thư mục ghi được.", "Choose a folder you can write to."),
            ) from None
        written.append(path)
    return written


_OPTIONS = {  # option, its words, an example of a value
    "name": ("--agency", "tên cơ quan", "“Sở Tư pháp”"),
    "code": ("--code", "chữ viết tắt", "STP"),
    "superior": ("--superior", "cơ quan cấp trên", "“Ủy ban nhân dân tỉnh Cao Bằng”"),
    "place": ("--place", "địa danh", "“Cao Bằng”"),
}


def refuse_controls(**values: str | None) -> None:
    """A value left blank, or with a line break or control character typed into it (which would
    reach the plan as a hidden character): say which option and where, in the clerk's words,
    before anything is written."""
    for attr, value in values.items():
        option, words, example = _OPTIONS[attr]
        if value is not None and not value.strip():
            spaces = (" (chỉ có dấu cách)", " (spaces only)") if value else ("", "")
            raise UsageError(
                f"{option} ({words}) đang để trống{spaces[0]}; ghi giá trị, ví dụ "
                f"{option} {example}. Chưa ghi tệp nào.",
                f"{option} is blank{spaces[1]}; give a value, for example {option} {example}. "
                "Nothing was written.",
            )
        for i, ch in enumerate(value or "", 1):
            if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
                raise UsageError(
                    f"Giá trị của {option} ({words}) có ký tự xuống dòng hoặc ký tự điều khiển "
                    f"U+{ord(ch):04X} ở ký tự thứ {i}; hãy gõ lại trên một dòng, không dán từ "
                    "PDF hay Word. Chưa ghi tệp nào.",
                    f"The value of {option} holds a line break or control character U+{ord(ch):04X} "
                    f"at character {i}; type it again on one line. Nothing was written.",
                )


def _check_skeleton(text: str, year: int) -> None:
    """The values given on the command line end up in the plan: refuse any that break it."""
    from dvcq import rules
    from dvcq.rules.check import plan_from_text

    file = f"plans/{year}.yaml"
    plan, problems = plan_from_text(text, file)
    if plan is not None:
        problems += rules.run(plan)
    errors = rules.errors(problems)
    if errors:
        raise UsageError(
            f"Các giá trị đã cho làm kế hoạch khung có lỗi, không ghi gì: {rules.summary(errors, 'vi')}",
            f"The values given make the skeleton plan invalid; nothing written: "
            f"{rules.summary(errors, 'en')}",
        )
