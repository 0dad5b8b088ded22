"""The semantic diff beyond tasks: objectives, sections, basis paragraphs, parts, the closing and
the registries. Re-wrapping prose (other line breaks, other spaces) is no change."""

from __future__ import annotations

from typing import Any

from plan_text import edit, minimal, plan_of

from dvcq.review.diff import Change, diff_plans

BASIS = """\
basis:
  - text: Căn cứ Kế hoạch số 918/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân tỉnh Cao Bằng;
    refs:
      - 918/KH-UBND
  - text: Căn cứ tình hình thực tế của Sở Ngoại vụ,
objectives:
"""
OBJECTIVE = "      text: Nâng cao trách nhiệm của người đứng đầu trong thực hiện công tác dân vận chính quyền.\n"
SECOND_OBJECTIVE = OBJECTIVE + (
    "    - id: phat-huy-dan-chu\n      text: Phát huy quyền làm chủ của Nhân dân.\n"
)


def base(*pairs: tuple[str, str]) -> str:
    return edit(minimal(), ("objectives:\n", BASIS), *pairs)


def diff(old: str, new: str) -> list[tuple[Any, ...]]:
    return [(c.kind, c.scope, c.id, c.old, c.new) for c in changes(old, new)]


def changes(old: str, new: str) -> list[Change]:
    return diff_plans(plan_of(old), plan_of(new))


def test_same_plan_no_change() -> None:
    assert diff(base(), base()) == []


def test_rewrapped_prose_is_no_change() -> None:
    new = base(
        (
            OBJECTIVE,
            "      text: >-\n        Nâng cao trách nhiệm   của người đứng đầu\n"
            "        trong thực hiện công tác dân vận chính quyền.\n",
        ),
        (
            "  - text: Căn cứ tình hình thực tế của Sở Ngoại vụ,\n",
            "  - text: |\n      Căn cứ tình hình thực tế\n      của  Sở Ngoại vụ,\n",
        ),
        (
            "      title: Công tác lãnh đạo, chỉ đạo\n",
            '      title: "Công tác lãnh đạo,  chỉ đạo"\n',
        ),
        ("title: NỘI DUNG THỰC HIỆN", 'title: "NỘI DUNG\\n THỰC HIỆN"'),
        ("closing: Yêu cầu các phòng", "closing: >\n  Yêu cầu các\n  phòng"),
    )
    assert diff(base(), new) == []


def test_a_changed_word_in_an_objective() -> None:
    new = base((OBJECTIVE, OBJECTIVE.replace("Nâng cao", "Tăng cường")))
    (change,) = changes(base(), new)
    assert (change.kind, change.scope, change.id) == (
        "objective-reworded",
        "objective",
        "trach-nhiem-nguoi-dung-dau",
    )
    rest = "trách nhiệm của người đứng đầu trong thực hiện công tác dân vận chính quyền."
    assert change.words == [("-", "Nâng cao"), ("+", "Tăng cường"), ("=", rest)]
    assert change.message("vi") == (
        "Sửa lời mục tiêu trach-nhiem-nguoi-dung-dau: [-Nâng cao-] {+Tăng cường+} trách nhiệm của "
        "người đứng đầu …"
    )


def test_objective_added_removed_moved() -> None:
    two = base((OBJECTIVE, SECOND_OBJECTIVE))
    assert diff(base(), two) == [
        (
            "objective-added",
            "objective",
            "phat-huy-dan-chu",
            None,
            "Phát huy quyền làm chủ của Nhân dân.",
        )
    ]
    assert diff(two, base()) == [
        (
            "objective-removed",
            "objective",
            "phat-huy-dan-chu",
            "Phát huy quyền làm chủ của Nhân dân.",
            None,
        )
    ]
    swapped = base(
        (
            OBJECTIVE,
            "      text: Phát huy quyền làm chủ của Nhân dân.\n"
            "    - id: trach-nhiem-nguoi-dung-dau\n" + OBJECTIVE,
        ),
        (
            "    - id: trach-nhiem-nguoi-dung-dau\n      text: Phát",
            "    - id: phat-huy-dan-chu\n      text: Phát",
        ),
    )
    assert diff(two, swapped) == [
        ("objective-moved", "objective", "phat-huy-dan-chu", {"position": 2}, {"position": 1})
    ]


