"""Make the sample progress data (dữ liệu minh họa) under examples/progress/, and bench data.

    python examples/generate_sample.py                 # examples/progress/2026/*.yaml
    python examples/generate_sample.py --last-year     # examples/progress/2025/*.yaml (cùng kỳ)
    python examples/generate_sample.py --entries 100000 --out /tmp/p   # for benchmarks

The results are invented to show the board and the reports: never copy them into progress/.
The output is deterministic (fixed seed), so re-running it changes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dvcq.model import Entry  # noqa: E402
from dvcq.rules.check import open_plan  # noqa: E402

HEADER = (
    "# DỮ LIỆU MINH HỌA (sample data) do examples/generate_sample.py tạo ra: không phải kết quả\n"
    "# thực tế của đơn vị nào. Chỉ dùng để xem thử `dvcq status` và báo cáo.\n"
)
# Invented results, chosen by what the task is about (first match wins), so that a sample report
# reads sensibly; the last row fits any task.
RESULTS = [
    (
        "tiếp công dân",
        [
            "Tiếp công dân định kỳ theo lịch; không phát sinh đoàn đông người.",
            "Tiếp nhận, phân loại và chuyển đơn đến cơ quan có thẩm quyền giải quyết.",
        ],
    ),
    (
        "cải cách",
        [
            "Rà soát, cập nhật và niêm yết công khai thủ tục hành chính tại bộ phận một cửa.",
            "Tự đánh giá, chấm điểm chỉ số cải cách hành chính của Sở.",
        ],
    ),
    (
        "quán triệt",
        [
            "Tổ chức hội nghị quán triệt cho công chức, viên chức, người lao động của Sở.",
            "Đăng tải nội dung lên Trang Thông tin điện tử Sở và nhóm làm việc của các phòng.",
        ],
    ),
    (
        "đạo đức",
        [
            "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính, văn hóa công vụ.",
            "Phổ biến quy định về đạo đức công vụ trong giao ban tháng.",
        ],
    ),
    (
        "",
        [
            "Triển khai thực hiện theo kế hoạch; tổng hợp tình hình, báo cáo Lãnh đạo Sở.",
            "Lồng ghép nhiệm vụ vào kế hoạch công tác tháng của đơn vị.",
        ],
    ),
]
VALUES = {
    "luot-tiep-cong-dan": (0, 6),
    "don-thu-tiep-nhan": (0, 4),
    "don-thu-giai-quyet": (0, 3),
    "tthc-niem-yet": (18, 24),
    "buoi-quan-triet": (1, 2),
}


def _results_for(text: str) -> list[str]:
    lowered = text.lower()
    return next(results for key, results in RESULTS if key in lowered)


def generate(
    plan_path: Path, count: int, until: dt.date, seed: int = 2026, year: int | None = None
) -> list[Entry]:
    """`count` entries from 5 January of `year` (the plan's by default) to `until`."""
    plan = open_plan(plan_path)
    rng = random.Random(seed)
    tasks = plan.tasks()
    year = year or plan.document.date.year
    start = dt.date(year, 1, 5)
    span = (until - start).days
    entries = []
    for n in range(count):
        task = tasks[n % len(tasks)] if count <= 200 else rng.choice(tasks)
        day = start + dt.timedelta(days=span * n // max(count - 1, 1))
        unit = task.owner if rng.random() < 0.8 or not task.support else rng.choice(task.support)
        status = "hoan-thanh" if rng.random() < 0.6 else "dang-thuc-hien"
        values = {key: rng.randint(*VALUES[key]) for key in task.indicators if key in VALUES}
        evidence = [f"{rng.randint(10, 999)}/SNgV-VP"] if rng.random() < 0.4 else []
        entries.append(
            Entry(
                id=f"{day:%Y%m%d}-{n:08x}",
                task=task.id,
                date=day.isoformat(),
                unit=unit or "VP",
                status=status,
                result=rng.choice(_results_for(task.text)),
                author="Văn phòng Sở (mẫu)",
                evidence=evidence,
                values=values,
            )
        )
    return entries


def write(entries: list[Entry], out: Path, year: int) -> None:
    folder = out / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    by_month: dict[str, list[str]] = {}
    for e in entries:
        by_month.setdefault(e.date[:7], []).append(e.to_line())
    for month, lines in sorted(by_month.items()):
        (folder / f"{month}.yaml").write_text(HEADER + "".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plan", type=Path, default=ROOT / "plans" / "2026.yaml")
    parser.add_argument("--entries", type=int, default=96)
    parser.add_argument("--until", default="2026-11-20")
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "progress")
    parser.add_argument(
        "--last-year",
        action="store_true",
        help="the year before the plan's (same task ids), so reports compare with cùng kỳ",
    )
    args = parser.parse_args()
    until = dt.date.fromisoformat(args.until)
    if args.last_year:  # another seed: last year's figures differ from this year's
        until = until.replace(year=until.year - 1)
        entries = generate(args.plan, args.entries, until, seed=2025, year=until.year)
    else:
        entries = generate(args.plan, args.entries, until)
    write(entries, args.out, until.year)
    print(f"{len(entries)} entries under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
