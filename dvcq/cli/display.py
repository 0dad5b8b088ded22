"""Rich rendering for people: problems grouped by file, and the plan as a tree."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from dvcq import i18n, rules
from dvcq.checker import Result

console = Console(highlight=False, soft_wrap=False)


def print_problems(result: Result) -> None:
    lang = i18n.lang()
    for file, problems in groupby(result.problems, key=lambda p: p.file):
        console.print(f"[bold underline]{escape(file)}[/]")
        for p in problems:
            is_error = rules.level_of(p) == rules.ERROR
            level = i18n.t("lỗi", "error") if is_error else i18n.t("cảnh báo", "warning")
            style = "red" if is_error else "yellow"
            console.print(
                f"  {p.pos.line}:{p.pos.col}  [{style}]{level}[/]  {escape(rules.message(p, lang))}"
                f"  [dim]({p.rule})[/]"
            )
            console.print(f"      [dim]→ {escape(rules.hint(p, lang))}[/]")
    errors, warnings = result.count(rules.ERROR), result.count(rules.WARNING)
    files = len(result.files)
    style = "red" if errors else ("yellow" if warnings else "green")
    console.print(
        f"[{style}]"
        + i18n.t(
            f"Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
            f"Checked {files} file(s): {errors} error(s), {warnings} warning(s).",
        )
        + "[/]"
    )


def print_outline(data: dict[str, Any]) -> None:
    title = f"[bold]{escape(data['type'])} {escape(data['symbol'])}[/] — {escape(data['subject'])}"
    tree = Tree(title)
    for part in data["parts"]:
        branch = tree.add(f"[bold]{part['number']} {escape(part['title'])}[/]")
        for item in part.get("items", []):
            branch.add(f"{item['number']} {escape(item['text'])} [dim]\\[{item['id']}][/]")
        for section in part.get("sections", []):
            unit = f" [cyan]({escape(section['unit'])})[/]" if section["unit"] else ""
            sub = branch.add(
                f"[bold]{section['number']} {escape(section['title'])}[/]{unit} "
                f"[dim]\\[{section['id']}][/]"
            )
            for task in section["tasks"]:
                owner = task["owner"] or i18n.t("CHƯA CÓ", "NONE")
                lines = [
                    f"- {escape(task['text'])}",
                    f"  [dim]\\[{task['id']}][/] [cyan]{i18n.t('chủ trì', 'owner')}: "
                    f"{escape(owner)}[/]",
                ]
                if task["support"]:
                    lines[-1] += (
                        f"; {i18n.t('phối hợp', 'support')}: {escape(', '.join(task['support']))}"
                    )
                if task["refs"]:
                    lines.append(
                        f"  [magenta]{i18n.t('văn bản', 'refs')}: "
                        f"{escape(', '.join(task['refs']))}[/]"
                    )
                sub.add("\n".join(lines))
    console.print(tree)
