"""`dvcq tasks --unit U`: the tasks a unit leads, then supports, to fold into its own plan
(issue 13, part 4), as Markdown, text at 80 columns, or a workbook read back with openpyxl."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_run import ROOT, run
from openpyxl import load_workbook

DELIVERABLES = ROOT / "tests" / "data" / "plans" / "so-deliverables.yaml"
GROUPS = ROOT / "tests" / "data" / "groups"

PBGDPL_MD = """\
# Nhiệm vụ của Phòng Phổ biến, giáo dục pháp luật

Theo Kế hoạch số …/KH-STP tháng 2 năm 2025 của Sở Tư pháp về thực hiện công tác dân vận chính \
quyền năm 2025.

## Nhiệm vụ chủ trì (1)

### II.1. Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ

Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ của công dân \
bằng hình thức phù hợp với từng địa bàn.

- Đơn vị phối hợp: Văn phòng Sở
- Thời hạn: Hằng quý
- Sản phẩm: Báo cáo kết quả phổ biến pháp luật hằng quý

## Nhiệm vụ phối hợp (1)

### II.1. Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính quyền của Sở

Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính quyền của Sở.

- Đơn vị chủ trì: Văn phòng Sở
- Cùng phối hợp: Phòng Hành chính tư pháp
- Thời hạn: Tháng 6/2025; Tháng 12/2025
- Sản phẩm: Báo cáo sơ kết, tổng kết
"""

PBGDPL_TEXT = """\
Nhiệm vụ của Phòng Phổ biến, giáo dục pháp luật (PBGDPL)
Kế hoạch số …/KH-STP tháng 2 năm 2025 của Sở Tư pháp về thực hiện công tác dân
vận chính quyền năm 2025

CHỦ TRÌ (1 nhiệm vụ)

II.1  Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và
      nghĩa vụ
      Mã: pho-bien-phap-luat
      Đơn vị phối hợp: Văn phòng Sở
      Thời hạn: Hằng quý
      Sản phẩm: Báo cáo kết quả phổ biến pháp luật hằng quý
      Nội dung: Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan
      đến quyền và nghĩa vụ của công dân bằng hình thức phù hợp với từng địa
      bàn.

PHỐI HỢP (1 nhiệm vụ)

II.1  Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính
      quyền của Sở
      Mã: hoi-nghi-so-ket
      Đơn vị chủ trì: Văn phòng Sở
      Cùng phối hợp: Phòng Hành chính tư pháp
      Thời hạn: Tháng 6/2025; Tháng 12/2025
      Sản phẩm: Báo cáo sơ kết, tổng kết
      Nội dung: Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân
      vận chính quyền của Sở.
