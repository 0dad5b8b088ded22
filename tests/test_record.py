"""dvcq.record: the records of the check path behave as the dataclasses they replace."""

from __future__ import annotations

import pytest

from dvcq.record import FrozenError, field, fields, is_record, record, replace


@record(kw_only=True, eq=False, repr=False, slots=True)
class Base:
    pos: int = 1
    at: dict[str, int] = field(default_factory=dict, metadata={"internal": True})


@record(kw_only=True, eq=False, repr=False)
class Child(Base):
    name: str
    lines: list[str] = field(default_factory=list)
    note: str | None = None


@record(frozen=True)
class Point:
    x: int
    y: int = 0
    label: str = field(default="", compare=False)


def test_keyword_only_init_with_inherited_fields_in_order() -> None:
    c = Child(name="Sở", pos=3)
    assert [f.name for f in fields(Child)] == ["pos", "at", "name", "lines", "note"]
    assert (c.pos, c.at, c.name, c.lines, c.note) == (3, {}, "Sở", [], None)
    with pytest.raises(TypeError):
        Child("Sở")  # type: ignore[call-arg, arg-type]
    with pytest.raises(TypeError):
        Child()  # type: ignore[call-arg]


def test_each_record_gets_its_own_default_list() -> None:
    a, b = Child(name="a"), Child(name="b")
    a.lines.append("x")
    assert b.lines == [] and a.at is not b.at


def test_metadata_and_required_are_kept_on_the_fields() -> None:
    by_name = {f.name: f for f in fields(Child)}
    assert by_name["at"].metadata == {"internal": True}
    assert by_name["name"].required and not by_name["note"].required
    assert by_name["name"].type == "str"  # postponed annotations stay text
    assert is_record(Child) and is_record(c := Child(name="x")) and not is_record(object())
    assert c.note is None


def test_slots_leave_no_attribute_dict_and_no_class_default_shadowing_them() -> None:
    b = Base()
    assert Base.__slots__ == ("pos", "at") and not hasattr(b, "__dict__")
    assert b.pos == 1
    with pytest.raises(AttributeError):
        b.other = 1  # type: ignore[attr-defined]


def test_eq_false_compares_by_identity_and_repr_is_object_default() -> None:
    a, b = Child(name="a"), Child(name="a")
    assert a != b and a == a
    assert repr(a).startswith("<")


def test_frozen_records_compare_hash_and_refuse_assignment() -> None:
    p = Point(1, label="a")
    assert p == Point(1, 0, "b")  # label is not compared
    assert hash(p) == hash(Point(1, 0)) and {p, Point(1)} == {p}
    assert p != Point(2) and p != (1, 0)  # type: ignore[comparison-overlap]
    assert repr(p) == "Point(x=1, y=0, label='a')"
    with pytest.raises(FrozenError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenError):
        del p.x
    assert replace(p, y=5) == Point(1, 5)


def test_a_required_positional_field_after_a_default_one_is_refused() -> None:
    with pytest.raises(TypeError, match="non-default field 'b'"):

        @record
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]


def test_mutable_records_are_unhashable_when_they_compare_by_value() -> None:
    @record
    class Row:
        n: int

    assert Row(1) == Row(1)
    with pytest.raises(TypeError):
        hash(Row(1))


@record(frozen=True, slots=True)
class Pair:
    a: int
    b: str = ""


def test_frozen_slotted_records_copy_and_pickle() -> None:
    import copy
    import pickle

    from dvcq.symbols import parse_symbol

    p = Pair(1, "x")
    assert copy.copy(p) == copy.deepcopy(p) == pickle.loads(pickle.dumps(p)) == p
    symbol = parse_symbol("918/KH-UBND")
    assert symbol is not None and copy.deepcopy(symbol) == symbol
    assert pickle.loads(pickle.dumps(symbol)) == symbol


def test_a_mutable_default_is_refused_as_dataclasses_do() -> None:
    with pytest.raises(ValueError, match=r"Bad\.xs: mutable default"):

        @record
        class Bad:
            xs: list[int] = []  # noqa: RUF012
