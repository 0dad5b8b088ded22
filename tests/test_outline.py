"""The outline of any depth: parts with roles, khoản, điểm a), b), bullets "-" and "+", prose at
any level, tasks at any depth; display numbers from order; the problems each element can have,
at their positions. Positions are minimal.yaml's lines with a `parts:` block put before `closing:`
(line 45), or the UBND tỉnh plan's own lines."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from cli_run import ROOT, SAMPLE_PLAN, run
from docx_read import needs_office, printed_text
from plan_text import edit, found, minimal, plan_of

from dvcq.documents.context import plan_context, report_context
from dvcq.documents.markup import parse
from dvcq.documents.render import plan_markdown
from dvcq.model import Progress, letter
from dvcq.outline import outline
from dvcq.review.diff import diff_plans
from dvcq.review.textconv import textconv_lines

UBND = ROOT / "tests" / "data" / "plans" / "ubnd-tinh.yaml"
CLOSING = "closing: Yêu cầu"
# What a reader sees, in order, at the start of each paragraph of the plan: every level's mark.
PRINTED_MARKS = [
    *["I.", "1.", "-", "-", "2.", "-", "-"],
    *["II.", "1.", "a)", "-", "-", "b)", "2.", "a)", "-", "+", "+", "b)", "3."],
    *["III.", "1.", "2.", "IV.", "V.", "-", "-"],
]


def with_parts(block: str, base: str | None = None) -> str:
    """minimal.yaml with `block` (a `parts:` list) written on line 45, before `closing:`."""
    return edit(base or minimal(), (CLOSING, block + CLOSING))


FUNDING = """parts:
  - role: funding
    title: KINH PHÍ THỰC HIỆN
    items:
      - id: nguon-kinh-phi
        title: Nguồn kinh phí
        items:
          - text: Dự toán chi thường xuyên năm 2026 của cơ quan.
