"""`dvcq progress add` refuses what `dvcq check` reports, in check's words (issue 11)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_run import SAMPLE, Result, add_args, run

MONTH = Path("progress") / "2026" / "2026-03.yaml"
LINES = 11  # the sample's March file: 2 comment lines and 9 entries


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    return tmp_path / "ws"


def lines(ws: Path) -> list[str]:
    return (ws / MONTH).read_text(encoding="utf-8").splitlines()


def add(ws: Path, *extra: str, lang: str = "vi", **kw: str) -> Result:
    return run(*add_args(**kw), *extra, "--lang", lang, cwd=ws)


WROTE = re.compile(r"Đã ghi mục (\S+) vào progress/2026/2026-03\.yaml\.\n")


def test_adding_twice_writes_one_entry(ws: Path) -> None:
    first = add(ws, "--value", "luot-tiep-cong-dan=4")
    assert first.returncode == 0, first.stderr
    m = WROTE.fullmatch(first.stdout)
    assert m, first.stdout
    again = add(ws, "--value", "luot-tiep-cong-dan=4")
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        "Lỗi: Không ghi mục này:\n"
        f"  Mục này giống hệt mục “{m[1]}” đã ghi ở progress/2026/2026-03.yaml:12 (cùng nhiệm vụ, "
        "đơn vị, ngày, tình trạng, kết quả, minh chứng và chỉ tiêu): số liệu sẽ bị tính hai lần.\n"
        "    → Nếu một việc bị ghi hai lần do nhầm, bỏ mục ghi sau; nếu đúng là làm hai lần, ghi rõ "
        "sự khác nhau trong kết quả (ví dụ buổi, địa điểm). `dvcq progress add --allow-duplicate` "
        "vẫn ghi được mục giống hệt, nhưng `dvcq check` sẽ luôn cảnh báo về nó.\n"
    )
    en = add(ws, "--value", "luot-tiep-cong-dan=4", lang="en", author="B")  # author aside
    assert en.returncode == 1
    assert en.stderr.startswith(
        "Error: Entry not written:\n"
        f"  This entry is identical to entry “{m[1]}” recorded at progress/2026/2026-03.yaml:12 "
        "(same task, unit, date, status, result, evidence and values): its figures would count "
        "twice.\n    → "
    )
    assert len(lines(ws)) == LINES + 1
    assert f'"id": "{m[1]}"' in lines(ws)[-1]
    # said to be intended: written
    meant = add(ws, "--value", "luot-tiep-cong-dan=4", "--allow-duplicate")
    assert meant.returncode == 0, meant.stderr
    assert len(lines(ws)) == LINES + 2
    # and check still says so, as a warning
    check = run("check", "plans/2026.yaml", cwd=ws)
    assert check.returncode == 0
    assert "(duplicate-entry)" in check.stdout
    assert "  13:3  cảnh báo  Mục này giống hệt mục" in check.stdout


def test_a_value_the_task_does_not_declare_is_refused(ws: Path) -> None:
    done = add(ws, "--value", "buoi-quan-triet=2")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "Lỗi: Không ghi mục này:\n"
        "  Chỉ tiêu “buoi-quan-triet” không thuộc nhiệm vụ “quy-che-tiep-cong-dan” (chỉ tiêu của "
        "nhiệm vụ: luot-tiep-cong-dan, don-thu-tiep-nhan, don-thu-giai-quyet), nên giá trị này sẽ "
        "bị tính vào sai chỗ.\n"
        "    → Ghi giá trị cho đúng nhiệm vụ theo dõi chỉ tiêu này, hoặc thêm “buoi-quan-triet” vào "
        "`indicators` của nhiệm vụ trong kế hoạch nếu nhiệm vụ thật sự theo dõi nó.\n"
    )
    en = add(ws, "--value", "buoi-quan-triet=2", lang="en")
    assert en.returncode == 1
    assert "  Indicator “buoi-quan-triet” is not one of task “quy-che-tiep-cong-dan”'s" in en.stderr
    assert len(lines(ws)) == LINES


@pytest.mark.parametrize(("option", "field"), [("--result", "result"), ("--author", "author")])
def test_a_control_character_is_refused(ws: Path, option: str, field: str) -> None:
    words = add_args(**{field: "Tiếp\x07dân"})
    done = run(*words, cwd=ws)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(
        "Lỗi: Không ghi mục này:\n"
        f"  Giá trị “{field}” của mục tiến độ chứa ký tự điều khiển không in được (mã U+0007).\n"
    )
    en = run(*words, "--lang", "en", cwd=ws)
    assert en.stderr.startswith(
        f"Error: Entry not written:\n  The entry's “{field}” holds a non-printing control "
        "character (U+0007).\n"
    )
    assert len(lines(ws)) == LINES


def test_a_control_character_in_evidence_is_refused(ws: Path) -> None:
    done = add(ws, "--evidence", "12/SNgV-VP\x1b")
    assert done.returncode == 1
    assert "“evidence” của mục tiến độ chứa ký tự điều khiển không in được (mã U+001B)" in (
        done.stderr
    )
    assert len(lines(ws)) == LINES


def test_a_second_correction_is_refused_naming_the_first(ws: Path) -> None:
    first = add(ws, "--value", "luot-tiep-cong-dan=10")
    old = WROTE.fullmatch(first.stdout)
    assert old, first.stderr
    one = add(ws, "--supersedes", old[1], "--value", "luot-tiep-cong-dan=12", result="Sửa")
    fix = WROTE.fullmatch(one.stdout)
    assert fix, one.stderr
    two = add(ws, "--supersedes", old[1], "--value", "luot-tiep-cong-dan=12", result="Sửa nữa")
    assert (two.returncode, two.stdout) == (1, "")
    assert two.stderr == (
        "Lỗi: Không ghi mục này:\n"
        f"  Mục “{old[1]}” đã được mục “{fix[1]}” (ở progress/2026/2026-03.yaml:13) đính chính; "
        "một mục chỉ được đính chính một lần, nếu không cả hai bản đính chính đều được tính.\n"
        f"    → Muốn sửa lại bản đính chính, ghi mục mới với `--supersedes {fix[1]}` (đính chính "
        "bản đính chính), và xóa dòng này.\n"
    )
    en = add(ws, "--supersedes", old[1], result="Again", lang="en")
    assert f"  Entry “{old[1]}” is already corrected by entry “{fix[1]}” (at " in en.stderr
    assert len(lines(ws)) == LINES + 2
    # correcting the correction is the way
    three = add(ws, "--supersedes", fix[1], "--value", "luot-tiep-cong-dan=11", result="Sửa nữa")
    assert three.returncode == 0, three.stderr


def test_a_correction_of_another_tasks_entry_is_refused(ws: Path) -> None:
    first = add(ws)
    old = WROTE.fullmatch(first.stdout)
    assert old, first.stderr
    done = add(ws, "--supersedes", old[1], task="tham-muu-tiep-cong-dan-don-thu")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(
        "Lỗi: Không ghi mục này:\n"
        "  Mục này (nhiệm vụ “tham-muu-tiep-cong-dan-don-thu”) đính chính mục "
        f"“{old[1]}” của nhiệm vụ khác, “quy-che-tiep-cong-dan”: mục kia sẽ biến mất khỏi nhiệm "
        "vụ “quy-che-tiep-cong-dan”.\n"
    )
    en = add(ws, "--supersedes", old[1], task="tham-muu-tiep-cong-dan-don-thu", lang="en")
    assert "  This entry (task “tham-muu-tiep-cong-dan-don-thu”) supersedes entry" in en.stderr
    assert len(lines(ws)) == LINES + 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "Lỗi: Ngày “2026-02-31” của mục tiến độ không hợp lệ: ngày không tồn tại.\n"),
        ("en", "Error: Entry date “2026-02-31” is not valid: no such day.\n"),
    ],
)
def test_an_impossible_date_is_named_as_such(ws: Path, lang: str, said: str) -> None:
    done = add(ws, lang=lang, date="2026-02-31")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", said)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            "Lỗi: Không ghi mục này:\n"
            "  Mục tiến độ ghi cho nhiệm vụ “quy-che-tiep-cong-da”, nhưng kế hoạch không có nhiệm "
            "vụ này.\n"
            "    → Có phải ý bạn là “quy-che-tiep-cong-dan”? Các mã gần giống khác: "
            "tham-muu-tiep-cong-dan-don-thu. Xem mã nhiệm vụ bằng lệnh `dvcq show`.\n",
        ),
        (
            "en",
            "Error: Entry not written:\n"
            "  The entry is for task “quy-che-tiep-cong-da”, which the plan does not have.\n"
            "    → Did you mean “quy-che-tiep-cong-dan”? Other close ids: "
            "tham-muu-tiep-cong-dan-don-thu. List task ids with `dvcq show`.\n",
        ),
    ],
)
def test_a_task_typo_gets_did_you_mean(ws: Path, lang: str, said: str) -> None:
    done = add(ws, lang=lang, task="quy-che-tiep-cong-da")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", said)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            "Lỗi: Không ghi mục này:\n"
            "  Đơn vị báo cáo “VPP” không có trong danh mục đơn vị của kế hoạch.\n"
            "    → Có phải ý bạn là “VP”? Các mã đơn vị: VP, PCM, LDS.\n",
        ),
        (
            "en",
            "Error: Entry not written:\n"
            "  Reporting unit “VPP” is not in the plan's units registry.\n"
            "    → Did you mean “VP”? Unit ids: VP, PCM, LDS.\n",
        ),
    ],
)
def test_a_unit_typo_gets_the_list_of_units(ws: Path, lang: str, said: str) -> None:
    done = add(ws, lang=lang, unit="VPP")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", said)


TOO_LARGE = (
    "  Số “{n}” quá lớn (dvcq chỉ đọc số nhỏ hơn 10^15, tức một triệu tỷ).\n",
    "  The number “{n}” is too large (dvcq reads numbers below 10^15, a million billion).\n",
)


@pytest.mark.parametrize(
    ("given", "shown"), [("1e308", "1e+308"), ("inf", "inf"), ("1e15", "1000000000000000")]
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_values_out_of_range_are_refused_as_check_does(
    ws: Path, given: str, shown: str, lang: str
) -> None:
    done = add(ws, "--value", f"luot-tiep-cong-dan={given}", lang=lang)
    assert done.returncode == 1
    head = "Lỗi: Không ghi mục này:\n" if lang == "vi" else "Error: Entry not written:\n"
    assert done.stderr.startswith(head + TOO_LARGE[lang == "en"].format(n=shown)), done.stderr
    assert len(lines(ws)) == LINES


def test_nan_is_not_a_number_as_check_says(ws: Path) -> None:
    done = add(ws, "--value", "luot-tiep-cong-dan=nan")
    assert done.returncode == 1
    assert done.stderr.startswith(
        "Lỗi: Không ghi mục này:\n  Chỉ tiêu “luot-tiep-cong-dan”: giá trị không phải là số.\n"
    )
    ok = add(ws, "--value", "luot-tiep-cong-dan=999999999999999")  # the largest number read
    assert ok.returncode == 0, ok.stderr


def test_a_month_file_saved_with_a_bom_can_be_added_to(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    month = root / "progress" / "2026" / "2026-03.yaml"
    before = month.read_bytes()
    month.write_bytes(b"\xef\xbb\xbf" + before)  # as Notepad saves it
    done = run(*add_args(date="2026-03-12", result="Tiếp 2 lượt."), cwd=root)
    assert done.returncode == 0, done.stderr
    after = month.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
    assert run("check", cwd=root).returncode == 0
