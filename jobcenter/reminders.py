"""The reminder pass: find deadlines entering a stage, create reminders, queue their sending.

Delivery guarantees, and why it is built like this:

* **Created once.** ``Reminder`` is unique on (deadline, stage, recipient). One SQL statement
  finds the deadlines entering a stage and inserts their reminders with
  ``ON CONFLICT DO NOTHING RETURNING id``, so beat firing twice or two passes racing insert each
  reminder once, and only the pass whose insert won queues it.
* **Sent once.** The sender (``jobcenter.reminder_sending``) claims each reminder with a
  conditional ``UPDATE ... WHERE status = 'pending'`` that is committed *before* the mail goes
  out, and marks it sent right after the mail server accepted it. A duplicate task (redelivery,
  requeue) finds the row claimed or sent and does nothing. The in-app notification is unique per
  reminder, so it is created at most once whatever happens.
* **A killed worker.** Its claim stays behind with a timestamp. A claim older than
  ``REMINDER_CLAIM_TIMEOUT`` (default 5 minutes, far above ``EMAIL_TIMEOUT``) is taken to belong to
  a dead worker: the next pass puts it back to pending and queues it again (acks_late
  redelivery of the message does the same), so a killed send is retried until it goes out.
  The one window left is a worker killed after the mail server accepted the mail and before the
  "sent" UPDATE commits (a few milliseconds): that mail is sent again. SMTP has no
  idempotency key, so we chose at-least-once for that window over losing mail; each mail carries
  a Message-ID derived from the reminder, so mail systems can drop the duplicate.
* **Nothing lost.** The database is the queue of record: pending reminders whose message was
  lost (broker down while queueing, Redis flushed) are queued again by the next pass after
  ``REMINDER_REQUEUE_AFTER``; mail errors put the reminder back to pending with the error.
* Clocks: stage times use Django's clock (the business time, which tests move with
  time-machine); claims and requeues use the database clock, which every worker shares.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jobcenter.models import (
    Deadline,
    Heartbeat,
    Reminder,
    StageConfig,
)
from jobcenter.reminder_models import STAGE_ORDER
from jobcenter.reminder_queue import (  # noqa: F401 (queue_batches is part of this API)
    HEARTBEAT,
    queue_batches,
    queue_digests,
    record_failure,
)
from jobcenter.workdays import add_working_days

logger = logging.getLogger(__name__)


# --- When does a stage fire? -------------------------------------------------------------


def stage_date(due: dt.date, config: StageConfig) -> dt.date:
    if config.working_days:
        return add_working_days(due, config.offset_days)
    return due + dt.timedelta(days=config.offset_days)


def stage_fires_at(due_at: dt.datetime, config: StageConfig) -> dt.datetime:
    day = stage_date(timezone.localdate(due_at), config)
    return timezone.make_aware(dt.datetime.combine(day, config.send_time))


def _last_fire_day(now: dt.datetime, send_time: dt.time) -> dt.date:
    local = timezone.localtime(now)
    day = local.date()
    return day if local.time() >= send_time else day - dt.timedelta(days=1)


def _max_due_date(fire_day: dt.date, config: StageConfig) -> dt.date:
    """The latest due date whose stage day is on or before ``fire_day`` (stage_date is monotone)."""
    day = fire_day + dt.timedelta(days=2 * abs(config.offset_days) + 14)
    while stage_date(day, config) > fire_day:
        day -= dt.timedelta(days=1)
    return day


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(0)))


@dataclass(frozen=True)
class Window:
    """Open deadlines of ``kind`` due in [lo, hi) are in ``stage`` and in no later stage."""

    kind: str
    stage: str
    lo: dt.datetime
    hi: dt.datetime
    to_owner: bool
    to_caseworker: bool
    to_team_leads: bool


def stage_windows(now: dt.datetime, configs: Iterable[StageConfig] | None = None) -> list[Window]:
    """Each deadline sits in at most one window: its latest reached stage.

    Stages reached longer than ``REMINDER_LOOKBACK_DAYS`` ago are not sent any more (a deadline
    imported long overdue does not page anyone), nor are stages a deadline has already passed.
    """
    if configs is None:
        configs = StageConfig.objects.filter(active=True)
    by_kind: dict[str, list[StageConfig]] = {}
    for config in configs:
        if config.active:
            by_kind.setdefault(config.kind, []).append(config)
    lookback = dt.timedelta(days=settings.REMINDER_LOOKBACK_DAYS)
    windows = []
    for kind, stages in sorted(by_kind.items()):
        stages.sort(key=lambda c: STAGE_ORDER.index(c.stage))
        for index, config in enumerate(stages):
            fire_day = _last_fire_day(now, config.send_time)
            hi_day = _max_due_date(fire_day, config)
            lo_day = _max_due_date(fire_day - lookback, config)
            if index + 1 < len(stages):
                later = stages[index + 1]
                lo_day = max(lo_day, _max_due_date(_last_fire_day(now, later.send_time), later))
            if lo_day >= hi_day:
                continue
            windows.append(
                Window(
                    kind=kind,
                    stage=config.stage,
                    lo=_midnight(lo_day + dt.timedelta(days=1)),
                    hi=_midnight(hi_day + dt.timedelta(days=1)),
                    to_owner=config.to_owner,
                    to_caseworker=config.to_caseworker,
                    to_team_leads=config.to_team_leads,
                )
            )
    return windows


# --- The one query that finds them, and the one insert ------------------------------------

# Per window: the open deadlines in its due_at range without a reminder of the stage yet, read
# by an index-only scan of deadline_open_due_covering (materialised once), then one branch per kind
# of recipient the stage goes to. Bounds and flags are constants, so the planner sees how
# narrow each range is and no per-row branching is left; each recipient comes out once.
_CANDIDATES_SQL = """
w{n} AS MATERIALIZED (
    SELECT dd.id, dd.owner_id, dd.citizen_id, dd.team_id FROM jobcenter_deadline dd
     WHERE dd.kind = ANY(%s::varchar[]) AND dd.due_at >= %s AND dd.due_at < %s
       AND dd.done_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM jobcenter_reminder x
                        WHERE x.deadline_id = dd.id AND x.stage = %s)
)"""
_OWNER_SQL = "SELECT w.id, %s::varchar, w.owner_id FROM w{n} w WHERE w.owner_id IS NOT NULL"
_CASEWORKER_SQL = """
SELECT w.id, %s::varchar, c.caseworker_id
  FROM w{n} w JOIN jobcenter_citizen c ON c.id = w.citizen_id
 WHERE c.caseworker_id IS NOT NULL {not_owner}"""
_LEADS_SQL = """
SELECT w.id, %s::varchar, m.user_id FROM w{n} w
  JOIN jobcenter_membership m ON m.team_id = w.team_id AND m.role = 'team_lead'
  {caseworker_join}
 WHERE true {not_owner} {not_caseworker}"""
_FIND_SQL = """
WITH {ctes}
SELECT f.deadline_id, f.stage, f.recipient_id
  FROM ({branches}) AS f(deadline_id, stage, recipient_id)
  JOIN jobcenter_user u ON u.id = f.recipient_id AND u.is_active
