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
        if part["text"]:
            branch.add(escape(part["text"]))
        for node in part["sections"]:
            _node(branch, node)
    console.print(tree)


def _node(branch: Tree, node: dict[str, Any]) -> None:
    """A node of the outline: its marker, title or text, unit and id; its tasks; its nodes."""
    mark = f"{escape(node['number'])} " if node["number"] else ""
    words = [f"[bold]{escape(node['title'])}[/]"] if node["title"] else []
    if node["text"]:
        words.append(escape(node["text"]))
    head = mark + words[0] if words else mark.strip()
    if node["unit"]:
        head += f" [cyan]({escape(node['unit'])})[/]"
    if node["id"]:
        head += f" [dim]\\[{escape(node['id'])}][/]"
    if len(words) > 1:  # a title and its prose: the prose on the lines below
        head += "\n" + words[1]
    sub = branch.add(head)
    for task in node["tasks"]:
        owner = task["owner"] or i18n.t("CHƯA CÓ", "NONE")
        if task["owner_name"]:
            owner += f" ({task['owner_name']})"
        lines = [
            f"{node['task_marker'] or '-'} {escape(task['text'])}",
            f"  [dim]\\[{escape(task['id'])}][/] [cyan]{i18n.t('chủ trì', 'owner')}: "
            f"{escape(owner)}[/]",
        ]
        if task["support"]:
            lines[-1] += f"; {i18n.t('phối hợp', 'support')}: {escape(', '.join(task['support']))}"
        if task["refs"]:
            lines.append(
                f"  [magenta]{i18n.t('văn bản', 'refs')}: {escape(', '.join(task['refs']))}[/]"
            )
        sub.add("\n".join(lines))
    for child in node["sections"]:
        _node(sub, child)
