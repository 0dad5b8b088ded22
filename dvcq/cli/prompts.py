"""The questions of an interactive `dvcq progress add`, each answer checked as it is typed.

Every question is asked again, with the reason, until its answer is right, so nothing typed
before is lost; a choice is a numbered list (the number or the id may be typed); dates are read
as a clerk writes them (15/3/2026); evidence and the task's own indicators are asked for. The
checks are `dvcq check`'s (`writing.answer_problems`), in its words. Reading and writing go
through a `Terminal`, so that the flow can be driven without one.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import click

from dvcq import i18n, rules
from dvcq.dates import DateError, numeric, parse_typed
from dvcq.model import STATUSES, Indicator, Plan, Task
from dvcq.problems import Problem, suggest
from dvcq.titles import short_title
from dvcq.visible import visible

T = TypeVar("T")


class Refused(Exception):
    """An answer that is not right, with the words that say why."""


class Terminal:
    """Questions on stdout, answers from stdin; the end of input (Ctrl+D) aborts the command."""

    def say(self, text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def ask(self, prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            sys.stdout.write("\n")
            raise click.exceptions.Abort() from None

    def width(self) -> int:
        return shutil.get_terminal_size().columns

    def note(self, text: str, indent: str = "") -> None:
        """A sentence wrapped at the terminal's width (never inside a word)."""
        width = max(40, self.width()) - 1
        self.say(textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent))


@dataclass
class Answers:
    """The values of a new entry: given on the command line, or asked for (None: not yet)."""

    task: str | None = None
    unit: str | None = None
    day: dt.date | None = None
    status: str | None = None
    result: str | None = None
    evidence: list[str] | None = None
    values: dict[str, float] = field(default_factory=dict)
    author: str | None = None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def ask(
    term: Terminal,
    label: str,
    check: Callable[[str], T],
    default: str | None = None,
    show_default: bool = True,
) -> T:
    """Ask until `check` takes the answer; an empty answer is `default` when there is one."""
    prompt = f"{label} [{default}]: " if default and show_default else f"{label}: "
    while True:
        text = _nfc(term.ask(prompt))
        if not text and default is not None:
            text = default
        try:
            return check(text)
        except Refused as refused:
            term.note(str(refused), "  ")


def _listing(term: Terminal, rows: list[tuple[str, str]]) -> None:
    """Numbered rows `  1. head text`, the text wrapped under itself at the terminal's width."""
    width = max(40, term.width())
    heads = [visible(head, newlines=False) for head, _ in rows]
    column = min(max(len(h) for h in heads), 12)  # the texts start in one column
    for i, (head, (_, text)) in enumerate(zip(heads, rows, strict=True), 1):
        lead = f"{i:>4}. {head:<{column}}"
        if not text:
            term.say(lead.rstrip())
            continue
        indent = " " * (len(lead) + 1) if len(lead) < 24 else " " * 6
        term.say(
            textwrap.fill(
                visible(text, newlines=False),
                width - 1,
                initial_indent=lead + " ",
                subsequent_indent=indent,
                break_on_hyphens=False,  # an id is never cut at its hyphens
                break_long_words=False,
            )
        )


def _pick(text: str, keys: list[str], kind_vi: str, kind_en: str) -> str:
    """The key chosen by its number in the list or by itself (case aside)."""
    if text.isascii() and text.isdigit() and len(text) < 6 and 1 <= int(text) <= len(keys):
        return keys[int(text) - 1]
    folded = {k.casefold(): k for k in keys}
    if text.casefold() in folded:
        return folded[text.casefold()]
    if not text:
        raise Refused(
            i18n.t(
                f"Chưa chọn {kind_vi}: gõ một số từ 1 đến {len(keys)}, hoặc mã {kind_vi}.",
                f"No {kind_en} chosen: type a number from 1 to {len(keys)}, or the {kind_en} id.",
            )
        )
    close = suggest(text, keys)
    mean_vi = f" Có phải ý bạn là “{close}”?" if close else ""
    mean_en = f" Did you mean “{close}”?" if close else ""
    raise Refused(
        i18n.t(
            f"“{text}” không có trong danh sách: gõ một số từ 1 đến {len(keys)}, hoặc mã "
            f"{kind_vi}.{mean_vi}",
            f"“{text}” is not in the list: type a number from 1 to {len(keys)}, or the "
            f"{kind_en} id.{mean_en}",
        )
    )


def choose_task(term: Terminal, plan: Plan) -> Task:
    placed = plan.placed_tasks()
    term.say(i18n.t("Nhiệm vụ:", "Tasks:"))
    _listing(term, [(p.number, f"{short_title(p.task)} ({p.task.id})") for p in placed])
    ids = [p.task.id for p in placed]
    label = i18n.t("Chọn nhiệm vụ (số thứ tự hoặc mã)", "Choose the task (number or id)")
    chosen = ask(term, label, lambda text: _pick(text, ids, "nhiệm vụ", "task"))
    return placed[ids.index(chosen)].task


