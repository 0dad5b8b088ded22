"""The rule registry: every problem dvcq can report has a rule here, with its id, level and words.

A rule module declares rules with `@rule(...)` on a check function (which yields positions and
message parameters for a plan) or with `declare(...)` when another part of dvcq (the reader, the
schema) finds the problem. `dvcq rules` lists them all; the messages are formatted here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from dvcq.problems import Pos, Problem
from dvcq.record import field, record

if TYPE_CHECKING:
    import datetime as dt

    from dvcq.model import Entry, Plan, Progress

ERROR = "error"
WARNING = "warning"

Finding = tuple[Pos, dict[str, Any]]
# Plan rules take (plan) and yield Findings; progress rules take (plan, progress, today) and
# yield (entry, position, parameters).
Check = Callable[..., Iterable[Any]]


@record(frozen=True, eq=False)
class Rule:
    """A rule: its id, level, words in each language and, for checks, the function."""

    id: str
    level: str
    message: dict[str, str]  # lang -> str.format template
    hint: dict[str, str]
    doc: dict[str, str]
    scope: str  # "plan" | "progress" | "file": which files the rule looks at
    check: Check | None = None
    # A rule reported for several causes (the YAML syntax errors) has words for each: a problem
    # whose `cause` parameter names one is told in those words.
    causes: Mapping[str, Words] = field(default_factory=dict)


@record(frozen=True)
class Words:
    """The message and hint of one cause of a rule, in each language."""

    message: dict[str, str]
    hint: dict[str, str]


def words(*, vi: str, en: str, hint_vi: str, hint_en: str) -> Words:
    return Words({"vi": vi, "en": en}, {"vi": hint_vi, "en": hint_en})


REGISTRY: dict[str, Rule] = {}


def declare(
    id: str,
    level: str,
    *,
    vi: str,
    en: str,
    hint_vi: str,
    hint_en: str,
    doc_vi: str,
    doc_en: str,
    scope: str = "plan",
    check: Check | None = None,
    causes: Mapping[str, Words] | None = None,
) -> Rule:
    if id in REGISTRY:
        raise ValueError(f"rule {id} declared twice")
    rule_ = Rule(
        id,
        level,
        {"vi": vi, "en": en},
        {"vi": hint_vi, "en": hint_en},
        {"vi": doc_vi, "en": doc_en},
        scope,
        check,
        dict(causes or {}),
    )
    REGISTRY[id] = rule_
    return rule_


def rule(id: str, level: str, scope: str = "plan", **words: str) -> Callable[[Check], Check]:
    """Register a check; the decorated function yields (position, parameters)."""

    def wrap(func: Check) -> Check:
        declare(id, level, check=func, scope=scope, causes=None, **words)
        return func

    return wrap


# Words a parameter may carry as a code, shown in the reader's language.
_CODES: dict[str, dict[str, str]] = {
    "missing": {"vi": "không có tệp này", "en": "no such file"},
    "directory": {"vi": "đây là thư mục, không phải tệp", "en": "this is a folder, not a file"},
    "permission": {"vi": "không có quyền đọc tệp này", "en": "permission denied"},
    "file:fifo": {"vi": "một ống dẫn (FIFO)", "en": "a pipe (FIFO)"},
    "file:device": {"vi": "một thiết bị", "en": "a device"},
    "file:socket": {"vi": "một socket", "en": "a socket"},
    "file:other": {"vi": "một loại tệp đặc biệt", "en": "a special file"},
    "mapping": {"vi": "bảng khóa–giá trị (mapping)", "en": "mapping"},
    "list": {"vi": "danh sách (list)", "en": "list"},
    "text": {"vi": "chuỗi văn bản", "en": "text"},
    "integer": {"vi": "số nguyên", "en": "integer"},
    "number": {"vi": "số", "en": "number"},
    "boolean": {"vi": "giá trị đúng/sai (yes/no/true/false)", "en": "boolean (yes/no/true/false)"},
    "null": {"vi": "giá trị rỗng", "en": "null"},
    "legacy-8bit": {
        "vi": "một bảng mã cũ như Windows-1258 hoặc TCVN3",
        "en": "a legacy 8-bit encoding such as Windows-1258 or TCVN3",
    },
    "binary": {"vi": "tệp nhị phân, không phải văn bản", "en": "a binary file, not text"},
    # Field names and kinds of ids, in messages (prefixed so that they never meet free text).
    "field:name": {"vi": "tên", "en": "name"},
    "field:superior": {"vi": "cơ quan cấp trên", "en": "superior body"},
    "field:superior_short": {"vi": "tên gọn cơ quan cấp trên", "en": "superior body (short)"},
    "field:name_lines": {"vi": "dòng tên cơ quan", "en": "line of the issuer's name"},
    "field:superior_lines": {
        "vi": "dòng tên cơ quan cấp trên",
        "en": "line of the superior's name",
    },
    "field:authority_lines": {"vi": "dòng thẩm quyền ký", "en": "authority line"},
    "field:subject_lines": {"vi": "dòng trích yếu", "en": "line of the subject"},
    "field:place": {"vi": "địa danh", "en": "place"},
    "field:subject": {"vi": "trích yếu", "en": "subject"},
    "field:text": {"vi": "nội dung", "en": "text"},
    "field:title": {"vi": "tiêu đề", "en": "title"},
    "field:deliverable": {"vi": "sản phẩm", "en": "deliverable"},
    "field:closing": {"vi": "câu kết", "en": "closing sentence"},
    "field:recipients": {"vi": "nơi nhận", "en": "recipient"},
    "kind:section/task": {"vi": "mục hoặc nhiệm vụ", "en": "section or task"},
    "kind:unit": {"vi": "đơn vị", "en": "unit"},
    "authority:no-prefix": {
        "vi": "không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.",
        "en": "does not start with TM., KT., Q., TL. or TUQ.",
    },
    "authority:tm-first": {
        "vi": "có TM. (thay mặt tập thể), chỉ được đứng ở dòng đầu",
        "en": "holds TM. (on behalf of a collective body), which only the first line may",
    },
    "authority:one-more": {
        "vi": "thừa: sau dòng TM. chỉ có nhiều nhất một dòng KT., Q., TL. hoặc TUQ.",
        "en": "is one too many: after the TM. line comes at most one KT., Q., TL. or TUQ. line",
    },
    "kind:directive": {"vi": "văn bản", "en": "directive"},
    "kind:indicator": {"vi": "chỉ tiêu", "en": "indicator"},
    "format": {"vi": "không đúng dạng YYYY-MM-DD", "en": "not in YYYY-MM-DD form"},
    "impossible": {"vi": "ngày không tồn tại", "en": "no such day"},
    "year-range": {"vi": "năm phải từ 1900 đến 2200", "en": "the year must be 1900 to 2200"},
    "outside-year": {"vi": "nằm ngoài năm của kế hoạch", "en": "outside the plan's year"},
    "after-last-window": {
        "vi": "sau ngày chốt số liệu cuối cùng của năm kế hoạch, nên không thuộc kỳ báo cáo nào của "
        "kế hoạch này (số liệu từ ngày này thuộc kỳ năm sau: ghi vào kế hoạch năm sau)",
        "en": "after the plan year's last data cut-off, so in no reporting period of this plan "
        "(data from that day belongs to next year's periods: record it under next year's plan)",
    },
    "future": {"vi": "là ngày trong tương lai", "en": "is in the future"},
    "undeclared": {"vi": "chưa khai báo trong kế hoạch", "en": "not declared in the plan"},
    "not-a-number": {"vi": "giá trị không phải là số", "en": "the value is not a number"},
    "negative": {"vi": "giá trị âm", "en": "the value is negative"},
    "no-indicators": {"vi": "không có chỉ tiêu nào", "en": "none"},
    "deadline:format": {"vi": "không phải dạng thời hạn nào đã biết", "en": "not a known form"},
    "deadline:impossible": {"vi": "ngày hoặc tháng không tồn tại", "en": "no such day or month"},
    "deadline:period-day": {
        "vi": "ngày ghi sau “trước ngày” phải nằm trong kỳ đầu tiên (quý I: tháng 1–3; 6 tháng: "
        "tháng 1–6), và “hằng tháng” chỉ ghi ngày (ví dụ “trước ngày 20”)",
        "en": "the day after “trước ngày” must fall in the first period (a quarter: months 1–3; "
        "6 months: 1–6), and “hằng tháng” takes a day only (e.g. “trước ngày 20”)",
    },
}


_FRAGMENTS = {  # optional parts of a sentence: (Vietnamese, English), empty when the value is
    "where": (" (tại {})", " (at {})"),
    "suggestion": ("Có phải ý bạn là “{}”? ", "Did you mean “{}”? "),
    "close": ("Các mã gần giống khác: {}. ", "Other close ids: {}. "),
}


def _words(params: dict[str, Any], lang: str) -> dict[str, Any]:
    out = {
        k: _CODES[v][lang] if isinstance(v, str) and v in _CODES else v for k, v in params.items()
    }
    for key, (vi, en) in _FRAGMENTS.items():
        value = params.get(key)
        out[f"{key}_text"] = (vi if lang == "vi" else en).format(value) if value else ""
    return out


def _rule(problem: Problem) -> Rule:
    if problem.rule not in REGISTRY:  # problems from the reader can come before any rule ran
        load_all()
    return REGISTRY[problem.rule]


def level_of(problem: Problem) -> str:
    return _rule(problem).level


def _said(problem: Problem) -> Rule | Words:
    """The words for `problem`: its cause's, when the rule has words for that cause."""
    rule_ = _rule(problem)
    return rule_.causes.get(str(problem.params.get("cause", "")), rule_)


