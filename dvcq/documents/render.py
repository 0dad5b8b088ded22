"""Official documents: context (data) → template (wording) → NĐ 30 layout (.docx).

`render_plan` is the library verb behind `dvcq render plan`, `render_report` the one behind
`dvcq report`. The output's suffix picks the form:
`.docx` for the laid-out document, `.md` for the Markdown the template produced (to review the
wording, or to find the line a message about the document text refers to).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dvcq.documents import layout, templating
from dvcq.documents.context import plan_context
from dvcq.documents.header import Header, plan_header
from dvcq.errors import UsageError
from dvcq.files import write_new
from dvcq.model import Plan

PLAN_TEMPLATE = "plan.md.j2"
SUFFIXES = (".docx", ".md")


def plan_markdown(plan: Plan, templates: Path = templating.DEFAULT_DIR) -> str:
    """The plan's body in the Markdown subset, from the `plan.md.j2` template."""
    return templating.render(templates, PLAN_TEMPLATE, plan_context(plan))


def render_plan(
    plan: Plan, out: Path, templates: Path = templating.DEFAULT_DIR, *, force: bool = False
) -> None:
    """Write the plan to `out` (.docx or .md), atomically; an existing file needs `force`."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"Tệp kết quả {out} phải có đuôi .docx (văn bản Word) hoặc .md (Markdown).",
            f"Output {out} must end in .docx (Word document) or .md (Markdown).",
        )
    _write(
        out,
        suffix == ".md",
        lambda: plan_header(plan),
        lambda: plan_markdown(plan, templates),
        force,
    )


# --- the periodic report ----------------------------------------------------------------------

REPORT_TEMPLATE = "report.md.j2"


def report_markdown(context: dict[str, Any], templates: Path = templating.DEFAULT_DIR) -> str:
    """The report's body in the Markdown subset, from the `report.md.j2` template."""
    return templating.render(templates, REPORT_TEMPLATE, context)


def render_report(
    context: dict[str, Any],
    out: Path,
    templates: Path = templating.DEFAULT_DIR,
    *,
    form: str | None = None,
    force: bool = False,
) -> None:
    """Write the report built by `report_context` to `out`, as .docx or .md (`form`, else suffix)."""
    suffix = out.suffix.lower()
    form = form or ("md" if suffix == ".md" else "docx")
    if suffix not in SUFFIXES or suffix != f".{form}":
        raise UsageError(
            f"Tệp kết quả {out} phải có đuôi .{form} cho --format {form}.",
            f"Output {out} must end in .{form} for --format {form}.",
        )
    _write(
        out,
        form == "md",
        lambda: context["document"],
        lambda: report_markdown(context, templates),
        force,
    )


def _write(
    out: Path,
    markdown: bool,
    header: Callable[[], Header],
    text: Callable[[], str],
    force: bool,
) -> None:
    """The document's text as Markdown, or laid out as .docx; built only once the write is allowed."""
    if markdown:
        write_new(out, lambda: text().encode("utf-8"), force=force)
    else:
        write_new(out, lambda: layout.render(header(), text()), force=force)
