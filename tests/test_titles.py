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
