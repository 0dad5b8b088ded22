"""Rich rendering of the plan as a tree, for `dvcq show`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape as markup_escape
from rich.tree import Tree

from dvcq import i18n
from dvcq.visible import visible


def escape(text: str, newlines: bool = True) -> str:
    """Data as rich prints it literally: no markup, and controls and bidi marks made visible
    (line breaks too, unless `newlines`)."""
    return markup_escape(visible(text, newlines=newlines))


console = Console(highlight=False)


def print_outline(data: dict[str, Any]) -> None:
    title = f"[bold]{escape(data['type'])} {escape(data['symbol'])}[/] — {escape(data['subject'])}"
    tree = Tree(title)
    for part in data["parts"]:
        branch = tree.add(f"[bold]{escape(part['number'])} {escape(part['title'])}[/]")
        for item in part.get("items", []):
            branch.add(
                f"{escape(item['number'])} {escape(item['text'])} [dim]\\[{escape(item['id'])}][/]"
            )
        for section in part.get("sections", []):
            unit = f" [cyan]({escape(section['unit'])})[/]" if section["unit"] else ""
            sub = branch.add(
                f"[bold]{escape(section['number'])} {escape(section['title'])}[/]{unit} "
                f"[dim]\\[{escape(section['id'])}][/]"
            )
            for task in section["tasks"]:
                owner = task["owner"] or i18n.t("CHƯA CÓ", "NONE")
                if task["owner_name"]:
                    owner += f" ({task['owner_name']})"
                lines = [
                    f"- {escape(task['text'])}",
                    f"  [dim]\\[{escape(task['id'])}][/] [cyan]{i18n.t('chủ trì', 'owner')}: "
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
