"""The questions of interactive `progress add` (dvcq/cli/prompts.py), driven by a script, and the
dates a clerk types (issue 14, part 4). The real-terminal session is tests/test_prompts_terminal.py.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from cli_run import SAMPLE, SAMPLE_PLAN, add_args, run

from dvcq import i18n
from dvcq.cli import prompts
from dvcq.dates import DateError, parse_typed
from dvcq.rules.check import plan_from_text

TODAY = dt.date(2026, 11, 27)


class Script(prompts.Terminal):
    """A terminal whose answers are a list, and whose screen is a list of lines."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.screen: list[str] = []

    def say(self, text: str) -> None:
        self.screen.extend(text.split("\n"))

    def ask(self, prompt: str) -> str:
        answer = self.answers.pop(0)
        self.screen.append(prompt + answer)
        return answer

    def width(self) -> int:
        return 80


@pytest.fixture
def plan() -> object:
    built, _ = plan_from_text(SAMPLE_PLAN.read_text(encoding="utf-8"), str(SAMPLE_PLAN))
    assert built is not None
    return built


@pytest.fixture(autouse=True)
def vietnamese() -> object:
    i18n.set_lang("vi")
    yield
    i18n.reset()


def test_each_answer_is_checked_at_once_and_the_others_kept(plan: object) -> None:
    term = Script(
        [
            *("quy-che-tiep-cong-da", "quy-che-tiep-cong-dan", "3", "15/3/2025", "15/3/2026"),
            *("Đang", "2", "", "Tiếp dân.", "12/BC-SNgV; 3/KH", "12/BC-SNgV"),
            *("-1", "4", "", "", "", "B"),
        ]
    )
    got = prompts.fill(term, plan, prompts.Answers(), TODAY)  # type: ignore[arg-type]
    assert got == prompts.Answers(
        task="quy-che-tiep-cong-dan",
        unit="LDS",
        day=dt.date(2026, 3, 15),
        status="dang-thuc-hien",
        result="Tiếp dân.",
        evidence=["12/BC-SNgV"],
        values={"luot-tiep-cong-dan": 4},
        author="B",
    )
    assert term.answers == []
    said = "\n".join(term.screen)
    assert (
        "  “quy-che-tiep-cong-da” không có trong danh sách: gõ một số từ 1 đến 11, hoặc\n"
        "  mã nhiệm vụ. Có phải ý bạn là “quy-che-tiep-cong-dan”?"
    ) in said
    assert ("  Ngày “15/3/2025” của mục tiến độ không hợp lệ: nằm ngoài năm của kế hoạch.") in said
    assert "  “Đang” không có trong danh sách: gõ một số từ 1 đến 3, hoặc mã tình trạng." in said
    assert "  Phần này không được để trống." in said
    assert "  Số ký hiệu “3/KH” không đúng quy cách; viết như 123/SNgV-VP" in said
    assert "  “-1” không phải số: gõ một số không âm (lượt), ví dụ 12 hoặc 2,5;" in said
    # the numbered list: display number and short title, wrapped under itself at 80 columns
    eighth = term.screen.index(
        "   8. II.4  Thực hiện Quy chế tiếp công dân; tiếp nhận, giải quyết đơn thư phản"
    )
    assert term.screen[eighth + 1] == "            ánh, kiến nghị (quy-che-tiep-cong-dan)"
    assert all(len(line) <= 79 for line in term.screen)


def test_what_was_given_is_not_asked(plan: object) -> None:
    given = prompts.Answers(
        task="quy-che-tiep-cong-dan",
        unit="VP",
        day=dt.date(2026, 3, 1),
        status="hoan-thanh",
        result="Xong.",
        evidence=[],
        values={"luot-tiep-cong-dan": 1, "don-thu-tiep-nhan": 0, "don-thu-giai-quyet": 0},
        author="A",
    )
    term = Script([])
    assert prompts.fill(term, plan, given, TODAY) == given  # type: ignore[arg-type]
    assert term.screen == []


@pytest.mark.parametrize(
    ("lang", "answers", "said"),
    [
        ("vi", ["c"], True),
        ("vi", ["Có"], True),
        ("vi", [""], True),
        ("vi", ["y"], True),
        ("vi", ["k"], False),
        ("vi", ["không"], False),
        ("vi", ["n"], False),
        ("vi", ["ok", "K"], False),
        ("en", ["Y"], True),
        ("en", ["c", "no"], False),
    ],
)
def test_confirm(lang: str, answers: list[str], said: bool) -> None:
    i18n.set_lang(lang)
    term = Script(answers)
    assert prompts.confirm(term, "Ghi?" if lang == "vi" else "Write?") is said
    assert term.screen[0] == ("Ghi? [C/k]: " if lang == "vi" else "Write? [Y/n]: ") + answers[0]
    if len(answers) > 1:
        assert term.screen[1] == (
            "  Gõ c (có) hoặc k (không)." if lang == "vi" else "  Type y (yes) or n (no)."
        )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15/3/2026", dt.date(2026, 3, 15)),
        ("05/03/2026", dt.date(2026, 3, 5)),
        ("5/3/2026", dt.date(2026, 3, 5)),
        ("15-3-2026", dt.date(2026, 3, 15)),
        ("15.03.2026", dt.date(2026, 3, 15)),
        (" 2026-03-15 ", dt.date(2026, 3, 15)),
    ],
)
def test_typed_dates(text: str, day: dt.date) -> None:
    assert parse_typed(text) == day


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        *(("31/2/2026", "impossible"), ("15/13/2026", "impossible"), ("2026/3/15", "format")),
        *(("15/3-2026", "format"), ("3/15", "format"), ("１５/3/2026", "format")),
    ],
)
def test_typed_dates_refused(text: str, reason: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_typed(text)
    assert refused.value.reason == reason


def test_date_option_takes_the_day_first(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    done = run(*add_args(date="15/3/2026"), cwd=tmp_path / "ws")
    assert done.returncode == 0, done.stderr
    month = tmp_path / "ws" / "progress" / "2026" / "2026-03.yaml"
    last = json.loads(month.read_text(encoding="utf-8").splitlines()[-1].removeprefix("- "))
    assert last["date"] == "2026-03-15"


def test_a_task_or_unit_given_wrong_is_asked_for_at_once(plan: object) -> None:
    given = prompts.Answers(
        task="quy-che", unit="XX", day=dt.date(2026, 3, 1), status="hoan-thanh", result="Xong."
    )
    given.evidence, given.author = [], "A"
    term = Script(["8", "1", "", "", ""])
    got = prompts.fill(term, plan, given, TODAY)  # type: ignore[arg-type]
    assert (got.task, got.unit) == ("quy-che-tiep-cong-dan", "VP")
    assert term.screen[0] == "Kế hoạch không có nhiệm vụ “quy-che”; chọn trong danh sách."
    assert "Kế hoạch không có đơn vị “XX”; chọn trong danh sách." in term.screen


@pytest.mark.parametrize("typed", ["²", "٣", "9" * 5000, "0", "12"])
def test_only_a_number_of_the_list_chooses(plan: object, typed: str) -> None:
    term = Script([typed, "3"])
    assert prompts.choose_status(term) == "hoan-thanh"
    assert term.screen[5].startswith(f"  “{typed[:20]}")
