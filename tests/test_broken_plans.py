"""Broken plans: each file in tests/data/broken/ is tests/data/minimal.yaml with one fault.

Every fixture goes through the real CLI (`dvcq check --format json`, run in-process by cli_run) and
must be reported with the exact rule id, 1-based line and column of the fault, and nothing else.
Each file's first line is a comment saying what is wrong with it. Files whose bytes an editor or git
might rewrite (UTF-16, Windows-1258, BOM + CRLF, NFD, raw control characters) are generated in a
temporary folder from minimal.yaml instead of being committed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_run import ROOT, SAMPLE_PLAN, Result, run

DATA = ROOT / "tests" / "data"
BROKEN = DATA / "broken"
MINIMAL = DATA / "minimal.yaml"
PLAN = SAMPLE_PLAN

# (fixture, rule, line, column). Several rows share a fixture only where one fault necessarily
# causes two problems (a misspelt key also leaves the real key missing, for instance).
CASES: list[tuple[str, str, int, int]] = [
    # Owners and units. A missing owner is reported at the task (its first key).
    ("task-without-owner.yaml", "task-without-owner", 42, 11),
    ("task-without-owner-empty.yaml", "task-without-owner", 44, 19),  # inside `""`
    ("unknown-unit-owner.yaml", "unknown-unit", 44, 18),
    ("unknown-unit-support.yaml", "unknown-unit", 47, 15),
    ("unknown-unit-section.yaml", "unknown-unit", 40, 13),
    # Unit groups: at the member item that is wrong.
    ("unknown-member.yaml", "unknown-member", 53, 9),
    ("group-cycle.yaml", "group-cycle", 57, 9),  # KHOI's member VP closes VP → KHOI → VP
    ("group-cycle-self.yaml", "group-cycle", 54, 9),
    ("unit-in-two-groups.yaml", "unit-in-two-groups", 57, 9),  # the second group that lists TH
    # Deadlines: at the deadline as written.
    ("invalid-deadline.yaml", "invalid-deadline", 46, 15),
    ("deadline-outside-year.yaml", "deadline-outside-year", 46, 15),
    ("deadline-cadence.yaml", "deadline-cadence", 47, 15),
    # Ids: reported at the second use.
    ("duplicate-id-task.yaml", "duplicate-id", 42, 15),
    ("duplicate-id-section.yaml", "duplicate-id", 38, 11),
    ("duplicate-id-unit.yaml", "duplicate-id", 52, 9),
    ("duplicate-id-directive.yaml", "duplicate-id", 58, 13),
    # References: `refs`, the registry, and citations in prose (column = the symbol's first char).
    ("unknown-reference.yaml", "unknown-reference", 35, 15),
    ("unknown-indicator.yaml", "unknown-indicator", 35, 24),
    ("unused-directive.yaml", "unused-directive", 58, 13),
    ("citation-unregistered.yaml", "citation-unregistered", 43, 88),
    ("citation-unregistered-escaped.yaml", "citation-unregistered", 43, 82),  # after two `\"`
    ("citation-date-mismatch.yaml", "citation-date-mismatch", 31, 40),
    ("citation-type-mismatch.yaml", "citation-type-mismatch", 31, 41),
    ("citation-type-mismatch-vbhn.yaml", "citation-type-mismatch", 31, 117),
    ("citation-not-in-refs.yaml", "citation-not-in-refs", 31, 40),
    # Symbols and dates.
    ("malformed-symbol.yaml", "malformed-symbol", 34, 15),  # 918-KH-UBND in refs ...
    ("malformed-symbol.yaml", "malformed-symbol", 53, 13),  # ... and in the registry
    ("malformed-symbol-ref.yaml", "malformed-symbol", 34, 15),
    ("malformed-symbol-ref.yaml", "unknown-reference", 34, 15),
    ("malformed-symbol-ref.yaml", "citation-not-in-refs", 31, 40),
    ("malformed-symbol-draft.yaml", "malformed-symbol", 53, 13),
    ("malformed-symbol-number.yaml", "malformed-symbol", 4, 11),
    ("invalid-date.yaml", "invalid-date", 55, 12),  # 2026-02-31
    # Hostile values, refused by the reader where they are written (and nothing follows from them).
    ("number-too-large.yaml", "number-too-large", 4, 11),  # 0x + 3,700 hex digits
    ("number-too-large-year.yaml", "number-too-large", 11, 11),  # 10**300
    ("invalid-escape.yaml", "invalid-escape", 23, 53),  # at the backslash of \ud800
    ("invalid-date-citation.yaml", "invalid-date", 31, 40),  # 31/2/2026 in prose
    ("invalid-date-format.yaml", "invalid-date", 55, 12),  # 31/03/2026
    ("invalid-date-plan.yaml", "invalid-date", 13, 10),  # 31/4/2026
    ("invalid-date-year.yaml", "invalid-date", 11, 11),  # year 20260
    ("duplicate-id-indicator.yaml", "duplicate-id", 62, 10),
    ("cutoff-day.yaml", "cutoff-day", 59, 15),
    ("directive-after-plan.yaml", "directive-after-plan", 55, 12),
    ("directive-type-mismatch.yaml", "directive-type-mismatch", 54, 11),
    ("unknown-document-type.yaml", "unknown-document-type", 3, 9),
    # Signature block and recipients.
    ("signer-authority.yaml", "signer-authority", 16, 16),
    ("missing-signer.yaml", "missing-signer", 3, 3),
    ("recipients-archive.yaml", "recipients-archive", 48, 5),
    ("recipients-archive-empty.yaml", "recipients-archive", 46, 13),
    # Header lines and collective signature blocks (docs/domain.md §6.1).
    ("name-line-break.yaml", "name-line-break", 7, 12),
    ("name-lines-mismatch.yaml", "name-lines-mismatch", 9, 17),
    ("superior-lines-alone.yaml", "superior-lines-alone", 8, 21),
    ("report-no-addressee.yaml", "report-no-addressee", 6, 5),
    ("subject-capitals.yaml", "subject-capitals", 14, 12),
    ("subject-lines-mismatch.yaml", "subject-lines-mismatch", 15, 18),
    ("signer-authority-lines.yaml", "signer-authority-lines", 16, 37),
    ("signer-authority-twice.yaml", "signer-authority-twice", 17, 22),
    ("signer-title-prefix.yaml", "signer-title-prefix", 17, 12),
    # Text.
    ("empty-text.yaml", "empty-text", 43, 18),
    ("empty-section.yaml", "empty-section", 41, 14),
    ("line-break.yaml", "line-break", 44, 13),  # the text's first line, which breaks
    ("untitled-node.yaml", "untitled-node", 38, 7),
    ("control-character.yaml", "control-character", 43, 18),  # "\a" in a quoted scalar
    # Schema: keys, types, values.
    ("unknown-key.yaml", "unknown-key", 44, 11),  # ownr
    ("unknown-key.yaml", "task-without-owner", 42, 11),
    ("unknown-key-signer.yaml", "unknown-key", 15, 3),  # singer
    ("unknown-key-signer.yaml", "missing-signer", 3, 3),
    ("wrong-type-support.yaml", "wrong-type", 45, 20),
    ("wrong-type-year.yaml", "wrong-type", 11, 12),
    ("invalid-value.yaml", "invalid-value", 45, 20),
    ("missing-key.yaml", "missing-key", 42, 11),
    ("duplicate-key.yaml", "duplicate-key", 45, 11),
    # YAML itself.
    ("yaml-syntax.yaml", "yaml-syntax", 45, 17),  # the colon inside unquoted text
    ("forbidden-tag.yaml", "forbidden-tag", 45, 16),
    ("yaml-alias.yaml", "yaml-alias", 40, 13),  # the alias itself (*vp)
    ("yaml-too-deep.yaml", "yaml-too-deep", 45, 209),  # 200th `[`: level 201 with the root mapping
    ("empty-file.yaml", "empty-file", 1, 1),
    ("empty-file-comments.yaml", "empty-file", 1, 1),
]

FIXTURES = sorted({case[0] for case in CASES})

# Rules checked by the generated-file tests below rather than by a committed fixture.
# not-regular-file and link-outside: tests/test_untrusted_files.py (FIFOs, devices, links).
COVERED_BELOW = {"bad-encoding", "unreadable-file", "not-regular-file", "link-outside"}
# Rules with no test here, and why.
NOT_COVERED = {
    "yaml-too-large": "needs a file of more than 2,000,000 values: too big and slow for the suite",
}

# The file the forbidden-tag fixture's command would create in the working folder.
TAG_WITNESS = "dvcq-tag-executed"


# --- running the CLI -----------------------------------------------------------------------------


def run_dvcq(*args: str | Path, cwd: Path) -> Result:
    """Run `dvcq ...` on the real day; it must never crash (exit 3) nor print a traceback."""
    proc = run(*args, cwd=cwd, env={"DVCQ_TODAY": None, "DVCQ_LANG": None})
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode != 3, proc.stderr
    return proc


def check_json(path: Path, *options: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    proc = run_dvcq("check", "--format", "json", *options, path, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)


def found(report: dict[str, Any]) -> set[tuple[str, int, int]]:
    return {(p["rule"], p["line"], p["column"]) for p in report["problems"]}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty working folder for every run, so anything a tag ran would show up here."""
    return tmp_path_factory.mktemp("cwd")


