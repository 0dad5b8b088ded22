"""Official documents: context (data) → template (wording) → NĐ 30 layout (.docx).

`render_plan` is the library verb behind `dvcq render plan`, `render_report` the one behind
`dvcq report`. The output's suffix picks the form:
`.docx` for the laid-out document, `.pdf` for it printed by LibreOffice (`dvcq.documents.pdf`),
`.md` for the Markdown the template produced (to review the wording, or to find the line a message
about the document text refers to).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dvcq import collector
from dvcq.documents import layout, templating
from dvcq.documents.context import plan_context
from dvcq.documents.header import Header, outgoing_metadata, plan_header
from dvcq.errors import UsageError
from dvcq.files import check_new, write_new
from dvcq.model import Plan

PLAN_TEMPLATE = "plan.md.j2"
SUFFIXES = (".docx", ".md", ".pdf")
FORMS = {suffix[1:]: suffix for suffix in SUFFIXES}  # --format choice → the suffix it writes


def plan_markdown(plan: Plan, templates: Path = templating.DEFAULT_DIR) -> str:
    """The plan's body in the Markdown subset, from the `plan.md.j2` template."""
    return templating.render(templates, PLAN_TEMPLATE, plan_context(plan))


def render_plan(
    plan: Plan,
    out: Path,
    templates: Path = templating.DEFAULT_DIR,
    *,
    force: bool = False,
    meta: Path | None = None,
) -> None:
    """Write the plan to `out` (.docx, .pdf or .md), atomically; an existing file needs `force`;
    `meta`: the outgoing-document metadata beside it (JSON)."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"Tệp kết quả {out} phải có đuôi .docx (văn bản Word), .pdf hoặc .md (Markdown).",
            f"Output {out} must end in .docx (Word document), .pdf or .md (Markdown).",
        )
    _write(
        out,
        suffix[1:],
        lambda: plan_header(plan),
        lambda: plan_markdown(plan, templates),
        force,
        meta,
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
    meta: Path | None = None,
) -> None:
    """Write the report built by `report_context` to `out`, as .docx, .pdf or .md (`form`, else
    the suffix)."""
    form = _form_of(out, form, FORMS)
    _write(
        out,
        form,
        lambda: context["document"],
        lambda: report_markdown(context, templates),
        force,
        meta,
    )


def _form_of(out: Path, form: str | None, suffixes: dict[str, str]) -> str:
    """The output form: `form` (a --format choice) or the one `out`'s suffix names, else docx;
    `out` must carry the suffix of that form (`suffixes`: form → suffix)."""
    suffix = out.suffix.lower()
    by_suffix = {s: f for f, s in suffixes.items()}
    form = form or by_suffix.get(suffix, "docx")
    wanted = suffixes.get(form, f".{form}")
    if suffix != wanted:
        raise UsageError(
            f"Tệp kết quả {out} phải có đuôi {wanted} cho --format {form}.",
            f"Output {out} must end in {wanted} for --format {form}.",
        )
    return form


def _write(
    out: Path,
    form: str,
    header: Callable[[], Header],
    text: Callable[[], str],
    force: bool,
    meta: Path | None = None,
) -> None:
    """The document's text as Markdown (`md`), laid out as .docx, or printed to PDF; built only
    once the write is allowed, and written whole or not at all; then its metadata to `meta`."""
    if meta is not None:
        _check_meta(out, meta, form, force)
    # The text, then the document's tree, live until the file is written: see dvcq.collector.
    with collector.paused():
        if form == "md":
            write_new(out, lambda: text().encode("utf-8"), force=force)
        elif form == "pdf":
            from dvcq.documents.pdf import docx_to_pdf

            write_new(out, lambda: docx_to_pdf(layout.render(header(), text())), force=force)
        else:
            write_new(out, lambda: layout.render(header(), text()), force=force)
    if meta is not None:
        write_new(meta, lambda: _metadata_json(header()), force=force)


def _check_meta(out: Path, meta: Path, form: str, force: bool) -> None:
    """`--meta` goes with a document (.docx or .pdf), to a .json file that may be written."""
    if form not in ("docx", "pdf") or meta.suffix.lower() != ".json":
        raise UsageError(
            f"--meta {meta}: tệp thông tin văn bản phải có đuôi .json và đi kèm văn bản .docx "
            "hoặc .pdf.",
            f"--meta {meta}: the metadata file must end in .json and go with a .docx or .pdf "
            "document.",
        )
    if meta.resolve() == out.resolve():
        raise UsageError(
            f"--meta {meta} trùng với tệp văn bản.", f"--meta {meta} is the document itself."
        )
    check_new(meta, force=force)  # refused before the document is made, not after


def _metadata_json(info: Header) -> bytes:
    import json

    text = json.dumps(outgoing_metadata(info), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


# --- the urging letter (công văn đôn đốc) -------------------------------------------------------

URGE_TEMPLATE = "urge.md.j2"
URGE_TEXT_TEMPLATE = "urge.txt.j2"


def urge_markdown(context: dict[str, Any], templates: Path = templating.DEFAULT_DIR) -> str:
    """The urging letter's body in the Markdown subset, from the `urge.md.j2` template."""
    return templating.render(templates, URGE_TEMPLATE, context)


def urge_message(context: dict[str, Any], templates: Path = templating.DEFAULT_DIR) -> str:
    """The short plain message for a chat group, from the `urge.txt.j2` template."""
    return templating.render(templates, URGE_TEXT_TEMPLATE, context)


def render_urge(
    context: dict[str, Any],
    out: Path,
    templates: Path = templating.DEFAULT_DIR,
    *,
    form: str | None = None,
    force: bool = False,
    meta: Path | None = None,
) -> None:
    """Write the letter built by `urge_context` to `out`: .docx, .pdf, .md, or the chat message
    as .txt (`form`, else the suffix)."""
    form = _form_of(out, form, {**FORMS, "text": ".txt"})
    if form == "text":
        if meta is not None:
            _check_meta(out, meta, form, force)
        write_new(out, lambda: urge_message(context, templates).encode("utf-8"), force=force)
        return
    _write(
        out,
        form,
        lambda: context["document"],
        lambda: urge_markdown(context, templates),
        force,
        meta,
    )
