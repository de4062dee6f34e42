"""The team leads' decision queue with 200,000 applications across 50 teams.

Seeds (if missing) with INSERT ... SELECT generate_series, then times the queue page and
GET /api/v1/queue/ in-process with Django's test Client and prints one JSON line per figure.
Run: DATABASE_URL=postgres:///jc_bench_compensation .venv/bin/python bench/compensation_queue.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")
os.environ.setdefault("TESTING", "1")

APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", 200_000))
TEAMS = 50
CITIZENS_PER_TEAM = 400
RUNS = int(os.environ.get("BENCH_RUNS", 30))
TARGET_MS = 100


def ensure_database() -> None:
    import dj_database_url

    name = dj_database_url.parse(os.environ["DATABASE_URL"])["NAME"]
    subprocess.run(["createdb", name], capture_output=True, check=False)


def seed() -> None:
    from django.db import connection

    from compensation.models import Application

    seeded = Application.objects.count() >= APPLICATIONS
    if (
        seeded
        and Application.objects.filter(team_id=1, status="submitted", fast_track=True).exists()
    ):
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # Bulk data for timing only: skip pghistory's triggers while seeding.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "TRUNCATE compensation_grant, compensation_attachment, compensation_application, "
            "jobcenter_citizen, jobcenter_membership, jobcenter_team, jobcenter_jobcenter, "
            "jobcenter_user CASCADE"
        )
        cursor.execute(
            "INSERT INTO jobcenter_jobcenter (id, name, municipality, municipality_code, address, "
            "phone, email, website) VALUES (1, 'Jobcenter Bench', 'Bench Kommune', '999', '', '', "
            "'', '')"
        )
        cursor.execute(
            "INSERT INTO jobcenter_team (id, jobcenter_id, name) "
            "SELECT t, 1, 'Team ' || t FROM generate_series(1, %s) t",
            [TEAMS],
        )
        # Users 1..50 lead team t; users 51..100 are caseworkers of team t.
        cursor.execute(
            "INSERT INTO jobcenter_user (id, password, is_superuser, username, first_name, "
            "last_name, email, is_staff, is_active, date_joined, language) "
            "SELECT u, '!', false, CASE WHEN u <= %(t)s THEN 'lead' || u ELSE 'cw' || u END, "
            "'Bench', 'User ' || u, '', false, true, now(), 'da' "
            "FROM generate_series(1, 2 * %(t)s) u",
            {"t": TEAMS},
        )
        cursor.execute(
            "INSERT INTO jobcenter_membership (user_id, team_id, role) "
            "SELECT u, CASE WHEN u <= %(t)s THEN u ELSE u - %(t)s END, "
            "CASE WHEN u <= %(t)s THEN 'team_lead' ELSE 'caseworker' END "
            "FROM generate_series(1, 2 * %(t)s) u",
            {"t": TEAMS},
        )
        cursor.execute(
            "INSERT INTO jobcenter_citizen (jobcenter_id, team_id, caseworker_id, cpr_encrypted, "
            "cpr_hash, cpr_masked, foreign_id, first_name, last_name, email, phone, address, "
            "postcode, city, benefit_type, status, first_contact_date, created_at, updated_at) "
            "SELECT 1, (c %% %(t)s) + 1, (c %% %(t)s) + 1 + %(t)s, '', '', '', 'B' || c, "
            "'Borger', 'Nr ' || c, '', '', '', '', '', 'none', 'active', current_date, "
            "now(), now() "
            "FROM generate_series(1, %(n)s) c",
            {"t": TEAMS, "n": TEAMS * CITIZENS_PER_TEAM},
        )
        # 10 % open (half of them fast track), the rest decided or drafts; all made by the
        # team's caseworker, so the lead is never four-eyes-conflicted.
        cursor.execute(
            "WITH s AS (SELECT id FROM compensation_scheme WHERE code = 'mentor'), "
            "c AS (SELECT id, team_id, caseworker_id, row_number() OVER (ORDER BY id) - 1 AS i "
            "FROM jobcenter_citizen) "
            "INSERT INTO compensation_application (citizen_id, team_id, scheme_id, status, "
            "fast_track, fast_track_reason, details, justification, created_by_id, "
            "citizen_caseworker_id, created_at, updated_at, submitted_at, decision_due, "
            "claimed_by_id, claimed_at, decided_by_id, decided_at, decision_reason, "
            "decision_working_days, decided_in_time, return_reason) "
            "SELECT c.id, c.team_id, s.id, st.status, (k / 20) %% 2 = 0, '', '{}'::jsonb, '', "
            "c.caseworker_id, c.caseworker_id, now(), now(), "
            "CASE WHEN st.status = 'draft' THEN NULL "
            "ELSE now() - (k %% 40) * interval '1 day' END, "
            "CASE WHEN st.status = 'draft' THEN NULL ELSE current_date + (k %% 30) - 10 END, "
            "CASE WHEN st.status = 'in_review' THEN c.team_id END, "
            "CASE WHEN st.status = 'in_review' THEN now() END, "
            "CASE WHEN st.status IN ('approved', 'rejected') THEN c.team_id END, "
            "CASE WHEN st.status IN ('approved', 'rejected') THEN now() END, '', "
            "CASE WHEN st.status IN ('approved', 'rejected') THEN k %% 10 END, "
            "CASE WHEN st.status IN ('approved', 'rejected') THEN k %% 10 < 8 END, '' "
            # k varies independently of the team (which follows g modulo the team count).
            "FROM generate_series(0, %(n)s - 1) g CROSS JOIN LATERAL (SELECT g / %(t)s AS k) kk "
            "JOIN c ON c.i = g %% (%(t)s * %(cpt)s) CROSS JOIN s "
            "CROSS JOIN LATERAL (SELECT CASE WHEN k %% 20 = 0 THEN 'submitted' "
            "WHEN k %% 20 = 1 THEN 'in_review' WHEN k %% 10 = 2 THEN 'draft' "
            "WHEN k %% 4 = 3 THEN 'rejected' ELSE 'approved' END AS status) st",
            {"n": APPLICATIONS, "t": TEAMS, "cpt": CITIZENS_PER_TEAM},
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        for table in ("jobcenter_citizen", "compensation_application", "jobcenter_membership"):
            cursor.execute(f"ANALYZE {table}")
        for table in ("jobcenter_user", "jobcenter_team", "jobcenter_citizen"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
    print(f"seeded in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def measure(client, url: str) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return statistics.median(timings), len(context.captured_queries), response


def main() -> None:
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    seed()
    from compensation.models import Application
    from jobcenter.models import User

    size = Application.objects.count()
    lead = User.objects.get(username="lead1")
    client = Client()
    client.force_login(lead)
    for name, url in (
        ("compensation_queue_page", "/compensation/queue/"),
        ("compensation_queue_api", "/api/v1/queue/"),
        ("compensation_queue_page_normal_tab", "/compensation/queue/?tab=normal"),
    ):
        median, queries, _response = measure(client, url)
        print(
            json.dumps(
                {
                    "benchmark": name,
                    "data_size": size,
                    "figure": round(median, 1),
                    "unit": "ms (median)",
                    "target": TARGET_MS,
                    "queries": queries,
                }
            )
        )


if __name__ == "__main__":
    main()
