"""`dvcq urge PERIOD`: the công văn đôn đốc to the units silent in a period, read back with
python-docx (and printed through LibreOffice), its Markdown and its chat message."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, Result
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx_read import look, needs_office, nonempty, open_docx, printed_text, texts

Cli = Callable[..., Result]
PERIOD = "2026-H2"  # window 15/6 to 14/12/2026; the runner's today is 27/11/2026


def workspace(tmp_path: Path, silent: tuple[str, ...]) -> Path:
    """The sample plan and progress, with every entry of the `silent` units taken out."""
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_PLAN.parent, root / "plans")
    shutil.copytree(SAMPLE_PROGRESS, root / "progress")
    for month in (root / "progress" / "2026").glob("*.yaml"):
        kept = [
            line
            for line in month.read_text(encoding="utf-8").splitlines(keepends=True)
            if not any(f'"unit": "{unit}"' in line for unit in silent)
        ]
        month.write_text("".join(kept), encoding="utf-8")
    return root


def urge(cli: Cli, root: Path, *args: str) -> Result:
    return cli("urge", PERIOD, "--plan", "plans/2026.yaml", *args, cwd=root)


@pytest.fixture
def two(tmp_path: Path, cli: Cli) -> tuple[Path, Document]:
    root = workspace(tmp_path, ("PCM", "LDS"))
    run = urge(cli, root, "-o", "don-doc.docx")
    assert (run.returncode, run.stdout, run.stderr) == (0, "Đã ghi don-doc.docx.\n", "")
    return root / "don-doc.docx", open_docx(root / "don-doc.docx")


def test_header_has_the_vv_line_under_the_number_and_no_type_name(
    two: tuple[Path, Document],
) -> None:
    _, doc = two
    header = doc.tables[0]
    assert texts(header.rows[0].cells[0]) == ["UBND TỈNH CAO BẰNG", "SỞ NGOẠI VỤ", ""]
    number = nonempty(header.rows[1].cells[0].paragraphs)
    assert [p.text for p in number] == [
        "Số:      /SNgV-VP",
        "V/v đôn đốc báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng cuối năm 2026",
    ]
    about = number[1]
    assert (look(about).size, look(about).bold, look(about).italic) == (12, False, False)
    assert about.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert about.paragraph_format.space_before.pt == 6
    assert texts(header.rows[1].cells[1]) == ["Cao Bằng, ngày      tháng 11 năm 2026"]
    # No type name: nothing bold between the header and Kính gửi.
    top = [p.text for p in nonempty(doc.paragraphs)]
    assert top[0].startswith("Kính gửi:")
    assert not any(p.text in ("CÔNG VĂN", "BÁO CÁO", "KẾ HOẠCH") for p in doc.paragraphs)


def test_kinh_gui_lists_exactly_the_silent_units(two: tuple[Path, Document]) -> None:
    _, doc = two
    lines = [p.text for p in nonempty(doc.paragraphs)][:2]
    assert lines == ["Kính gửi:\t- Các phòng chuyên môn;", "- Lãnh đạo Sở."]


def test_one_silent_unit_is_on_the_kinh_gui_line(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    assert urge(cli, root, "-o", "u.docx").returncode == 0
    doc = open_docx(root / "u.docx")
    assert nonempty(doc.paragraphs)[0].text == "Kính gửi: Các phòng chuyên môn."


def test_recipients_open_with_nhu_tren_and_the_signer_is_the_plans(
    two: tuple[Path, Document],
) -> None:
    _, doc = two
    received, signature = doc.tables[-1].rows[0].cells
    assert texts(received) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
    assert [t for t in texts(signature) if t] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Tô Thị Trang"]


def test_page_numbers_from_page_two_as_in_the_other_documents(two: tuple[Path, Document]) -> None:
    _, doc = two
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert " PAGE " in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    assert section._sectPr.find(qn("w:titlePg")) is not None


def test_body_lists_each_units_tasks_and_the_cutoff_deadline(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("LDS",))
    run = urge(cli, root, "--format", "md")
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n\n")[1:8] == [
        "- Lãnh đạo Sở:",
        "+ Mục II.1: Tổ chức triển khai xây dựng, ban hành kế hoạch cụ thể (chủ trì).",
        "+ Mục II.1: Đổi mới, nâng cao hiệu quả công tác tuyên truyền, vận động Nhân dân (chủ "
        "trì).",
        "+ Mục II.1: Tăng cường công tác bồi dưỡng nâng cao đạo đức công vụ, tinh thần trách "
        "nhiệm, kỷ luật, kỷ cương hành chính (chủ trì).",
        "+ Mục II.3: Tổ chức triển khai có hiệu quả Chương trình tổng thể cải cách hành chính "
        "nhà nước giai đoạn 2021-2030 (phối hợp).",
        "+ Mục II.4: Thực hiện Quy chế tiếp công dân; tiếp nhận, giải quyết đơn thư phản ánh, "
        "kiến nghị (phối hợp).",
        "+ Mục III.1: Tham mưu chỉ đạo công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố "
        "cáo, kiến nghị (phối hợp).",
    ]
    assert "về Sở Ngoại vụ trước ngày 14/12/2026." in run.stdout


def test_text_is_a_short_message_for_a_chat_group(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("LDS",))
    run = urge(cli, root, "--format", "text", "--deadline", "2026-12-05")
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        "Sở Ngoại vụ đề nghị các đơn vị sau gửi báo cáo kết quả thực hiện công tác dân vận "
        "chính quyền 6 tháng cuối năm 2026 trước ngày 05/12/2026:\n"
        "- Lãnh đạo Sở: II.1 Tổ chức triển khai xây dựng, ban hành kế hoạch cụ thể; II.1 Đổi "
        "mới, nâng cao hiệu quả công tác tuyên truyền, vận động Nhân dân; II.1 Tăng cường công "
        "tác bồi dưỡng nâng cao đạo đức công vụ, tinh thần trách nhiệm, kỷ luật, kỷ cương hành "
        "chính; II.3 Tổ chức triển khai có hiệu quả Chương trình tổng thể cải cách hành chính "
        "nhà nước giai đoạn 2021-2030; II.4 Thực hiện Quy chế tiếp công dân; tiếp nhận, giải "
        "quyết đơn thư phản ánh, kiến nghị; III.1 Tham mưu chỉ đạo công tác tiếp công dân, giải "
        "quyết đơn thư khiếu nại, tố cáo, kiến nghị.\n"
        "Xin cảm ơn.\n"
    )


def test_signer_options_replace_the_plans(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    run = urge(
        cli, root, "-o", "u.docx", "--signer-authority", "", "--signer-title", "Giám đốc",
        "--signer-name", "Nguyễn Văn A",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    signature = open_docx(root / "u.docx").tables[-1].rows[0].cells[1]
    assert [t for t in texts(signature) if t] == ["GIÁM ĐỐC", "Nguyễn Văn A"]


def test_a_past_cutoff_needs_a_new_deadline(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    run = cli("urge", "2026-H1", "--plan", "plans/2026.yaml", "--format", "md", cwd=root)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        "Lỗi: Hạn số liệu của kỳ 2026-H1 (ngày 14/6/2026) đã qua; ghi hạn báo cáo mới bằng "
        "--deadline YYYY-MM-DD.\n"
    )


def test_no_silent_unit_writes_nothing(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ())
    run = urge(cli, root, "-o", "u.docx")
    assert run.returncode == 1 and not (root / "u.docx").exists()
    assert "không có đơn vị nào cần đôn đốc" in run.stderr


def test_left_out_entries_are_named_like_the_other_readers(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    month = root / "progress" / "2026" / "2026-06.yaml"
    lines = month.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[-1] = lines[-1].replace('"task": "', '"task": "khong-co-', 1)
    month.write_text("".join(lines), encoding="utf-8")
    run = urge(cli, root, "--format", "md", "--strict")
    assert run.returncode == 1 and run.stdout == ""
    assert f"progress/2026/2026-06.yaml:{len(lines)}:" in run.stderr
    assert "1 mục tiến độ không được tính (--strict)" in run.stderr


@needs_office
def test_printed_letter_keeps_its_header(two: tuple[Path, Document], tmp_path: Path) -> None:
    path, _ = two
    text = printed_text(path, tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert re.search(r"Số: +/SNgV-VP +Cao Bằng, ngày +tháng 11 năm 2026", text)
    assert "V/v đôn đốc báo cáo kết quả thực" in text
    assert "Kính gửi: - Các phòng chuyên môn; - Lãnh đạo Sở." in " ".join(text.split())


def test_meta_holds_the_outgoing_metadata_of_appendix_vi(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    run = urge(cli, root, "-o", "u.docx", "--meta", "u.json")
    assert run.returncode == 0, run.stderr
    assert json.loads((root / "u.json").read_text(encoding="utf-8")) == {
        "format": "dvcq-outgoing/1",
        "source": "Nghị định 30/2020/NĐ-CP, Phụ lục VI",
        "type_name": "Công văn",
        "number": None,
        "symbol": "SNgV-VP",
        "number_and_symbol": "/SNgV-VP",
        "date": {"day": None, "month": 11, "year": 2026},
        "place": "Cao Bằng",
        "issuer": "Sở Ngoại vụ",
        "superior": "UBND tỉnh Cao Bằng",
        "subject": "V/v đôn đốc báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng "
        "cuối năm 2026",
        "signer": {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Tô Thị Trang"},
        "addressees": ["Các phòng chuyên môn"],
        "recipients": ["Như trên;", "Lưu: VT, VP."],
        "language": "vi",
    }
    # An existing sidecar is refused before anything is written, the letter too.
    again = urge(cli, root, "-o", "v.docx", "--meta", "u.json")
    assert again.returncode == 1 and not (root / "v.docx").exists()
    assert "Tệp u.json đã có; không ghi đè." in again.stderr


@pytest.mark.parametrize("code", ["V P", "1VP", "VP/", "VP-"])
def test_a_drafter_code_that_breaks_the_symbol_is_refused(
    tmp_path: Path, cli: Cli, code: str
) -> None:
    root = workspace(tmp_path, ("PCM",))
    run = urge(cli, root, "--format", "md", "--drafter", code)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"Lỗi: Mã đơn vị soạn thảo “{code}” không dùng được")


def test_a_drafter_code_names_the_symbol(tmp_path: Path, cli: Cli) -> None:
    root = workspace(tmp_path, ("PCM",))
    assert urge(cli, root, "-o", "u.docx", "--drafter", "CCHC&PC").returncode == 0
    number = open_docx(root / "u.docx").tables[0].rows[1].cells[0].paragraphs[0]
    assert number.text == "Số:      /SNgV-CCHC&PC"


@pytest.mark.parametrize("args", [["-o", "don-doc.docx"], ["--format", "text"]])
def test_when_every_unit_has_reported_it_says_so_plainly_and_writes_nothing(
    tmp_path: Path, cli: Cli, args: list[str]
) -> None:
    root = workspace(tmp_path, ())  # every unit of the sample reported in 2026-H2
    run = urge(cli, root, *args)
    # Exit 1, as a command that did not do what it was asked (`urge … && gửi` sends nothing),
    # with nothing on stdout (the chat message a clerk may pipe on), and no "Lỗi:": good news.
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        "Kỳ 2026-H2: mọi đơn vị đã có kết quả (tính đến ngày 27/11/2026); không có đơn vị nào "
        "cần đôn đốc, không ghi tệp nào.\n"
    )
    assert not (root / "don-doc.docx").exists()
    en = urge(cli, root, *args, "--lang", "en")
    assert (en.returncode, en.stdout, en.stderr) == (
        1,
        "",
        "Period 2026-H2: every unit has reported (as of 27/11/2026); no unit needs urging, "
        "no file was written.\n",
    )
