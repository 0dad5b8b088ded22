"""The `dvcq-check` hook, run by the pre-commit framework itself on a fixture plan repository.

pre-commit installs hooks from a git repository at a revision, so the test commits a copy of this
package with its `.pre-commit-hooks.yaml` into a temporary repository and points a fixture plan
repository at it: exactly what a department's `.pre-commit-config.yaml` does with the published
repository. (`pre-commit try-repo` would take only tracked files of a working copy.) Building the
hook's virtualenv installs dvcq's dependencies with pip: about 20 s, once per test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import cli_run
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GIT = [
    "git",
    "-c",
    "user.name=dvcq",
    "-c",
    "user.email=dvcq@example.invalid",
    "-c",
    "commit.gpgsign=false",
]


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


def committed(folder: Path) -> str:
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        done = run([*GIT, *args], folder)
        assert done.returncode == 0, done.stderr
    return run(["git", "rev-parse", "HEAD"], folder).stdout.strip()


def test_the_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "dvcq-check" and hook["entry"] == "dvcq check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    workflow = (ROOT / "docs" / "github-actions-dvcq.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(workflow)["jobs"]["check"]["steps"]
    assert steps[-1]["run"] == "dvcq check --format github"


@pytest.mark.slow  # the real pre-commit framework, building the hook's virtualenv
def test_pre_commit_runs_the_hook_fails_on_a_task_without_owner_and_passes_after(
    tmp_path: Path,
) -> None:
    hook_repo = tmp_path / "dvcq-src"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, hook_repo / name)
    shutil.copytree(ROOT / "dvcq", hook_repo / "dvcq", ignore=shutil.ignore_patterns("__pycache__"))
    rev = committed(hook_repo)

    plans = tmp_path / "plans-repo"
    made = cli_run.run(
        "init",
        plans,
        *("--agency", "Sở Tư pháp", "--code", "STP"),
        *("--superior", "Ủy ban nhân dân tỉnh Lạng Sơn", "--year", "2026"),
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    config = {"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "dvcq-check"}]}]}
    (plans / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    plan = plans / "plans" / "2026.yaml"
    good = plan.read_text(encoding="utf-8")
    owner = "          owner: VP  # đơn vị chủ trì: mã trong `units`\n"
    assert good.count(owner) == 1
    plan.write_text(good.replace(owner, ""), encoding="utf-8")
    committed(plans)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVCQ_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failed = run(pre_commit, plans, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "dvcq check" in failed.stdout and "Failed" in failed.stdout
    assert "task-without-owner" in failed.stdout and "quan-triet-ke-hoach" in failed.stdout

    plan.write_text(good, encoding="utf-8")
    passed = run(pre_commit, plans, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
