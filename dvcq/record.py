"""Records: classes declared by annotated fields, like dataclasses, without importing them.

`dataclasses` imports `inspect`, and with it `ast`, `dis`, `tokenize` and `linecache`: ~10 ms of
every `dvcq check`, plus ~0.4 ms for each decorated class (of which the check path has 30). The
records of the check path need little of it: an `__init__` from the fields (keyword-only or not),
defaults and default factories, field metadata for the model's builder and the schema, and, where
asked, `__eq__`/`__hash__`, `__repr__`, frozen instances and slots. That is all this module gives;
the spelling is the dataclasses' own (`@record(kw_only=True, eq=False)`, `field(default_factory=…)`,
`fields(cls)`), so a reader who knows them reads these. The document, review and lifecycle modules,
off the check path, keep dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, dataclass_transform

__all__ = ["MISSING", "Field", "FrozenError", "field", "fields", "is_record", "record", "replace"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
_EMPTY: Mapping[str, Any] = {}


class FrozenError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class Field:
    """One field: its name, its annotation (a string under postponed annotations) and default."""

    __slots__ = (
        "compare",
        "default",
        "default_factory",
        "kw_only",
        "metadata",
        "name",
        "repr",
        "type",
    )

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        compare: bool = True,
        repr: bool = True,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("a field cannot have both a default and a default_factory")
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr
        self.metadata: Mapping[str, Any] = metadata if metadata is not None else _EMPTY
        self.kw_only = False  # set by the record that declares it

    def __repr__(self) -> str:
        return f"Field({self.name!r})"

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.default_factory is MISSING


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    compare: bool = True,
    repr: bool = True,
    metadata: Mapping[str, Any] | None = None,
) -> Any:
    """A field with a default, a default factory, or metadata (as `dataclasses.field`)."""
    return Field(default, default_factory, compare, repr, metadata)


_FIELDS = "__record_fields__"


def fields(cls_or_obj: Any) -> tuple[Field, ...]:
    """The fields of a record class (or of a record), in `__init__` order."""
    found: dict[str, Field] | None = getattr(cls_or_obj, _FIELDS, None)
    if found is None:
        raise TypeError(f"{cls_or_obj!r} is not a record")
    return tuple(found.values())


def is_record(obj: Any) -> bool:
    return hasattr(obj, _FIELDS)


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of `obj` with `changes` (as `dataclasses.replace`)."""
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}
    values.update(changes)
    return type(obj)(**values)


@dataclass_transform(field_specifiers=(field, Field))
def record(
    cls: Any = None,
    /,
    *,
    kw_only: bool = False,
    eq: bool = True,
    repr: bool = True,
    frozen: bool = False,
    slots: bool = False,
) -> Any:
    """Make `cls` a record: `__init__` from its annotated fields, and what the flags ask for."""

    def wrap(cls: Any) -> Any:
        return _build(cls, kw_only=kw_only, eq=eq, repr=repr, frozen=frozen, slots=slots)

    return wrap if cls is None else wrap(cls)


def _own_fields(cls: Any, kw_only: bool) -> list[Field]:
    out = []
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - not inspect's
    for name, annotation in annotations.items():
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        if isinstance(f.default, list | dict | set):  # one object for every record: refused
            raise ValueError(f"{cls.__name__}.{name}: mutable default; use default_factory")
        f.name, f.type, f.kw_only = name, annotation, kw_only
        out.append(f)
    return out


def _build(cls: Any, *, kw_only: bool, eq: bool, repr: bool, frozen: bool, slots: bool) -> Any:
    every: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        every.update(base.__dict__.get(_FIELDS, {}))
    own = _own_fields(cls, kw_only)
    every.update((f.name, f) for f in own)
    for f in own:  # a class attribute would shadow the slot, and the default lives in Field
        if f.name in cls.__dict__ and (slots or isinstance(cls.__dict__[f.name], Field)):
            delattr(cls, f.name)
    if slots:
        cls = _with_slots(cls, [f.name for f in own], frozen)
    positional = [f for f in every.values() if not f.kw_only]
    keyword = [f for f in every.values() if f.kw_only]
    seen_default = False
    for f in positional:
        if not f.required:
            seen_default = True
        elif seen_default:
            raise TypeError(f"{cls.__name__}: non-default field {f.name!r} after a default one")
    ordered = {f.name: f for f in positional + keyword}
    setattr(cls, _FIELDS, ordered)
    cls.__init__ = _init(cls, positional, keyword, frozen)
    if repr:
        cls.__repr__ = _repr([f.name for f in ordered.values() if f.repr])
    if eq:
        compared = tuple(f.name for f in ordered.values() if f.compare)
        cls.__eq__ = _eq(compared)
        cls.__hash__ = _hash(compared) if frozen else None
    if frozen:
        cls.__setattr__ = _frozen_set
        cls.__delattr__ = _frozen_del
    return cls


def _with_slots(cls: Any, names: list[str], frozen: bool) -> Any:
    """The class made again with `__slots__` for its own fields (slots are fixed at creation);
    frozen, with its state copied and restored past its `__setattr__`, as dataclasses do."""
    body = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    body["__slots__"] = tuple(names)
    if frozen:
        body["__getstate__"] = _frozen_getstate
        body["__setstate__"] = _frozen_setstate
    return type(cls)(cls.__name__, cls.__bases__, body)


def _frozen_getstate(self: Any) -> dict[str, Any]:
    return {f.name: getattr(self, f.name) for f in fields(self)}


def _frozen_setstate(self: Any, state: dict[str, Any]) -> None:
    for name, value in state.items():
        object.__setattr__(self, name, value)


def _init(cls: Any, positional: list[Field], keyword: list[Field], frozen: bool) -> Any:
    """`__init__` compiled from source, as dataclasses do: as fast as one written by hand."""
    scope: dict[str, Any] = {"MISSING": MISSING, "__setattr": object.__setattr__}
    params, lines = [], []
    for i, f in enumerate(positional + keyword):
        if keyword and f is keyword[0]:
            params.append("*")
        if f.default is not MISSING:
            scope[f"_d{i}"] = f.default
            params.append(f"{f.name}=_d{i}")
            value = f.name
        elif f.default_factory is not MISSING:
            scope[f"_f{i}"] = f.default_factory
            params.append(f"{f.name}=MISSING")
            value = f"_f{i}() if {f.name} is MISSING else {f.name}"
        else:
            params.append(f.name)
            value = f.name
        lines.append(
            f"  __setattr(self, {f.name!r}, {value})" if frozen else f"  self.{f.name} = {value}"
        )
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or "  pass")
    exec(source, scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(names: list[str]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _eq(names: tuple[str, ...]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    return __eq__


def _hash(names: tuple[str, ...]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(tuple(getattr(self, n) for n in names))

    return __hash__


def _frozen_set(self: Any, name: str, value: Any) -> None:
    raise FrozenError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _frozen_del(self: Any, name: str) -> None:
    raise FrozenError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")