"""


@pytest.fixture
def groups(tmp_path: Path) -> Path:
    shutil.copytree(GROUPS, tmp_path / "ws")
    return tmp_path / "ws"


def test_markdown_lists_what_the_unit_leads_then_what_it_supports() -> None:
    done = run("tasks", "--unit", "PBGDPL", "-p", DELIVERABLES, "--format", "md")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == PBGDPL_MD


def test_text_reads_at_80_columns_and_speaks_english_when_asked() -> None:
    done = run("tasks", "-u", "PBGDPL", "-p", DELIVERABLES)
    assert done.stdout == PBGDPL_TEXT
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    en = run("tasks", "-u", "PBGDPL", "-p", DELIVERABLES, "--lang", "en").stdout.splitlines()
    assert en[0] == "Tasks of Phòng Phổ biến, giáo dục pháp luật (PBGDPL)"
    assert "LEADS (1 tasks)" in en and "SUPPORTS (1 tasks)" in en
    assert "      Led by: Văn phòng Sở" in en
    assert "      Deadlines: Tháng 6/2025; Tháng 12/2025" in en


def test_a_member_gets_its_groups_tasks_marked_as_given_to_the_group(groups: Path) -> None:
    done = run("tasks", "-u", "LS", "-f", "md", cwd=groups)
    lines = done.stdout.splitlines()
    assert lines[4] == (
        "Phòng Lãnh sự là thành viên của Các phòng chuyên môn: nhiệm vụ giao cho Các phòng "
        "chuyên môn cũng là nhiệm vụ của Phòng Lãnh sự (ghi “Giao cho”)."
    )
    assert [ln for ln in lines if ln.startswith("## ")] == [
        "## Nhiệm vụ chủ trì (4)",
        "## Nhiệm vụ phối hợp (5)",
    ]
    assert lines.count("- Giao cho: Các phòng chuyên môn") == 9
    heads = [ln.split(". ", 1)[0] for ln in lines if ln.startswith("### ")]
    assert heads == [
        "### II.2", "### II.3", "### II.3", "### III.2",  # leads
        "### II.1", "### II.1", "### II.4", "### II.4", "### III.1",  # supports
    ]  # fmt: skip
    # the group's own list names nobody as given to it, and no member's note
    own = run("tasks", "-u", "PCM", "-f", "md", cwd=groups).stdout
    assert "Giao cho" not in own and "thành viên" not in own


def test_a_group_list_leaves_out_a_task_named_for_one_member(groups: Path) -> None:
    plan = groups / "plans" / "2026.yaml"
    text = plan.read_text(encoding="utf-8")
    marker = "        - id: quan-triet-long-ghep-ke-hoach"
    head, tail = text.split(marker)
    plan.write_text(head + marker + tail.replace("owner: PCM", "owner: HTQT", 1), "utf-8")
    pcm = run("tasks", "-u", "PCM", "-f", "md", cwd=groups).stdout
    assert "## Nhiệm vụ chủ trì (3)" in pcm and "quan-triet-long-ghep" not in pcm
    htqt = run("tasks", "-u", "HTQT", cwd=groups).stdout.splitlines()
    at = htqt.index("       Mã: quan-triet-long-ghep-ke-hoach")
    assert htqt[at - 2].startswith("III.2  Quán triệt Kế hoạch này")
    assert htqt[at + 1].startswith("       Nội dung:")  # named itself: no “Giao cho”


def test_the_documents_a_task_carries_out_are_cited_from_the_registry(groups: Path) -> None:
    lines = run("tasks", "-u", "VP", "-f", "md", cwd=groups).stdout.splitlines()
    at = lines.index("- Văn bản thực hiện:")
    assert lines[at - 1 : at + 3] == [
        "- Đơn vị phối hợp: Các phòng chuyên môn",
        "- Văn bản thực hiện:",
        "  - Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, xử lý phản "
        "ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
        "  - Văn bản hợp nhất số 10271/VBHN-VPCP ngày 27/9/2017 của Văn phòng Chính phủ về tiếp "
        "nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về Quy định hành chính",
    ]


def test_the_workbook_reads_back_and_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        done = run("tasks", "-u", "PBGDPL", "-p", DELIVERABLES, "-o", out)
        assert (done.returncode, done.stdout) == (0, f"Đã ghi {out}.\n")
    assert first.read_bytes() == second.read_bytes()
    wb = load_workbook(first)
    assert wb.sheetnames == ["PBGDPL"]
    sheet = wb["PBGDPL"]
    assert (sheet.auto_filter.ref, sheet.freeze_panes) == ("A1:K3", "A2")
    # 143 characters of text in a 60-wide column: two lines of 15 points, and a margin
    assert [sheet.row_dimensions[r].height for r in (2, 3)] == [32.0, 32.0]
    assert (sheet.page_setup.orientation, sheet.print_title_rows) == ("landscape", "$1:$1")
    rows = [list(r) for r in wb["PBGDPL"].iter_rows(values_only=True)]
    assert rows == [
        [
            "Mục", "Tên nhiệm vụ", "Nội dung nhiệm vụ", "Vai trò", "Giao cho nhóm",
            "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Sản phẩm", "Văn bản thực hiện",
            "Mã nhiệm vụ",
        ],
        [
            "II.1",
            "Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ",
            "Tổ chức phổ biến các văn bản pháp luật mới ban hành liên quan đến quyền và nghĩa vụ "
            "của công dân bằng hình thức phù hợp với từng địa bàn.",
            "Chủ trì", None, None, "Văn phòng Sở", "Hằng quý",
            "Báo cáo kết quả phổ biến pháp luật hằng quý", None, "pho-bien-phap-luat",
        ],
        [
            "II.1",
            "Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính quyền của Sở",
            "Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính quyền của "
            "Sở.",
            "Phối hợp", None, "Văn phòng Sở", "Phòng Hành chính tư pháp",
            "Tháng 6/2025; Tháng 12/2025", "Báo cáo sơ kết, tổng kết", None, "hoi-nghi-so-ket",
        ],
    ]  # fmt: skip
    assert wb.properties.created is not None and wb.properties.created.date().isoformat() == (
        "2025-02-01"
    )


def test_a_members_workbook_names_the_group_and_cites_each_document(groups: Path) -> None:
    done = run("tasks", "-u", "QLBG", "-f", "xlsx", "-o", "q.xlsx", cwd=groups)
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(groups / "q.xlsx")["QLBG"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3], r[4], r[10]) for r in rows[3:5]] == [
        ("III.2", "Chủ trì", "Các phòng chuyên môn", "quan-triet-long-ghep-ke-hoach"),
        ("II.1", "Phối hợp", "Các phòng chuyên môn", "ban-hanh-ke-hoach-cu-the"),
    ]
    assert rows[1][9] == (
        "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021-2030\n"
        "Kế hoạch số 4110/KH-UBND ngày 31/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng về Cải cách "
        "hành chính nhà nước tỉnh Cao Bằng năm 2026\n"
        "Kế hoạch số 40/KH-SNgV ngày 09/01/2026 của Sở Ngoại vụ về cải cách hành chính năm 2026"
    )


def test_wrong_requests_are_told_in_words(groups: Path) -> None:
    unknown = run("tasks", "-u", "LSS", cwd=groups)
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == (
        "Lỗi: Kế hoạch không có đơn vị “LSS”. Có phải ý bạn là “LS”? Các mã đơn vị: VP, PCM, "
        "HTQT, LS, QLBG, LDS.\n"
    )
    no_file = run("tasks", "-u", "LS", "-f", "xlsx", "--lang", "en", cwd=groups)
    assert (no_file.returncode, no_file.stderr) == (
        2,
        "Error: The xlsx format needs an output file: give -o FILE.xlsx.\n",
    )
    mismatch = run("tasks", "-u", "LS", "-f", "md", "-o", "ls.xlsx", cwd=groups)
    assert mismatch.returncode == 2 and not (groups / "ls.xlsx").exists()
    word = run("tasks", "-u", "LS", "-o", "ls.docx", cwd=groups)
    assert (word.returncode, word.stderr) == (
        2,
        "Lỗi: Không biết ghi ls.docx ở dạng nào: đặt tên tệp .md, .txt hoặc .xlsx, hoặc ghi "
        "--format md|text|xlsx.\n",
    )
    named = run("tasks", "-u", "LS", "-f", "md", "-o", "ls.markdown", cwd=groups)
    assert named.returncode == 0 and (groups / "ls.markdown").read_text("utf-8").startswith("# ")
    plan = groups / "plans" / "2026.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  - id: LDS\n", "  - id: KT\n    name: Kế toán\n  - id: LDS\n"))
    idle = run("tasks", "-u", "KT", "-o", "kt.md", cwd=groups)
    assert (idle.returncode, idle.stderr) == (
        1,
        "Lỗi: Đơn vị KT không chủ trì hay phối hợp nhiệm vụ nào của kế hoạch.\n",
    )
    assert not (groups / "kt.md").exists()


def test_a_markdown_file_is_written_by_its_suffix(groups: Path) -> None:
    done = run("tasks", "-u", "LDS", "-o", "lds.md", cwd=groups)
    assert (done.returncode, done.stdout) == (0, "Đã ghi lds.md.\n")
    written = (groups / "lds.md").read_text(encoding="utf-8")
    assert written.startswith("# Nhiệm vụ của Lãnh đạo Sở\n\nTheo Kế hoạch số …/KH-SNgV")
    again = run("tasks", "-u", "LDS", "-o", "lds.md", cwd=groups)
    assert again.returncode == 1 and (groups / "lds.md").read_text(encoding="utf-8") == written


def test_a_single_due_day_is_written_as_nd30_writes_dates() -> None:
    plan = ROOT / "tests" / "data" / "plans" / "ubnd-xa.yaml"
    lines = run("tasks", "-u", "VPTK", "-p", plan).stdout.splitlines()
    at = lines.index("       Mã: quan-triet-ke-hoach")
    assert lines[at + 1 : at + 3] == [
        "       Đơn vị phối hợp: Trưởng các thôn",
        "       Thời hạn: 31/3/2025",
    ]


def test_wrapping_keeps_an_address_and_a_hyphenated_name_whole() -> None:
    from dvcq.documents.unit_tasks import _wrap

    text = "Xem https://dichvucong.gov.vn/p/home/dvc-trang-chu.html và Ba-na Kon-Tum"
    assert _wrap(text, 30, "  ") == [
        "  Xem",
        "  https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "  và Ba-na Kon-Tum",
    ]


def test_a_cell_of_several_lines_gets_a_row_as_tall_as_its_lines() -> None:
    import datetime as dt
    import io

    from dvcq.documents.spreadsheet import table_bytes

    data = table_bytes(
        "T",
        [("Văn bản", "code")],
        [["16/CT\n33/CT"], ["Một dòng"]],
        stamp=dt.datetime(2026, 4, 1),
        creator="Sở",
        title="t",
    )
    sheet = load_workbook(io.BytesIO(data))["T"]
    assert [sheet.row_dimensions[r].height for r in (2, 3)] == [32.0, 17.0]