def choose_unit(term: Terminal, plan: Plan, task: Task) -> str:
    ids = [u.id for u in plan.units]
    term.say(i18n.t("Đơn vị báo cáo:", "Reporting units:"))
    _listing(term, [(u.id, u.name) for u in plan.units])
    owner = task.owner if task.owner in ids else None
    label = i18n.t("Chọn đơn vị (số thứ tự hoặc mã)", "Choose the unit (number or id)")
    return ask(term, label, lambda text: _pick(text, ids, "đơn vị", "unit"), owner)


def _problem_words(found: list[Problem]) -> str:
    return " ".join(rules.message(p, i18n.lang()) for p in found)


def ask_day(term: Terminal, plan: Plan, today: dt.date) -> dt.date:
    from dvcq.progress.writing import answer_problems

    def check(text: str) -> dt.date:
        try:
            day = parse_typed(text)
        except DateError as exc:
            if exc.reason == "impossible":
                raise Refused(
                    i18n.t(f"Ngày “{text}” không có thật.", f"“{text}” is not a real day.")
                ) from None
            raise Refused(
                i18n.t(
                    f"“{text}” không phải ngày: viết dạng dd/mm/yyyy, ví dụ 15/3/{today.year}.",
                    f"“{text}” is not a date: write dd/mm/yyyy, e.g. 15/3/{today.year}.",
                )
            ) from None
        found = answer_problems(plan, today, {"entry-date"}, date=day.isoformat())
        if found:  # in check's words, with the day as it was typed
            raise Refused(_problem_words(found).replace(day.isoformat(), text))
        return day

    label = i18n.t("Ngày thực hiện (dd/mm/yyyy)", "Date (dd/mm/yyyy)")
    return ask(term, label, check, numeric(today))


def choose_status(term: Terminal) -> str:
    keys = list(STATUSES)
    lg = 0 if i18n.lang() == "vi" else 1
    term.say(i18n.t("Tình trạng:", "Status:"))
    _listing(term, [(STATUSES[k][lg], "") for k in keys])
    labels = {STATUSES[k][lg].casefold(): k for k in keys}

    def check(text: str) -> str:
        if text.casefold() in labels:
            return labels[text.casefold()]
        return _pick(text, keys, "tình trạng", "status")

    return ask(term, i18n.t("Chọn tình trạng (số thứ tự)", "Choose the status (number)"), check)


def _text(text: str) -> str:
    if not text:
        raise Refused(i18n.t("Phần này không được để trống.", "This cannot be left empty."))
    return text


def ask_evidence(term: Terminal, plan: Plan, today: dt.date) -> list[str]:
    from dvcq.progress.writing import answer_problems

    def check(text: str) -> list[str]:
        symbols = [s.strip() for s in re.split(r"[;,]", text) if s.strip()]
        found = answer_problems(plan, today, {"malformed-evidence"}, evidence=symbols)
        bad = [str(p.params["symbol"]) for p in found]
        if bad:
            raise Refused(
                i18n.t(
                    f"Số ký hiệu “{bad[0]}” không đúng quy cách; viết như 123/SNgV-VP hoặc "
                    "45/BC-SNgV (nhiều văn bản: cách nhau bằng dấu ;).",
                    f"Symbol “{bad[0]}” is malformed; write it as 123/SNgV-VP or 45/BC-SNgV "
                    "(several documents: separated by ;).",
                )
            )
        return symbols

    term.note(
        i18n.t(
            "Văn bản minh chứng: số ký hiệu, ví dụ 12/BC-SNgV; nhiều văn bản cách nhau bằng "
            "dấu “;”; để trống nếu không có.",
            "Evidence: document symbols, e.g. 12/BC-SNgV; several separated by “;”; empty if none.",
        )
    )
    return ask(term, i18n.t("Minh chứng", "Evidence"), check, "")


_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


def ask_value(term: Terminal, plan: Plan, today: dt.date, indicator: Indicator) -> float | None:
    from dvcq.progress.writing import answer_problems

    def check(text: str) -> float | None:
        if not text:
            return None
        if not _NUMBER.fullmatch(text):
            raise Refused(
                i18n.t(
                    f"“{text}” không phải số: gõ một số không âm ({indicator.unit}), ví dụ 12 "
                    "hoặc 2,5; để trống nếu không có.",
                    f"“{text}” is not a number: type a number of {indicator.unit} that is not "
                    "negative, e.g. 12 or 2.5; empty if none.",
                )
            )
        number = float(text.replace(",", "."))
        value: float = int(number) if number.is_integer() and number < 2**53 else number
        found = answer_problems(
            plan, today, {"entry-value", "number-too-large"}, values={indicator.key: value}
        )
        if found:
            raise Refused(_problem_words(found))
        return value

    return ask(term, f"  {indicator.name} ({indicator.unit})", check, "")


