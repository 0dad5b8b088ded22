"""The wording of documents: Jinja2 templates that staff edit, run in a sandbox that fails loudly.

Templates produce the Markdown subset of `dvcq.documents.markup` (not HTML, so nothing is auto-escaped).
A template sees only the pure data it is given; the sandbox refuses anything else (`__class__`,
`mro`, …), a missing value stops the run (StrictUndefined) instead of printing nothing, and every
template error becomes a DvcqError that names the template file and line. Templates come from
pull requests, so they are untrusted code (README, "Untrusted input"): no bytecode cache on disk,
only plain files directly in the template folder (no links), and bounds on time, strings, lists,
numbers, the document and memory, each stopping the render with the template's file:line.

The default wording ships inside the package (dvcq/templates/, read with importlib.resources), so a
wheel install can render. An agency edits its own copy in the repository's templates/ (written by
`dvcq init`): a template there, or in the folder given with --templates, wins over the packaged one.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterator
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any, cast

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    filters,
    nodes,
    pass_environment,
    pass_eval_context,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter

from dvcq.documents.markup import escape
from dvcq.errors import DvcqError

DEFAULT_DIR = Path("templates")

# Jinja's own reasons, which a Vietnamese message quotes, in Vietnamese; others stay as Jinja says.
_REASONS = [
    (
        re.compile(r"access to attribute '(.+?)' of '(.+?)' object is unsafe\.?"),
        "thuộc tính “{0}” của đối tượng kiểu “{1}” không được phép dùng",
    ),
    (re.compile(r"'(.+?)' has no attribute '(.+?)'"), "“{0}” không có thuộc tính “{1}”"),
    (re.compile(r"'(.+?)' is undefined"), "“{0}” không có"),
]


def _vi_reason(text: str) -> str:
    for pattern, words in _REASONS:
        m = pattern.fullmatch(text.strip())
        if m:
            return words.format(*m.groups())
    return text.rstrip(".")


# --- bounds -----------------------------------------------------------------------------------
# A template comes from a pull request: it may loop, pad or repeat without end. Each bound is far
# above what a real document needs: the sample report (15 tasks) is 12,205 characters, so a plan
# of 5,000 tasks gives about 4 million; its templates use no range() and join short lists.
MAX_SOURCE = 1_000_000  # bytes of one template file (the report template has 5,969)
MAX_RANGE = 10_000  # items of one range() (jinja2.sandbox allows 100,000)
MAX_STRING = 1_000_000  # characters of one string built by *, +, ~, %, center, indent, join…
MAX_ITEMS = 100_000  # items of one list built by *, +, batch, slice
MAX_INT_BITS = 20_000  # bits of one integer built by * or ** (about 6,000 digits)
MAX_OUTPUT = 10_000_000  # characters of one rendered document
MAX_SECONDS = 10.0  # wall time to compile one document, and again to render it
# Memory the render may add to the process, a backstop for what the bounds above do not see
# (a structure built by sharing, printed whole); Linux and other Unix only.
MAX_MEMORY = 512 * 1024 * 1024


class TemplateLimit(Exception):
    """A template went past one of the bounds above (an Exception, so Jinja maps it to a line)."""

    verb = ("mẫu bị dừng", "template stopped")

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


class TemplateRefused(TemplateLimit):
    """The loader refused a template file: a link, not a plain file, a name outside the folder."""

    verb = ("mẫu bị từ chối", "template refused")

    def __init__(self, name: str, vi: str, en: str) -> None:
        super().__init__(vi, en)
        self.name = name


def _too_long(what_vi: str, what_en: str, limit: int, unit_vi: str, unit_en: str) -> TemplateLimit:
    return TemplateLimit(
        f"{what_vi} vượt giới hạn {limit:,} {unit_vi}".replace(",", "."),
        f"{what_en} exceeds the limit of {limit:,} {unit_en}",
    )


def _string(size: int) -> None:
    if size > MAX_STRING:
        raise _too_long("chuỗi tạo ra", "the string built", MAX_STRING, "ký tự", "characters")


def _items(size: int) -> None:
    if size > MAX_ITEMS:
        raise _too_long("danh sách tạo ra", "the list built", MAX_ITEMS, "phần tử", "items")


def _bits(size: int) -> None:
    if size > MAX_INT_BITS:
        raise _too_long("số tạo ra", "the number built", MAX_INT_BITS, "bit", "bits")


def packaged_dir() -> Path:
    """The default templates installed with dvcq (the repository's templates/ holds the same bytes)."""
    # A wheel is always unpacked into a folder, so the resource is a real path Jinja can load from.
    return Path(str(resources.files("dvcq") / "templates"))


def folder_for(folder: Path, name: str) -> Path:
    """Where template `name` is read from: `folder`, or the packaged default when `folder` is the
    default templates/ of the working folder and that has no such template."""
    # Naming templates/ with --templates is the same as naming nothing: a working folder without
    # the template falls back to the packaged one. Any other folder must hold the template.
    # lexists: a link in templates/ is the repository's template (and refused), not an absence.
    if folder == DEFAULT_DIR and not os.path.lexists(folder / name):
        return packaged_dir()
    return folder


# --- the loader ---------------------------------------------------------------------------------


class FolderLoader(BaseLoader):
    """Regular files directly inside one folder, never through a symbolic link.

    No subfolders, no `..`, no absolute names, and no links at all (not even one pointing inside
    the folder: a committed link is how a pull request reads /proc/self/environ or a secret). The
    folder itself must not be a link either, unless it is the packaged one. The file is opened
    with O_NOFOLLOW and O_NONBLOCK (a FIFO cannot block) and read only if it is a regular file of
    at most MAX_SOURCE bytes."""

    def __init__(self, folder: Path, *, trusted: bool = False) -> None:
        self.folder = folder
        self.trusted = trusted

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder / template
        shown = str(path)
        if (
            not template
            or "/" in template
            or "\\" in template
            or "\0" in template
            or template in (".", "..")
            or os.path.isabs(template)
        ):
            raise TemplateRefused(
                template,
                f"mẫu chỉ được gọi tới tệp nằm ngay trong thư mục {self.folder}, "
                f"không được gọi “{template}”",
                f"a template may include only files directly inside {self.folder}, "
                f"not “{template}”",
            )
        if not self.trusted and os.path.islink(self.folder):
            raise TemplateRefused(
                template,
                f"thư mục mẫu {self.folder} là một liên kết (symlink); dùng thư mục thật",
                f"the template folder {self.folder} is a symbolic link; use a real folder",
            )
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        except OSError as exc:
            if os.path.islink(path):  # ELOOP: O_NOFOLLOW met a link
                raise TemplateRefused(
                    template,
                    f"{shown} là một liên kết (symlink); mẫu chỉ đọc tệp thật nằm trong "
                    "thư mục mẫu",
                    f"{shown} is a symbolic link; templates are read only from plain files in "
                    "the template folder",
                ) from None
            raise TemplateRefused(
                template,
                f"không đọc được {shown}: {exc.strerror}",
                f"cannot read {shown}: {exc.strerror}",
            ) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise TemplateRefused(
                    template,
                    f"{shown} không phải tệp thông thường",
                    f"{shown} is not a regular file",
                )
            data = os.read(fd, MAX_SOURCE + 1)
        finally:
            os.close(fd)
        if len(data) > MAX_SOURCE:
            raise TemplateRefused(
                template,
                f"{shown} dài quá {MAX_SOURCE:,} byte".replace(",", "."),
                f"{shown} is longer than {MAX_SOURCE:,} bytes",
            )
        return data.decode("utf-8"), shown, lambda: True  # the environment lives for one render


# --- the bounded sandbox ------------------------------------------------------------------------

_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([a-zA-Z%])")
_SPEC = re.compile(r"(\d+)?(?:\.(\d+))?[a-zA-Z%]?$")


def _check_percent(text: str, args: Any) -> None:
    """`'%*d' % (10**9, 1)`: refuse a width or precision that would build a huge string."""
    values = list(args) if isinstance(args, tuple) else [args]
    at = 0
    for match in _PERCENT.finditer(text):
        for group in (match.group(1), match.group(2)):
            if group == "*":
                value = values[at] if at < len(values) else 0
                at += 1
                if isinstance(value, int):
                    _string(abs(value))
            elif group:
                _string(int(group[:8]) if len(group) <= 8 else MAX_STRING + 1)
        if match.group(3) != "%":
            at += 1


class _Formatter(SandboxedFormatter):
    """str.format in the sandbox, with bounded widths: `'{:>1000000000}'.format(1)`."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        spec = _SPEC.search(format_spec)
        if spec:
            for group in spec.groups():
                if group:
                    _string(int(group[:8]) if len(group) <= 8 else MAX_STRING + 1)
        return super().format_field(value, format_spec)


class _Generator(CodeGenerator):
    """Jinja's code generator, with `a ~ b` through the environment so that it is bounded too."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with bounded operators and calls and a deadline."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    deadline = float("inf")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _timeout()

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(times, int) and isinstance(seq, str | list | tuple):
                    (_string if isinstance(seq, str) else _items)(len(seq) * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                _bits(left.bit_length() + right.bit_length())
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
                _bits(left.bit_length() * right)
        elif operator == "+":
            if isinstance(left, str) and isinstance(right, str):
                _string(len(left) + len(right))
            elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
                _items(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right)
        return super().call_binop(context, operator, left, right)

    def bounded_concat(self, values: tuple[Any, ...]) -> str:
        parts = [str(value) for value in values]
        _string(sum(len(part) for part in parts))
        return "".join(parts)

    def format_string(
        self, s: str, args: tuple[Any, ...], kwargs: dict[str, Any], format_func: Any = None
    ) -> str:
        self.check_time()
        formatter = _Formatter(self)
        if format_func is not None and format_func.__name__ == "format_map":
            kwargs, args = args[0], ()
        return str(formatter.vformat(s, args, kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None or not isinstance(value.__self__, str):
            return wrapped
        text, is_map = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            return str(_Formatter(self).vformat(text, args, kwargs))

        return bounded


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise _too_long("range()", "range()", MAX_RANGE, "phần tử", "items")
    return numbers


def _center(value: Any, width: int = 80) -> str:
    _string(max(len(str(value)), int(width)))
    return filters.do_center(value, width)


def _indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    text = str(s)
    size = len(width) if isinstance(width, str) else int(width)
    _string(len(text) + size * (text.count("\n") + 1))
    return filters.do_indent(s, width, first, blank)


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    _check_percent(str(value), kwargs or args)
    return filters.do_format(value, *args, **kwargs)


@pass_environment
def _wordwrap(
    environment: Environment,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    between = len(wrapstring) if wrapstring is not None else len(environment.newline_sequence)
    _string(len(s) * (1 + between))
    return filters.do_wordwrap(
        environment, s, width, break_long_words, wrapstring, break_on_hyphens
    )


@pass_eval_context
def _join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
    if attribute is not None:
        value = map(filters.make_attrgetter(eval_ctx.environment, attribute), value)
    items = list(value)
    _items(len(items))
    size = len(str(d)) * max(len(items) - 1, 0)
    _string(size)
    for item in items:
        size += len(str(item))
        _string(size)
    return filters.sync_do_join(eval_ctx, items, d)


@pass_eval_context
def _replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    text, old, new = str(s), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        times = min(times, count)
    _string(len(text) + times * max(len(new) - len(old), 0))
    return filters.do_replace(eval_ctx, s, old, new, count)


def _batch(value: Any, linecount: int, fill_with: Any = None) -> Iterator[list[Any]]:
    _items(int(linecount))
    return filters.do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: int, fill_with: Any = None) -> Iterator[list[Any]]:
    _items(int(slices))
    return filters.sync_do_slice(value, slices, fill_with)


@pass_environment
def _sum(environment: Environment, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
    # Adding lists or strings in C is quadratic and cannot be stopped: sum adds numbers only.
    items = list(iterable)
    if attribute is not None:
        items = list(map(filters.make_attrgetter(environment, attribute), items))
    if not all(isinstance(x, int | float) for x in [start, *items]):
        raise TemplateLimit("bộ lọc sum chỉ cộng các số", "the sum filter adds numbers only")
    return sum(items, start)


BOUNDED_FILTERS: dict[str, Callable[..., Any]] = {
    "center": _center,
    "indent": _indent,
    "format": _format,
    "wordwrap": _wordwrap,
    "join": _join,
    "replace": _replace,
    "batch": _batch,
    "slice": _slice,
    "sum": _sum,
}


def environment(folder: Path) -> BoundedEnvironment:
    # Immutable: a template cannot change the lists and dicts it is given either. No bytecode
    # cache: a cache file is code that runs at the next render, and a shared temporary folder is
    # where another job could plant one; compiling the report template costs about 20 ms.
    env = BoundedEnvironment(
        loader=FolderLoader(folder, trusted=folder == packaged_dir()),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["range"] = _range
    del env.globals["lipsum"]  # lorem ipsum has no place in an official document
    env.filters.update(BOUNDED_FILTERS)
    env.filters["para"] = escape
    return env


def _timeout() -> TemplateLimit:
    return TemplateLimit(
        f"mẫu chạy quá {MAX_SECONDS:g} giây (vòng lặp quá dài?)",
        f"the template ran longer than {MAX_SECONDS:g} seconds (a loop too long?)",
    )


def _run(env: BoundedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Compile and render within MAX_SECONDS and MAX_OUTPUT, streaming the output."""
    # Compiling and running each get MAX_SECONDS, so that a deadline met while running names
    # the template line that ran (a slow machine's compile cannot use up the running time).
    env.deadline = time.monotonic() + MAX_SECONDS
    with _alarm(), _memory_bound():
        template = env.get_template(name)
    env.deadline = time.monotonic() + MAX_SECONDS
    with _alarm(), _memory_bound():
        chunks = cast(Generator[str, None, None], template.generate(context))
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                # Thrown into the template where it stands, so the message names that line.
                chunks.throw(
                    _too_long("văn bản tạo ra", "the document", MAX_OUTPUT, "ký tự", "characters")
                )
            if time.monotonic() > env.deadline:
                chunks.throw(_timeout())
            out.append(chunk)
        return "".join(out)


class _alarm:
    """SIGALRM at the deadline, in the main thread (elsewhere only the checks in calls count)."""

    def __enter__(self) -> None:
        self.armed = threading.current_thread() is threading.main_thread() and hasattr(
            signal, "setitimer"
        )
        if not self.armed:
            return
        self.started = time.monotonic()
        self.handler = signal.signal(signal.SIGALRM, self._fire)
        self.previous = signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)

    @staticmethod
    def _fire(signum: int, frame: FrameType | None) -> None:
        raise _timeout()

    def __exit__(self, *exc: object) -> None:
        if not self.armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.handler)
        delay, interval = self.previous
        if delay:  # someone else's alarm (a test's guard): put it back, less the time spent
            left = max(delay - (time.monotonic() - self.started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


class _memory_bound:
    """RLIMIT_AS at the process's current size + MAX_MEMORY while the template runs."""

    def __enter__(self) -> None:
        self.saved: tuple[int, int] | None = None
        try:
            import resource

            with open("/proc/self/statm", encoding="ascii") as statm:
                size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = size + MAX_MEMORY
            if soft != resource.RLIM_INFINITY:
                limit = min(limit, soft)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            self.saved = (soft, hard)
        except (ImportError, OSError, ValueError):  # not Linux: the other bounds only
            pass

    def __exit__(self, *exc: object) -> None:
        if self.saved is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, self.saved)


def render(folder: Path, name: str, context: dict[str, Any]) -> str:
    """Render template `name` from `folder` with `context`, or stop with a message naming file:line."""
    folder = folder_for(folder, name)
    if not os.path.lexists(folder / name):
        raise DvcqError(
            f"Không tìm thấy mẫu văn bản {folder / name}. Chạy lệnh trong thư mục có templates/, "
            "hoặc chỉ rõ thư mục mẫu bằng --templates.",
            f"Template {folder / name} not found. Run from the folder that holds templates/, "
            "or name the template folder with --templates.",
        )
    try:
        return _run(environment(folder), name, context)
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
    except TemplateLimit as exc:  # a bound passed, or a link, a FIFO, a name outside the folder
        where = _runtime_where(folder, exc, default=str(folder / name))
        raise DvcqError(
            f"{where}: {exc.verb[0]}: {exc.vi}.", f"{where}: {exc.verb[1]}: {exc.en}."
        ) from None
    except MemoryError as exc:
        where = _runtime_where(folder, exc, default=str(folder / name))
        limit = MAX_MEMORY // 2**20
        raise DvcqError(
            f"{where}: mẫu bị dừng: cần quá {limit} MiB bộ nhớ.",
            f"{where}: template stopped: it needs more than {limit} MiB of memory.",
        ) from None
    except SecurityError as exc:
        where = _runtime_where(folder, exc)
        raise DvcqError(
            f"{where}: mẫu bị chặn vì truy cập không an toàn ({_vi_reason(str(exc))}). Mẫu chỉ được dùng dữ liệu "
            "của văn bản.",
            f"{where}: template refused for unsafe access ({str(exc).rstrip('.')}). A template may use only the "
            "document's data.",
        ) from None
    except UndefinedError as exc:
        where = _runtime_where(folder, exc)
        raise DvcqError(
            f"{where}: mẫu dùng dữ liệu không có ({_vi_reason(exc.message or '')}). Kiểm tra tên biến trong mẫu.",
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


def _runtime_where(
    folder: Path, exc: BaseException, *, required: bool = False, default: str | None = None
) -> str:
    """The innermost template line on the traceback (Jinja maps its frames to template lines)."""
    root = folder.resolve()
    found: tuple[str, int | None] | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve().is_relative_to(root):
            found = (frame.filename, frame.lineno)
    if found is None:
        if required:
            raise exc
        return _where(default, None) if default else str(folder)
    return _where(*found)
