"""One vocabulary on every command: --debug, --plan/-p, --format/-f, -o/--output; old spellings
kept as hidden aliases. The walk reads the click commands Typer builds; the runs are in-process."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from typer.main import get_command

from dvcq.cli import app, load_commands, main

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"

# Every command, classified: the walk below fails when one is added and not put in either set.
READS_A_PLAN = {
    "check",
    "show",
    "status",
    "report",
    "urge",
    "render plan",
    "export xlsx",
    "progress add",
    "progress list",
    "progress import",
    "form",
    "tasks",
    "diff",
    "plan new-year",
}
READS_NO_PLAN = {"rules", "schema", "init", "fmt"}
WRITES_A_FILE = {
    "render plan",
    "report",
    "urge",
    "export xlsx",
    "form",
    "tasks",
    "schema",
}  # init's folder is positional
FORMATS = {
    "check": ("text", "json", "github"),
    "show": ("text", "json"),
    "status": ("text", "json"),
    "rules": ("text", "json"),
    "progress list": ("text", "json", "csv"),
    "diff": ("text", "md", "json"),
    "report": ("docx", "md", "pdf"),
    "urge": ("docx", "md", "text", "pdf"),
    "tasks": ("text", "md", "xlsx"),
}
HIDDEN_ALIASES = {
    "diff": "--path",
    "plan new-year": "--from",
    "schema": "--out",
    "rules": "--json",
}


def _walk(command: click.Command, name: str = "") -> Iterator[tuple[str, click.Command]]:
    yield name, command
    for sub_name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, f"{name} {sub_name}".strip())


def _commands() -> dict[str, click.Command]:
    load_commands()
    return dict(_walk(get_command(app)))


def _options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option)]


def _option(command: click.Command, spelling: str) -> click.Option | None:
    return next((o for o in _options(command) if spelling in o.opts), None)


def _leaves() -> dict[str, click.Command]:
    return {n: c for n, c in _commands().items() if not isinstance(c, click.Group)}


def test_every_command_is_classified() -> None:
    assert set(_leaves()) == READS_A_PLAN | READS_NO_PLAN
    assert set(_commands()) - set(_leaves()) == {"", "render", "progress", "export", "plan"}


def test_every_command_and_group_accepts_debug() -> None:
    for name, command in _commands().items():
        debug = _option(command, "--debug")
        assert debug is not None and debug.opts == ["--debug"], name
        assert debug.is_flag and not debug.hidden, name


def test_every_command_that_reads_a_plan_has_plan_p() -> None:
    with_plan = set()
    for name, command in _leaves().items():
        plan = _option(command, "--plan")
        if plan is not None:
            with_plan.add(name)
            assert sorted(plan.opts) == ["--plan", "-p"] and not plan.hidden, name
        assert (_option(command, "-p") is plan) or plan is None, name
    assert with_plan == READS_A_PLAN


def test_old_spellings_are_hidden_aliases_only() -> None:
    seen = {}
    for name, command in _commands().items():
        for option in _options(command):
            for old in ("--out", "--json", "--path", "--from"):
                if old in option.opts:
                    assert option.opts == [old] and option.hidden, (name, old)
                    seen[name] = old
    assert seen == HIDDEN_ALIASES


def test_every_format_is_format_f_with_a_shared_choice() -> None:
    found = {}
    for name, command in _commands().items():
        for option in _options(command):
            if isinstance(option.type, click.Choice) and option.opts != ["--lang"]:
                assert sorted(option.opts) == ["--format", "-f"], (name, option.opts)
                found[name] = tuple(option.type.choices)
            elif "--format" in option.opts:
                raise AssertionError(f"{name}: --format without a fixed set of choices")
    assert found == FORMATS


def test_each_set_of_choices_is_one_enum_in_app() -> None:
    enums = {}
    for path in sorted((ROOT / "dvcq" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id == "StrEnum" for b in node.bases
            ):
                enums[node.name] = path.name
    assert enums == {
        "Lang": "app.py",
        "TextJson": "app.py",
        "CheckFormat": "app.py",
        "ListFormat": "app.py",
        "DiffFormat": "app.py",
        "DocumentFormat": "app.py",
        "UrgeFormat": "app.py",
        "TaskListFormat": "app.py",
        "Kind": "schema.py",  # plan|progress: what to print, not a format
    }


def test_every_written_file_is_o_output() -> None:
    with_output = set()
    for name, command in _leaves().items():
        for option in _options(command):
            if "-o" in option.opts or any("out" in spelling for spelling in option.opts):
                if option.hidden:
                    continue  # schema --out, checked above
                assert sorted(option.opts) == ["--output", "-o"], (name, option.opts)
                with_output.add(name)
    assert with_output == WRITES_A_FILE


# --- behaviour, in-process -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in [k for k in os.environ if k.startswith("DVCQ_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("DVCQ_TODAY", "2026-11-27")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out = capsys.readouterr()
    code = done.value.code
    assert isinstance(code, int)
    return code, out.out, out.err


def _plan(tmp_path: Path, where: str = "plans/2026.yaml") -> Path:
    path = tmp_path / where
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(MINIMAL, path)
    return path


CLEAN = "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo.\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--debug", "check"],
        ["check", "--debug"],
        ["--debug", "check", "--debug", "-p", "plans/2026.yaml"],
    ],
)
def test_check_with_debug_and_plan_anywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    _plan(tmp_path)
    assert run(capsys, *args) == (0, CLEAN, "")


def test_check_plan_names_a_plan_outside_plans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _plan(tmp_path, "a/plan.yaml")
    assert run(capsys, "check", "--plan", "a/plan.yaml") == (0, CLEAN, "")
    assert run(capsys, "check", "a/plan.yaml", "-p", "a/plan.yaml") == (0, CLEAN, "")
    _plan(tmp_path, "b/plan.yaml")
    both = (0, "Đã kiểm tra 2 tệp: 0 lỗi, 0 cảnh báo.\n", "")
    assert run(capsys, "check", "-p", "a/plan.yaml", "--plan", "b/plan.yaml") == both


def test_rules_debug_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, err = run(capsys, "rules", "--debug")
    assert (code, err) == (0, "") and "task-without-owner" in text
    code, listed, err = run(capsys, "--debug", "rules", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(listed)[0] == {
        "id": "empty-text",
        "level": "error",
        "scope": "plan",
        "doc": "Mọi đoạn văn (tiêu đề, nhiệm vụ, câu kết, nơi nhận) phải có nội dung.",
        "hint": "Điền nội dung, hoặc xóa hẳn mục này nếu không cần.",
    }
    assert run(capsys, "rules", "--json") == (0, listed, "")  # the old spelling, same bytes


def test_show_takes_the_plan_either_way_but_only_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _plan(tmp_path, "a/plan.yaml")
    by_option = run(capsys, "show", "-p", "a/plan.yaml", "-f", "json")
    assert by_option[0] == 0 and json.loads(by_option[1])["file"] == "a/plan.yaml"
    assert run(capsys, "show", "a/plan.yaml", "-f", "json") == by_option
    assert run(capsys, "show", "b.yaml", "--plan", "a/plan.yaml", "--lang", "en") == (
        2,
        "",
        "Error: Two different plan files: a/plan.yaml and b.yaml; name one, with --plan FILE.\n",
    )


def test_diff_path_is_an_alias_of_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _plan(tmp_path, "a/plan.yaml")  # not in plans/: without a name there is no plan to take
    for words in (["init", "-q"], ["add", "."], ["commit", "-qm", "kế hoạch"]):
        git = ["git", "-c", "user.name=A", "-c", "user.email=a@example.org", *words]
        subprocess.run(git, cwd=tmp_path, check=True)
    same = (0, "HEAD:a/plan.yaml → a/plan.yaml: Không có thay đổi về nội dung\n", "")
    assert run(capsys, "diff", "--plan", "a/plan.yaml") == same
    assert run(capsys, "diff", "-p", "a/plan.yaml") == same
    assert run(capsys, "diff", "--path", "a/plan.yaml") == same


def test_new_year_from_is_an_alias_of_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _plan(tmp_path, "draft/2026.yaml")  # not in plans/: only a named plan can be the source
    wrote = "Đã ghi draft/2028.yaml: 5 chỗ cần xem lại (tìm “XEM LẠI”). Chạy `dvcq check draft/2028.yaml`.\n"
    assert run(capsys, "plan", "new-year", "-p", "draft/2026.yaml", "--year", "2028") == (
        0,
        wrote,
        "",
    )
    first = (tmp_path / "draft/2028.yaml").read_bytes()
    args = ["plan", "new-year", "--from", "draft/2026.yaml", "--year", "2028", "--force"]
    assert run(capsys, *args) == (0, wrote, "")
    assert (tmp_path / "draft/2028.yaml").read_bytes() == first


def test_schema_out_is_an_alias_of_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for spelling, folder in (("-o", "new"), ("--output", "long"), ("--out", "old")):
        code, out, err = run(capsys, "schema", "progress", spelling, folder)
        assert (code, out, err) == (0, f"Đã ghi {folder}/progress.schema.json.\n", "")
    shipped = (ROOT / "schema" / "progress.schema.json").read_bytes()
    for folder in ("new", "long", "old"):
        assert (tmp_path / folder / "progress.schema.json").read_bytes() == shipped


# An internal error cannot be produced from data (that is the point of the boundary), so the
# library verb behind `dvcq check` is made to fail the way a bug would.


@pytest.fixture
def broken_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import dvcq.rules.check

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hỏng giả định")

    monkeypatch.setattr(dvcq.rules.check, "check", fail)
    _plan(tmp_path)


INTERNAL = (
    "Lỗi nội bộ của dvcq (không phải lỗi trong tệp của bạn). Chạy lại với --debug và gửi kết "
    "quả cho người quản trị.\n"
)


@pytest.mark.usefixtures("broken_check")
@pytest.mark.parametrize(
    "args",
    [["--debug", "check"], ["check", "--debug"], ["check", "-p", "plans/2026.yaml", "--debug"]],
)
def test_debug_shows_the_traceback_of_an_internal_error(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (3, "")
    assert err.startswith("Traceback (most recent call last):\n")
    assert err.endswith("RuntimeError: hỏng giả định\n" + INTERNAL)


@pytest.mark.usefixtures("broken_check")
def test_dvcq_debug_1_shows_it_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DVCQ_DEBUG", "1")
    code, _, err = run(capsys, "check")
    assert code == 3 and err.startswith("Traceback (most recent call last):\n")


@pytest.mark.usefixtures("broken_check")
def test_no_traceback_without_debug(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--debug", "check")[0] == 3  # a run with --debug first, in this process
    assert run(capsys, "check") == (3, "", INTERNAL)  # does not leave the next one in debug mode
    assert run(capsys, "check", "--lang", "en")[2] == (
        "Internal dvcq error (not a problem in your files). Run again with --debug and send the "
        "output to the maintainers.\n"
    )


def test_each_run_starts_in_the_environments_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _plan(tmp_path)
    assert run(capsys, "--lang", "en", "check")[1].endswith(
        "Checked 1 file(s): 0 error(s), 0 warning(s).\n"
    )
    assert run(capsys, "check")[1].endswith(CLEAN)  # not the English of the run before


def test_lang_is_taken_by_command_groups_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _plan(tmp_path)
    code, out, _ = run(capsys, "progress", "--lang", "en", "list")
    assert (code, out) == (0, "0 entries.\n")
    code, out, _ = run(capsys, "progress", "list")
    assert (code, out) == (0, "0 mục.\n")
