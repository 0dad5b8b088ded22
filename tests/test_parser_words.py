"""The command-line parser's own words (click's, Typer's) in Vietnamese, in English with
`--lang en` (issue 14, part 5)."""

from __future__ import annotations

from collections.abc import Callable

import click
import pytest
from cli_run import Result

from dvcq import i18n
from dvcq.cli import parser_words

Cli = Callable[..., Result]


def test_an_unknown_option_in_vietnamese(cli: Cli) -> None:
    done = cli("check", "--nope")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "Cách dùng: dvcq check [TÙY_CHỌN] [TỆP]...\n"
        "Gõ 'dvcq check --help' để xem hướng dẫn.\n\n"
        "Lỗi: Không có tùy chọn '--nope'.\n"
    )


def test_an_unknown_option_in_english(cli: Cli) -> None:
    done = cli("check", "--nope", "--lang", "en")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "Usage: dvcq check [OPTIONS] [FILE]...\n"
        "Try 'dvcq check --help' for help.\n\n"
        "Error: No such option '--nope'.\n"
    )


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["report"],
            "Lỗi: Thiếu đối số 'KỲ'.\n",
            "Error: Missing argument 'PERIOD'.\n",
        ),
        (
            ["status", "x", "y"],
            "Lỗi: Thừa các đối số không dùng đến (x y)\n",
            "Error: Got unexpected extra arguments (x y)\n",
        ),
        (
            ["status", "x"],
            "Lỗi: Thừa đối số không dùng đến (x)\n",
            "Error: Got unexpected extra argument (x)\n",
        ),
        (
            ["status", "--format", "xml"],
            "Lỗi: Giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải một trong các giá "
            "trị 'text', 'json'.\n",
            "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'json'.\n",
        ),
        (
            ["check", "--hep"],
            "Lỗi: Không có tùy chọn '--hep'. Có phải ý bạn là '--help'?\n",
            "Error: No such option '--hep'. Did you mean '--help'?\n",
        ),
        (
            ["chek"],
            "Lỗi: Không có lệnh 'chek'. (Có phải ý bạn là một trong: 'check', 'schema'?)\n",
            "Error: No such command 'chek'. (Did you mean one of: 'check', 'schema'?)\n",
        ),
    ],
)
def test_parser_errors_in_both_languages(cli: Cli, args: list[str], vi: str, en: str) -> None:
    for lang, said in (("vi", vi), ("en", en)):
        done = cli(*args, "--lang", lang)
        assert done.returncode == 2
        assert done.stderr.endswith("\n\n" + said), done.stderr


def test_an_error_without_usage_names_the_help_itself(cli: Cli) -> None:
    vi = cli("progress", "add", "--unit")
    assert vi.stderr == (
        "Lỗi: Tùy chọn '--unit' cần một giá trị.\n"
        "Gõ `dvcq --help` hoặc `dvcq <lệnh> --help` để xem cách dùng.\n"
    )
    en = cli("progress", "add", "--lang", "en", "--unit")
    assert en.stderr == (
        "Error: Option '--unit' requires an argument.\n"
        "Run `dvcq --help` or `dvcq <command> --help` for usage.\n"
    )


def test_help_headings_in_both_languages(cli: Cli) -> None:
    vi = cli("report", "--help").stdout
    assert vi.startswith("Cách dùng: dvcq report [TÙY_CHỌN] KỲ\n")
    assert "\nĐối số:\n" in vi and "\nTùy chọn:\n" in vi
    assert "  -h, --help" in vi and "Hiện hướng dẫn này rồi thoát." in vi
    assert "[bắt buộc]" in vi and "Show this message" not in vi
    en = cli("report", "--help", "--lang", "en").stdout
    assert en.startswith("Usage: dvcq report [OPTIONS] PERIOD\n")
    assert "\nArguments:\n" in en and "\nOptions:\n" in en
    assert "Show this message and exit." in en and "[required]" in en
    assert "\nLệnh:\n" in cli("--help").stdout
    assert "\nCommands:\n" in cli("--help", "--lang", "en").stdout


def test_a_missing_option_in_both_languages() -> None:
    # No dvcq command has a required option today: click's own exception, with the words in.
    parser_words.install()
    missing = click.MissingParameter(param=click.Option(["--unit"]), param_type="option")
    try:
        i18n.set_lang("vi")
        assert missing.format_message() == "Thiếu tùy chọn '--unit'."
        i18n.set_lang("en")
        assert missing.format_message() == "Missing option '--unit'."
    finally:
        i18n.reset()


def test_placeholders_in_both_languages(cli: Cli) -> None:
    usage = {
        ("--help",): ("dvcq [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...", "dvcq [OPTIONS] COMMAND [ARGS]..."),
        ("progress", "--help"): (
            "dvcq progress [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...",
            "dvcq progress [OPTIONS] COMMAND [ARGS]...",
        ),
        ("progress", "add", "--help"): (
            "dvcq progress add [TÙY_CHỌN] [NHIỆM_VỤ]",
            "dvcq progress add [OPTIONS] [TASK]",
        ),
        ("form", "--help"): ("dvcq form [TÙY_CHỌN] KỲ", "dvcq form [OPTIONS] PERIOD"),
    }
    for args, (vi, en) in usage.items():
        assert cli(*args).stdout.startswith(f"Cách dùng: {vi}\n")
        assert cli(*args, "--lang", "en").stdout.startswith(f"Usage: {en}\n")
    vi = cli("report", "--help").stdout
    for line in (
        "  -o, --output TỆP ",
        "  --as-of NGÀY ",
        "  -u, --unit ĐƠN_VỊ ",
        "  --signer-name HỌ_TÊN ",
    ):
        assert line in vi
    en = cli("report", "--help", "--lang", "en").stdout
    for line in (
        "  -o, --output FILE ",
        "  --as-of DATE ",
        "  -u, --unit UNIT ",
        "  --signer-name NAME ",
    ):
        assert line in en
    for word in ("TEXT", "PATH", "INTEGER", "OPTIONS", "PERIOD"):
        assert word not in vi and word not in cli("init", "--help").stdout
    # An argument's help is printed, once: what a period looks like.
    assert vi.count("KỲ  Kỳ báo cáo: 2026, 2026-H1") == 1
    assert vi.count("\nĐối số:\n") == 1 and "Positional" not in en


def test_help_speaks_the_readers_language_only(cli: Cli) -> None:
    vi = " ".join(cli("status", "--help").stdout.split())
    assert "Bảng tình hình thực hiện kế hoạch trong một kỳ." in vi
    assert "In thêm bảng số liệu chỉ tiêu của từng nhiệm vụ. -f, --format" in vi
    assert "The status board" not in vi and "Also the indicator figures." not in vi
    en = " ".join(cli("status", "--help", "--lang", "en").stdout.split())
    assert "The status board for a period." in en and "-i, --indicators Also the indicator" in en
    assert "Bảng tình hình thực hiện" not in en
    assert "--period PERIOD Period: 2026, 2026-H1" in en  # from help_en.HELP_EN
    listed = cli("progress", "list", "--help").stdout
    assert "List progress entries" not in listed and "Entries with errors" not in listed
    assert "Liệt kê các mục tiến độ, có lọc.\n" in listed
    assert "text hoặc json.  [mặc định: text]" in cli("status", "--help").stdout  # spacing kept
