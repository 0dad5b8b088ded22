"""Templates: the Markdown subset, the sandbox, error positions, and the plan template's wording."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE_PLAN

from dvcq.documents import templating
from dvcq.documents.context import plan_context
from dvcq.documents.header import Header
from dvcq.documents.markup import escape, parse
from dvcq.documents.render import plan_markdown
from dvcq.errors import DvcqError
from dvcq.rules.check import open_plan, read_plan

TEMPLATES = ROOT / "templates"
PLAN = SAMPLE_PLAN
DATA = ROOT / "tests" / "data"


# --- the Markdown subset ------------------------------------------------------------------------


def test_blocks_of_the_subset() -> None:
    text = (
        "Căn cứ đoạn một\ntiếp dòng hai\n\n## I. MỤC A\n### 1. Khoản\n- một\n- hai\n+ con\n\n"
        "| a | b |\n|:---|---:|\n| 1 | 2 |\n\n# Phụ lục I\n# TÊN\nsau phụ lục\n"
    )
    blocks = parse(text)
    assert [(b.kind, b.line) for b in blocks] == [
        ("para", 1),
        ("part", 4),
        ("clause", 5),
        ("para", 6),
        ("para", 7),
        ("para", 8),
        ("table", 10),
        ("appendix", 14),
        ("para", 16),
    ]
    assert blocks[0].text == "Căn cứ đoạn một tiếp dòng hai"  # lines of a paragraph joined
    assert [b.text for b in blocks[3:6]] == ["- một", "- hai", "+ con"]  # bullets keep the dash
    assert blocks[6].rows == [["a", "b"], ["1", "2"]] and blocks[6].header_rows == 1
    assert blocks[7].lines == ["Phụ lục I", "TÊN"]


@pytest.mark.parametrize(
    "data",
    ["## I. giả tiêu đề", "| ô | bảng |", "### 2. x", "a \\ b \\\\ c", "# Phụ lục", "x  \n  y"],
)
def test_escaped_data_stays_one_paragraph_of_text(data: str) -> None:
    (block,) = parse(escape(data))
    assert block.kind == "para"
    assert block.text == " ".join(data.split())
    (block,) = parse("- " + escape(data))
    assert block.text == "- " + " ".join(data.split())


def test_escaped_data_in_a_table_cell() -> None:
    first, second = escape("a | b"), escape("c \\")
    (table,) = parse(f"| {first} | {second} |")
    assert table.rows == [["a | b", "c \\"]]


# --- the sandbox and error positions ------------------------------------------------------------


def write(folder: Path, text: str, name: str = "plan.md.j2") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def render_error(folder: Path, context: dict[str, object] | None = None) -> DvcqError:
    with pytest.raises(DvcqError) as exc:
        templating.render(folder, "plan.md.j2", context or {"closing": "x"})
    return exc.value


def test_sandbox_refuses_reaching_into_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write(Path("templates"), "Mở đầu\n\n{{ ''.__class__.__mro__ }}\n")
    error = render_error(folder)
    assert error.text["vi"].startswith("templates/plan.md.j2:3: mẫu bị chặn")
    assert "không an toàn" in error.text["vi"] and "__class__" in error.text["vi"]
    assert "unsafe" in error.text["en"]


def test_sandbox_refuses_changing_the_data(tmp_path: Path) -> None:
    folder = write(tmp_path / "t", "{{ items.append(1) }}\n")
    error = render_error(folder, {"items": []})
    assert "plan.md.j2:1:" in error.text["en"] and "unsafe" in error.text["en"]


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "t", "a\nb\n{% for x in %}\n{% endfor %}\n")
    error = render_error(folder)
    assert error.text["vi"].startswith(f"{folder_shown(folder)}/plan.md.j2:3: lỗi cú pháp")


def test_undefined_value_names_file_and_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "t", "{{ closing }}\n\n\n{{ closng }}\n")
    error = render_error(folder)
    assert error.text["en"].startswith(f"{folder_shown(folder)}/plan.md.j2:4: the template uses")
    assert "closng" in error.text["en"]


def test_error_inside_an_included_template_names_that_file(tmp_path: Path) -> None:
    folder = write(tmp_path / "t", "x\n{% include 'part.md.j2' %}\n")
    write(folder, "ok\n{{ 1 // 0 }}\n", name="part.md.j2")
    error = render_error(folder)
    assert "part.md.j2:2:" in error.text["en"] and "ZeroDivisionError" in error.text["en"]


def test_missing_template_says_how_to_point_at_one(tmp_path: Path) -> None:
    error = render_error(tmp_path)
    assert "--templates" in error.text["vi"] and "plan.md.j2" in error.text["vi"]


def folder_shown(folder: Path) -> str:
    return os.path.relpath(folder)


# --- the plan template --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def markdown() -> str:
    return plan_markdown(open_plan(PLAN), TEMPLATES)


def test_plan_context_is_pure_data() -> None:
    context = plan_context(open_plan(PLAN))
    # The header is the one typed record every document shares (frozen: a template only reads it).
    header = context.pop("document")
    assert isinstance(header, Header)
    assert (header.full_symbol, header.type_name, header.superior) == (
        "/KH-SNgV",
        "Kế hoạch",
        "UBND tỉnh Cao Bằng",
    )
    assert json.loads(json.dumps(context, ensure_ascii=False)) == context
    assert context["objectives"]["number"] == "I."
    assert [p["number"] for p in context["parts"]] == ["II.", "III."]


def test_plan_template_structure(markdown: str) -> None:
    blocks = parse(markdown)
    headings = [(b.kind, b.text.split(" ")[0]) for b in blocks if b.kind != "para"]
    assert headings == [
        ("part", "I."),
        *[("part", "II."), ("clause", "1."), ("clause", "2."), ("clause", "3."), ("clause", "4.")],
        *[("part", "III."), ("clause", "1."), ("clause", "2.")],
    ]
    paras = [b.text for b in blocks if b.kind == "para"]
    assert paras[1].startswith("1. Triển khai") and paras[2].startswith("2. Tạo sự")
    assert paras[-1].endswith("./.")


def test_one_task_is_a_paragraph_several_are_bullets(markdown: str) -> None:
    blocks = parse(markdown)
    after: dict[str, list[str]] = {}
    current = ""
    for b in blocks:
        if b.kind == "clause":
            current = b.text
            after[current] = []
        elif b.kind == "para" and current:
            after[current].append(b.text)
    ii2 = next(k for k in after if k.startswith("2. Tổ chức quán triệt"))
    iii2 = "2. Các phòng chuyên môn"
    assert not after[ii2][0].startswith("- ")  # the only task of II.2
    assert not after[iii2][0].startswith("- ")  # the only task of III.2 (then the closing)
    assert all(t.startswith("- ") for t in after["1. Công tác lãnh đạo, chỉ đạo"])
    assert len(after["1. Công tác lãnh đạo, chỉ đạo"]) == 3


def test_empty_sections_render_their_heading_only(tmp_path: Path) -> None:
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      tasks:\n        - id: theo-doi-don-doc\n"
        "          text: Theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này.\n"
        "          owner: VP\n",
        "      tasks: []\n",
    )
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan(path)
    assert plan is not None and [p.rule for p in problems] == ["empty-section"]
    blocks = parse(plan_markdown(plan, TEMPLATES))
    assert [(b.kind, b.text) for b in blocks[-3:]] == [
        ("part", "III. TỔ CHỨC THỰC HIỆN"),
        ("clause", "1. Văn phòng Sở"),
        ("para", plan.closing),
    ]


def test_data_that_looks_like_markup_stays_text(tmp_path: Path) -> None:
    text = (
        (DATA / "minimal.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "text: Theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này.",
            'text: "## Theo dõi | đôn đốc"',
        )
    )
    path = tmp_path / "markup.yaml"
    path.write_text(text, encoding="utf-8")
    plan, _ = read_plan(path)
    assert plan is not None
    blocks = parse(plan_markdown(plan, TEMPLATES))
    assert ("para", "## Theo dõi | đôn đốc") in [(b.kind, b.text) for b in blocks]


def test_a_refused_access_is_said_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("templates")
    folder.mkdir()
    (folder / "plan.md.j2").write_text("{{ [].append(1) }}\n", encoding="utf-8")
    with pytest.raises(DvcqError) as caught:
        templating.render(folder, "plan.md.j2", {})
    assert caught.value.text["vi"] == (
        "templates/plan.md.j2:1: mẫu bị chặn vì truy cập không an toàn (thuộc tính “append” "
        "của đối tượng kiểu “list” không được phép dùng). Mẫu chỉ được dùng dữ liệu của văn bản."
    )
