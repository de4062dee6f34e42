"""Benchmark: the team lead's screening figures and the outcome function.

Seeds (once) 100,000 citizens in two teams, 80 % of them screened, with INSERT ... SELECT
generate_series, then times ``screening_figures`` for one team over a quarter and over two
years, and ``compute_outcome`` per screening. Prints one JSON line per figure.

    DATABASE_URL=postgres:///jc_bench_screening .venv/bin/python bench/screening_figures.py
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
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

CITIZENS = 100_000


def ensure_database() -> None:
    call_command("preflight", verbosity=0)
    call_command("migrate", verbosity=0)


def seed() -> int:
    from jobcenter.models import Citizen, Jobcenter, Team
    from screening.models import Questionnaire, Screening

    jobcenter, _ = Jobcenter.objects.get_or_create(
        municipality_code="999", defaults={"name": "Bench", "municipality": "Bench"}
    )
    teams = [Team.objects.get_or_create(jobcenter=jobcenter, name=f"Bench {n}")[0] for n in (1, 2)]
    if Citizen.objects.filter(jobcenter=jobcenter).count() >= CITIZENS:
        return Screening.objects.count()
    questionnaire = Questionnaire.objects.current()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO jobcenter_citizen (jobcenter_id, team_id, cpr_encrypted, cpr_hash,
                cpr_masked, foreign_id, first_name, last_name, email, phone, address, postcode,
                city, benefit_type, status, first_contact_date, created_at, updated_at)
            SELECT %s, CASE WHEN i %% 2 = 0 THEN %s ELSE %s END, '', '', '', 'B' || i,
                'Borger', 'Nr ' || i, '', '', '', '8000', 'Aarhus C', 'cash_benefit', 'active',
                CURRENT_DATE - (i %% 730), now(), now()
            FROM generate_series(1, %s) AS i
            """,
            [jobcenter.pk, teams[0].pk, teams[1].pk, CITIZENS],
        )
        cursor.execute(
            """
            INSERT INTO screening_screening (citizen_id, questionnaire_id, status, answers,
                decline_note, outcome, disability1, disability2, disability3, disability4,
                summary, referral, consent, accommodations, created_at)
            SELECT c.id, %s, 'completed', '{}', '', '{}',
                c.id %% 7 = 0 OR c.id %% 5 < 2, c.id %% 7 = 0 OR c.id %% 5 < 1,
                c.id %% 7 = 0, c.id %% 49 = 0,
                CASE WHEN c.id %% 7 = 0 THEN 'a_lot_or_cannot'
                     WHEN c.id %% 5 < 2 THEN 'some' ELSE 'none' END,
                c.id %% 7 = 0, c.id %% 3 = 0, '{}',
                c.first_contact_date + ((c.id %% 25) * interval '1 day')
            FROM jobcenter_citizen c
            WHERE c.jobcenter_id = %s AND c.id %% 5 <> 0
            """,
            [questionnaire.pk, jobcenter.pk],
        )
        cursor.execute("ANALYZE jobcenter_citizen; ANALYZE screening_screening;")
    return Screening.objects.count()


def median_ms(fn, runs: int = 15) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    ensure_database()
    screenings = seed()
    from jobcenter.models import Team
    from screening.outcome import compute_outcome
    from screening.selectors import screening_figures
    from screening.services import active_rules

    team = Team.objects.get(name="Bench 1")
    today = dt.date.today()
    size = f"{CITIZENS} citizens, {screenings} screenings"
    for label, days in (("quarter", 91), ("two_years", 730)):
        figure = median_ms(
            lambda days=days: screening_figures(
                team_ids={team.pk}, start=today - dt.timedelta(days=days), end=today
            )
        )
        print(
            json.dumps(
                {
                    "benchmark": f"screening_figures_{label}",
                    "data_size": size,
                    "figure": round(figure, 1),
                    "unit": "ms (median of 15)",
                    "target": "< 500",
                }
            )
        )
    rules = active_rules()
    answers = {
        "seeing": "some",
        "hearing": "a_lot",
        "mobility": "none",
        "cognition": "some",
        "self_care": "refused",
        "communication": "none",
        "anxiety_frequency": "daily",
        "anxiety_level": "a_lot",
        "accommodations": ["mentor", "interpretation"],
        "consent": True,
        "newly_educated": "yes",
    }
    per_call = median_ms(lambda: [compute_outcome(answers, rules) for _ in range(1000)]) / 1000
    print(
        json.dumps(
            {
                "benchmark": "screening_compute_outcome",
                "data_size": f"{len(rules)} rules",
                "figure": round(per_call * 1000, 1),
                "unit": "µs per screening (median)",
                "target": "< 1000",
            }
        )
    )


if __name__ == "__main__":
    main()
