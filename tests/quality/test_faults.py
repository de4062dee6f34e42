"""Fault scenarios against a private stack (bench/faults/): each script starts its own
PostgreSQL, Redis, gunicorn and worker on other ports, breaks only those and checks the outcome."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    p.name for p in (ROOT / "bench" / "faults").glob("*.py") if p.stem not in {"__init__", "stack"}
)


@pytest.mark.parametrize("script", SCENARIOS)
def test_fault_scenario(script):
    result = subprocess.run(
        [sys.executable, f"bench/faults/{script}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert '"benchmark"' in result.stdout
