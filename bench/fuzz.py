"""The long fuzz run: 2,500 cases for each of the four properties in tests/test_fuzz.py (10,000).

.venv/bin/python bench/fuzz.py [CASES_PER_PROPERTY]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    cases = sys.argv[1] if len(sys.argv) > 1 else "2500"
    env = {**os.environ, "DVCQ_FUZZ_EXAMPLES": cases}
    test = [sys.executable, "-m", "pytest", "-q", "tests/test_fuzz.py", "-p", "no:cacheprovider"]
    sys.exit(subprocess.call([*test, "--hypothesis-show-statistics"], cwd=ROOT, env=env))
