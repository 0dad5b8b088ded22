"""Before a report is issued: what the records clerk (văn thư) would catch, listed before writing.

`prepare` reads the report's notes, runs the checks of `dvcq.rules.notes` on them, on the signer
options of the command line and on the plan's number, and returns the notes to write the report
with; `Issue.listing` words the problems in the check style (`file:line:col  cảnh báo  message
(rule-id)`) and `Issue.refuse` stops when one is an error, or any is with `--strict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dvcq import rules
from dvcq.documents.notes import ReportNotes, SignerOverride, notes_path, read_notes, with_signer
from dvcq.errors import DvcqError
from dvcq.problems import Problem
from dvcq.rules.notes import notes_problems, other_period_problems, plan_number_problems
from dvcq.visible import visible

if TYPE_CHECKING:
    from dvcq.model import Plan
    from dvcq.progress.periods import Period


@dataclass
class Issue:
    notes: ReportNotes  # the command line's signer already over the notes'
    problems: list[Problem] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(1 for p in self.problems if rules.level_of(p) == level)

    def listing(self, lang: str) -> str:
        """One line per problem and its hint, as `dvcq check` prints them ("" when none)."""
        out = []
        for p in self.problems:
            is_error = rules.level_of(p) == rules.ERROR
            level = ("lỗi", "error") if is_error else ("cảnh báo", "warning")
            where = p.file if p.pos.line == 0 else f"{p.file}:{p.pos.line}:{p.pos.col}"
            words = visible(rules.message(p, lang), newlines=False)
            hint = visible(rules.hint(p, lang), newlines=False)
            out.append(
                f"{visible(where, newlines=False)}  {level[lang != 'vi']}  {words}  ({p.rule})\n"
                f"      → {hint}\n"
            )
        return "".join(out)

    def refuse(self, strict: bool = False) -> None:
        """Stop, writing nothing, when a problem is an error, or any is with `strict`."""
        errors, warnings = self.count(rules.ERROR), self.count(rules.WARNING)
        if errors or (strict and warnings):
            raise DvcqError(
                f"Chưa ghi báo cáo: {errors} lỗi, {warnings} cảnh báo ở trên"
                f"{' (--strict)' if strict and not errors else ''}; sửa rồi chạy lại.",
                f"The report was not written: {errors} error(s), {warnings} warning(s) above"
                f"{' (--strict)' if strict and not errors else ''}; fix them and run again.",
            )


def prepare(
    plan: Plan,
    period: Period,
    path: Path | None,
    option: SignerOverride | None = None,
    name: str | None = None,
) -> Issue:
    """The notes of the report on `period` (`path`, else `reports/<name or PERIOD>.yaml`) with
    the signer options over them, and what a văn thư would catch before the report is issued."""
    from dvcq.documents.context import cited_symbol
    from dvcq.documents.header import type_name_of

    file = notes_path(Path(plan.file), name or period.label, path)
    notes = read_notes(file) if file else ReportNotes()
    citation = f"{type_name_of(plan.document.type)} số {cited_symbol(plan)}"
    problems = plan_number_problems(plan, citation)
    problems += other_period_problems(plan, period, file) if file else []
    problems += notes_problems(plan, period, notes, str(file or ""), option)
    problems.sort(key=lambda p: p.sort_key)
    return Issue(with_signer(notes, option), problems)