def message(problem: Problem, lang: str) -> str:
    return _said(problem).message[lang].format_map(_Safe(_words(problem.params, lang)))


def hint(problem: Problem, lang: str) -> str:
    return _said(problem).hint[lang].format_map(_Safe(_words(problem.params, lang)))


class _Safe(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def is_error(problem: Problem) -> bool:
    return level_of(problem) == ERROR


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if is_error(p)]


def summary(problems: Iterable[Problem], lang: str) -> str:
    """Several messages as one sentence list: "A; B; C." """
    return "; ".join(message(p, lang).rstrip(".") for p in problems) + "."


def load_plan_rules() -> dict[str, Rule]:
    """Import the rule modules of a plan file (and of reading any file), once.

    A plain `dvcq check` of a plan needs no more: the progress and report-notes rules are loaded
    (by `load_all`) only when there are entries or notes to judge."""
    from dvcq.rules import (  # noqa: F401
        content,
        deadlines,
        groups,
        header,
        owners,
        reading,
        references,
        signature,
        symbols,
    )

    return REGISTRY


def load_all() -> dict[str, Rule]:
    """Import every rule module once, so the registry is complete."""
    load_plan_rules()
    from dvcq.rules import progress, reports  # noqa: F401

    return REGISTRY


def run(plan: Plan) -> Iterator[Problem]:
    for rule_ in load_plan_rules().values():
        if rule_.check is None or rule_.scope != "plan":
            continue
        for pos, params in rule_.check(plan):
            yield Problem(plan.file, pos, rule_.id, params)


def run_progress(plan: Plan, progress: Progress, today: dt.date) -> Iterator[Problem]:
    """Progress rules yield (entry, position, parameters): the entry names the file."""
    return (problem for _, problem in progress_findings(plan, progress, today))


def progress_findings(
    plan: Plan, progress: Progress, today: dt.date, errors_only: bool = False
) -> Iterator[tuple[Entry, Problem]]:
    """Each problem of the progress rules with the entry it is about (`progress.usable` leaves
    out the entries that have an error, so it asks for `errors_only`: a rule's level is its
    own, and the warning rules, duplicate-entry's key of every entry among them, are skipped)."""
    for rule_ in load_all().values():
        if rule_.check is None or rule_.scope != "progress":
            continue
        if errors_only and rule_.level != ERROR:
            continue
        for entry, pos, params in rule_.check(plan, progress, today):
            yield entry, Problem(entry.file, pos, rule_.id, params)
