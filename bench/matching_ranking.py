"""Benchmark: ranking 50,000 open vacancies and 100,000 citizens of one jobcenter, via the API.

Run with a bench database, e.g.
    DATABASE_URL=postgres:///jc_bench_matching .venv/bin/python bench/matching_ranking.py
Seeds the data with INSERT ... SELECT generate_series if missing (about a minute), then times
GET /api/v1/citizens/{id}/matches/?limit=20 and GET /api/v1/vacancies/{id}/matches/?limit=20
through Django's test client (in process) and prints one JSON line per figure (medians).
It also checks, for a sample of citizens, that the location prefilter does not change the
top 20.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")
os.environ.setdefault("TESTING", "1")  # plain http, no SSL redirect in the test client
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DATABASE_URL", "postgres:///jc_bench_matching")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from jobcenter.models import Citizen, Jobcenter, Membership, Role, Team, User  # noqa: E402
from matching import ranking  # noqa: E402
from matching.demo import fake_cvr  # noqa: E402
from matching.masks import mask_of  # noqa: E402
from matching.models import Employer, MatchProfile, Occupation, Postcode, Vacancy  # noqa: E402

VACANCIES = 50_000
CITIZENS = 100_000
EMPLOYERS = 2_000
RUNS = 30


def ensure_database() -> None:
    call_command("preflight", verbosity=0)
    call_command("migrate", verbosity=0)


def seed() -> tuple[Jobcenter, Team, User]:
    jobcenter, _ = Jobcenter.objects.get_or_create(
        municipality_code="751", defaults={"name": "Jobcenter Aarhus", "municipality": "Aarhus"}
    )
    team, _ = Team.objects.get_or_create(jobcenter=jobcenter, name="Bench team")
    user, _ = User.objects.get_or_create(username="bench_consultant")
    Membership.objects.get_or_create(
        user=user, team=team, defaults={"role": Role.COMPANY_CONSULTANT}
    )
    rng = random.Random(1)
    units = list(Occupation.objects.filter(level=4).values_list("code", flat=True))
    places = list(Postcode.objects.values_list("code", "latitude", "longitude"))
    # Most jobs and citizens are in and around Aarhus; the rest all over the country.
    near = [p for p in places if p[0].startswith("8")]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # skip history triggers
        if Employer.objects.filter(jobcenter=jobcenter).count() < EMPLOYERS:
            employers = []
            seen = set(Employer.objects.filter(jobcenter=jobcenter).values_list("cvr", flat=True))
            while len(seen) < EMPLOYERS:
                cvr = fake_cvr(rng)
                if cvr in seen:
                    continue
                seen.add(cvr)
                offered = rng.sample(
                    [
                        "flexible_hours",
                        "extra_breaks",
                        "quiet_workspace",
                        "step_free_access",
                        "mentor",
                    ],
                    rng.randrange(0, 4),
                )
                employer = Employer(
                    jobcenter=jobcenter,
                    cvr=cvr,
                    name=f"Virksomhed {cvr}",
                    postcode=rng.choice(near)[0],
                    open_to_hiring=rng.choice([True, None, False]),
                    knows_schemes=rng.random() < 0.3,
                    knows_social_chapters=rng.random() < 0.25,
                    needs_accommodation_help=rng.random() < 0.4,
                    offered_accommodations=offered,
                )
                employer.offered_mask = mask_of(offered)
                employer.readiness = employer.compute_readiness()
                employers.append(employer)
            Employer.objects.bulk_create(employers, batch_size=1000)
        codes = [p[0] for p in places]
        lats = [p[1] for p in places]
        lons = [p[2] for p in places]
        near_n = len(near)
        near_codes = [p[0] for p in near] + codes
        near_lats = [p[1] for p in near] + lats
        near_lons = [p[2] for p in near] + lons
        params = {
            "units": units,
            "n_units": len(units),
            "codes": near_codes,
            "lats": near_lats,
            "lons": near_lons,
            "n_near": near_n,
            "n_all": len(codes),
        }
        # 70 % in the Aarhus area, 30 % anywhere in Denmark.
        place_index = (
            "CASE WHEN random() < 0.7 THEN 1 + floor(random() * %(n_near)s)::int "
            "ELSE %(n_near)s + 1 + floor(random() * %(n_all)s)::int END"
        )
        missing = VACANCIES - Vacancy.objects.filter(employer__jobcenter=jobcenter).count()
        if missing > 0:
            cursor.execute(
                f"""
                INSERT INTO matching_vacancy (employer_id, title, occupation_id, description,
                  required_skills, wanted_skills, hours_min, hours_max, flex_job_possible,
                  postcode_id, accommodations, start_date, positions, status, occupation_group,
                  accommodation_mask, latitude, longitude, created_at, updated_at)
                SELECT e.ids[1 + floor(random() * cardinality(e.ids))::int], 'Stilling ' || g,
                  x.unit, '',
                  ARRAY(SELECT DISTINCT 1 + floor(random() * 130)::int
                        FROM generate_series(1, 1 + g %% 5) ORDER BY 1),
                  ARRAY(SELECT DISTINCT 1 + floor(random() * 130)::int
                        FROM generate_series(1, g %% 3) ORDER BY 1),
                  x.low, greatest(x.low, x.high), random() < 0.3,
                  (%(codes)s::text[])[x.pi], '{{}}', NULL, 1, 'open', x.unit::int,
                  CASE WHEN random() < 0.3 THEN (g * 7) %% 64 ELSE 0 END,
                  (%(lats)s::float8[])[x.pi], (%(lons)s::float8[])[x.pi], now(), now()
                FROM generate_series(1, %(missing)s) g
                CROSS JOIN LATERAL (SELECT g AS gg,
                  (%(units)s::text[])[1 + floor(random() * %(n_units)s)::int] AS unit,
                  {place_index} AS pi,
                  (ARRAY[10, 15, 20, 25, 30, 37])[1 + floor(random() * 6)::int] AS low,
                  (ARRAY[20, 30, 37, 37])[1 + floor(random() * 4)::int] AS high) x
                CROSS JOIN (SELECT array_agg(id) AS ids FROM matching_employer
                            WHERE jobcenter_id = %(jobcenter)s) e
                """,
                {**params, "missing": missing, "jobcenter": jobcenter.pk},
            )
        missing = CITIZENS - Citizen.objects.filter(jobcenter=jobcenter).count()
        if missing > 0:
            cursor.execute(
                f"""
                INSERT INTO jobcenter_citizen (jobcenter_id, team_id, cpr_encrypted, cpr_hash,
                  cpr_masked, foreign_id, first_name, last_name, email, phone, address, postcode,
                  city, benefit_type, status, first_contact_date, created_at, updated_at)
                SELECT %(jobcenter)s, %(team)s, '', '', '', 'BENCH' || g, 'Borger', 'Nr ' || g,
                  '', '', '', (%(codes)s::text[])[{place_index}], '', 'cash_benefit', 'active',
                  current_date, now(), now()
                FROM generate_series(1, %(missing)s) g
                """,
                {**params, "missing": missing, "jobcenter": jobcenter.pk, "team": team.pk},
            )
        cursor.execute(
            """
            INSERT INTO matching_matchprofile (citizen_id, occupations, skills, hours_min,
              hours_max, max_commute_km, available_from, flex_job_eligible,
              excluded_occupations, excluded_employers, exclusion_note, occupation_groups,
              occupation_submajors, excluded_groups, needs_mask, necessary_mask, latitude,
              longitude, updated_at, jobcenter_id, team_id, citizen_active)
            SELECT ci.id, ARRAY[x.u1, x.u2], ARRAY(SELECT DISTINCT 1 + floor(random() * 130)::int
                  FROM generate_series(1, 2 + ci.id %% 7) ORDER BY 1),
              x.low, greatest(x.low, x.high), x.km, NULL, random() < 0.2, '{}', '{}', '',
              ARRAY(SELECT DISTINCT u::int FROM unnest(ARRAY[x.u1, x.u2]) u ORDER BY 1),
              ARRAY(SELECT DISTINCT u::int / 100 FROM unnest(ARRAY[x.u1, x.u2]) u ORDER BY 1),
              '{}', x.needs, x.needs & x.necessary, p.latitude, p.longitude, now(),
              ci.jobcenter_id, ci.team_id, ci.status = 'active'
            FROM jobcenter_citizen ci
            LEFT JOIN matching_postcode p ON p.code = ci.postcode
            CROSS JOIN LATERAL (SELECT ci.id AS cid,
              (%(units)s::text[])[1 + floor(random() * %(n_units)s)::int] AS u1,
              (%(units)s::text[])[1 + floor(random() * %(n_units)s)::int] AS u2,
              (ARRAY[10, 15, 20, 25])[1 + floor(random() * 4)::int] AS low,
              (ARRAY[25, 30, 37])[1 + floor(random() * 3)::int] AS high,
              (ARRAY[10, 20, 25, 30, 50, 80])[1 + floor(random() * 6)::int] AS km,
              CASE WHEN random() < 0.2 THEN (ci.id * 13) %% 32 ELSE 0 END AS needs,
              CASE WHEN random() < 0.5 THEN (ci.id * 5) %% 32 ELSE 0 END AS necessary) x
            WHERE ci.jobcenter_id = %(jobcenter)s
              AND NOT EXISTS (SELECT 1 FROM matching_matchprofile m WHERE m.citizen_id = ci.id)
            """,
            {**params, "jobcenter": jobcenter.pk},
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM ANALYZE matching_matchprofile, matching_vacancy, matching_employer,"
            " jobcenter_citizen"
        )
    return jobcenter, team, user


def median_ms(client: Client, urls: list[str]) -> float:
    for url in urls[:3]:  # warm up
        assert client.get(url).status_code == 200
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:300]
        assert len(response.json()["results"]) > 0
    return statistics.median(times)


def main() -> None:
    ensure_database()
    started = time.perf_counter()
    jobcenter, team, user = seed()
    seeded_s = time.perf_counter() - started
    rng = random.Random(7)
    client = Client()
    client.force_login(user)
    profile_ids = list(
        MatchProfile.objects.filter(citizen__jobcenter=jobcenter).values_list(
            "citizen_id", flat=True
        )
    )
    vacancy_ids = list(
        Vacancy.objects.filter(employer__jobcenter=jobcenter, status="open").values_list(
            "pk", flat=True
        )
    )
    citizens = rng.sample(profile_ids, RUNS)
    vacancies = rng.sample(vacancy_ids, RUNS)
    size = {"open_vacancies": len(vacancy_ids), "citizens_with_profile": len(profile_ids)}
    same = all(
        [r.vacancy_id for r in ranking.vacancies_for_profile(p, limit=20, prefilter=True)]
        == [r.vacancy_id for r in ranking.vacancies_for_profile(p, limit=20, prefilter=False)]
        for p in MatchProfile.objects.filter(citizen_id__in=citizens[:10])
    )
    citizen_ms = median_ms(client, [f"/api/v1/citizens/{pk}/matches/?limit=20" for pk in citizens])
    vacancy_ms = median_ms(
        client, [f"/api/v1/vacancies/{pk}/matches/?limit=20" for pk in vacancies]
    )
    print(
        json.dumps(
            {
                "benchmark": "matching_top20_vacancies_for_citizen",
                "data_size": size,
                "figure": round(citizen_ms, 1),
                "unit": "ms (median)",
                "target": 100,
                "prefilter_keeps_top20": same,
                "seed_seconds": round(seeded_s, 1),
            }
        )
    )
    print(
        json.dumps(
            {
                "benchmark": "matching_top20_citizens_for_vacancy",
                "data_size": size,
                "figure": round(vacancy_ms, 1),
                "unit": "ms (median)",
                "target": 200,
            }
        )
    )


if __name__ == "__main__":
    main()
