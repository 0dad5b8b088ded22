"""Decomposed (NFD) Vietnamese is the same text as precomposed (NFC): ids and units match."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from cli_run import ROOT, run


def check(path: Path) -> dict[str, object]:
    done = run("check", "--format", "json", path, cwd=path.parent)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_nfd_references_match_nfc_ids(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    nfc_id, nfd_id = "Văn-phòng", unicodedata.normalize("NFD", "Văn-phòng")
    assert nfc_id != nfd_id
    # The registry writes the unit id precomposed; every use of it is typed decomposed.
    text = text.replace("  - id: VP", f"  - id: {nfc_id}").replace("owner: VP", f"owner: {nfd_id}")
    text = text.replace("unit: VP", f"unit: {nfd_id}")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    report = check(plan)
    assert report["problems"] == [], report["problems"]


def test_very_long_line_is_fine(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    long = "Quán triệt " * 20_000  # a 220,000-character paragraph on one line
    text = text.replace("text: Theo dõi,", f"text: {long}Theo dõi,", 1)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    assert check(plan)["errors"] == 0