@pytest.fixture(scope="module")
def levels(workdir: Path) -> dict[str, str]:
    return {r["id"]: r["level"] for r in all_rules(workdir)}


def all_rules(cwd: Path) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = json.loads(run_dvcq("rules", "--json", cwd=cwd).stdout)
    return rules


@pytest.fixture(scope="module")
def checked(workdir: Path) -> Callable[[str], tuple[int, dict[str, Any]]]:
    """`checked(name)`: exit code and JSON report of a broken fixture, run once per module."""
    cache: dict[str, tuple[int, dict[str, Any]]] = {}

    def get(name: str) -> tuple[int, dict[str, Any]]:
        if name not in cache:
            cache[name] = check_json(BROKEN / name, cwd=workdir)
        return cache[name]

    return get


def expected_exit(rule_ids: list[str], levels: dict[str, str]) -> int:
    return 1 if any(levels[r] == "error" for r in rule_ids) else 0


# --- the fixtures --------------------------------------------------------------------------------


def test_minimal_plan_is_clean(workdir: Path) -> None:
    code, report = check_json(MINIMAL, cwd=workdir)
    assert report["problems"] == []
    assert code == 0


@pytest.mark.parametrize(("fixture", "rule", "line", "column"), CASES)
def test_broken_plan_reports_fault(
    checked: Callable[[str], tuple[int, dict[str, Any]]],
    levels: dict[str, str],
    fixture: str,
    rule: str,
    line: int,
    column: int,
) -> None:
    code, report = checked(fixture)
    assert (rule, line, column) in found(report), report["problems"]
    rules_here = [case[1] for case in CASES if case[0] == fixture]
    assert code == expected_exit(rules_here, levels)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_broken_plan_reports_nothing_else(
    checked: Callable[[str], tuple[int, dict[str, Any]]], fixture: str
) -> None:
    """One fault, its problems and no others (no cascade of follow-on errors)."""
    _, report = checked(fixture)
    expected = {(rule, line, col) for name, rule, line, col in CASES if name == fixture}
    assert found(report) == expected


