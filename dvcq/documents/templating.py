"""The wording of documents: Jinja2 templates that staff edit, run in a sandbox that fails loudly.

Templates produce the Markdown subset of `dvcq.documents.markup` (not HTML, so nothing is auto-escaped).
A template sees only the pure data it is given; the sandbox refuses anything else (`__class__`,
`mro`, …), a missing value stops the run (StrictUndefined) instead of printing nothing, and every
template error becomes a DvcqError that names the template file and line.

The default wording ships inside the package (dvcq/templates/, read with importlib.resources), so a
wheel install can render. An agency edits its own copy in the repository's templates/ (written by
`dvcq init`): a template there, or in the folder given with --templates, wins over the packaged one.
"""

from __future__ import annotations

import os
import traceback
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dvcq.documents.markup import escape
from dvcq.errors import DvcqError

DEFAULT_DIR = Path("templates")


def packaged_dir() -> Path:
    """The default templates installed with dvcq (the repository's templates/ holds the same bytes)."""
    # A wheel is always unpacked into a folder, so the resource is a real path Jinja can load from.
    return Path(str(resources.files("dvcq") / "templates"))


def folder_for(folder: Path, name: str) -> Path:
    """Where template `name` is read from: `folder`, or the packaged default when `folder` is the
    default templates/ of the working folder and that has no such template."""
    # Naming templates/ with --templates is the same as naming nothing: a working folder without
    # the template falls back to the packaged one. Any other folder must hold the template.
    if folder == DEFAULT_DIR and not (folder / name).is_file():
        return packaged_dir()
    return folder


def environment(folder: Path) -> ImmutableSandboxedEnvironment:
    # Immutable: a template cannot change the lists and dicts it is given either.
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(folder),
        # Compiled templates are kept between runs (keyed by the template's source, so an edit
        # recompiles): compiling the report template was a tenth of `dvcq report`'s time. Jinja
        # keeps the cache in a folder only this user may write to, or does without one.
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["para"] = escape
    return env


def _bytecode_cache() -> BytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except RuntimeError:  # no private temporary folder could be made: compile every time
        return None


def render(folder: Path, name: str, context: dict[str, Any]) -> str:
    """Render template `name` from `folder` with `context`, or stop with a message naming file:line."""
    folder = folder_for(folder, name)
    if not (folder / name).is_file():
        raise DvcqError(
            f"Không tìm thấy mẫu văn bản {folder / name}. Chạy lệnh trong thư mục có templates/, "
            "hoặc chỉ rõ thư mục mẫu bằng --templates.",
            f"Template {folder / name} not found. Run from the folder that holds templates/, "
            "or name the template folder with --templates.",
        )
    try:
        return environment(folder).get_template(name).render(context)
    except TemplateSyntaxError as exc:
        where = _where(exc.filename or str(folder / name), exc.lineno)
        raise DvcqError(
            f"{where}: lỗi cú pháp trong mẫu: {exc.message}",
            f"{where}: template syntax error: {exc.message}",
        ) from None
    except UnicodeDecodeError:
        raise DvcqError(
            f"Mẫu {folder / name} (hoặc tệp nó gọi tới) không phải văn bản UTF-8; lưu lại với "
            "bảng mã UTF-8.",
            f"Template {folder / name} (or a file it includes) is not UTF-8 text; save it as UTF-8.",
        ) from None
    except TemplateNotFound as exc:  # an {% include %} of a file that is not there
        where = _runtime_where(folder, exc)
        raise DvcqError(
            f"{where}: mẫu gọi tới tệp không có: {exc.name}",
            f"{where}: the template includes a missing file: {exc.name}",
        ) from None
    except SecurityError as exc:
        where = _runtime_where(folder, exc)
        raise DvcqError(
            f"{where}: mẫu bị chặn vì truy cập không an toàn ({str(exc).rstrip('.')}). Mẫu chỉ được dùng dữ liệu "
            "của văn bản.",
            f"{where}: template refused for unsafe access ({str(exc).rstrip('.')}). A template may use only the "
            "document's data.",
        ) from None
    except UndefinedError as exc:
        where = _runtime_where(folder, exc)
        raise DvcqError(
            f"{where}: mẫu dùng dữ liệu không có ({exc.message}). Kiểm tra tên biến trong mẫu.",
            f"{where}: the template uses data that does not exist ({exc.message}). Check the "
            "names in the template.",
        ) from None
    except Exception as exc:
        # Any other failure raised while a template line ran ({{ 1 / 0 }}, a filter given the
        # wrong type) is the template's fault too; one raised outside every template is a bug.
        where = _runtime_where(folder, exc, required=True)
        raise DvcqError(
            f"{where}: lỗi khi chạy mẫu: {type(exc).__name__}: {exc}",
            f"{where}: template failed: {type(exc).__name__}: {exc}",
        ) from None


def _where(filename: str, line: int | None) -> str:
    """`templates/plan.md.j2:12`; Jinja's file names already include the template folder."""
    try:
        shown = os.path.relpath(filename)
    except ValueError:  # another drive on Windows
        shown = filename
    return f"{shown}:{line}" if line else shown


def _runtime_where(folder: Path, exc: BaseException, *, required: bool = False) -> str:
    """The innermost template line on the traceback (Jinja maps its frames to template lines)."""
    root = folder.resolve()
    found: tuple[str, int | None] | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve().is_relative_to(root):
            found = (frame.filename, frame.lineno)
    if found is None:
        if required:
            raise exc
        return str(folder)
    return _where(*found)
