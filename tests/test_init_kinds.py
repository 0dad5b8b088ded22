"""`dvcq init --kind`: a skeleton plan that fits a Sở, a UBND tỉnh, a UBND huyện or a UBND xã
(header, signer, basis, recipients, place), and clear refusals of values that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_run import ROOT, Result, run

from dvcq.lifecycle.kinds import guess, place_of


def dvcq(*args: str, cwd: Path = ROOT) -> Result:
    return run(*args, cwd=cwd, env={"DVCQ_LANG": None, "COLUMNS": "80", "DVCQ_TODAY": "2027-05-20"})


def made(tmp_path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    repo = tmp_path / "repo"
    result = dvcq("init", str(repo), "--year", "2027", *args)
    assert result.returncode == 0, result.stderr
    check = dvcq("check", cwd=repo)
    assert "0 lỗi, 0 cảnh báo" in check.stdout, check.stdout
    data = yaml.safe_load((repo / "plans/2027.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_commune_heads_its_own_header_and_signs_for_the_committee(tmp_path: Path) -> None:
    plan = made(
        tmp_path,
        *("--kind", "ubnd-xa", "--agency", "UBND xã Tân Lập", "--code", "UBND"),
        *("--superior", "Ủy ban nhân dân huyện Ba Bể"),
    )
    doc = plan["document"]
    assert doc["agency"] == {
        "code": "UBND",
        "name": "Ủy ban nhân dân xã Tân Lập",
        "name_lines": ["Ủy ban nhân dân", "xã Tân Lập"],
    }
    assert doc["place"] == "Tân Lập"
    assert doc["signer"] == {
        "authority_lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Họ và tên người ký",
    }
    assert plan["recipients"] == [
        "Ủy ban nhân dân huyện Ba Bể (b/c);",
        "Thường trực Đảng ủy xã (b/c);",
        "Các ban, ngành, đoàn thể xã;",
        "Các thôn, tổ dân phố;",
        "Lưu: VT.",
    ]
    assert plan["reporting"] == {"addressees": ["Ủy ban nhân dân huyện Ba Bể"]}
    assert plan["basis"][0]["text"].startswith(
        "Căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân xã Tân Lập ban hành Kế hoạch"
    )


def test_a_district_is_placed_in_the_district_and_never_addresses_itself(tmp_path: Path) -> None:
    plan = made(
        tmp_path,
        *("--kind", "ubnd-huyen", "--agency", "Ủy ban nhân dân huyện Ba Bể", "--code", "UBND"),
        *("--superior", "Ủy ban nhân dân tỉnh Bắc Kạn"),
    )
    assert plan["document"]["place"] == "Ba Bể"
    assert "superior" not in plan["document"]["agency"]
    assert plan["recipients"][0] == "Ủy ban nhân dân tỉnh Bắc Kạn (b/c);"
    assert not any("huyện Ba Bể" in r for r in plan["recipients"])


def test_a_province_without_superior(tmp_path: Path) -> None:
    plan = made(
        tmp_path,
        *("--kind", "ubnd-tinh", "--agency", "Ủy ban nhân dân tỉnh Bắc Kạn", "--code", "UBND"),
    )
    assert plan["document"]["place"] == "Bắc Kạn"
    assert plan["document"]["agency"]["name_lines"] == ["Ủy ban nhân dân", "tỉnh Bắc Kạn"]
    assert plan["recipients"] == [
        "Thường trực Tỉnh ủy (b/c);",
        "Ban Dân vận Tỉnh ủy;",
        "Các sở, ban, ngành tỉnh;",
        "UBND các huyện, thành phố;",
        "Lưu: VT.",
    ]
    assert plan["reporting"] == {"addressees": ["Thường trực Tỉnh ủy"]}


def test_a_department_is_the_default_kind(tmp_path: Path) -> None:
    plan = made(
        tmp_path,
        *("--agency", "Sở Tư pháp", "--code", "STP", "--superior", "Ủy ban nhân dân tỉnh Lạng Sơn"),
    )
    assert plan["document"]["agency"]["superior"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
    # Printed on one line as the genre writes it: left to wrap, "…TỈNH LẠNG / SƠN" breaks the name.
    assert plan["document"]["agency"]["superior_lines"] == ["UBND tỉnh Lạng Sơn"]
    assert plan["document"]["place"] == "Lạng Sơn"
    assert plan["document"]["signer"]["authority"] == "KT. GIÁM ĐỐC"
    assert plan["recipients"] == ["Ủy ban nhân dân tỉnh Lạng Sơn (b/c);", "Lưu: VT, VP."]


def test_an_empty_superior_is_none_and_an_empty_value_is_not_called_spaces(tmp_path: Path) -> None:
    committee = ("--kind", "ubnd-xa", "--agency", "Ủy ban nhân dân xã Tân Lập", "--code", "UBND")
    made = dvcq("init", str(tmp_path / "x"), "--year", "2027", *committee, "--superior", "")
    assert made.returncode == 0, made.stderr  # as with --superior left out
    empty = dvcq("init", str(tmp_path / "y"), "--year", "2027", *committee, "--place", "")
    assert empty.returncode == 2
    assert empty.stderr == (
        "Lỗi: --place (địa danh) đang để trống; ghi giá trị, ví dụ --place “Cao Bằng”. "
        "Chưa ghi tệp nào.\n"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("--agency", "Sở Tư\npháp", "--superior", "Ủy ban nhân dân tỉnh Lạng Sơn"),
            "Lỗi: Giá trị của --agency (tên cơ quan) có ký tự xuống dòng hoặc ký tự điều khiển "
            "U+000A ở ký tự thứ 6",
        ),
        (
            ("--agency", "Sở Tư pháp", "--superior", "Ủy ban nhân dân\ttỉnh Lạng Sơn"),
            "Giá trị của --superior (cơ quan cấp trên) có ký tự xuống dòng hoặc ký tự điều khiển "
            "U+0009 ở ký tự thứ 16",
        ),
        (
            ("--agency", "   ", "--superior", "Ủy ban nhân dân tỉnh Lạng Sơn"),
            "Lỗi: --agency (tên cơ quan) đang để trống (chỉ có dấu cách); ghi giá trị, ví dụ "
            "--agency “Sở Tư pháp”. Chưa ghi tệp nào.",
        ),
        (
            ("--agency", "Sở Tư pháp", "--superior", " "),
            "Lỗi: --superior (cơ quan cấp trên) đang để trống",
        ),
        (
            ("--agency", "Sở Tư pháp", "--superior", "UBND tỉnh Lạng Sơn", "--place", ""),
            "Lỗi: --place (địa danh) đang để trống",
        ),
        (("--agency", "Sở Tư pháp"), "Thiếu --superior"),
        (("--kind", "xa", "--agency", "Ủy ban nhân dân xã A"), "--kind “xa” không có; chọn một"),
        (
            ("--kind", "ubnd-xa", "--agency", "Xã Tân Lập"),
            "tên cơ quan (--agency) là tên đầy đủ của Ủy ban nhân dân",
        ),
    ],
)
def test_values_that_cannot_be_used(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    result = dvcq("init", str(tmp_path / "r"), "--year", "2027", "--code", "STP", *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in " ".join(result.stderr.split()), result.stderr
    assert "Traceback" not in result.stderr and "yaml" not in result.stderr.lower()
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Ủy ban nhân dân huyện Ba Bể, tỉnh Bắc Kạn", "Ba Bể"),  # its own level, not the province
        ("Ủy ban nhân dân thị xã Sơn Tây", "Sơn Tây"),
        ("Ủy ban nhân dân thành phố Cao Bằng", "Cao Bằng"),
        ("Ủy ban nhân dân phường Hợp Giang", "Hợp Giang"),
        ("Bộ Tư pháp", None),
    ],
)
def test_the_place_a_name_names(name: str, place: str | None) -> None:
    assert place_of(name) == place


def test_without_kind_the_name_tells_it(tmp_path: Path) -> None:
    plan = made(tmp_path, "--agency", "UBND huyện Ba Bể", "--code", "UBND")
    assert plan["document"]["agency"]["name_lines"] == ["Ủy ban nhân dân", "huyện Ba Bể"]
    assert plan["document"]["place"] == "Ba Bể"
    assert plan["reporting"] == {"addressees": ["Thường trực Huyện ủy"]}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ủy ban nhân dân thị xã Sơn Tây", "ubnd-huyen"),
        ("UBND phường Hợp Giang", "ubnd-xa"),
        ("Ủy ban nhân dân thị trấn Nước Hai", "ubnd-xa"),
        ("Ủy ban nhân dân tỉnh Bắc Kạn", "ubnd-tinh"),
        ("Ủy ban nhân dân thành phố Cao Bằng", None),  # a city may be of either level
        ("Sở Tư pháp", None),
    ],
)
def test_the_kind_a_name_tells(name: str, kind: str | None) -> None:
    assert guess(name) == kind
