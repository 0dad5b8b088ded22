"""A task's short title: given in the plan, or derived at a clause boundary."""

from dvcq.model import Task
from dvcq.titles import derived_title, short_title


def test_a_short_first_sentence_is_the_title() -> None:
    text = "Thực hiện nghiêm các quy định về đạo đức công vụ tại Sở; nâng cao ý thức trách nhiệm."
    assert derived_title(text) == "Thực hiện nghiêm các quy định về đạo đức công vụ tại Sở"


def test_a_long_sentence_ends_at_its_last_clause_boundary_within_the_limit() -> None:
    text = (
        "Tổ chức triển khai xây dựng, ban hành kế hoạch cụ thể và đảm bảo thực hiện có hiệu quả "
        "các quy định của pháp luật, văn bản chỉ đạo của Trung ương, của tỉnh về công tác dân vận."
    )
    assert derived_title(text) == "Tổ chức triển khai xây dựng, ban hành kế hoạch cụ thể"


def test_a_long_sentence_without_a_boundary_is_kept_whole() -> None:
    text = "Tổ chức " + "thực hiện " * 20 + "tại cơ quan."
    assert derived_title(text) == text[:-1]
    assert "…" not in derived_title(text)


def test_the_plans_own_title_wins() -> None:
    task = Task(id="t", text="Một nhiệm vụ rất dài, có nhiều vế.", title="  Tiếp công dân ")
    assert short_title(task) == "Tiếp công dân"
    assert short_title(Task(id="t", text="Tiếp công dân định kỳ.")) == "Tiếp công dân định kỳ"


# Real task texts of this genre (plans of Sở, UBND tỉnh/huyện): a comma inside a list is no
# clause boundary, so a title never ends on the first item of "tiếp nhận, xử lý phản ánh" or
# "Kết luận, Chỉ thị".
def test_a_list_after_a_comma_is_not_cut() -> None:
    text = (
        "Tiếp tục quán triệt, thực hiện Nghị định số 20/2008/NĐ-CP ngày 14/2/2008 của Chính phủ về "
        "tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính."
    )
    title = derived_title(text)
    assert title == (
        "Tiếp tục quán triệt, thực hiện Nghị định số 20/2008/NĐ-CP ngày 14/2/2008 của Chính phủ"
    )


def test_two_verbs_sharing_an_object_are_not_cut() -> None:
    text = (
        "Đổi mới, nâng cao hiệu quả công tác tuyên truyền, vận động Nhân dân thực hiện đường lối, "
        "chủ trương của Đảng, chính sách, pháp luật của Nhà nước."
    )
    assert not derived_title(text).endswith(("đường lối", "Đổi mới"))


def test_a_list_of_items_ends_where_the_list_does() -> None:
    text = (
        "Tăng cường công tác bồi dưỡng nâng cao đạo đức công vụ, tinh thần trách nhiệm, kỷ luật, kỷ "
        "cương hành chính, ý thức phục vụ Nhân dân của đội ngũ công chức, viên chức."
    )
    title = derived_title(text)
    assert not title.endswith(("kỷ luật", "trách nhiệm", "đạo đức công vụ"))
    assert title.startswith("Tăng cường công tác bồi dưỡng") and "…" not in title


def test_a_list_of_documents_is_not_cut_at_its_first_kind() -> None:
    text = (
        "Tổ chức quán triệt các Kết luận, Chỉ thị, Quyết định của Ban Thường vụ Tỉnh ủy, Ủy ban "
        "nhân dân tỉnh về công tác dân vận chính quyền, quy chế dân chủ ở cơ sở trên địa bàn huyện."
    )
    title = derived_title(text)
    assert not title.endswith(("Kết luận", "Chỉ thị"))
    assert title == "Tổ chức quán triệt các Kết luận, Chỉ thị, Quyết định của Ban Thường vụ Tỉnh ủy"


def test_a_clause_after_a_comma_is_a_boundary() -> None:
    text = (
        "Ủy ban nhân dân các xã chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở, tổ chức đối thoại "
        "định kỳ với Nhân dân để kịp thời giải quyết kiến nghị chính đáng của Nhân dân."
    )
    assert derived_title(text) == (
        "Ủy ban nhân dân các xã chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở"
    )


def test_the_bundled_plans_titles_end_at_a_boundary() -> None:
    from dvcq.rules.check import open_plan
    from tests.cli_run import SAMPLE

    plan = open_plan(SAMPLE / "plans" / "2026.yaml")
    titles = [short_title(t) for t in plan.tasks()]
    assert all(len(t) <= 125 and "…" not in t for t in titles)
    bad_ends = ("đường lối", "Kết luận", "tiếp nhận", "các phòng", "nghiên cứu", "kỷ luật")
    assert not [t for t in titles if t.endswith(bad_ends)]


def test_two_nouns_sharing_a_complement_are_not_cut() -> None:
    # "quyền và nghĩa vụ của công dân": "và nghĩa vụ" belongs to "quyền", no new clause.
    text = (
        "Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ "
        "của công dân bằng hình thức phù hợp với từng địa bàn."
    )
    assert derived_title(text) == (
        "Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ"
    )
    text = (
        "Quán triệt, triển khai Kế hoạch này đến toàn thể cán bộ, công chức xã và Trưởng các "
        "thôn trong tháng 3 năm 2025."
    )  # tests/data/plans/ubnd-xa.yaml: who is told is not cut in two
    assert derived_title(text) == (
        "Quán triệt, triển khai Kế hoạch này đến toàn thể cán bộ, công chức xã và Trưởng các thôn"
    )