"""

_INSERT_SQL = """
INSERT INTO jobcenter_reminder (deadline_id, stage, recipient_id, status, digest, emailed,
    created_at, queued_at, attempts, last_error)
SELECT f.deadline_id, f.stage, f.recipient_id, 'pending', false, false, %s, now(), 0, ''
FROM ({find}) f
ON CONFLICT (deadline_id, stage, recipient_id) DO NOTHING
RETURNING id
"""


def find_sql(windows: list[Window]) -> tuple[str, list]:
    """The SELECT of (deadline, stage, recipient) entering a stage; also used by the benchmark.

    Kinds sharing a stage window and its recipients are merged into one row, so the default
    configuration gives four index range scans whatever the number of kinds.
    """
    merged: dict[tuple, list[str]] = {}
    for w in windows:
        key = (w.stage, w.lo, w.hi, w.to_owner, w.to_caseworker, w.to_team_leads)
        merged.setdefault(key, []).append(w.kind)
    ctes, branches, cte_params, branch_params = [], [], [], []
    for n, ((stage, lo, hi, owner, caseworker, leads), kinds) in enumerate(merged.items()):
        ctes.append(_CANDIDATES_SQL.format(n=n))
        cte_params += [sorted(kinds), lo, hi, stage]
        if owner:
            branches.append(_OWNER_SQL.format(n=n))
            branch_params.append(stage)
        if caseworker:
            not_owner = "AND c.caseworker_id IS DISTINCT FROM w.owner_id" if owner else ""
            branches.append(_CASEWORKER_SQL.format(n=n, not_owner=not_owner))
            branch_params.append(stage)
        if leads:
            branches.append(
                _LEADS_SQL.format(
                    n=n,
                    caseworker_join=(
                        "LEFT JOIN jobcenter_citizen c ON c.id = w.citizen_id" if caseworker else ""
                    ),
                    not_owner="AND m.user_id IS DISTINCT FROM w.owner_id" if owner else "",
                    not_caseworker=(
                        "AND m.user_id IS DISTINCT FROM c.caseworker_id" if caseworker else ""
                    ),
                )
            )
            branch_params.append(stage)
    if not branches:
        return "SELECT NULL::bigint, NULL::varchar, NULL::bigint WHERE false", []
    sql = _FIND_SQL.format(ctes=", ".join(ctes), branches=" UNION ALL ".join(branches))
    return sql, cte_params + branch_params


@transaction.atomic
def reminders_create(*, now: dt.datetime) -> list[int]:
    """Insert the reminders of every deadline entering a stage; returns the new ids."""
    windows = stage_windows(now)
    if not windows:
        return []
    find, params = find_sql(windows)
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_SQL.format(find=find), [now, *params])
        return [row[0] for row in cursor.fetchall()]


def deadline_reset_reminders(*, deadline: Deadline, now: dt.datetime | None = None) -> int:
    """A moved deadline: forget the reminders of stages it has not reached any more."""
    now = now or timezone.now()
    unreached = [
        config.stage
        for config in StageConfig.objects.filter(kind=deadline.kind)
        if stage_fires_at(deadline.due_at, config) > now
    ]
    if not unreached:
        return 0
    deleted, _detail = Reminder.objects.filter(deadline=deadline, stage__in=unreached).delete()
    return deleted


# --- Recovery: stale claims and lost messages ----------------------------------------------


def reminders_reset_stale_claims() -> tuple[int, set[int]]:
    """Claims of dead workers go back to pending (or to the digest); returns digest users."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE jobcenter_reminder
               SET status = CASE WHEN digest THEN 'digest' ELSE 'pending' END,
                   claimed_at = NULL, claim_token = NULL, queued_at = NULL
             WHERE status = 'sending'
               AND claimed_at < now() - %s * interval '1 second'
            RETURNING recipient_id, digest
            """,
            [settings.REMINDER_CLAIM_TIMEOUT],
        )
        rows = cursor.fetchall()
    if rows:
        logger.warning("Reset %d stale reminder claims (a worker died while sending)", len(rows))
    return len(rows), {user_id for user_id, digest in rows if digest}


def reminders_claim_requeue() -> list[int]:
    """Pending reminders never queued, or queued long ago without result: queue them again."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE jobcenter_reminder SET queued_at = now()
             WHERE status = 'pending'
               AND (queued_at IS NULL OR queued_at < now() - %s * interval '1 second')
            RETURNING id
            """,
            [settings.REMINDER_REQUEUE_AFTER],
        )
        return [row[0] for row in cursor.fetchall()]


def digest_users_due(*, now: dt.datetime) -> list[int]:
    """Users whose digest hour has come today (claimed for today) or who left the digest."""
    local = timezone.localtime(now)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE jobcenter_notificationpreference p SET last_digest_on = %s
             WHERE p.email = 'digest' AND p.digest_hour <= %s
               AND (p.last_digest_on IS NULL OR p.last_digest_on < %s)
               AND EXISTS (SELECT 1 FROM jobcenter_reminder r
                            WHERE r.recipient_id = p.user_id AND r.status = 'digest')
            RETURNING p.user_id
            """,
            [local.date(), local.hour, local.date()],
        )
        users = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            """
            SELECT DISTINCT r.recipient_id FROM jobcenter_reminder r
              LEFT JOIN jobcenter_notificationpreference p ON p.user_id = r.recipient_id
             WHERE r.status = 'digest' AND (p.email IS NULL OR p.email <> 'digest')
            """
        )
        users += [row[0] for row in cursor.fetchall()]
    return users


