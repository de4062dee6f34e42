"""Benchmark: every report page with 100,000 citizens, 200,000 deadlines and 600,000 reads.

Django's test Client in-process against ``DATABASE_URL`` (default
postgres:///jc_bench_reports), seeded once with INSERT ... SELECT generate_series.
The read log holds six months (its retention) at about 100,000 reads a month: 100
caseworkers reading some 50 records a working day. Prints one JSON line per page: the
median of repeated requests in milliseconds.
Run: DATABASE_URL=postgres:///jc_bench_reports .venv/bin/python bench/reports.py
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
os.environ.setdefault("DATABASE_URL", "postgres:///jc_bench_reports")
os.environ.setdefault("TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

CITIZENS = int(os.environ.get("BENCH_CITIZENS", 100_000))
DEADLINES = 2 * CITIZENS
READS = 6 * CITIZENS
READ_LOG_MINUTES = 183 * 24 * 60
TEAMS = 10
CASEWORKERS = 100
REPEAT = int(os.environ.get("BENCH_REPEAT", 15))
TARGET_MS = 500


def seed() -> None:
    from jobcenter.models import AuditEvent, Citizen, Jobcenter, Membership, Role, Team, User
    from reporting.models import Target

    if Citizen.objects.count() >= CITIZENS and AuditEvent.objects.count() >= READS:
        return
    with connection.cursor() as cursor:  # a partial seed starts over
        cursor.execute(
            "TRUNCATE jobcenter_auditevent, jobcenter_deadline, jobcenter_citizen, "
            "jobcenter_citizenevent, jobcenter_deadlineevent CASCADE"
        )
    print(f"Seeding {CITIZENS} citizens ...", file=sys.stderr)
    jobcenter, _ = Jobcenter.objects.get_or_create(
        municipality_code="751", defaults={"name": "Jobcenter Bench", "municipality": "Bench"}
    )
    teams = [
        Team.objects.get_or_create(jobcenter=jobcenter, name=f"Team {n}")[0] for n in range(TEAMS)
    ]
    User.objects.filter(username="benchadmin").exists() or User.objects.create_superuser(
        "benchadmin", "admin@example.dk", "bench"
    )
    for n in range(TEAMS):
        lead, _ = User.objects.get_or_create(username=f"lead{n}")
        Membership.objects.get_or_create(user=lead, team=teams[n], role=Role.TEAM_LEAD)
    for n in range(CASEWORKERS):
        user, _ = User.objects.get_or_create(
            username=f"cw{n}", defaults={"first_name": "Sagsbehandler", "last_name": str(n)}
        )
        Membership.objects.get_or_create(user=user, team=teams[n % TEAMS], role=Role.CASEWORKER)
    year = timezone.localdate().year
    Target.objects.get_or_create(
        jobcenter=jobcenter, year=year, metric="first_contacts", defaults={"value": 60000}
    )
    team_ids = [team.pk for team in teams]
    cw_ids = list(User.objects.filter(username__startswith="cw").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        # Seeding only: skip the history and protection triggers for speed.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            """
            INSERT INTO jobcenter_citizen (jobcenter_id, team_id, caseworker_id, cpr_encrypted,
                cpr_hash, cpr_masked, foreign_id, first_name, last_name, email, phone, address,
                postcode, city, benefit_type, status, first_contact_date, closed_at,
                created_at, updated_at)
            SELECT %(jc)s, (%(teams)s::int[])[1 + g %% %(nt)s], (%(cws)s::int[])[1 + g %% %(nc)s],
                '', '', '', 'B' || g, 'Borger', 'Nr ' || g, '', '', '', '8000', 'Aarhus',
                (ARRAY['cash_benefit','sickness_benefit','none','flex_job_benefit'])[1 + g %% 4],
                (ARRAY['active','active','employed','closed'])[1 + g %% 4],
                current_date - (g %% 730), NULL, now(), now()
            FROM generate_series(1, %(n)s) AS g
            """,
            {
                "jc": jobcenter.pk,
                "teams": team_ids,
                "nt": TEAMS,
                "cws": cw_ids,
                "nc": len(cw_ids),
                "n": CITIZENS,
            },
        )
        cursor.execute(
            """
            INSERT INTO jobcenter_deadline (team_id, citizen_id, owner_id, kind, title, due_at,
                done_at, created_at)
            SELECT c.team_id, c.id, c.caseworker_id, 'follow_up', 'Opfølgning',
                now() + ((g %% 120) - 60) * interval '1 day',
                CASE WHEN g %% 3 = 0 THEN now() END, now()
            FROM generate_series(1, %(n)s) AS g
            JOIN jobcenter_citizen c ON c.id = (SELECT min(id) FROM jobcenter_citizen) + g %% %(c)s
            """,
            {"n": DEADLINES, "c": CITIZENS},
        )
        cursor.execute(
            """
            INSERT INTO jobcenter_auditevent (at, user_id, username, action, citizen_id,
                object_type, object_id, purpose, detail)
            SELECT now() - (g %% %(minutes)s) * interval '1 minute', u.id, u.username, 'view', c.id,
                'jobcenter.citizen', c.id::text, '', '{}'::jsonb
            FROM generate_series(1, %(n)s) AS g
            JOIN jobcenter_citizen c ON c.id = (SELECT min(id) FROM jobcenter_citizen) + g %% %(c)s
            JOIN jobcenter_user u ON u.id = (%(cws)s::int[])[1 + (g * 7) %% %(nc)s]
            """,
            {
                "n": READS,
                "c": CITIZENS,
                "cws": cw_ids,
                "nc": len(cw_ids),
                "minutes": READ_LOG_MINUTES,
            },
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("ANALYZE")


def median_ms(client: Client, url: str) -> float:
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times)


def main() -> None:
    from jobcenter.models import Citizen, Team, User

    call_command("preflight", verbosity=0)
    call_command("migrate", verbosity=0)
    seed()
    setup_test_environment()
    lead, admin = User.objects.get(username="lead0"), User.objects.get(username="benchadmin")
    all_teams = "&".join(f"teams={pk}" for pk in Team.objects.values_list("pk", flat=True))
    year = timezone.localdate().year
    period = f"start={year - 1}-01-01&end={year}-12-31"
    today = timezone.localdate()
    week = today - dt.timedelta(days=7)
    citizen = Citizen.objects.filter(team__name="Team 0").order_by("pk").first()
    pages = [
        (lead, "report (team lead, own team)", f"/reports/?{period}"),
        (lead, "report (jobcenter-wide, 10 teams)", f"/reports/?{period}&{all_teams}"),
        (
            lead,
            "export caseload.xlsx (jobcenter-wide)",
            f"/reports/figures/caseload.xlsx?{all_teams}",
        ),
        (lead, "targets", "/reports/targets/"),
        (lead, "citizen data (GDPR, JSON)", f"/reports/citizens/{citizen.pk}/data/?format=json"),
        (admin, "report (superuser, all teams)", f"/reports/?{period}"),
        (admin, "access review (30 days, default)", "/reports/access-review/"),
        (admin, "access review (7 days)", f"/reports/access-review/?start={week}&end={today}"),
    ]
    size = f"{Citizen.objects.count()} citizens, {DEADLINES} deadlines, {READS} reads"
    for user, name, url in pages:
        client = Client()
        client.force_login(user)
        figure = median_ms(client, url)
        print(
            json.dumps(
                {
                    "benchmark": f"reports: {name}",
                    "data_size": size,
                    "figure": round(figure, 1),
                    "unit": "ms (median)",
                    "target": f"< {TARGET_MS}",
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
