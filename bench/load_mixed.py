"""Load test: a mixed workload against gunicorn (2 workers) on loopback, driven by wrk.

Caseworker dashboard and citizen search (session cookie of caseworker1), the team lead's queue
(session of lead1), ranking (GET /api/v1/citizens/<id>/matches/?limit=20 with a token) and API
writes (PATCH /api/v1/citizens/<id>/ with a new phone), for ``LOAD_SECONDS`` (default 30).
Seeds the large data set into ``DATABASE_URL`` if missing. Prints JSON lines per bench/run_all.py:
throughput, median and 99th percentile latency, and errors (non-2xx/3xx and socket errors).
Exits non-zero if there was any error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.faults.stack import free_port, login, wait_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECONDS = int(os.environ.get("LOAD_SECONDS") or 30)
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS") or 8)
SIZES = {
    "citizens": int(os.environ.get("LOAD_CITIZENS") or 100_000),
    "employers": int(os.environ.get("LOAD_EMPLOYERS") or 2_000),
    "vacancies": int(os.environ.get("LOAD_VACANCIES") or 50_000),
    "applications": int(os.environ.get("LOAD_APPLICATIONS") or 200_000),
}
# Share of each request kind in the mix (percent).
MIX = {"dashboard": 25, "search": 25, "queue": 15, "ranking": 20, "write": 15}

LUA = r"""
local kinds = {KINDS}
local session, lead, token = "SESSION", "LEAD", "TOKEN"
local citizens = {CITIZENS}
local names = {NAMES}
math.randomseed(os.time() + math.random(1000))

request = function()
  local kind = kinds[math.random(#kinds)]
  if kind == "dashboard" then
    return wrk.format("GET", "/", {["Cookie"] = session})
  elseif kind == "search" then
    return wrk.format("GET", "/citizens/?q=" .. names[math.random(#names)], {["Cookie"] = session})
  elseif kind == "queue" then
    return wrk.format("GET", "/compensation/queue/", {["Cookie"] = lead})
  elseif kind == "ranking" then
    local id = citizens[math.random(#citizens)]
    return wrk.format("GET", "/api/v1/citizens/" .. id .. "/matches/?limit=20",
                      {["Authorization"] = token})
  else
    local id = citizens[math.random(#citizens)]
    local body = string.format('{"phone": "2%07d"}', math.random(0, 9999999))
    return wrk.format("PATCH", "/api/v1/citizens/" .. id .. "/",
                      {["Authorization"] = token, ["Content-Type"] = "application/json"}, body)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "status": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def env() -> dict:
    values = dict(os.environ)
    values.update(TESTING="1", DEBUG="0", ALLOWED_HOSTS="127.0.0.1")
    return values


def manage(*args: str, capture: bool = True) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env(), capture_output=capture, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{(result.stderr or '')[-3000:]}")
    return result.stdout or ""


def seed() -> float:
    """Seeds the data set if missing; returns the seconds it took (0 if it was there)."""
    manage("preflight")
    manage("migrate", "--noinput")
    counts = json.loads(
        manage(
            "shell",
            "-c",
            "import json; from jobcenter.models import Citizen; from matching.models import "
            "Vacancy; print(json.dumps([Citizen.objects.count(), Vacancy.objects.count()]))",
        )
        .strip()
        .splitlines()[-1]
    )
    if counts[0] >= SIZES["citizens"] and counts[1] >= SIZES["vacancies"]:
        return 0.0
    started = time.perf_counter()
    options = [f"--{name}={count}" for name, count in SIZES.items()]
    manage("seed_demo", "--force", *options)
    return time.perf_counter() - started


def ensure_wrk() -> str:
    found = shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)
    if not found:
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            check=True,
            capture_output=True,
        )
        found = "/usr/bin/wrk"
    return found


def api(base: str, path: str, token: str | None = None, data: dict | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(base + path, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def cookie(opener) -> str:
    jar = next(h.cookiejar for h in opener.handlers if hasattr(h, "cookiejar"))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def main() -> int:
    wrk = ensure_wrk()
    seeded = seed()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="jobcenter-load-"))
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (lives as long as gunicorn)
    web = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "jobcenter.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT,
        env=env(),
        stderr=log,
    )
    try:
        wait_for(lambda: urllib.request.urlopen(base + "/healthz/", timeout=5).status == 200)
        password = os.environ.get("DEMO_PASSWORD", "demo-password-1")
        token = api(
            base, "/api/v1/auth/token/", data={"username": "caseworker1", "password": password}
        )["token"]
        page = api(base, "/api/v1/citizens/", token)
        rows = page.get("results", page)
        ids = [row["id"] for row in rows][:50]
        names = sorted({row["last_name"] for row in rows if row["last_name"].isascii()})[:20]
        ranked = []
        for citizen_id in ids:
            try:
                api(base, f"/api/v1/citizens/{citizen_id}/matches/?limit=20", token)
                ranked.append(citizen_id)
            except urllib.error.HTTPError:
                pass
        assert ranked and names, (ids, names)
        kinds = [kind for kind, share in MIX.items() for _ in range(share)]
        script = (
            LUA.replace("{KINDS}", "{" + ", ".join(f'"{k}"' for k in kinds) + "}")
            .replace("SESSION", cookie(login(base, "caseworker1")))
            .replace("LEAD", cookie(login(base, "lead1")))
            .replace("TOKEN", f"Token {token}")
            .replace("{CITIZENS}", "{" + ", ".join(map(str, ranked)) + "}")
            .replace("{NAMES}", "{" + ", ".join(f'"{n}"' for n in names) + "}")
        )
        (workdir / "mix.lua").write_text(script)
        result = subprocess.run(
            [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s"]
            + ["-s", str(workdir / "mix.lua"), base],
            capture_output=True,
            text=True,
            timeout=SECONDS + 60,
        )
        line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
        figures = json.loads(line.removeprefix("RESULT "))
    finally:
        web.terminate()
        web.wait(30)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)

    errors = sum(figures[k] for k in ("status", "connect", "read", "write", "timeout"))
    size = (
        f"{SIZES['citizens']:,} citizens, {SIZES['vacancies']:,} vacancies, "
        f"{SIZES['applications']:,} applications; 2 gunicorn workers, {CONNECTIONS} connections, "
        f"{SECONDS} s"
    )
    if seeded:
        size += f" (seeded in {seeded:.0f} s)"
    mix = ", ".join(f"{kind} {share}%" for kind, share in MIX.items())
    rows = [
        ("load: mixed throughput", figures["requests"] / (figures["duration_us"] / 1e6), "req/s"),
        ("load: mixed median latency", figures["p50_us"] / 1000, "ms"),
        ("load: mixed p99 latency", figures["p99_us"] / 1000, "ms"),
        ("load: mixed errors", errors, "requests"),
    ]
    targets = ["report (mix: " + mix + ")", "report", "report", "0"]
    for (name, value, unit), target in zip(rows, targets, strict=True):
        print(
            json.dumps(
                {
                    "benchmark": name,
                    "data_size": size,
                    "figure": round(value, 1) if isinstance(value, float) else value,
                    "unit": unit,
                    "target": target,
                }
            )
        )
    if errors:
        print(f"error detail: {figures}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
