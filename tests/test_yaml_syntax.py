"""YAML syntax errors told by their cause, in Vietnamese, at the cause's place (issue 14, part 5).

Each case is tests/data/minimal.yaml with one mistake a clerk makes, written to a real file and
checked with `dvcq check --format json`. Lines and columns are counted by hand in the edited file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import ROOT, run

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8").split("\n")

QUOTE_HINT = (
    'Trong câu có dấu ": dùng ngoặc kép cong “ ” bên trong câu, hoặc đặt cả giá trị trong loại '
    "dấu kia (' … ' thay cho \" … \")."
)
DASH_HINT = (
    "Mỗi mục của danh sách bắt đầu bằng “- ”, thẳng cột với dấu “-” ở dòng {n}; nếu dòng này "
    "thuộc mục ở trên, thụt vào thẳng cột với các khóa của mục đó."
)

# (case, {line: new text, None: line removed}, line, column, message, hint)
CASES = [
    (
        "tab",
        {18: "\tname: Tô Thị Trang"},
        18,
        1,
        "Có ký tự Tab ở chỗ thụt lề: YAML chỉ thụt lề bằng dấu cách.",
        "Xóa ký tự Tab và thụt lề bằng dấu cách (thẳng cột với các dòng cùng cấp); trong trình "
        "soạn thảo, bật “Insert spaces” (chèn dấu cách khi nhấn Tab).",
    ),
    (
        "indentation",
        {17: "   title: PHÓ GIÁM ĐỐC"},
        17,
        4,
        "Thụt lề không khớp: dòng này thụt 3 dấu cách, không thẳng cột với khóa cùng cấp nào ở "
        "trên (dòng 16 thụt 4).",
        "Thụt lề bằng dấu cách cho dòng này thẳng cột với các khóa cùng cấp (thường mỗi cấp thêm "
        "2 dấu cách); phần nối tiếp một đoạn văn (sau | hoặc >) phải thụt vào sâu hơn khóa của nó.",
    ),
    (
        "missing-dash",
        {48: '  "Lưu: VT, VP."'},
        48,
        3,
        "Dòng này nằm trong danh sách bắt đầu ở dòng 47 nhưng không bắt đầu bằng “- ”.",
        DASH_HINT.format(n=47),
    ),
    (
        "missing-dash-second-unit",
        {51: "    name: Văn phòng Sở\n  id: TT\n    name: Thanh tra Sở"},
        52,
        3,
        "Dòng này nằm trong danh sách bắt đầu ở dòng 50 nhưng không bắt đầu bằng “- ”.",
        DASH_HINT.format(n=50),
    ),
    (
        "colon-in-text",
        {45: "closing: Yêu cầu: các phòng chuyên môn nghiêm túc triển khai thực hiện./."},
        45,
        17,
        "Dấu hai chấm và dấu cách (“: ”) trong văn bản không có ngoặc kép: YAML hiểu đó là một "
        "khóa mới.",
        'Đặt cả giá trị sau “closing:” trong dấu ngoặc kép, ví dụ closing: "Nội dung: …".',
    ),
    (
        "unclosed-quote",  # at the opening quote, not at the end of the file
        {55: '    date: "2026-03-31'},
        55,
        11,
        'Dấu mở ngoặc " ở đây không có dấu đóng.',
        'Thêm dấu " ở cuối giá trị, trên cùng dòng; nếu trong câu có dấu ngoặc kép, dùng ngoặc '
        'kép cong “ ” bên trong, hoặc bỏ cả hai dấu ".',
    ),
    (
        "quote-inside-quotes",  # at the quote that closed the value too early
        {14: '  subject: "Triển khai "Dân vận khéo" năm 2026"'},
        14,
        24,
        'Dấu ngoặc " ở đây đóng giá trị mở ở dòng 14, cột 12; phần chữ sau nó bị thừa.',
        QUOTE_HINT,
    ),
    (
        "missing-colon",
        {32: "          owner VP"},
        32,
        11,
        "Dòng này không có dấu hai chấm sau tên khóa.",
        "Viết “khóa: giá trị” (dấu hai chấm rồi một dấu cách); nếu dòng này nối tiếp nội dung "
        "dòng trên, thụt nó vào sâu hơn khóa của dòng trên.",
    ),
    (
        "dash-after-key",
        {33: "          refs: - 918/KH-UBND", 34: None},
        33,
        17,
        "Dấu “- ” (mục danh sách) đứng sau khóa “refs:” trên cùng một dòng.",
        "Xuống dòng sau “refs:” rồi viết mỗi mục “- …” thụt vào 2 dấu cách; nếu “-” là một phần "
        "của nội dung, đặt cả giá trị trong ngoặc kép.",
    ),
    (
        "unclosed-bracket",  # at the opening bracket
        {33: "          refs: [918/KH-UBND", 34: None},
        33,
        17,
        "Dấu “[” mở ở đây không được đóng bằng “]”.",
        "Thêm “]” ở cuối, trên cùng dòng; nếu giá trị là văn bản bắt đầu bằng “[”, đặt cả giá "
        "trị trong ngoặc kép.",
    ),
    (
        "text-after-bracket",
        {28: "      title: [Mới] Công tác lãnh đạo"},
        28,
        14,
        "Giá trị bắt đầu bằng “[” được YAML đọc như một danh sách hay một bảng, không phải văn "
        "bản; phần chữ sau dấu đóng bị thừa.",
        'Đặt cả giá trị trong ngoặc kép, ví dụ "[Văn phòng] chủ trì".',
    ),
    (
        "reserved-character",
        {51: "    name: @Văn phòng Sở"},
        51,
        11,
        "Giá trị không được bắt đầu bằng ký tự “@” khi không có ngoặc kép (YAML dành nó cho "
        "việc khác).",
        'Đặt cả giá trị trong ngoặc kép, ví dụ "@…".',
    ),
    (
        "bad-escape",  # at the backslash
        {9: '  place: "Cao Bằng\\Sở"'},
        9,
        19,
        "“\\S” trong giá trị đặt giữa ngoặc kép không phải mã thoát hợp lệ: trong ngoặc kép, dấu "
        "\\ mở đầu một mã thoát.",
        "Viết \\\\ cho mỗi dấu \\, hoặc đặt giá trị trong dấu nháy đơn ' … ' (ở đó \\ là ký tự "
        "thường).",
    ),
    (
        "second-document",
        {35: "---\norganization:"},
        35,
        1,
        "Dòng “---” ở đây mở văn bản YAML thứ hai; tệp chỉ được có một.",
        "Xóa dòng “---”; nếu đó là một đường kẻ trong nội dung, đặt nội dung trong ngoặc kép.",
    ),
    (
        "block-text-indent",
        {45: "closing: |\nYêu cầu các phòng chuyên môn nghiêm túc triển khai thực hiện./."},
        46,
        1,
        "Dòng này không thụt vào, nên không thuộc đoạn văn mở bằng “|” hoặc “>” sau “closing:” ở "
        "dòng 45.",
        "Thụt mọi dòng của đoạn văn vào sâu hơn “closing:” (thường thêm 2 dấu cách).",
    ),
]


def broken(folder: Path, case: str, edit: dict[int, str | None]) -> Path:
    lines = [edit.get(n, line) for n, line in enumerate(MINIMAL, start=1)]
    path = folder / f"{case}.yaml"
    path.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")
    return path


def problems(path: Path, lang: str = "vi") -> list[dict[str, object]]:
    done = run("check", path.name, "--format", "json", "--lang", lang, cwd=path.parent)
    assert done.returncode == 1, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)["problems"]
    return found


@pytest.mark.parametrize(
    ("case", "edit", "line", "column", "message", "hint"), CASES, ids=[c[0] for c in CASES]
)
def test_each_cause_is_told_in_vietnamese_at_its_place(
    tmp_path: Path,
    case: str,
    edit: dict[int, str | None],
    line: int,
    column: int,
    message: str,
    hint: str,
) -> None:
    [found] = problems(broken(tmp_path, case, edit))
    assert (found["rule"], found["line"], found["column"]) == ("yaml-syntax", line, column)
    assert (found["message"], found["hint"]) == (message, hint)


def test_the_causes_are_told_in_english_with_lang_en(tmp_path: Path) -> None:
    [tab] = problems(broken(tmp_path, "tab", CASES[0][1]), "en")
    assert tab["message"] == "A tab character in the indentation: YAML indents with spaces only."
    colon = broken(tmp_path, "colon", CASES[4][1])
    [found] = problems(colon, "en")
    assert (found["line"], found["column"]) == (45, 17)
    assert found["message"] == (
        "A colon and a space (“: ”) inside unquoted text: YAML takes it for a new key."
    )
    assert found["hint"] == (
        'Put the whole value after “closing:” in double quotes, e.g. closing: "Text: …".'
    )


def test_the_text_report_shows_the_cause_and_its_hint(tmp_path: Path) -> None:
    path = broken(tmp_path, "unclosed", CASES[5][1])
    done = run("check", path.name, cwd=tmp_path)
    assert done.returncode == 1
    assert '  55:11  lỗi  Dấu mở ngoặc " ở đây không có dấu đóng.  (yaml-syntax)' in done.stdout
    assert '      → Thêm dấu " ở cuối giá trị, trên cùng dòng;' in done.stdout


def test_a_syntax_error_of_no_known_cause_keeps_the_parsers_reason(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("document: !x!y abc\n", encoding="utf-8")
    [found] = problems(path)
    assert found["rule"] == "yaml-syntax"
    assert str(found["message"]).startswith("Lỗi cú pháp YAML (bộ đọc YAML báo: ")


@pytest.mark.parametrize(("case", "edit", "line", "column", "message", "hint"), CASES)
def test_the_pure_python_parser_gives_the_same_causes(
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    edit: dict[int, str | None],
    line: int,
    column: int,
    message: str,
    hint: str,
) -> None:
    # Where libyaml is missing, PyYAML's own parser words its errors differently.
    import yaml

    from dvcq import rules, yamlio

    monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)
    lines = [edit.get(n, row) for n, row in enumerate(MINIMAL, start=1)]
    _, [found] = yamlio.parse("\n".join(row for row in lines if row is not None), case)
    assert (found.rule, found.pos.line, found.pos.col) == ("yaml-syntax", line, column)
    assert (rules.message(found, "vi"), rules.hint(found, "vi")) == (message, hint)
