"""`dvcq report PERIOD --unit U`: a unit's own report on its tasks, in the same layout. The unit
issues it under the agency (its cơ quan chủ quản), to the agency's leadership; its head signs."""

from __future__ import annotations

from pathlib import Path

from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, dvcq_as_is
from docx_read import open_docx

ARGS = ("--plan", SAMPLE_PLAN, "--progress", SAMPLE_PROGRESS, "--as-of", "2026-07-10")


def test_a_units_report_is_issued_by_the_unit(tmp_path: Path) -> None:
    out = tmp_path / "vp.docx"
    run = dvcq_as_is(
        "report", "2026-H1", "--unit", "VP", "-o", out, *ARGS,
        "--signer-title", "CHÁNH VĂN PHÒNG", "--signer-name", "Nguyễn Văn A",
        "--signer-authority", "",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    doc = open_docx(out)
    header = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert header[0][0].split("\n")[:2] == ["SỞ NGOẠI VỤ", "VĂN PHÒNG SỞ"]
    assert header[1][0] == "Số:      /BC-VP"
    texts = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Lãnh đạo Sở Ngoại vụ." in texts
    assert any(t.endswith(", Văn phòng Sở báo cáo kết quả thực hiện công tác dân vận chính quyền "
                          "6 tháng đầu năm 2026 như sau:") for t in texts)  # fmt: skip
    signed = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    footer = [c.text for c in signed.rows[0].cells]
    assert "- Như trên;\n- Lưu: VP." in footer[0]
    assert "CHÁNH VĂN PHÒNG" in footer[1] and "Nguyễn Văn A" in footer[1]
    # Only the unit's tasks (it leads or supports 10 of the 11) and its own entries.
    appendix = next(t for t in doc.tables if t.rows[0].cells[1].text == "Nhiệm vụ")
    assert len(appendix.rows) - 1 == 10
    assert "Quán triệt Kế hoạch, lồng ghép" not in "\n".join(texts)  # PCM's own task


def test_a_units_report_says_what_the_unit_did(tmp_path: Path) -> None:
    run = dvcq_as_is("report", "2026-H1", "--unit", "VP", "--format", "md", *ARGS)
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert (
        "Văn phòng Sở quán triệt Kế hoạch số …/KH-SNgV của Sở Ngoại vụ đến công chức, viên chức "
        "của đơn vị; phân công thực hiện các nhiệm vụ được giao."
    ) in text.splitlines()
    assert "Lãnh đạo Sở:" not in text and "Các phòng chuyên môn:" not in text  # no other unit
    # 15/12/2025–14/6/2026, VP's entries on II.4: 5 lượt (7 a year earlier).
    assert "So với cùng kỳ năm 2025: lượt tiếp công dân giảm 2 lượt, 28,6\u00a0%" in text


def test_an_unknown_unit_is_named(tmp_path: Path) -> None:
    run = dvcq_as_is("report", "2026-H1", "--unit", "VPP", "--format", "md", *ARGS)
    assert run.returncode == 2
    assert "Kế hoạch không có đơn vị “VPP”. Có phải ý bạn là “VP”?" in run.stderr
