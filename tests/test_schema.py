"""`dvcq schema`: the shipped JSON Schema matches the model and validates what the checker accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_run import ROOT, SAMPLE_PLAN, SAMPLE_PROGRESS, Result, run
from jsonschema import Draft202012Validator

from dvcq.model import FIELDS, STATUSES, Plan, field_names
from dvcq.schema import DESCRIPTIONS, plan_schema, progress_schema, schemas

SHIPPED = ROOT / "schema"
BROKEN = ROOT / "tests" / "data" / "broken"


def dvcq(*args: str, cwd: Path = ROOT) -> Result:
    return run(*args, cwd=cwd, env={"DVCQ_TODAY": None, "DVCQ_LANG": None})


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SHIPPED / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_shipped_files_are_what_dvcq_schema_writes(tmp_path: Path) -> None:
    run = dvcq("schema", "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in SHIPPED.glob("*.json")) == sorted(schemas())
    for name in written:
        assert (tmp_path / "out" / name).read_bytes() == (SHIPPED / name).read_bytes(), (
            f"schema/{name} is stale: run `dvcq schema --out schema`"
        )
    assert dvcq("schema").stdout == (SHIPPED / "plan.schema.json").read_text(encoding="utf-8")
    progress = dvcq("schema", "progress").stdout
    assert progress == (SHIPPED / "progress.schema.json").read_text(encoding="utf-8")
    canonical = json.dumps(json.loads(progress), sort_keys=True, indent=2, ensure_ascii=False)
    assert progress == canonical + "\n"


def test_the_bundled_plan_names_the_schema_and_validates() -> None:
    plan = SAMPLE_PLAN
    first = plan.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert (ROOT / "schema" / "plan.schema.json").is_file()  # where it points from plans/
    validator("plan.schema.json").validate(load(plan))
    validator("plan.schema.json").validate(load(ROOT / "tests" / "data" / "minimal.yaml"))


def test_a_task_with_an_unknown_key_fails() -> None:
    data = load(SAMPLE_PLAN)
    data["contents"]["sections"][0]["tasks"][1]["ownr"] = "VP"
    errors = list(validator("plan.schema.json").iter_errors(data))
    assert len(errors) == 1
    assert list(errors[0].absolute_path) == ["contents", "sections", 0, "tasks", 1]
    assert "ownr" in errors[0].message


@pytest.mark.parametrize(
    "name",
    [
        "unknown-key.yaml",
        "unknown-key-signer.yaml",
        "missing-key.yaml",
        "wrong-type-support.yaml",
        "wrong-type-year.yaml",
        "invalid-value.yaml",
    ],
)
def test_schema_refuses_what_the_model_refuses(name: str) -> None:
    assert not validator("plan.schema.json").is_valid(load(BROKEN / name))


@pytest.mark.parametrize(
    "name", ["task-without-owner.yaml", "unknown-reference.yaml", "empty-section.yaml"]
)
def test_schema_leaves_the_rules_to_dvcq_check(name: str) -> None:
    # Well-formed files with a semantic fault: the schema is the shape, `dvcq check` the meaning.
    assert validator("plan.schema.json").is_valid(load(BROKEN / name))


def test_example_progress_files_validate() -> None:
    files = sorted(SAMPLE_PROGRESS.rglob("*.yaml"))
    assert files
    check = validator("progress.schema.json")
    for path in files:
        entries = load(path)
        assert entries
        check.validate(entries)


def test_progress_schema_refuses_bad_entries() -> None:
    check = validator("progress.schema.json")
    entry = json.loads((SAMPLE_PROGRESS / "2026" / "2026-02.yaml").read_text().split("\n- ")[1])
    assert check.is_valid([entry])
    assert not check.is_valid([{**entry, "status": "xong"}])
    assert not check.is_valid([{**entry, "comment": "x"}])
    assert not check.is_valid([{**entry, "values": {"don-thu-tiep-nhan": "ba"}}])
    assert not check.is_valid([{k: v for k, v in entry.items() if k != "unit"}])


def test_schemas_follow_the_model() -> None:
    plan = plan_schema()
    assert list(plan["properties"]) == field_names(Plan)
    assert plan["additionalProperties"] is False
    task = plan["$defs"]["Task"]
    assert task["required"] == ["id", "text"]
    assert task["properties"]["cadence"]["enum"] == ["ongoing", "once", "periodic"]
    assert task["properties"]["cadence"]["default"] == "ongoing"
    assert task["properties"]["owner"]["type"] == ["number", "string", "null"]
    assert "pos" not in task["properties"] and "file" not in plan["properties"]
    items = progress_schema()["items"]
    assert list(items["properties"]) == list(FIELDS)
    assert items["properties"]["status"]["enum"] == list(STATUSES)
    assert items["required"] == ["id", "task", "date", "unit", "status", "result", "author"]
    assert items["properties"]["values"]["additionalProperties"] == {"type": "number", "minimum": 0}
    assert "file" not in items["properties"] and "text" not in items["properties"]
    defs = {"Plan": plan, **plan["$defs"], "Entry": items}
    for key in DESCRIPTIONS:  # hover texts cannot outlive the field they describe
        record, _, name = key.partition(".")
        assert record in defs, key
        assert not name or name in defs[record]["properties"], key
