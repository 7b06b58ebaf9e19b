"""`benchmarks/fuzz.py` stays runnable and honest: a small run reports its figures and finds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import rashomon

ROOT = Path(__file__).resolve().parents[2]


def test_the_fuzz_benchmark_reports_inputs_crashes_hangs_and_rows_lost() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(rashomon.__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--n", "60", "--seed", "7"],
                         capture_output=True, text=True, env=env, timeout=600, check=False)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    report = out.stdout
    assert "hostile cases" in report and "inputs tried:" in report
    for line in ("crashes: 0", "hangs: 0", "rows lost: 0"):
        assert line in report.splitlines()
