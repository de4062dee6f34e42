"""Benchmark: one reminder pass over 1,000,000 deadlines of which 10,000 enter a stage.

Run: DATABASE_URL=postgres:///jc_bench_reminders REDIS_URL=redis://127.0.0.1:6379/<db> \
     .venv/bin/python bench/reminders_pass.py

Prints two JSON lines: the database time of the find query (EXPLAIN ANALYZE execution time,
median of repeated runs; target 50 ms) and the wall time to create and queue all reminders
(the insert plus publishing the batch tasks to Redis, median; target 10 s). The tasks go to a
queue no worker listens to, which is deleted afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")
os.environ.setdefault("DEBUG", "1")  # development keys; the bench never serves requests

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from jobcenter import reminders  # noqa: E402
from jobcenter.models import Deadline, Reminder  # noqa: E402

DEADLINES = 1_000_000
ENTERING = 10_000
ALREADY_REMINDED = 20_000
USERS = 200
CITIZENS = 20_000
NOW = timezone.make_aware(dt.datetime(2026, 3, 11, 7, 5))  # a Wednesday morning
BENCH_QUEUE = "bench-reminders"
RUNS = 5

SEED_SQL = """
SET session_replication_role = replica;  -- no pghistory triggers while seeding
INSERT INTO jobcenter_jobcenter (name, municipality, municipality_code, address, phone, email,
    website) VALUES ('Bench Jobcenter', 'Bench', '999', '', '', '', '');
INSERT INTO jobcenter_team (name, jobcenter_id)
    SELECT 'Bench team ' || n, (SELECT id FROM jobcenter_jobcenter WHERE municipality_code = '999')
    FROM generate_series(1, 4) n;
INSERT INTO jobcenter_user (password, is_superuser, username, first_name, last_name, email,
    is_staff, is_active, date_joined, language)
    SELECT '!', false, 'bench' || n, 'Bench', 'User ' || n, 'bench' || n || '@example.dk',
           false, true, now(), 'da'
    FROM generate_series(1, {users}) n;
INSERT INTO jobcenter_membership (role, user_id, team_id)
    SELECT CASE WHEN u.rn <= 8 THEN 'team_lead' ELSE 'caseworker' END, u.id,
           (SELECT min(id) FROM jobcenter_team) + (u.rn % 4)
    FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM jobcenter_user
          WHERE username LIKE 'bench%%') u;
INSERT INTO jobcenter_citizen (cpr_encrypted, cpr_hash, cpr_masked, foreign_id, first_name,
    last_name, email, phone, address, postcode, city, benefit_type, status, first_contact_date,
    created_at, updated_at, jobcenter_id, team_id, caseworker_id)
    SELECT '', '', '', 'B' || n, 'Borger', 'Nr ' || n, '', '', '', '8000', 'Aarhus C', 'none',
           'active', current_date, now(), now(), t.jobcenter_id, t.id, m.user_id
    FROM generate_series(1, {citizens}) n
    JOIN LATERAL (SELECT id, jobcenter_id FROM jobcenter_team
                  ORDER BY id OFFSET (n % 4) LIMIT 1) t ON true
    JOIN LATERAL (SELECT user_id FROM jobcenter_membership
                  WHERE team_id = t.id AND role = 'caseworker'
                  ORDER BY user_id OFFSET (n % 40) LIMIT 1) m ON true;
CREATE TEMP TABLE bench_citizen AS
    SELECT row_number() OVER (ORDER BY id) rn, id, team_id, caseworker_id FROM jobcenter_citizen;
-- {entering} open deadlines due today: they enter the "due" stage now.
-- {reminded} due in 1-2 working days: in "upcoming", but already reminded.
-- The rest: 600,000 done in 2025, 50,000 open and long overdue (beyond the look-back),
-- and open ones due from 2 weeks to 2 years ahead.
INSERT INTO jobcenter_deadline (kind, title, due_at, done_at, created_at, team_id, citizen_id,
    owner_id)
    SELECT (ARRAY['follow_up','screening_follow_up','application_decision','grant_end',
                  'grant_follow_up','loan_return','retention_follow_up','employer_response',
                  'other'])[1 + n % 9],
           'Frist ' || n,
           CASE
             WHEN n <= {entering} THEN timestamptz '2026-03-11 16:00+01'
             WHEN n <= {entering} + {reminded}
               THEN timestamptz '2026-03-12 16:00+01' + ((n % 2) || ' days')::interval
             WHEN n <= 630000
               THEN timestamptz '2025-01-01 16:00+01' + ((n % 330) || ' days')::interval
             WHEN n <= 680000
               THEN timestamptz '2025-06-01 16:00+01' + ((n % 200) || ' days')::interval
             ELSE timestamptz '2026-03-25 16:00+01' + ((n % 700) || ' days')::interval
           END,
           CASE WHEN n > {entering} + {reminded} AND n <= 630000
                THEN timestamptz '2025-12-31 12:00+01' END,
           now(), c.team_id, c.id, c.caseworker_id
    FROM generate_series(1, {deadlines}) n
    JOIN bench_citizen c ON c.rn = 1 + n % {citizens};
