"""Fault: the Celery broker (Redis) is down for a minute.

While it is down, pages and the API keep answering (dashboard, citizen search, creating a
citizen, /healthz/), the reminder health JSON shows the broker failure, and a reminder pass
(``manage.py send_reminders``) neither crashes nor loses anything: its reminders stay pending.
Redis then comes back on the same port and the next pass catches up: every reminder is sent and
every mail written exactly once. ``FAULT_REDIS_DOWN_SECONDS`` sets the outage (default 60).
Prints one JSON line and exits non-zero if an expectation fails.
"""

import json
import os
import sys
import time
import urllib.error
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.faults.stack import (  # noqa: E402
    Stack,
    create_due_deadlines,
    reminder_state,
    wait_for,
)

DOWN_SECONDS = float(os.environ.get("FAULT_REDIS_DOWN_SECONDS") or 60)
SLOW_REQUEST = 5.0  # a request during the outage must answer well within this


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def check_pages(stack: Stack, auth: dict, session, round_no: int) -> float:
    """Every kind of request answers promptly while the broker is down; returns the slowest."""
    slowest = 0.0
    for path in ("/healthz/", "/api/v1/citizens/?q=a", "/api/v1/deadlines/"):
        (status, body, _headers), took = timed(lambda p=path: stack.get(p, auth))
        assert status == 200, (path, status, body[:300])
        slowest = max(slowest, took)
    for path in ("/", "/citizens/?q=a"):
        response, took = timed(lambda p=path: session.open(stack.url + p, timeout=15))
        assert response.status == 200 and response.url.endswith(path), (path, response.url)
        response.read()
        slowest = max(slowest, took)
    body = json.dumps(
        {
            "first_name": "Udfald",
            "last_name": f"Redis {round_no}",
            "team": 1,
            "foreign_id": f"REDIS-{round_no}-{time.time_ns()}",
            "benefit_type": "cash_benefit",
        }
    ).encode()
    (status, text, _headers), took = timed(
        lambda: stack.request(
            "/api/v1/citizens/", data=body, headers={**auth, "Content-Type": "application/json"}
        )
    )
    assert status == 201, (status, text[:500])
    slowest = max(slowest, took)
    assert slowest < SLOW_REQUEST, f"a request took {slowest:.1f} s while Redis was down"
    return slowest


def health_json(stack: Stack, admin) -> tuple[int, dict]:
    try:
        with admin.open(stack.url + "/notifications/health.json", timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def main() -> int:
    with Stack() as stack:
        try:
            return scenario(stack)
        except BaseException:
            print(f"worker log:\n{stack.worker_log()[-3000:]}", file=sys.stderr)
            raise


def scenario(stack: Stack) -> int:
    if True:
        stack.wait_worker_ready()
        auth = {"Authorization": f"Token {stack.token()}"}
        session = stack.session("caseworker1")
        admin = stack.session("admin")
        expected = create_due_deadlines(stack, 24)
        assert expected > 0, "no deadline entered a reminder stage"

        stack.redis.stop()
        down_at = time.monotonic()
        slowest = check_pages(stack, auth, session, 0)
        status, health = health_json(stack, admin)
        assert status == 503 and health["broker_error"] and not health["ok"], (status, health)

        # The pass during the outage: no crash, reminders created and left pending.
        output, pass_seconds = timed(lambda: stack.manage("send_reminders"))
        state = reminder_state(stack)
        assert state["total"] == expected, (expected, state, output)
        assert state["statuses"] == {"pending": expected}, state
        assert stack.mails() == []

        rounds = 1
        while time.monotonic() - down_at < DOWN_SECONDS:
            slowest = max(slowest, check_pages(stack, auth, session, rounds))
            rounds += 1
            time.sleep(min(5.0, max(0.0, DOWN_SECONDS - (time.monotonic() - down_at))))
        outage = time.monotonic() - down_at

        stack.redis.start()
        back_at = time.monotonic()
        # The next pass (beat's, here by hand) queues the pending reminders again.
        stack.manage("send_reminders")
        wait_for(
            lambda: reminder_state(stack)["statuses"] == {"sent": expected},
            timeout=90,
            what="reminders catching up",
        )
        caught_up = time.monotonic() - back_at
        stack.manage("send_reminders")  # one more pass must send nothing again
        time.sleep(5)
        state = reminder_state(stack)
        mails = stack.mails()
        doubled = [mid for mid, n in Counter(mails).items() if n > 1]
        assert state["total"] == expected and state["statuses"] == {"sent": expected}, state
        assert len(mails) == state["emailed"] > 0 and not doubled, (len(mails), state, doubled)
        status, health = health_json(stack, admin)
        assert not health["broker_error"], health
        print(
            json.dumps(
                {
                    "benchmark": "fault: Redis down",
                    "data_size": f"{outage:.0f} s outage, {expected} reminders",
                    "figure": (
                        f"pages/API 200 (slowest {slowest:.2f} s, {rounds} rounds); pass during "
                        f"outage ok in {pass_seconds:.1f} s; {len(mails)} mails, each once, "
                        f"{caught_up:.1f} s after Redis came back"
                    ),
                    "unit": "",
                    "target": "pages keep working; reminders catch up, none lost or doubled",
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