SECTION = "    - id: lanh-dao-chi-dao\n      title: Công tác lãnh đạo, chỉ đạo\n"


def test_section_retitled() -> None:
    new = base((SECTION, SECTION.replace("lãnh đạo, chỉ đạo", "lãnh đạo, chỉ đạo, điều hành")))
    (change,) = changes(base(), new)
    assert (change.kind, change.id, change.field) == (
        "section-retitled",
        "lanh-dao-chi-dao",
        "title",
    )
    assert change.words == [("=", "Công tác lãnh đạo, chỉ"), ("-", "đạo"), ("+", "đạo, điều hành")]


def test_section_moved_to_another_part() -> None:
    block = SECTION + (
        "      tasks:\n        - id: quan-triet-ke-hoach\n"
        "          text: Quán triệt Kế hoạch số 918/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân tỉnh "
        "Cao Bằng.\n          owner: VP\n          refs:\n            - 918/KH-UBND\n"
    )
    other = (
        "    - id: tuyen-truyen\n      title: Công tác tuyên truyền\n      tasks:\n"
        "        - id: tuyen-truyen-ke-hoach\n          text: Tuyên truyền Kế hoạch.\n"
        "          owner: VP\n"
    )
    old = base()
    new = edit(old, (block, other), ("owner: VP\nclosing:", "owner: VP\n" + block + "closing:"))
    assert diff(old, new) == [
        ("section-added", "section", "tuyen-truyen", None, "Công tác tuyên truyền"),
        (
            "section-moved",
            "section",
            "lanh-dao-chi-dao",
            {"part": "contents", "position": 1},
            {"part": "organization", "position": 2},
        ),
        ("task-added", "task", "tuyen-truyen-ke-hoach", None, "Tuyên truyền Kế hoạch."),
    ]


def test_section_renamed_id() -> None:
    new = base(("    - id: lanh-dao-chi-dao\n", "    - id: chi-dao\n"))
    assert diff(base(), new) == [
        ("section-removed", "section", "lanh-dao-chi-dao", "Công tác lãnh đạo, chỉ đạo", None),
        ("section-added", "section", "chi-dao", None, "Công tác lãnh đạo, chỉ đạo"),
        (
            "task-moved",
            "task",
            "quan-triet-ke-hoach",
            {"section": "lanh-dao-chi-dao", "position": 1},
            {"section": "chi-dao", "position": 1},
        ),
    ]


def test_section_unit_changed() -> None:
    new = base(("      unit: VP\n", "      unit: TTr\n"))
    assert diff(base(), new) == [("section-changed", "section", "van-phong-so", "VP", "TTr")]


PARA2 = "  - text: Căn cứ tình hình thực tế của Sở Ngoại vụ,\n"


def test_basis_paragraph_reworded() -> None:
    new = base((PARA2, PARA2.replace("thực tế", "thực tiễn")))
    (change,) = changes(base(), new)
    assert (change.kind, change.scope, change.id) == ("basis-reworded", "basis", "2")
    assert change.words == [
        ("=", "Căn cứ tình hình thực"),
        ("-", "tế"),
        ("+", "tiễn"),
        ("=", "của Sở Ngoại vụ,"),
    ]


def test_basis_paragraph_inserted_first_is_one_addition() -> None:
    new = base(("basis:\n", "basis:\n  - text: Căn cứ Luật Tổ chức chính quyền địa phương;\n"))
    assert diff(base(), new) == [
        ("basis-added", "basis", "1", None, "Căn cứ Luật Tổ chức chính quyền địa phương;")
    ]


