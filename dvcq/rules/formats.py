"""Machine-readable renderings of check results: JSON (stable shape) and GitHub annotations."""

from __future__ import annotations

import json
from typing import Any

from dvcq import rules
from dvcq.problems import Problem
from dvcq.rules.check import Result
from dvcq.visible import visible

JSON_VERSION = 1


def problem_dict(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.pos.line,
        "column": problem.pos.col,
        "level": rules.level_of(problem),
        "rule": problem.rule,
        "message": rules.message(problem, lang),
        "hint": rules.hint(problem, lang),
    }


def to_json(result: Result, lang: str) -> str:
    data = {
        "version": JSON_VERSION,
        "files": result.files,
        "errors": result.count(rules.ERROR),
        "warnings": result.count(rules.WARNING),
        "problems": [problem_dict(p, lang) for p in result.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _escape(text: str, prop: bool = False) -> str:
    # GitHub workflow commands: %, CR and LF always; also : and , inside properties.
    text = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(result: Result, lang: str) -> str:
    lines = []
    for p in result.problems:
        level = "error" if rules.level_of(p) == rules.ERROR else "warning"
        props = f"file={_escape(p.file, True)},line={p.pos.line},col={p.pos.col},title={p.rule}"
        text = f"{rules.message(p, lang)} {rules.hint(p, lang)}"
        lines.append(f"::{level} {props}::{_escape(text)}")
    return "".join(line + "\n" for line in lines)