"""


def ubnd() -> str:
    return UBND.read_text(encoding="utf-8")


# --- the UBND tỉnh plan: valid, numbered from order ---------------------------------------------


def test_the_ubnd_plan_has_no_problem() -> None:
    assert found(ubnd()) == []


def test_tasks_are_placed_with_the_number_of_their_point() -> None:
    placed = plan_of(ubnd()).placed_tasks()
    assert [(p.number, p.task.id) for p in placed] == [
        ("II.1.a", "quan-triet-chi-thi-33"),
        ("II.1.a", "tuyen-truyen-dan-van"),
        ("II.1.b", "kiem-tra-dan-van"),
        ("II.2.a", "mot-cua-lien-thong"),  # under a "-" bullet of point a): still II.2.a
        ("II.2.a", "dich-vu-cong-truc-tuyen"),
        ("II.2.b", "van-hoa-cong-vu"),
        ("II.3", "tiep-cong-dan"),
        ("III.1", "theo-doi-don-doc"),
        ("III.2", "xay-dung-ke-hoach"),
    ]
    assert [p.part.role for p in placed if p.part] == ["contents"] * 7 + ["implementation"] * 2
    assert placed[3].section.text == "Thực hiện tốt việc tiếp nhận, giải quyết thủ tục hành chính:"
    assert [p.title for p in placed[2:7]] == [
        "Kiểm tra, giám sát",
        "Về cải cách thủ tục hành chính",  # point a) has no title: its words name it
        "Về cải cách thủ tục hành chính",
        "Về đạo đức công vụ",
        "Thực hiện có hiệu quả Luật Thực hiện dân chủ ở cơ sở",
    ]


def test_the_seed_keeps_its_section_numbers() -> None:
    placed = plan_of(SAMPLE_PLAN.read_text(encoding="utf-8")).placed_tasks()
    assert sorted({p.number for p in placed}) == [
        "II.1", "II.2", "II.3", "II.4", "III.1", "III.2",
    ]  # fmt: skip


def test_the_rendered_plan_numbers_every_level_in_order() -> None:
    text = plan_markdown(plan_of(ubnd(), str(UBND)), ROOT / "templates")
    marks = [
        m[0]
        for block in parse(text)
        if (m := re.match(r"(?:[IVX]+\.|\d+\.|[a-zđ]\)|[-+](?= ))", block.text))
    ]
    assert marks == PRINTED_MARKS
    kinds = [(b.kind, b.text) for b in parse(text) if b.kind != "para"]
    assert kinds[:3] == [
        ("part", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("clause", "1. Mục đích"),
        ("clause", "2. Yêu cầu"),
    ]
    assert ("clause", "a) Quán triệt, tuyên truyền") in kinds
    assert kinds[-1] == ("part", "V. CHẾ ĐỘ BÁO CÁO")


def test_the_letters_are_the_vietnamese_alphabet() -> None:
    assert "".join(letter(n) for n in range(1, 24)) == "abcdđeghiklmnopqrstuvxy"
    assert letter(24) == "aa"


def test_show_json_nests_the_nodes() -> None:
    parts = outline(plan_of(ubnd()))["parts"]
    assert [(p["number"], p["role"]) for p in parts] == [
        ("I.", "objectives"),
        ("II.", "contents"),
        ("III.", "implementation"),
        ("IV.", "funding"),
        ("V.", "reporting"),
    ]
    point = parts[1]["sections"][1]["sections"][0]
    assert (point["number"], point["path"], point["id"]) == ("a)", "II.2.a", "thu-tuc-hanh-chinh")
    bullet = point["sections"][0]
    assert (bullet["number"], bullet["task_marker"], len(bullet["tasks"])) == ("-", "+", 2)


def test_the_plan_context_keeps_the_fixed_parts_shapes() -> None:
    context = plan_context(plan_of(minimal()))
    assert context["objectives"]["number"] == "I."
    assert [p["number"] for p in context["parts"]] == ["II.", "III."]
    assert [p["number"] for p in context["outline"]] == ["I.", "II.", "III."]


def test_extra_parts_follow_the_fixed_ones() -> None:
    plan = plan_of(with_parts(FUNDING))
    assert [(p.key, p.role) for p in plan.all_parts()] == [
        ("objectives", "objectives"),
        ("contents", "contents"),
        ("organization", "implementation"),
        ("parts.0", "funding"),
    ]
    text = plan_markdown(plan, ROOT / "templates")
    assert "## IV. KINH PHÍ THỰC HIỆN\n\n### 1. Nguồn kinh phí\n\na) Dự toán chi" in text


def test_the_report_groups_results_by_part_and_khoan() -> None:
    import datetime as dt

    from dvcq.progress.periods import parse_period

    plan = plan_of(ubnd())
    period = parse_period("2025-H1", plan.reporting)
    results = report_context(plan, Progress(), period, dt.date(2025, 7, 1))["results"]
    assert [(r["number"], r["role"]) for r in results] == [
        ("II.", "contents"),
        ("III.", "implementation"),
    ]
    sections = results[0]["sections"]
    assert [(s["number"], s["id"], len(s["tasks"])) for s in sections] == [
        ("1.", "lanh-dao-chi-dao", 3),
        ("2.", "cai-cach-hanh-chinh", 3),
        ("3.", "dan-chu-co-so", 1),
    ]
    assert sections[2]["title"] == "Thực hiện có hiệu quả Luật Thực hiện dân chủ ở cơ sở"


# --- problems of each element, at their positions ---------------------------------------------


def test_an_unknown_mark_is_refused_where_written() -> None:
    text = with_parts(
        FUNDING.replace("      - id: nguon", "      - mark: roman\n        id: nguon")
    )
    assert found(text) == [("invalid-value", 49, 15)]


def test_an_unknown_role_is_refused_where_written() -> None:
    assert found(with_parts(FUNDING.replace("role: funding", "role: budget"))) == [
        ("invalid-value", 46, 11)
    ]


def test_a_misspelt_key_of_a_node_is_named_where_written() -> None:
    assert found(with_parts(FUNDING.replace("        items:", "        itemz:"))) == [
        ("empty-section", 49, 9),
        ("unknown-key", 51, 9),
    ]


def test_a_line_break_in_a_nodes_text_is_a_problem_at_its_line() -> None:
    block = FUNDING.replace(
        "          - text: Dự toán chi thường xuyên năm 2026 của cơ quan.\n",
        "          - text: |\n              Dự toán chi thường xuyên\n              năm 2026.\n",
    )
    assert found(with_parts(block)) == [("line-break", 53, 15)]


def test_a_line_break_in_a_quoted_task_text_is_a_problem_at_the_text() -> None:
    text = edit(minimal(), ("text: Theo dõi, đôn đốc việc", 'text: "Theo dõi,\\nđôn đốc việc'))
    text = edit(text, ("thực hiện Kế hoạch này.\n", 'thực hiện Kế hoạch này."\n'))
    assert found(text) == [("line-break", 43, 18)]  # at the text, after its quote


def test_an_id_used_twice_deep_in_the_outline_is_a_problem() -> None:
    block = FUNDING.replace(
        "          - text:", "          - id: lanh-dao-chi-dao\n            text:"
    )
    assert found(with_parts(block)) == [("duplicate-id", 52, 17)]


def test_a_node_with_only_a_title_is_empty() -> None:
    block = FUNDING.replace(
        "        items:\n          - text: Dự toán chi thường xuyên năm 2026 của cơ quan.\n", ""
    )
    assert found(with_parts(block)) == [("empty-section", 49, 9)]


def test_a_numbered_node_without_title_or_text_has_no_place_for_its_number() -> None:
    text = edit(minimal(), ("      title: Văn phòng Sở\n", ""))
    assert found(text) == [("untitled-node", 38, 7)]
    block = FUNDING.replace("        title: Nguồn kinh phí\n", "        mark: none\n")
    assert found(with_parts(block)) == []  # a plain group: no number to print


def test_a_deep_task_is_checked_for_its_owner_and_units() -> None:
    block = FUNDING.replace(
        "          - text: Dự toán chi thường xuyên năm 2026 của cơ quan.\n",
        "          - text: Bố trí kinh phí.\n            tasks:\n"
        "              - id: du-toan\n                text: Lập dự toán.\n"
        "                owner: KHTC\n              - id: quyet-toan\n"
        "                text: Quyết toán.\n",
    )
    assert found(with_parts(block)) == [
        ("unknown-unit", 56, 24),
        ("task-without-owner", 57, 17),
    ]


def test_a_plan_without_any_part_is_refused() -> None:
    text = minimal()
    start, end = text.index("objectives:"), text.index(CLOSING)
    assert found(text[:start] + text[end:]) == [
        ("missing-key", 2, 1),
        ("unused-directive", 27, 13),  # its one citation went with the parts
    ]


def test_a_fixed_part_may_not_be_null() -> None:
    text = edit(minimal(), ("organization:\n", "organization: null\nold_organization:\n"))
    assert ("wrong-type", 35, 15) in found(text)


# --- review: diff and textconv -----------------------------------------------------------------


def test_diff_sees_a_task_moved_between_points_and_a_reworded_node() -> None:
    old = plan_of(ubnd())
    text = ubnd()
    moved = (
        "              - id: tuyen-truyen-dan-van\n"
        "                text: Đổi mới hình thức tuyên truyền về công tác dân vận chính quyền trên"
        " Cổng thông tin điện tử tỉnh và các phương tiện thông tin đại chúng.\n"
        "                owner: STTTT\n"
    )
    text = edit(text, (moved, ""))
    text = edit(
        text,
        (
            '                cadence: once\n                due: "2025-10-31"\n',
            '                cadence: once\n                due: "2025-10-31"\n' + moved,
        ),
    )
    text = edit(text, ("Về đạo đức công vụ.", "Về đạo đức, văn hóa công vụ."))
    text = edit(text, ("    title: KINH PHÍ THỰC HIỆN", "    title: KINH PHÍ"))
    changes = {(c.kind, c.id) for c in diff_plans(old, plan_of(text))}
    assert changes == {
        ("task-moved", "tuyen-truyen-dan-van"),
        ("section-reworded", "dao-duc-cong-vu"),
        ("part-retitled", "kinh-phi"),
    }


def test_textconv_names_general_parts_and_unnamed_nodes_by_place() -> None:
    lines = list(textconv_lines(plan_of(ubnd())))
    assert "part kinh-phi role: funding" in lines
    assert (
        "section II.2.a/1 text: Thực hiện tốt việc tiếp nhận, giải quyết thủ tục hành chính:"
        in (lines)
    )
    assert "task mot-cua-lien-thong section: II.2.a/1" in lines
    assert "section V/1 mark: none" in lines


# --- the UBND tỉnh plan end to end: check, Word, LibreOffice, status, report -------------------


@needs_office
def test_the_ubnd_plan_prints_and_reports(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(UBND, tmp_path / "plans" / "2025.yaml")
    env = {"DVCQ_TODAY": "2025-07-20"}
    assert run("check", cwd=tmp_path, env=env).returncode == 0
    add = ("progress", "add", "mot-cua-lien-thong", "-u", "VP", "-d", "2025-05-10")
    done = run(
        *add, "-s", "dang-thuc-hien", "-r", "Tiếp nhận 1.250 hồ sơ", "--author", "A", "-y",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    status = run("status", "--period", "2025-H1", "--format", "json", cwd=tmp_path, env=env)
    assert status.returncode == 0, status.stderr
    rows = json.loads(status.stdout)["tasks"]
    assert [(r["section"], r["task"]) for r in rows][3] == ("II.2.a", "mot-cua-lien-thong")
    report = run("report", "2025-H1", "-o", "bao-cao.docx", cwd=tmp_path, env=env)
    assert report.returncode == 0, report.stderr
    rendered = run("render", "plan", "-o", "ke-hoach.docx", cwd=tmp_path, env=env)
    assert rendered.returncode == 0, rendered.stderr

    printed = printed_text(tmp_path / "ke-hoach.docx", tmp_path)
    pages = printed.rstrip("\f").split("\f")
    assert len(pages) == 3 and all(page.strip() for page in pages)  # no blank page
    assert " ".join(pages[0].split("\n")[0].split()) == (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    marks = [
        m[1]
        for line in printed.split("\n")
        if (m := re.match(r"\s{4,}([IVX]+\.|\d+\.|[a-zđ]\)|[-+]) ", line))
        and not line.strip().startswith("- Lưu")
    ]
    assert [m for m in marks if m] == PRINTED_MARKS
    reported = printed_text(tmp_path / "bao-cao.docx", tmp_path)
    assert "+ Tiếp nhận 1.250 hồ sơ." in reported


def test_new_year_moves_a_deep_tasks_due_date() -> None:
    from dvcq.lifecycle.newyear import next_year

    text, year, _ = next_year(ubnd(), str(UBND))
    lines = text.split("\n")
    at = lines.index('                due: "2026-10-31"')
    assert year == 2026 and lines[at - 1] == (
        "                # XEM LẠI (review): hạn hoàn thành đã dời 1 năm; xem lại."
    )


def test_the_shipped_schema_takes_the_ubnd_plan_and_refuses_a_bad_mark() -> None:
    import yaml
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(ubnd())
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    data["parts"][1]["items"][1]["items"][0]["items"][0]["mark"] = "roman"
    (error,) = Draft202012Validator(schema).iter_errors(data)
    assert list(error.absolute_path) == ["parts", 1, "items", 1, "items", 0, "items", 0, "mark"]


def test_show_draws_the_deep_outline_as_a_tree() -> None:
    done = run("show", UBND, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert "│   ├── 1. Công tác lãnh đạo, chỉ đạo [lanh-dao-chi-dao]" in lines
    assert "│   │   Các cơ quan, đơn vị, địa phương tập trung thực hiện các nội dung sau." in lines
    assert "│   │   ├── a) Quán triệt, tuyên truyền [quan-triet]" in lines
    assert "│   │   │       ├── + Nâng cao chất lượng hoạt động của bộ phận một cửa các cấp." in (
        lines
    )
    assert "├── IV. KINH PHÍ THỰC HIỆN" in lines


def test_the_line_break_message_names_the_field_and_its_line() -> None:
    from plan_text import problems_of

    from dvcq import rules

    text = (ROOT / "tests" / "data" / "broken" / "line-break.yaml").read_text(encoding="utf-8")
    (problem,) = problems_of(text)
    assert rules.message(problem, "vi") == (
        "Phần “nội dung” có dấu xuống dòng (sau dòng thứ 1); khi in, các dòng bị nối làm một đoạn."
    )
    assert rules.message(problem, "en") == (
        "The text holds a line break (after its line 1); printed, the lines would be joined."
    )
