"""`dvcq diff` and the git textconv driver, on real git repositories in temporary folders."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE, Result, run

from dvcq.review.diff import diff_plans, render_words, word_diff
from dvcq.rules.check import plan_from_text

PLAN = "plans/2026.yaml"
TASK = "quy-che-tiep-cong-dan"
SECTION = "tiep-cong-dan"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVCQ_", "GIT_"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(
        COLUMNS="100",
        HOME=str(home),  # no global git config of the machine running the tests
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CEILING_DIRECTORIES=str(tmp_path),
        GIT_AUTHOR_NAME="Văn thư",
        GIT_AUTHOR_EMAIL="vt@example.org",
        GIT_COMMITTER_NAME="Văn thư",
        GIT_COMMITTER_EMAIL="vt@example.org",
        GIT_PAGER="cat",
    )
    return env


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", *args], cwd=repo, env=_env(repo.parent), capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def dvcq(cwd: Path, *args: str, top: Path | None = None) -> Result:
    """Run dvcq in `cwd`; git looks for repositories below `top` only (default: cwd's parent)."""
    return run(*args, cwd=cwd, environ=_env(top or cwd.parent))


def edit(text: str) -> str:
    """Reword one task, change its owner and add one reference to a registered directive."""
    head, sep, tail = text.partition(f"- id: {TASK}\n")
    assert sep, f"{TASK} not found in {PLAN}"
    tail = tail.replace("niềm yết", "niêm yết", 1)
    tail = tail.replace("owner: VP\n", "owner: LDS\n          refs:\n            - 16/CT-TTg\n", 1)
    return head + sep + tail


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plan repository with two commits: the bundled plan, then `edit` applied to it."""
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(SAMPLE / PLAN, repo / PLAN)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Kế hoạch 2026")
    path = repo / PLAN
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Sửa nhiệm vụ tiếp công dân")
    return repo


EXPECTED = [("task-reworded", TASK), ("owner-changed", TASK), ("ref-added", TASK)]


def test_a_commit_yields_exactly_its_three_changes(repo: Path) -> None:
    for args in (["HEAD~1", "HEAD"], ["HEAD~1"]):  # two revisions; one against the working tree
        run = dvcq(repo, "diff", *args, "--format", "json")
        assert run.returncode == 0 and run.stderr == "", run.stderr
        data = json.loads(run.stdout)
        assert [(c["kind"], c["id"]) for c in data["changes"]] == EXPECTED
        reworded, owner, ref = data["changes"]
        assert ["-", "niềm"] in reworded["words"] and ["+", "niêm"] in reworded["words"]
        assert (owner["old"], owner["new"], owner["section"]) == ("VP", "LDS", SECTION)
        assert (ref["new"], ref["scope"]) == ("16/CT-TTg", "task")
        assert data["old"] == f"HEAD~1:{PLAN}" and data["count"] == 3


def test_markdown_is_a_pull_request_comment_with_a_word_diff(repo: Path) -> None:
    run = dvcq(repo, "diff", "HEAD~1", "HEAD", "--format", "md")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith(f"## Thay đổi kế hoạch: `HEAD~1:{PLAN}` → `HEAD:{PLAN}`\n")
    assert f"### Thực hiện có hiệu quả công tác tiếp công dân \\[{SECTION}\\]" in out
    assert "Quy chế tiếp công dân, ~~niềm~~ **niêm** yết công khai" in out
    assert f"- Đổi đơn vị chủ trì của nhiệm vụ `{TASK}`: `VP` → `LDS`" in out
    assert f"- Thêm văn bản viện dẫn `16/CT-TTg` (nhiệm vụ `{TASK}`)" in out
    en = dvcq(repo, "diff", "HEAD~1", "HEAD", "--format", "md", "--lang", "en").stdout
    assert f"- Changed owner of task `{TASK}`: `VP` → `LDS`" in en


def test_default_is_head_against_the_working_tree(repo: Path) -> None:
    clean = dvcq(repo, "diff", "--exit-code")
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == f"HEAD:{PLAN} → {PLAN}: Không có thay đổi về nội dung\n"
    path = repo / PLAN
    head, sep, tail = path.read_text(encoding="utf-8").partition(f"- id: {TASK}\n")
    path.write_text(head + sep + tail.replace("owner: LDS", "owner: PCM", 1), encoding="utf-8")
    run = dvcq(repo, "diff")
    assert run.returncode == 0, run.stderr
    assert f"owner-changed: Đổi đơn vị chủ trì của nhiệm vụ {TASK}: LDS → PCM" in run.stdout
    assert run.stdout.startswith(f"HEAD:{PLAN} → {PLAN}: 1 thay đổi\n")
    assert dvcq(repo, "diff", "--exit-code").returncode == 1
    # From a sub-folder, with the plan named by path.
    sub = dvcq(repo / "plans", "diff", "--path", "2026.yaml", "-f", "json", top=repo.parent)
    assert [c["kind"] for c in json.loads(sub.stdout)["changes"]] == ["owner-changed"]


@pytest.mark.slow  # git starts `python -m dvcq diff --textconv` itself
def test_git_diff_and_log_show_the_changes_through_the_driver(repo: Path) -> None:
    git(
        repo,
        "config",
        "diff.dvcq.textconv",
        f"{shlex.quote(sys.executable)} -m dvcq diff --textconv",
    )
    out = git(repo, "diff", "HEAD~1", "HEAD", "--", PLAN)
    lines = [
        line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert f"-task {TASK} owner: VP" in lines
    assert f"+task {TASK} owner: LDS" in lines
    assert f"+task {TASK} ref: 16/CT-TTg" in lines
    assert any(line.startswith(f"-task {TASK} text: Thực hiện Quy chế") for line in lines)
    assert any(line.startswith(f"+task {TASK} text: Thực hiện Quy chế") for line in lines)
    assert len(lines) == 5  # nothing else moved: the comments and layout of the file are not shown
    assert f"+task {TASK} owner: LDS" in git(repo, "log", "-p", "-1", "--", PLAN)


def test_textconv_shows_a_file_that_is_not_a_plan_as_it_is(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("document: [\n", encoding="utf-8")
    run = dvcq(tmp_path, "diff", "--textconv", str(broken))
    assert (run.returncode, run.stdout) == (0, "document: [\n")


def test_two_files_outside_git(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    shutil.copy(SAMPLE / PLAN, old)
    new.write_text(edit(old.read_text(encoding="utf-8")), encoding="utf-8")
    run = dvcq(tmp_path, "diff", "old.yaml", "new.yaml", "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(c["kind"], c["id"]) for c in data["changes"]] == EXPECTED
    assert (data["old"], data["new"]) == ("old.yaml", "new.yaml")
    assert dvcq(tmp_path, "diff", "old.yaml", "old.yaml", "--exit-code").returncode == 0


def test_a_folder_outside_git_is_a_clear_message(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / PLAN, tmp_path / "plan.yaml")
    run = dvcq(tmp_path, "diff", "--path", "plan.yaml")
    assert run.returncode == 1
    assert "không nằm trong kho git" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_a_side_that_cannot_be_built_names_file_and_line(repo: Path, tmp_path: Path) -> None:
    path = repo / PLAN
    good = path.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    closing = next(i for i, line in enumerate(lines) if line.startswith("closing:"))
    path.write_text("".join(lines[:closing] + lines[closing + 1 :]), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Lỡ xóa đoạn kết")
    path.write_text(good, encoding="utf-8")
    run = dvcq(repo, "diff")  # HEAD is broken, the working tree is fine
    assert run.returncode == 1 and "Traceback" not in run.stderr
    line = lines.index("document:\n") + 1  # the plan's mapping, which lacks the key
    where = f"HEAD:{PLAN}:{line}:1"
    assert where in run.stderr and "closing" in run.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("document:\n  type: KH\nbasis: [\n", encoding="utf-8")
    run = dvcq(tmp_path, "diff", str(path), str(bad))
    assert run.returncode == 1
    # at the cause, the bracket never closed (not at the end of the file)
    assert f"{bad}:3:8: Dấu “[” mở ở đây" in run.stderr and "Traceback" not in run.stderr


def test_unknown_revision_and_missing_file(repo: Path) -> None:
    run = dvcq(repo, "diff", "khong-co")
    assert run.returncode == 1 and "khong-co" in run.stderr and "Traceback" not in run.stderr
    run = dvcq(repo, "diff", "HEAD", "--path", "plans/2099.yaml", "--lang", "en")
    assert run.returncode == 1 and "does not exist at revision HEAD" in run.stderr
    assert dvcq(repo, "diff", "a", "b", "c").returncode == 2


def test_moves_additions_and_removals_by_id() -> None:
    text = (SAMPLE / PLAN).read_text(encoding="utf-8")
    old, _ = plan_from_text(text, "old")
    new, _ = plan_from_text(text, "new")
    assert old is not None and new is not None
    # Swap the first two tasks, move a task to another section, drop one, add one.
    lead = new.contents.sections[0]
    lead.tasks[0], lead.tasks[1] = lead.tasks[1], lead.tasks[0]
    moved = lead.tasks.pop(2)
    new.contents.sections[2].tasks.append(moved)
    removed = new.organization.sections[1].tasks.pop()
    new.contents.sections[3].tasks.insert(0, removed)
    removed.id = "nhiem-vu-moi"
    new.contents.sections.reverse()
    changes = [(c.kind, c.id) for c in diff_plans(old, new)]
    assert ("task-moved", moved.id) in changes
    assert len([k for k, _ in changes if k == "task-moved"]) == 2  # one of the swapped pair too
    assert ("task-removed", "quan-triet-long-ghep-ke-hoach") in changes
    assert ("task-added", "nhiem-vu-moi") in changes
    assert len([k for k, _ in changes if k == "section-moved"]) == 3  # reversing four sections
    assert diff_plans(old, old) == []


def test_word_diff_is_by_whitespace_split_words_in_nfc() -> None:
    decomposed = "Tie\u0302\u0301p công dân"  # "Tiếp" written with combining marks
    assert word_diff(decomposed, "Tiếp  công\n dân") == [("=", "Tiếp công dân")]
    words = word_diff("a b c d e f g h i j k l m n o", "a b c X e f g h i j k l m n o")
    assert render_words(words, context=2) == "a b c [-d-] {+X+} e f …"  # 3 words: kept
    assert render_words(words, markdown=True, context=2) == "a b c ~~d~~ **X** e f …"


def test_textconv_of_a_missing_file_says_so(tmp_path: Path) -> None:
    done = run("diff", "--textconv", str(tmp_path / "none.yaml"))
    assert done.returncode == 1 and "none.yaml" in done.stderr and "Traceback" not in done.stderr
