"""plans/2026.yaml keeps every paragraph of the source plan, word for word and in order.

The source is the extracted text of the plan (tests/data/source-plan-2026.txt). Its paragraphs are compared, after
whitespace normalisation and NFC, with the text values of the plan file gathered in document
order: typos in the source must survive, and nothing may be reworded, dropped or reordered.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2026.yaml"
# A copy of shared/seeds/000_e4ac742e8ecbb23e.txt, committed so the test never skips.
SOURCE = ROOT / "tests" / "data" / "source-plan-2026.txt"

ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$", re.S)
NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$", re.S)
BULLET = re.compile(r"^-\s+(.*)$", re.S)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- the source ---------------------------------------------------------------------------------


class Source:
    """The source split into its parts: body paragraphs, recipients and signer."""

    def __init__(self, text: str) -> None:
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        self.title = ""
        self.body: list[str] = []  # each normalised, numbering and bullet dash removed
        self.pieces: list[list[str]] = []  # the source paragraphs each body entry was made of
        self.headings: list[tuple[str, str, str]] = []  # (level, number, title)
        self.recipients: list[str] = []
        self.signer: list[str] = []
        rest = iter(paras)
        # The header (number, place and date) ends with the type and subject line.
        for para in rest:
            if para.startswith("KẾ HOẠCH"):
                self.title = norm(para.removeprefix("KẾ HOẠCH"))
                break
        assert self.title, "no 'KẾ HOẠCH ...' title line in the source"
        for para in rest:
            if para == "Nơi nhận:":
                lines = next(rest).splitlines()
                self.recipients = [norm(line.removeprefix("- ")) for line in lines]
                block = next(rest)
                assert block.startswith("**") and block.endswith("**"), block
                self.signer = [norm(line) for line in block.strip("*").splitlines()]
                self.signer.append(norm(next(rest)))
                assert next(rest, None) is None, "text after the signer's name"
                break
            if self.pieces and self.pieces[-1][-1].rstrip().endswith(","):
                # A paragraph ending with a comma is a stray line break (II.2): it goes on here.
                self.pieces[-1].append(para)
                self.body[-1] = norm(self.body[-1] + " " + para)
                continue
            self.pieces.append([para])
            if m := ROMAN.match(para):
                self.headings.append(("part", m[1], norm(m[2])))
                self.body.append(norm(m[2]))
            elif m := NUMBERED.match(para):
                if "\n" not in para and not para.rstrip().endswith((".", ";", ":")):
                    self.headings.append(("section", m[1], norm(m[2])))
                self.body.append(norm(m[2]))
            elif m := BULLET.match(para):
                self.body.append(norm(m[1]))
            else:
                self.body.append(norm(para))


@pytest.fixture(scope="module")
def source() -> Source:
    return Source(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def plan_texts(plan: dict[str, Any]) -> list[str]:
    """Every text value that renders the body, in document order."""
    out = [p["text"] for p in plan.get("basis", [])]
    out.append(plan["objectives"]["title"])
    out += [item["text"] for item in plan["objectives"]["items"]]
    for part in ("contents", "organization"):
        out.append(plan[part]["title"])
        for section in plan[part]["sections"]:
            out.append(section["title"])
            out += [task["text"] for task in section["tasks"]]
    out.append(plan["closing"])
    return [norm(t) for t in out]


# --- tests --------------------------------------------------------------------------------------


def test_source_was_split_as_expected(source: Source) -> None:
    assert len(source.body) == 24, source.body  # 25 paragraphs, two of them joined
    assert [level for level, *_ in source.headings].count("part") == 3
    assert [level for level, *_ in source.headings].count("section") == 6
    assert len(source.recipients) == 7
    joined = [pieces for pieces in source.pieces if len(pieces) > 1]
    assert len(joined) == 1 and joined[0][0].endswith("Ban Chấp hành Trung ương,")


def test_every_source_paragraph_is_in_the_plan_in_order(
    source: Source, plan: dict[str, Any]
) -> None:
    text = "\n".join(plan_texts(plan))
    start = 0
    for n, para in enumerate(source.body, 1):
        at = text.find(para, start)
        if at < 0:
            elsewhere = text.find(para)
            where = (
                f"found earlier, at character {elsewhere}: out of order"
                if elsewhere >= 0
                else "not found anywhere"
            )
            pytest.fail(f"source paragraph {n} {where} in {PLAN.name}:\n  {para}")
        start = at + len(para)


def test_every_plan_text_is_a_whole_source_paragraph(source: Source, plan: dict[str, Any]) -> None:
    """No field holds two paragraphs, part of one, or text of its own."""
    texts = plan_texts(plan)
    for text in texts:
        assert text in source.body, f"text not in the source as one paragraph:\n  {text}"
    assert texts == source.body


def test_stray_break_in_ii_2_is_joined_with_one_space(source: Source, plan: dict[str, Any]) -> None:
    first, second = next(p for p in source.pieces if len(p) > 1)
    task = plan["contents"]["sections"][1]["tasks"][0]["text"]
    assert unicodedata.normalize("NFC", task) == task
    assert f"{norm(first)} {norm(second)}" == task


def test_headings_are_the_titles(source: Source, plan: dict[str, Any]) -> None:
    parts = [h for h in source.headings if h[0] == "part"]
    assert [title for _, _, title in parts] == [
        plan["objectives"]["title"],
        plan["contents"]["title"],
        plan["organization"]["title"],
    ]
    # Numbered headings under part II and III are the section titles, in their numbering.
    groups: list[list[tuple[str, str, str]]] = []
    for heading in source.headings:
        if heading[0] == "part":
            groups.append([])
        else:
            groups[-1].append(heading)
    for part, group in zip(("contents", "organization"), groups[1:], strict=True):
        sections = plan[part]["sections"]
        assert [int(number) for _, number, _ in group] == list(range(1, len(sections) + 1))
        assert [title for *_, title in group] == [s["title"] for s in sections]


def test_document_header_and_signer(source: Source, plan: dict[str, Any]) -> None:
    doc = plan["document"]
    assert doc["subject"] == source.title
    authority, title, name = source.signer
    assert doc["signer"] == {"authority": authority, "title": title, "name": name}


def test_recipients(source: Source, plan: dict[str, Any]) -> None:
    assert plan["recipients"] == source.recipients
    assert len(plan["recipients"]) == 7


def test_refs_are_cited_in_the_text_in_order(plan: dict[str, Any]) -> None:
    symbols = [d["symbol"] for d in plan["directives"]]
    items = list(plan["basis"])
    items += [
        t
        for part in ("contents", "organization")
        for s in plan[part]["sections"]
        for t in s["tasks"]
    ]
    cited: list[str] = []
    for item in items:
        refs = item.get("refs", [])
        found = sorted((item["text"].find(s), s) for s in symbols if s in item["text"])
        assert refs == [s for _, s in found], item["text"][:60]
        cited += [s for s in refs if s not in cited]
    assert cited == symbols, "directives must be the cited documents, in order of first citation"


def test_directive_wording_comes_from_the_source(plan: dict[str, Any]) -> None:
    body = norm(SOURCE.read_text(encoding="utf-8"))
    for d in plan["directives"]:
        for key in ("symbol", "issuer", "subject"):
            if d.get(key):
                assert norm(d[key]) in body, f"{d['symbol']}: {key} not in the source"
        year, month, day = (int(x) for x in d["date"].split("-"))
        dates = {f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}"}
        at = body.find(d["symbol"])
        assert any(x in body[at : at + 40] for x in dates), f"{d['symbol']}: date {d['date']}"
