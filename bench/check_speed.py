"""Benchmark: `dvcq check plans/2026.yaml` against a bare C-loader parse and yamllint, and
`dvcq --version` against `python -c "import yaml"`.

Targets (issue 15): check at most 2.5x the bare parse (a `python -c` that reads the file and
`yaml.compose`s it with CSafeLoader) and faster than yamllint; --version at most 1.5x the import.
Run from the repository, with the Python of a regular install (`pip install .`, not editable):
    python bench/check_speed.py [--rounds N] [PLAN]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from harness import BIN, compare, table

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default="plans/2026.yaml")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    bare = (
        f"import yaml; yaml.compose(open({args.plan!r}, encoding='utf-8').read(), "
        "Loader=yaml.CSafeLoader)"
    )
    commands = {
        "dvcq check": [str(BIN / "dvcq"), "check", args.plan],
        "bare parse (python + CSafeLoader)": [sys.executable, "-c", bare],
        "dvcq --version": [str(BIN / "dvcq"), "--version"],
        "python -c 'import yaml'": [sys.executable, "-c", "import yaml"],
    }
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    if yamllint:
        commands["yamllint"] = [yamllint, args.plan]
    results = compare(commands, args.rounds, cwd=ROOT)
    check_s = results["dvcq check"][0]
    bare_s = results["bare parse (python + CSafeLoader)"][0]
    version_s = results["dvcq --version"][0]
    import_s = results["python -c 'import yaml'"][0]
    notes = {
        "bare parse (python + CSafeLoader)": f"dvcq check = {check_s / bare_s:.2f}x this",
        "python -c 'import yaml'": f"dvcq --version = {version_s / import_s:.2f}x this",
    }
    if yamllint:
        notes["yamllint"] = f"dvcq check = {check_s / results['yamllint'][0]:.2f}x this"
    rows = [(name, s, kib, notes.get(name, "")) for name, (s, kib) in results.items()]
    print(table(rows))
    ratio, version = check_s / bare_s, version_s / import_s
    ok = ratio <= 2.5 and version <= 1.5 and (not yamllint or check_s < results["yamllint"][0])
    print(
        f"\n{args.rounds} interleaved rounds; targets check <= 2.5x bare parse, faster than "
        f"yamllint, --version <= 1.5x import yaml: {'met' if ok else 'MISSED'} "
        f"(check {ratio:.2f}x, --version {version:.2f}x)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