def test_every_fixture_is_in_the_table() -> None:
    on_disk = sorted(p.name for p in BROKEN.iterdir())
    assert on_disk == FIXTURES


def test_every_rule_is_covered(workdir: Path) -> None:
    ids = {r["id"] for r in all_rules(workdir) if r["scope"] in ("plan", "file")}
    covered = {case[1] for case in CASES} | COVERED_BELOW
    assert ids - covered - set(NOT_COVERED) == set()
    assert set(NOT_COVERED) <= ids  # no stale exemption


def test_forbidden_tag_runs_nothing(
    checked: Callable[[str], tuple[int, dict[str, Any]]], workdir: Path
) -> None:
    assert TAG_WITNESS in (BROKEN / "forbidden-tag.yaml").read_text(encoding="utf-8")
    checked("forbidden-tag.yaml")
    assert not (workdir / TAG_WITNESS).exists()


@pytest.mark.parametrize(
    ("fixture", "key"), [("unknown-key.yaml", "owner"), ("unknown-key-signer.yaml", "signer")]
)
def test_unknown_key_suggests_the_near_miss(
    checked: Callable[[str], tuple[int, dict[str, Any]]], fixture: str, key: str
) -> None:
    _, report = checked(fixture)
    [problem] = [p for p in report["problems"] if p["rule"] == "unknown-key"]
    assert f"“{key}”" in problem["hint"]


# --- files generated from minimal.yaml -----------------------------------------------------------


