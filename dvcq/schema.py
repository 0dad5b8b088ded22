"""JSON Schema (draft 2020-12) for plan and progress files, generated from the records themselves.

Both walk the records the model's builder reads, so a file and its schema cannot disagree: the
plan's records in `dvcq.model`, and the progress `Entry` (one item of a progress file). A
field may add constraints the builder leaves to a rule (`metadata={"schema": …}`). Editors use
the files under `schema/` through the `yaml-language-server` modeline at the top of each plan;
`dvcq schema -o schema` regenerates them, byte for byte.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal, get_args, get_origin

from dvcq.model import STATUSES, Entry, Plan, _spec
from dvcq.record import fields, is_record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PLAN_FILE = "plan.schema.json"
PROGRESS_FILE = "progress.schema.json"
_NONE: Any = type(None)

# Hover help for editors, Vietnamese first. Keys are `Record` or `Record.field`; a test checks that
# each one still names a record or field of the model.
DESCRIPTIONS = {
    "Plan": "Kế hoạch công tác dân vận chính quyền (một năm). A yearly plan.",
    "Document": "Thông tin văn bản: loại, số, cơ quan, địa danh, ngày, trích yếu, người ký.",
    "Document.type": "Tên loại văn bản viết tắt (Phụ lục III NĐ 30/2020), ví dụ KH.",
    "Document.number": "Số văn bản; để null đến khi văn thư cấp số. Blank until issued.",
    "Document.subject_lines": "Trích yếu theo dòng in ở đầu văn bản, mỗi mục một dòng, ghép lại đúng "
    "subject; bỏ đi để Word tự xuống dòng. The subject as the title block breaks it.",
    "Agency": "Cơ quan ban hành và cơ quan chủ quản.",
    "Agency.code": "Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ SNgV.",
    "DocDate": "Ngày ban hành; month và day để null khi chưa có.",
    "Signer": "Khối chữ ký. Signature block.",
    "Signer.authority": "TM., KT., Q., TL. hoặc TUQ. …; bỏ khi người đứng đầu ký trực tiếp.",
    "Paragraph": "Một đoạn căn cứ. A basis paragraph.",
    "Objective": "Một mục đích, yêu cầu.",
    "Section": "Một nút của dàn ý: khoản (1.), điểm (a)), gạch đầu dòng (-, +) hoặc đoạn văn.",
    "Section.id": "Mã cố định của nút (để so sánh các phiên bản). Stable id.",
    "Section.title": "Tiêu đề (khoản, điểm): in đậm. Heading.",
    "Section.text": "Lời văn của nút, một đoạn, không xuống dòng. Prose, one paragraph.",
    "Section.mark": "number: 1., 2.; letter: a), b); dash: -; plus: +; none: đoạn văn. Mặc định theo cấp.",
    "Section.unit": "Đơn vị của mục (phần tổ chức thực hiện), khai báo trong units.",
    "Section.items": "Các nút con: điểm, gạch đầu dòng, đoạn văn. Child nodes.",
    "Part": "Một mục (I., II., …) của kế hoạch. A part.",
    "Part.role": "objectives: mục đích, yêu cầu; contents: nội dung; implementation: tổ chức thực hiện; funding: kinh phí; reporting: chế độ báo cáo; other: khác.",
    "Part.items": "Các khoản của mục. Its nodes.",
    "Plan.parts": "Các mục sau các phần objectives, contents, organization (hoặc toàn bộ các mục).",
    "Task": "Một nhiệm vụ. A task.",
    "Task.id": "Mã cố định; tiến độ tham chiếu theo mã này, không đổi tên. Stable id.",
    "Task.owner": "Đơn vị chủ trì (mã trong units), ghi ngay trên nhiệm vụ. Owner unit.",
    "Task.support": "Đơn vị phối hợp (mã trong units).",
    "Task.refs": "Ký hiệu các văn bản nhiệm vụ thực hiện, khai báo trong directives.",
    "Task.cadence": "ongoing: thường xuyên; once: một lần (có due); periodic: định kỳ.",
    "Task.due": "Hạn hoàn thành (YYYY-MM-DD), dạng cũ: chỉ tính quá hạn khi cadence là once; "
    "kế hoạch mới dùng deadlines.",
    "Task.deadlines": "Thời gian hoàn thành, ghi như kế hoạch: 30/6/2025, Tháng 4/2025, "
    "Quý III/2025, 6 tháng đầu năm 2025, Hằng tháng, Hằng quý, 6 tháng, Hằng năm (thêm “, trước "
    "ngày 20” nếu cần), Thường xuyên; mỗi thời hạn một dòng.",
    "Task.deliverable": "Sản phẩm của nhiệm vụ (in trong phụ lục danh mục nhiệm vụ).",
    "Plan.task_table": "Phụ lục danh mục nhiệm vụ, sinh từ các nhiệm vụ, in khổ ngang.",
    "TaskTable": "Phụ lục: Danh mục nhiệm vụ (bảng các nhiệm vụ của kế hoạch).",
    "TaskTable.title": "Tên phụ lục, mặc định “Danh mục nhiệm vụ”.",
    "TaskTable.columns": "Các cột theo thứ tự: number (STT), text (Nội dung nhiệm vụ), owner "
    "(Cơ quan chủ trì), support (Cơ quan phối hợp), deadlines (Thời gian hoàn thành), "
    "deliverable (Sản phẩm).",
    "Task.indicators": "Mã chỉ tiêu (khai báo trong indicators) mà nhiệm vụ báo cáo.",
    "TasksPart": "Phần II (nội dung thực hiện) hoặc III (tổ chức thực hiện).",
    "ObjectivesPart": "Phần I: mục đích, yêu cầu.",
    "Unit": "Đơn vị: mã và tên. A unit.",
    "Unit.members": "Mã các đơn vị thành viên (mỗi mã khai báo trong units) khi đơn vị là một "
    "nhóm, ví dụ Các phòng chuyên môn: mỗi phòng báo cáo phần việc của nhóm. Group members.",
    "Directive": "Văn bản được viện dẫn. A cited document.",
    "Directive.symbol": "Số và ký hiệu, ví dụ 918/KH-UBND.",
    "Directive.date": "Ngày ban hành (YYYY-MM-DD), viết trong dấu ngoặc kép.",
    "Indicator": "Chỉ tiêu mà các đơn vị báo cáo kèm mục tiến độ.",
    "Indicator.aggregation": "sum: cộng dồn trong kỳ; latest: giá trị mới nhất; max: lớn nhất.",
    "Reporting": "Kỳ báo cáo (Nghị định 09/2019 mặc định).",
    "Reporting.cutoff_day": "Ngày chốt số liệu hằng tháng.",
    "Window": "Khoảng thời gian đặt riêng cho một kỳ.",
    "Entry.id": "Mã mục, duy nhất (YYYYMMDD-xxxxxxxx).",
    "Entry.task": "Mã nhiệm vụ trong kế hoạch.",
    "Entry.date": "Ngày của mục (YYYY-MM-DD).",
    "Entry.unit": "Mã đơn vị báo cáo (trong units của kế hoạch).",
    "Entry.status": "; ".join(f"{key}: {vi} ({en})" for key, (vi, en) in STATUSES.items()),
    "Entry.result": "Kết quả thực hiện.",
    "Entry.evidence": "Số, ký hiệu văn bản minh chứng.",
    "Entry.values": "Giá trị chỉ tiêu: mã chỉ tiêu → số (không âm).",
    "Entry.author": "Người ghi.",
    "Entry.supersedes": "Mã mục được mục này đính chính.",
}


def _scalar(tp: Any) -> dict[str, Any]:
    if tp is str:
        return {"type": ["number", "string"]}  # `number: 12` means the text "12", as in the model
    if tp is int:
        return {"type": "integer"}
    raise TypeError(f"dvcq.schema cannot describe {tp!r}; extend _describe")


class _Walker:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def describe(self, tp: Any) -> dict[str, Any]:
        origin, args = get_origin(tp), get_args(tp)
        if origin in (types.UnionType, typing.Union):
            inner = [a for a in args if a is not _NONE]
            if len(inner) != 1 or len(args) != 2:
                raise TypeError(f"dvcq.schema cannot describe {tp!r}")
            schema = self.describe(inner[0])
            if isinstance(schema.get("type"), str):
                return {**schema, "type": [schema["type"], "null"]}
            if isinstance(schema.get("type"), list):
                return {**schema, "type": [*schema["type"], "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        if origin is list:
            return {"type": "array", "items": self.describe(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.describe(args[1])}
        if tp is Any:
            return {}
        if origin is Literal:
            return {"type": "string", "enum": list(args)}
        if isinstance(tp, type) and is_record(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # reserved first: records may refer to each other
                self.defs[name] = self.record(tp)
            return {"$ref": f"#/$defs/{name}"}
        return _scalar(tp)

    def record(self, cls: Any) -> dict[str, Any]:
        name = cls.__name__
        properties: dict[str, Any] = {}
        required: list[str] = []
        extra = {f.name: f.metadata.get("schema", {}) for f in fields(cls)}
        whole = {f.name for f in fields(cls) if f.metadata.get("absent_or_set")}
        for field_name, tp, is_required, default in _spec(cls):
            if field_name in whole:  # left out or written whole, never null
                tp = next(a for a in get_args(tp) if a is not _NONE)
            schema = {**self.describe(tp), **extra[field_name]}
            if not is_required:
                value = default()
                if isinstance(value, str | int) and not isinstance(value, bool):
                    schema["default"] = value
            note = DESCRIPTIONS.get(f"{name}.{field_name}")
            if note:
                schema["description"] = note
            properties[field_name] = schema
            if is_required:
                required.append(field_name)
        out: dict[str, Any] = {
            "title": name,
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        if name in DESCRIPTIONS:
            out["description"] = DESCRIPTIONS[name]
        return out


def plan_schema() -> dict[str, Any]:
    walker = _Walker()
    walker.describe(Plan)
    root = walker.defs.pop("Plan")
    return {
        "$schema": DRAFT,
        **root,
        "title": "dvcq plan (kế hoạch công tác dân vận chính quyền)",
        "$defs": walker.defs,
    }


def progress_schema() -> dict[str, Any]:
    walker = _Walker()
    walker.describe(Entry)
    return {
        "$schema": DRAFT,
        "title": "dvcq progress file (tiến độ: mỗi dòng một mục)",
        "type": "array",
        "items": walker.defs.pop("Entry"),
    }


def dump(schema: dict[str, Any]) -> str:
    """Deterministic text: sorted keys, two-space indent, UTF-8 as is, one trailing newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schemas() -> dict[str, str]:
    """File name -> text, for every schema dvcq ships."""
    return {PLAN_FILE: dump(plan_schema()), PROGRESS_FILE: dump(progress_schema())}
