"""The kinds of issuing agency `dvcq init` knows, and what each puts in a new plan.

A Sở, ban or ngành prints its superior above it and a deputy director signs for the director; a
People's Committee (UBND of a province, district or commune) heads its own header on two lines,
signs on behalf of the committee (TM., then KT. CHỦ TỊCH) and is placed where it sits, never in
the province above it (docs/domain.md §6.1). Everything here is a placeholder the clerk overwrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    key: str  # the value of `dvcq init --kind`
    label_vi: str
    label_en: str
    level: str  # the administrative level's word in names: tỉnh, huyện, xã; "" for a Sở
    authority_lines: tuple[str, ...]
    title: str
    unit: tuple[str, str]  # (id, name) of the unit that advises on the plan and reports on it
    # Nơi nhận above the superior's line and `Lưu: VT`; the names of the bodies around this one.
    recipients: tuple[str, ...] = field(default=())
    reports_to: str = ""  # Kính gửi of the reports when `--superior` names no body

    @property
    def is_committee(self) -> bool:
        return bool(self.level)


KINDS = {
    k.key: k
    for k in (
        Kind(
            "so",
            "Sở, ban, ngành",
            "a department (Sở, ban, ngành)",
            "",
            ("KT. GIÁM ĐỐC",),
            "PHÓ GIÁM ĐỐC",
            ("VP", "Văn phòng"),
        ),
        Kind(
            "ubnd-tinh",
            "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
            "a provincial People's Committee",
            "tỉnh",
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
            "PHÓ CHỦ TỊCH",
            ("SNV", "Sở Nội vụ"),
            (
                "Thường trực Tỉnh ủy (b/c);",
                "Ban Dân vận Tỉnh ủy;",
                "Các sở, ban, ngành tỉnh;",
                "UBND các huyện, thành phố;",
            ),
            "Thường trực Tỉnh ủy",
        ),
        Kind(
            "ubnd-huyen",
            "Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh",
            "a district People's Committee",
            "huyện",
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
            "PHÓ CHỦ TỊCH",
            ("PNV", "Phòng Nội vụ"),
            (
                "Thường trực Huyện ủy (b/c);",
                "Ban Dân vận Huyện ủy;",
                "Các phòng, ban, ngành huyện;",
                "UBND các xã, thị trấn;",
            ),
            "Thường trực Huyện ủy",
        ),
        Kind(
            "ubnd-xa",
            "Ủy ban nhân dân xã, phường, thị trấn",
            "a commune People's Committee",
            "xã",
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
            "PHÓ CHỦ TỊCH",
            ("VP", "Văn phòng HĐND và UBND xã"),
            (
                "Thường trực Đảng ủy xã (b/c);",
                "Các ban, ngành, đoàn thể xã;",
                "Các thôn, tổ dân phố;",
            ),
            "Thường trực Đảng ủy xã",
        ),
    )
}
DEFAULT_KIND = "so"

_COMMITTEE = re.compile(r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+", re.IGNORECASE)
# The words that open a place's name at each level, longest first (thành phố before tỉnh…).
_LEVEL_WORDS = (
    "thành phố",
    "thị xã",
    "thị trấn",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
)
_PLACE = re.compile(r"\b(?:" + "|".join(_LEVEL_WORDS) + r")\s+(.+)$", re.IGNORECASE)


def choices_text(lang: str = "vi") -> str:
    """The kinds as `--kind` help and error messages list them."""
    return "; ".join(
        f"{k.key} ({k.label_vi if lang == 'vi' else k.label_en})" for k in KINDS.values()
    )


def committee_name(name: str) -> str | None:
    """`Ủy ban nhân dân xã Tân Lập` for `UBND xã Tân Lập`; None when it names no People's
    Committee."""
    m = _COMMITTEE.match(name.strip())
    return None if m is None else "Ủy ban nhân dân " + name.strip()[m.end() :]


# The level word after "Ủy ban nhân dân" that tells the kind; "thành phố" is left out: a city
# may be of the province's level or the district's.
_GUESS = {
    "tỉnh": "ubnd-tinh",
    "huyện": "ubnd-huyen",
    "quận": "ubnd-huyen",
    "thị xã": "ubnd-huyen",
    "xã": "ubnd-xa",
    "phường": "ubnd-xa",
    "thị trấn": "ubnd-xa",
}


def guess(name: str) -> str | None:
    """The kind a name says: `ubnd-xa` for `UBND xã Tân Lập`; None when the name does not tell."""
    full = committee_name(name)
    if full is None:
        return None
    rest = full[len("Ủy ban nhân dân ") :].casefold()
    words = [w for w in _GUESS if rest.startswith(w + " ")]
    return _GUESS[max(words, key=len)] if words else None


def committee_lines(name: str) -> list[str]:
    """The two lines NĐ 30 prints for a UBND: `Ủy ban nhân dân` / `xã Tân Lập`."""
    return ["Ủy ban nhân dân", name[len("Ủy ban nhân dân ") :]]


def place_of(name: str) -> str | None:
    """`Tân Lập` for `Ủy ban nhân dân xã Tân Lập`, `Cao Bằng` for `Ủy ban nhân dân tỉnh Cao Bằng`:
    the place that follows the level word of the body's own name."""
    m = _PLACE.search(name.strip())
    if m is None:
        return None
    # "huyện Ba Bể, tỉnh Bắc Kạn": the body's own level is the first one named.
    return m.group(1).split(",")[0].strip() or None
