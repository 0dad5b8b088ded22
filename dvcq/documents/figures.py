"""The figures of a report, worked out for its template: indicator totals by unit with a total,
and the same window of the previous year ("so với cùng kỳ") where last year's entries exist."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dvcq.documents.wording import change_words, lower_first, vn_number

if TYPE_CHECKING:
    from dvcq.model import Entry, Plan, Progress


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def same_window_last_year(progress: Progress, start: dt.date, stop: dt.date) -> list[Entry]:
    """Last year's current entries dated in the window `start`–`stop` moved back a year."""
    first, last = year_before(start).isoformat(), year_before(stop).isoformat()
    chosen = [e for e in progress.current() if e.day() is not None and first <= e.date <= last]
    return sorted(chosen, key=lambda e: e.date)


def indicator_figures(
    plan: Plan,
    entries: list[Entry],
    last_year: list[Entry] | None,
    unit_names: dict[str, str],
) -> dict[str, Any]:
    """A section's figures: `indicators` (name, unit, value, text, and `change` in words against
    last year when it had this figure), `units` (each reporting unit's texts in the order of
    `indicators`, when more than one unit reported figures) and `totals` (the texts of the total
    row). Totals follow each indicator's aggregation, so a total of "latest" is not a sum."""
    from dvcq.progress.board import aggregate

    totals = aggregate(plan, entries)
    before = aggregate(plan, last_year) if last_year else {}
    chosen = [i for i in plan.indicators if i.key in totals]
    indicators = []
    for i in chosen:
        item = {
            "key": i.key,
            "name": i.name,
            "name_inline": lower_first(i.name),
            "unit": i.unit,
            "value": totals[i.key],
            "text": vn_number(totals[i.key]),
            "change": "",
            "last_year": "",
        }
        if i.key in before:
            item["change"] = change_words(totals[i.key], before[i.key], i.unit)
            item["last_year"] = vn_number(before[i.key])
        indicators.append(item)
    by_unit: dict[str, list[Entry]] = {}
    for e in entries:
        if any(i.key in e.values for i in chosen):
            by_unit.setdefault(e.unit, []).append(e)
    units = []
    # By unit only where figures add up: a "latest" or "max" figure has no total to show.
    if len(by_unit) > 1 and any(i.aggregation == "sum" for i in chosen):
        for unit, mine in by_unit.items():
            sums = aggregate(plan, mine)
            texts = [vn_number(sums[i.key]) if i.key in sums else "" for i in chosen]
            units.append({"name": unit_names.get(unit, unit), "values": texts})
    return {
        "indicators": indicators,
        "units": units,
        "totals": [item["text"] for item in indicators],
        "compared": any(item["change"] for item in indicators),
    }