def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def to_windows_1258(text: str) -> bytes:
    """Encode as Windows-1258: base letters with ă â ê ô ơ ư precomposed, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    groups: list[list[str]] = []  # [letter, tone marks]
    for ch in unicodedata.normalize("NFD", text):
        if groups and unicodedata.combining(ch):
            if ch in tones:
                groups[-1][1] += ch
            else:
                groups[-1][0] = unicodedata.normalize("NFC", groups[-1][0] + ch)
        else:
            groups.append([ch, ""])
    return "".join(letter + marks for letter, marks in groups).encode("cp1258")


def first_non_ascii(text: str) -> tuple[int, int]:
    index = next(i for i, ch in enumerate(text) if not ch.isascii())
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_bad_encoding(tmp_path: Path, workdir: Path, encoding: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(minimal_text().encode(encoding))
    code, report = check_json(path, cwd=workdir)
    assert found(report) == {("bad-encoding", 1, 1)}
    assert code == 1


def test_windows_1258_is_bad_encoding(tmp_path: Path, workdir: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(to_windows_1258(minimal_text()))
    code, report = check_json(path, cwd=workdir)
    # Reported at the first byte that is not UTF-8: the first letter with a diacritic.
    assert found(report) == {("bad-encoding", *first_non_ascii(minimal_text()))}
    assert code == 1


@pytest.mark.parametrize("fixture", [None, "citation-unregistered.yaml", "unknown-unit-owner.yaml"])
def test_bom_and_crlf_change_nothing(
    tmp_path: Path, workdir: Path, fixture: str | None, checked: Callable[[str], Any]
) -> None:
    text = minimal_text() if fixture is None else (BROKEN / fixture).read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    code, report = check_json(path, cwd=workdir)
    expected = set() if fixture is None else found(checked(fixture)[1])
    assert found(report) == expected
    assert code == (0 if fixture is None else 1)


def test_nfd_text_passes(tmp_path: Path, workdir: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(unicodedata.normalize("NFD", minimal_text()), encoding="utf-8")
    code, report = check_json(path, cwd=workdir)
    assert report["problems"] == []
    assert code == 0


def test_nfd_citation_column_counts_the_file_as_written(tmp_path: Path, workdir: Path) -> None:
    """Columns count characters of the line as written; NFD lines hold more of them."""
    text = unicodedata.normalize("NFD", (BROKEN / "citation-unregistered.yaml").read_text("utf-8"))
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    column = text.splitlines()[42].index("16/CT-TTg") + 1  # 109, not the NFC column 88
    _, report = check_json(path, cwd=workdir)
    assert found(report) == {("citation-unregistered", 43, column)}


def test_raw_control_character_is_located(tmp_path: Path, workdir: Path) -> None:
    """A control character pasted into the file as is (not as an escape) is found where it is."""
    text = minimal_text().replace("text: Theo dõi,", "text: Theo dõi,\x0b")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = check_json(path, cwd=workdir)
    # YAML itself refuses the character: reported at the character, column 26.
    assert found(report) == {("control-character", 43, 26)}
    assert code == 1


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_unreadable_path(tmp_path: Path, workdir: Path, kind: str) -> None:
    path = tmp_path if kind == "directory" else tmp_path / "khong-co.yaml"
    code, report = check_json(path, cwd=workdir)
    assert found(report) == {("unreadable-file", 1, 1)}
    assert report["problems"][0]["file"] == str(path)
    assert code == 1


# --- output options and the bundled plan ---------------------------------------------------------


def test_lang_en_changes_the_words(workdir: Path) -> None:
    path = BROKEN / "task-without-owner.yaml"
    _, vi = check_json(path, cwd=workdir)
    _, en = check_json(path, "--lang", "en", cwd=workdir)
    assert vi["problems"][0]["message"] == "Nhiệm vụ “theo-doi-don-doc” chưa có đơn vị chủ trì."
    assert en["problems"][0]["message"] == "Task “theo-doi-don-doc” has no owner."
    assert "owner: VP" in en["problems"][0]["hint"]
    assert found(vi) == found(en)


@pytest.mark.parametrize(
    ("fixture", "level"),
    [("task-without-owner.yaml", "error"), ("unused-directive.yaml", "warning")],
)
def test_github_annotations(workdir: Path, fixture: str, level: str) -> None:
    proc = run_dvcq("check", "--format", "github", BROKEN / fixture, cwd=workdir)
    [(_, rule, line, column)] = [case for case in CASES if case[0] == fixture]
    pattern = rf"::{level} file=(?P<file>[^,]+),line={line},col={column}(,title={rule})?::\S.*"
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    match = re.fullmatch(pattern, lines[0])
    assert match, lines[0]
    assert match["file"].endswith(fixture)


def test_bundled_plan_has_one_warning(workdir: Path) -> None:
    code, report = check_json(PLAN, cwd=workdir)
    assert code == 0
    assert (report["errors"], report["warnings"]) == (0, 1)
    [problem] = report["problems"]
    assert problem["rule"] == "citation-type-mismatch"
    assert problem["level"] == "warning"
    assert "10271/VBHN-VPCP" in problem["message"]


def test_strict_fails_on_the_warning(workdir: Path) -> None:
    assert run_dvcq("check", PLAN, cwd=workdir).returncode == 0
    assert run_dvcq("check", "--strict", PLAN, cwd=workdir).returncode == 1
    code, _ = check_json(PLAN, "--strict", cwd=workdir)
    assert code == 1
