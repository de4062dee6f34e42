"""Fault: PostgreSQL restarts under a running app.

While it is down, requests fail cleanly with the 503 page (Retry-After, no stack trace);
once it is back the same gunicorn workers answer 200 again, without a restart.
Prints one JSON line and exits non-zero if an expectation fails.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.faults.stack import Stack, wait_for  # noqa: E402


def main() -> int:
    with Stack() as stack:
        auth = {"Authorization": f"Token {stack.token()}"}
        assert stack.get("/api/v1/citizens/", auth)[0] == 200
        pids_before = stack.web.pid
        stack.postgres.stop()
        statuses = []
        for path in ("/healthz/", "/api/v1/citizens/"):
            status, body, headers = stack.get(path, auth)
            statuses.append(status)
            assert status == 503, (path, status, body[:300])
            assert headers.get("Retry-After") == "30"
            assert "Traceback" not in body
        stack.postgres.start()
        started = time.monotonic()
        wait_for(
            lambda: stack.get("/api/v1/citizens/", auth)[0] == 200, timeout=30, what="recovery"
        )
        recovery = time.monotonic() - started
        assert stack.web.poll() is None and stack.web.pid == pids_before
        print(
            json.dumps(
                {
                    "benchmark": "fault: PostgreSQL restart",
                    "data_size": "20 citizens",
                    "figure": f"503 while down ({statuses}); 200 again after {recovery:.1f} s",
                    "unit": "",
                    "target": "clean 503, recovery without restart",
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
