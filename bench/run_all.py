"""Run every benchmark under bench/ and print one table.

Each benchmark is a script ``bench/<name>.py`` that seeds its own data set if missing and
prints one JSON line per figure: {"benchmark", "data_size", "figure", "unit", "target"}.
Each gets a database of its own (``<DATABASE_URL name>_bench_<name>``) so data sets persist
between runs and never touch the development database.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import dj_database_url

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SKIP = {"run_all.py"}


def bench_env(name: str) -> dict:
    env = dict(os.environ)
    base = env.get("DATABASE_URL", "postgres:///jobcenter")
    parsed = dj_database_url.parse(base)
    env.setdefault("BENCH_DATABASE_URL", base.rsplit("/", 1)[0] + f"/{parsed['NAME']}_bench")
    env["DATABASE_URL"] = env["BENCH_DATABASE_URL"] + f"_{name}"
    env.setdefault("TESTING", "1")
    return env


def run(script: Path) -> list[dict]:
    name = script.stem
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, env=bench_env(name), capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    figures = []
    for line in result.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):
                figures.append(json.loads(line))
    if result.returncode != 0 or not figures:
        sys.stderr.write(result.stdout[-2000:] + result.stderr[-4000:])
        figures.append(
            {"benchmark": name, "data_size": "", "figure": "FAILED", "unit": "", "target": ""}
        )
    print(f"  {name}: {elapsed:.0f} s", file=sys.stderr)
    return figures


def main() -> int:
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name not in SKIP and not p.name.startswith("_")
    )
    rows = []
    for script in scripts:
        rows.extend(run(script))
    headers = ["benchmark", "data_size", "figure", "unit", "target"]
    table = [headers] + [[str(row.get(key, "")) for key in headers] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
    for index, line in enumerate(table):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            print("-+-".join("-" * width for width in widths))
    return 1 if any(row["figure"] == "FAILED" for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