INSERT INTO jobcenter_reminder (deadline_id, stage, recipient_id, status, digest, emailed,
    created_at, sent_at, attempts, last_error)
    SELECT d.id, 'upcoming', d.owner_id, 'sent', false, true, now(), now(), 1, ''
    FROM jobcenter_deadline d
    WHERE d.due_at >= '2026-03-12' AND d.due_at < '2026-03-14' AND d.done_at IS NULL;
SET session_replication_role = DEFAULT;
VACUUM ANALYZE;
"""


def seed() -> None:
    call_command("preflight")
    call_command("migrate", verbosity=0)
    if Deadline.objects.count() >= DEADLINES:
        return
    started = time.perf_counter()
    sql = SEED_SQL.format(
        users=USERS,
        citizens=CITIZENS,
        entering=ENTERING,
        reminded=ALREADY_REMINDED,
        deadlines=DEADLINES,
    )
    with connection.cursor() as cursor:
        for statement in sql.split(";\n"):
            if statement.strip():
                cursor.execute(statement)
    print(f"seeded in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _reset() -> None:
    """Forget the reminders the previous run created, so that every run does the full work."""
    Reminder.objects.filter(stage="due").delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE jobcenter_reminder")


def bench_find() -> tuple[float, float]:
    """(database execution time, wall time including fetching the rows), medians in ms."""
    _reset()
    windows = reminders.stage_windows(NOW)
    sql, params = reminders.find_sql(windows)
    times, walls, rows = [], [], 0
    with connection.cursor() as cursor:
        for _ in range(RUNS):
            started = time.perf_counter()
            cursor.execute(sql, params)
            assert len(cursor.fetchall()) == ENTERING
            walls.append((time.perf_counter() - started) * 1000)
            cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            times.append(plan[0]["Execution Time"])
            rows = plan[0]["Plan"]["Actual Rows"]
    assert rows == ENTERING, rows
    return statistics.median(times), statistics.median(walls)


def bench_create_and_queue() -> tuple[float, int]:
    from jobcenter.celery import app

    app.conf.task_default_queue = BENCH_QUEUE  # no worker listens here
    times, created = [], 0
    try:
        for _ in range(RUNS):
            _reset()
            started = time.perf_counter()
            ids = reminders.reminders_create(now=NOW)
            queued = reminders.queue_batches(ids)
            times.append(time.perf_counter() - started)
            created = len(ids)
            assert created == ENTERING and queued == ENTERING, (created, queued)
    finally:
        with app.connection_for_write() as conn:
            conn.default_channel.client.delete(BENCH_QUEUE)
    return statistics.median(times), created


def main() -> None:
    if "bench" not in connection.settings_dict["NAME"]:
        sys.exit("Point DATABASE_URL at a bench database, e.g. postgres:///jc_bench_reminders")
    seed()
    find_ms, find_wall_ms = bench_find()
    create_s, created = bench_create_and_queue()
    size = f"{DEADLINES} deadlines, {ENTERING} entering a stage"
    print(
        json.dumps(
            {
                "benchmark": "reminders_pass_find",
                "data_size": size,
                "figure": round(find_ms, 1),
                "unit": "ms (database execution time, median)",
                "target": 50,
            }
        )
    )
    print(
        json.dumps(
            {
                "benchmark": "reminders_pass_find_wall",
                "data_size": size,
                "figure": round(find_wall_ms, 1),
                "unit": "ms (query plus fetching the 10000 rows in Python, median)",
                "target": 50,
            }
        )
    )
    print(
        json.dumps(
            {
                "benchmark": "reminders_pass_create_and_queue",
                "data_size": size,
                "figure": round(create_s, 3),
                "unit": f"s to insert and queue {created} reminders (median)",
                "target": 10,
            }
        )
    )


if __name__ == "__main__":
    main()