def test_basis_paragraph_removed() -> None:
    new = base((PARA2, ""))
    assert diff(base(), new) == [
        ("basis-removed", "basis", "2", "Căn cứ tình hình thực tế của Sở Ngoại vụ,", None)
    ]


def test_basis_ref_removed_from_a_kept_paragraph() -> None:
    new = base(("    refs:\n      - 918/KH-UBND\n  - text: Căn", "  - text: Căn"))
    assert diff(base(), new) == [("ref-removed", "basis", "1", "918/KH-UBND", None)]


def test_basis_ref_removed_from_a_reworded_paragraph() -> None:
    new = base(
        ("    refs:\n      - 918/KH-UBND\n  - text: Căn", "  - text: Căn"),
        ("Căn cứ Kế hoạch số", "Căn cứ vào Kế hoạch số"),
    )
    assert [(c.kind, c.id, c.old, c.new) for c in changes(base(), new)] == [
        (
            "basis-reworded",
            "1",
            "Căn cứ Kế hoạch số 918/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân tỉnh Cao Bằng;",
            "Căn cứ vào Kế hoạch số 918/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân tỉnh Cao Bằng;",
        ),
        ("ref-removed", "1", "918/KH-UBND", None),
    ]


def test_part_retitled_and_closing_reworded() -> None:
    new = base(
        ("title: TỔ CHỨC THỰC HIỆN", "title: TỔ CHỨC THỰC HIỆN KẾ HOẠCH"),
        ("nghiêm túc triển khai", "khẩn trương triển khai"),
    )
    assert [(c.kind, c.id, c.words) for c in changes(base(), new)] == [
        (
            "part-retitled",
            "organization",
            [("=", "TỔ CHỨC THỰC HIỆN"), ("+", "KẾ HOẠCH")],
        ),
        (
            "closing-reworded",
            "",
            [
                ("=", "Yêu cầu các phòng chuyên môn"),
                ("-", "nghiêm túc"),
                ("+", "khẩn trương"),
                ("=", "triển khai thực hiện./."),
            ],
        ),
    ]


def test_registries() -> None:
    new = base(
        ("    name: Văn phòng Sở\ndirectives:", "    name: Văn phòng Sở Ngoại vụ\ndirectives:"),
        ('date: "2026-03-31"', 'date: "2026-03-30"'),
        ("  - UBND tỉnh (b/c);\n", "  - UBND tỉnh (để b/c);\n"),
    )
    got = [(c.kind, c.scope, c.id, c.field, c.old, c.new) for c in changes(base(), new)]
    assert got == [
        ("recipient-changed", "recipient", "1", None, "UBND tỉnh (b/c);", "UBND tỉnh (để b/c);"),
        ("unit-changed", "unit", "VP", "name", "Văn phòng Sở", "Văn phòng Sở Ngoại vụ"),
        ("directive-changed", "directive", "918/KH-UBND", "date", "2026-03-31", "2026-03-30"),
    ]


def test_reporting_and_document_date() -> None:
    new = base(("    day: 10\n", "    day: 12\n")) + "reporting:\n  cutoff_day: 20\n"
    got = [(c.kind, c.id, c.old, c.new) for c in changes(base(), new)]
    assert got == [
        ("document-changed", "date", "2026-04-10", "2026-04-12"),
        ("reporting-changed", "", 14, 20),
    ]


def test_subject_lines_changed() -> None:
    subject = "  subject: Triển khai thực hiện công tác dân vận chính quyền năm 2026\n"
    lines = '  subject_lines: ["Triển khai thực hiện công tác dân vận chính quyền", "năm 2026"]\n'
    new = base((subject, subject + lines))
    got = [(c.kind, c.id, c.old, c.new) for c in changes(base(), new)]
    assert got == [
        (
            "document-changed",
            "subject_lines",
            None,
            "Triển khai thực hiện công tác dân vận chính quyền / năm 2026",
        )
    ]