def confirm(term: Terminal, question: str) -> bool:
    """Yes or no: [C/k] in Vietnamese (c, có, k, không; y and n too), [Y/n] in English."""
    yes = {"c", "có", "co", "y", "yes"} if i18n.lang() == "vi" else {"y", "yes"}
    no = {"k", "không", "khong", "n", "no"} if i18n.lang() == "vi" else {"n", "no"}

    def check(text: str) -> bool:
        word = text.casefold()
        if word in yes or word in no:
            return word in yes
        raise Refused(i18n.t("Gõ c (có) hoặc k (không).", "Type y (yes) or n (no)."))

    label = f"{question} {i18n.t('[C/k]', '[Y/n]')}"
    return ask(term, label, check, i18n.t("c", "y"), show_default=False)


def fill(term: Terminal, plan: Plan, given: Answers, today: dt.date) -> Answers:
    """Ask for each value of the entry that was not given, in the order of the entry."""
    tasks = {t.id: t for t in plan.tasks()}
    if given.task and given.task not in tasks:  # asked now, not refused after every answer
        term.note(
            i18n.t(
                f"Kế hoạch không có nhiệm vụ “{given.task}”; chọn trong danh sách.",
                f"The plan has no task “{given.task}”; choose one from the list.",
            )
        )
    task = tasks[given.task] if given.task in tasks else choose_task(term, plan)
    if given.unit and given.unit not in {u.id for u in plan.units}:
        term.note(
            i18n.t(
                f"Kế hoạch không có đơn vị “{given.unit}”; chọn trong danh sách.",
                f"The plan has no unit “{given.unit}”; choose one from the list.",
            )
        )
        given.unit = None
    task_id = task.id
    unit = given.unit or choose_unit(term, plan, task)
    day = given.day or ask_day(term, plan, today)
    status = given.status or choose_status(term)
    result = given.result or ask(term, i18n.t("Kết quả thực hiện", "What was done"), _text)
    evidence = given.evidence if given.evidence is not None else ask_evidence(term, plan, today)
    values = dict(given.values)
    indicators = {i.key: i for i in plan.indicators}
    asked = [k for k in task.indicators if k in indicators and k not in values]
    if asked:
        term.say(
            i18n.t(
                "Chỉ tiêu của nhiệm vụ (gõ số; để trống nếu không có):",
                "The task's indicators (a number; empty if none):",
            )
        )
    for key in asked:
        value = ask_value(term, plan, today, indicators[key])
        if value is not None:
            values[key] = value
    author = given.author or ask(term, i18n.t("Người ghi", "Author"), _text)
    return Answers(task_id, unit, day, status, result, evidence, values, author)


def summary(plan: Plan, answers: Answers) -> list[str]:
    """The entry as the clerk will confirm it, one field a line."""
    lg = 0 if i18n.lang() == "vi" else 1
    placed = {p.task.id: p for p in plan.placed_tasks()}
    units = {u.id: u.name for u in plan.units}
    indicators = {i.key: i for i in plan.indicators}
    where = placed.get(answers.task or "")
    task = f"{where.number} {short_title(where.task)} ({where.task.id})" if where else answers.task
    status = STATUSES.get(answers.status or "", (answers.status, answers.status))[lg]
    values = [
        f"{indicators[k].name}: {_figure(v)} {indicators[k].unit}"
        if k in indicators
        else f"{k}: {_figure(v)}"
        for k, v in answers.values.items()
    ]
    rows = [
        (i18n.t("Nhiệm vụ", "Task"), task),
        (i18n.t("Đơn vị", "Unit"), f"{answers.unit} ({units.get(answers.unit or '', '')})"),
        (i18n.t("Ngày", "Date"), numeric(answers.day) if answers.day else ""),
        (i18n.t("Tình trạng", "Status"), status),
        (i18n.t("Kết quả", "Result"), answers.result),
        (i18n.t("Minh chứng", "Evidence"), "; ".join(answers.evidence or []) or "—"),
        (i18n.t("Chỉ tiêu", "Indicators"), "; ".join(values) or "—"),
        (i18n.t("Người ghi", "Author"), answers.author),
    ]
    width = max(40, shutil.get_terminal_size().columns) - 1
    return [
        textwrap.fill(
            visible(value or "", newlines=False) or "—",
            width,
            initial_indent=f"  {name + ':':<12}",
            subsequent_indent=" " * 14,
            break_on_hyphens=False,
            break_long_words=False,
        )
        for name, value in rows
    ]


def _figure(value: float) -> str:
    """2,5 in Vietnamese (a decimal comma), 2.5 in English."""
    return str(value).replace(".", ",") if i18n.lang() == "vi" else str(value)
