"""Fault: the Celery worker is killed (SIGKILL) in the middle of a batch of reminder mails.

The mail is slowed down (the test mail backend sleeps ``SLOW_MAIL_SECONDS`` before writing), so
the worker dies while it holds a claim on one reminder and has more of its batch to go. A new
worker is started and the periodic pass runs as beat would: every reminder ends up sent and
every mail is written exactly once (none lost, none doubled).
Prints one JSON line and exits non-zero if an expectation fails.
"""

import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.faults.stack import Stack, create_due_deadlines, reminder_state, wait_for  # noqa: E402

MAIL_SECONDS = 1.0
KILL_AFTER_MAILS = 4


def main() -> int:
    stack = Stack()
    marker = stack.base / "sending"
    stack.extra_env.update(
        SLOW_MAIL_SECONDS=str(MAIL_SECONDS),
        SLOW_MAIL_MARKER=str(marker),
        # Short recovery times, so the scenario takes seconds instead of minutes: the killed
        # worker's unacknowledged message comes back after 5 s, its claim is stale after 5 s.
        CELERY_VISIBILITY_TIMEOUT="5",
        REMINDER_CLAIM_TIMEOUT="5",
        REMINDER_REQUEUE_AFTER="10",
    )
    with stack:
        try:
            return scenario(stack, marker)
        except BaseException:
            print(f"worker log:\n{stack.worker_log()[-3000:]}", file=sys.stderr)
            raise


def scenario(stack: Stack, marker: Path) -> int:
    stack.wait_worker_ready()
    expected = create_due_deadlines(stack, 12)
    assert expected > KILL_AFTER_MAILS + 2, expected
    stack.manage("send_reminders")  # one batch: one task for every reminder

    wait_for(lambda: len(stack.mails()) >= KILL_AFTER_MAILS, timeout=60, what="the first mails")
    # The next mail has started (the backend touched the marker) and sleeps: kill it now.
    seen = marker.stat().st_mtime_ns
    wait_for(lambda: marker.stat().st_mtime_ns != seen, timeout=10, what="the next mail")
    stack.kill_worker()
    killed_at = time.monotonic()
    before = reminder_state(stack)
    mails_before = len(stack.mails())
    assert before["statuses"].get("sending") == 1, before  # the claim the dead worker held
    assert before["statuses"].get("pending", 0) > 0, before  # the rest of its batch
    assert mails_before < expected

    stack.start_worker()
    stack.wait_worker_ready()

    def caught_up() -> bool:
        stack.manage("send_reminders")  # beat's periodic pass
        return reminder_state(stack)["statuses"] == {"sent": expected}

    wait_for(caught_up, timeout=120, what="recovery after the kill")
    recovered = time.monotonic() - killed_at
    time.sleep(8)  # the killed worker's message is redelivered too: it must send nothing
    stack.manage("send_reminders")
    time.sleep(2)
    state = reminder_state(stack)
    mails = stack.mails()
    doubled = [mid for mid, n in Counter(mails).items() if n > 1]
    assert state["statuses"] == {"sent": expected}, state
    assert len(mails) == state["emailed"] == expected and not doubled, (len(mails), state, doubled)
    print(
        json.dumps(
            {
                "benchmark": "fault: worker killed mid-task",
                "data_size": f"{expected} reminders in one batch, killed after {mails_before}",
                "figure": (
                    f"{len(mails)} mails, each once; all sent {recovered:.1f} s after the kill"
                ),
                "unit": "",
                "target": "no lost or duplicated work",
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