# --- The pass ---------------------------------------------------------------------------------


@dataclass
class PassResult:
    created: list[int] = field(default_factory=list)
    requeued: list[int] = field(default_factory=list)
    stale: int = 0
    digests: list[int] = field(default_factory=list)
    queued: int = 0
    duration_ms: int = 0


def run_pass(
    *,
    now: dt.datetime | None = None,
    queue: Callable[[list[int]], int] | None = None,
    queue_digest: Callable[[Iterable[int]], None] | None = None,
) -> PassResult:
    """The periodic job (beat every few minutes, or ``manage.py send_reminders``)."""
    started = time.perf_counter()
    now = now or timezone.now()
    queue = queue or queue_batches
    queue_digest = queue_digest or queue_digests
    result = PassResult()
    try:
        result.stale, stale_digest_users = reminders_reset_stale_claims()
        result.created = reminders_create(now=now)
        result.requeued = reminders_claim_requeue()
        result.digests = sorted(set(digest_users_due(now=now)) | stale_digest_users)
    except Exception as exc:
        record_failure(f"The reminder pass failed: {exc!r}")
        logger.exception("The reminder pass failed")
        raise

    def send_out() -> None:
        # After commit: the workers must see the rows the messages point at.
        result.queued = queue(result.created + result.requeued) or 0
        queue_digest(result.digests)
        result.duration_ms = int((time.perf_counter() - started) * 1000)
        Heartbeat.objects.update_or_create(
            name=HEARTBEAT,
            defaults={
                "last_run_at": timezone.now(),
                "last_duration_ms": result.duration_ms,
                "last_created": len(result.created),
                "last_queued": result.queued,
            },
        )
        logger.info(
            "Reminder pass: %d created, %d requeued, %d stale claims, %d digests, %d ms",
            len(result.created),
            len(result.requeued),
            result.stale,
            len(result.digests),
            result.duration_ms,
        )

    transaction.on_commit(send_out)
    return result
