"""Packaging: the wheel carries what dvcq needs at run time, and one version source.

The default templates ship inside the package (dvcq/templates/); the repository's templates/ is
the copy the agency edits and must hold the same bytes, so the two cannot drift apart unseen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import cli_run
import pytest
from cli_run import AGENCY
from docx_read import body_paragraphs, open_docx

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "dvcq" / "templates"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SUBJECT = "Triển khai thực hiện công tác dân vận chính quyền năm 2027"


def test_the_repository_templates_are_the_packaged_defaults() -> None:
    # Changing the default wording means changing both copies: dvcq/templates/ is what a wheel
    # install renders with and what `dvcq init` writes; templates/ is this repository's own.
    names = sorted(p.name for p in (ROOT / "templates").glob("*.j2"))
    assert names == ["plan.md.j2", "report.md.j2", "urge.md.j2", "urge.txt.j2"]
    assert sorted(p.name for p in PACKAGED.glob("*.j2")) == names
    for name in names:
        assert (PACKAGED / name).read_bytes() == (ROOT / "templates" / name).read_bytes(), (
            f"templates/{name} and dvcq/templates/{name} differ: copy the new wording to both"
        )


def test_version_is_the_one_in_pyproject() -> None:
    run = cli_run.run("--version", cwd=ROOT)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"dvcq {VERSION}\n", "")


# --- the wheel, installed in a fresh virtual environment ----------------------------------------


def build_wheel(tmp_path: Path) -> Path:
    """`pip wheel` of a copy of the sources: pip builds in the tree (build/, *.egg-info), and a
    copy without templates/ at its top proves the wheel does not need the repository's."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "dvcq", src / "dvcq", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "dist"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    """A virtual environment without pip (faster to make), filled by this environment's pip
    (`--python`, pip >= 22.3) from the indexes pip is configured with; returns its bin folder."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return venv / "bin"


@pytest.mark.slow
def test_a_wheel_install_runs_init_check_and_render_outside_the_source_tree(
    tmp_path: Path,
) -> None:
    wheel = build_wheel(tmp_path)
    assert wheel.name == f"dvcq-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z:
        assert {"dvcq/templates/plan.md.j2", "dvcq/templates/report.md.j2"} <= set(z.namelist())
    bin_dir = install(wheel, tmp_path / "venv")
    work = tmp_path / "work"
    work.mkdir()
    # Nothing of the source tree importable: no PYTHONPATH, no user site, a working folder outside.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("DVCQ_")}
    env.update({"PYTHONNOUSERSITE": "1", "DVCQ_LANG": "vi", "DVCQ_TODAY": "2027-05-20"})

    def dvcq(*args: str, cwd: Path = work) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "dvcq"), *args], cwd=cwd, env=env, capture_output=True, text=True
        )

    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import dvcq; print(dvcq.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv"), where.stdout
    version = dvcq("--version")
    assert (version.returncode, version.stdout) == (0, f"dvcq {VERSION}\n")

    init = dvcq("init", "repo", *AGENCY)
    assert init.returncode == 0, init.stderr
    repo = work / "repo"
    for name in ("plan.md.j2", "report.md.j2"):  # the packaged defaults, as the agency's copy
        assert (repo / "templates" / name).read_bytes() == (PACKAGED / name).read_bytes()
    check = dvcq("check", cwd=repo)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 lỗi, 0 cảnh báo" in check.stdout

    # In the new repository (its templates/), then from a folder without templates/ (the packaged
    # ones): the same document either way.
    render = dvcq("render", "plan", "-o", "ke-hoach.docx", cwd=repo)
    assert (render.returncode, render.stdout) == (0, "Đã ghi ke-hoach.docx.\n"), render.stderr
    render = dvcq("render", "plan", "repo/plans/2027.yaml", "-o", "packaged.docx")
    assert (render.returncode, render.stdout) == (0, "Đã ghi packaged.docx.\n"), render.stderr
    documents = [open_docx(repo / "ke-hoach.docx"), open_docx(work / "packaged.docx")]
    words = [
        " ".join(
            [p.text for p in doc.paragraphs]
            + [c.text for t in doc.tables for row in t.rows for c in row.cells]
        )
        for doc in documents
    ]
    assert SUBJECT in words[0] and SUBJECT in words[1]
    bodies = [[p.text for p in body_paragraphs(doc)] for doc in documents]
    assert bodies[0] == bodies[1]
    assert bodies[0][-1] == (
        "Trên đây là Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm 2027 của Sở Tư "
        "pháp./."
    )
