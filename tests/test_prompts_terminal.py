"""Interactive `dvcq progress add` in a real terminal (a pty, driven by pexpect): issue 14, part 4.

A clerk's session in Vietnamese: a task chosen by its number, a unit by its default, a wrong date
asked again with the answers before it kept, evidence and the task's indicators checked as they
are typed, the [C/k] confirmation; the entry written is compared field by field.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow  # a real process in a real terminal is the point

MONTH = Path("progress") / "2026" / "2026-03.yaml"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    return tmp_path / "ws"


def spawn(ws: Path, *args: str) -> pexpect.spawn:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(ws),  # no git user.name: the author is asked for
        "LANG": "C.UTF-8",
        "DVCQ_TODAY": "2026-11-27",
        "DVCQ_LANG": "vi",
        "DVCQ_CACHE_DIR": str(ws / ".cache"),
        "PYTHONPATH": str(ROOT),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "dvcq", "progress", "add", *args],
        cwd=str(ws),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 80),
    )
    return child


def answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def test_a_clerks_session_in_vietnamese(ws: Path) -> None:
    before = (ws / MONTH).read_text(encoding="utf-8").splitlines()
    child = spawn(ws)
    child.expect_exact("   8. II.4  Thực hiện Quy chế tiếp công dân; tiếp nhận, giải quyết đơn thư")
    answer(child, "Chọn nhiệm vụ (số thứ tự hoặc mã): ", "12")
    child.expect_exact("“12” không có trong danh sách: gõ một số từ 1 đến 11, hoặc mã nhiệm vụ.")
    answer(child, "Chọn nhiệm vụ (số thứ tự hoặc mã): ", "8")
    child.expect_exact("   1. VP  Văn phòng Sở")
    answer(child, "Chọn đơn vị (số thứ tự hoặc mã) [VP]: ", "")  # the task's owner
    # A wrong date is asked again, at once; the task and unit typed before are kept.
    answer(child, "Ngày thực hiện (dd/mm/yyyy) [27/11/2026]: ", "31/2/2026")
    child.expect_exact("  Ngày “31/2/2026” không có thật.")
    answer(child, "Ngày thực hiện (dd/mm/yyyy) [27/11/2026]: ", "15-03-26")
    child.expect_exact("  “15-03-26” không phải ngày: viết dạng dd/mm/yyyy, ví dụ 15/3/2026.")
    answer(child, "Ngày thực hiện (dd/mm/yyyy) [27/11/2026]: ", "1/12/2026")
    child.expect_exact("Ngày “1/12/2026” của mục tiến độ không hợp lệ: là ngày trong tương lai.")
    answer(child, "Ngày thực hiện (dd/mm/yyyy) [27/11/2026]: ", "15/3/2026")
    child.expect_exact("   3. Hoàn thành")
    answer(child, "Chọn tình trạng (số thứ tự): ", "3")
    answer(child, "Kết quả thực hiện: ", "Tiếp 12 lượt công dân.")
    answer(child, "Minh chứng: ", "abc")
    child.expect_exact("  Số ký hiệu “abc” không đúng quy cách")
    answer(child, "Minh chứng: ", "12/BC-SNgV")
    child.expect_exact("Chỉ tiêu của nhiệm vụ (gõ số; để trống nếu không có):")
    answer(child, "  Lượt tiếp công dân (lượt): ", "mười")
    child.expect_exact("  “mười” không phải số: gõ một số không âm (lượt)")
    answer(child, "  Lượt tiếp công dân (lượt): ", "12")
    answer(child, "  Đơn thư tiếp nhận (đơn): ", "")
    answer(child, "  Đơn thư đã giải quyết (đơn): ", "3")
    answer(child, "Người ghi: ", "Nguyễn Văn A")
    child.expect_exact("  Ngày:       15/3/2026")
    child.expect_exact("  Chỉ tiêu:   Lượt tiếp công dân: 12 lượt; Đơn thư đã giải quyết: 3 đơn")
    answer(child, "Ghi mục này? [C/k]: ", "x")
    child.expect_exact("  Gõ c (có) hoặc k (không).")
    answer(child, "Ghi mục này? [C/k]: ", "có")
    child.expect(r"Đã ghi mục (\S+) vào progress/2026/2026-03\.yaml\.")
    entry_id = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    after = (ws / MONTH).read_text(encoding="utf-8").splitlines()
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert re.fullmatch(r"20260315-[0-9a-f]{8}", entry_id)
    assert json.loads(after[-1].removeprefix("- ")) == {
        "id": entry_id,
        "task": "quy-che-tiep-cong-dan",
        "date": "2026-03-15",
        "unit": "VP",
        "status": "hoan-thanh",
        "result": "Tiếp 12 lượt công dân.",
        "evidence": ["12/BC-SNgV"],
        "values": {"luot-tiep-cong-dan": 12, "don-thu-giai-quyet": 3},
        "author": "Nguyễn Văn A",
    }


def test_lang_en_asks_in_english_and_no_writes_nothing(ws: Path) -> None:
    before = (ws / MONTH).read_bytes()
    child = spawn(ws, "--lang", "en", "--author", "A")
    child.expect_exact("Tasks:")
    answer(child, "Choose the task (number or id): ", "quy-che-tiep-cong-dan")
    answer(child, "Choose the unit (number or id) [VP]: ", "2")
    answer(child, "Date (dd/mm/yyyy) [27/11/2026]: ", "2026-03-15")
    answer(child, "Choose the status (number): ", "Done")
    answer(child, "What was done: ", "Received 4 citizens.")
    answer(child, "Evidence: ", "")
    child.expect_exact("The task's indicators (a number; empty if none):")
    # the indicators' names and units are the plan's (data), the words around them English
    answer(child, "  Lượt tiếp công dân (lượt): ", "4")
    answer(child, "  Đơn thư tiếp nhận (đơn): ", "")
    answer(child, "  Đơn thư đã giải quyết (đơn): ", "")
    child.expect_exact("  Unit:       PCM (Các phòng chuyên môn)")
    answer(child, "Write this entry? [Y/n]: ", "k")
    child.expect_exact("  Type y (yes) or n (no).")
    answer(child, "Write this entry? [Y/n]: ", "n")
    child.expect_exact("Aborted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (ws / MONTH).read_bytes() == before
