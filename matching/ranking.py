"""Ranking in SQL: vacancies for a citizen and citizens for a vacancy.

The database applies the hard filters and computes the score of ``scoring.score_match`` for
every candidate row (one query, no Python loop over rows), sorts and cuts. The top rows
carry every feature, so ``score_match`` re-scores them in Python for the explanation; the
returned score is that one. A few extra rows are fetched so that a last-bit float difference
between PostgreSQL and Python could not drop a row from the top list.

The location prefilter (a bounding box around the citizen, only for vacancies for one
citizen) is implied by the distance filter, so it never changes the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db import connection

from matching.scoring import (
    KM_PER_DEGREE,
    CitizenFeatures,
    MatchResult,
    VacancyFeatures,
    score_match,
    weights,
)

MARGIN = 5

# Raw features of the pair (c: profile, ci: citizen, v: vacancy, e: employer).
FEATURES_SQL = """
    v.id AS vacancy_id, c.id AS profile_id, ci.id AS citizen_id,
    v.employer_id, v.occupation_group, v.required_skills, v.wanted_skills,
    v.hours_min AS v_hours_min, v.hours_max AS v_hours_max, v.flex_job_possible,
    (v.accommodation_mask | e.offered_mask) AS offered_mask, e.readiness,
    v.latitude AS v_lat, v.longitude AS v_lon, v.status AS v_status,
    c.skills, c.occupation_groups, c.occupation_submajors, c.excluded_groups,
    c.excluded_employers, c.hours_min AS c_hours_min, c.hours_max AS c_hours_max,
    c.max_commute_km, c.flex_job_eligible, c.needs_mask, c.necessary_mask,
    c.latitude AS c_lat, c.longitude AS c_lon,
    CASE WHEN v.latitude IS NULL OR c.latitude IS NULL THEN NULL ELSE
      111.2::float8 * sqrt(
        (v.latitude - c.latitude) * (v.latitude - c.latitude)
        + ((v.longitude - c.longitude)
           * cos((c.latitude + v.latitude) / 2 * 0.0174532925199432957692::float8))
        * ((v.longitude - c.longitude)
           * cos((c.latitude + v.latitude) / 2 * 0.0174532925199432957692::float8))
      ) END AS km
"""

# Hard filters that need no distance (the distance one runs on the computed column).
FILTERS_SQL = """
    v.status = 'open'
    AND e.jobcenter_id = ci.jobcenter_id
    AND (greatest(c.hours_min, v.hours_min) <= least(c.hours_max, v.hours_max)
         OR (v.flex_job_possible AND c.flex_job_eligible))
    AND (c.necessary_mask & ~(v.accommodation_mask | e.offered_mask)) = 0
    AND v.occupation_group <> ALL(c.excluded_groups)
    AND v.employer_id <> ALL(c.excluded_employers)
"""

# The twin of scoring.score_match's arithmetic, over the columns of FEATURES_SQL.
SCORE_SQL = """
floor(((((((0::float8
  + %(w_skills)s::float8 * (
      0.75::float8 * CASE WHEN icount(s.required_skills) = 0 THEN 1.0::float8
        ELSE icount(s.required_skills & s.skills)::float8 / icount(s.required_skills) END
    + 0.25::float8 * CASE WHEN icount(s.wanted_skills) = 0 THEN 1.0::float8
        ELSE icount(s.wanted_skills & s.skills)::float8 / icount(s.wanted_skills) END))
  + %(w_occupation)s::float8 * (CASE
      WHEN cardinality(s.occupation_groups) = 0 THEN 0.5::float8
      WHEN s.occupation_group = ANY(s.occupation_groups) THEN 1.0::float8
      WHEN s.occupation_group / 100 = ANY(s.occupation_submajors) THEN 0.5::float8
      ELSE 0.0::float8 END))
  + %(w_distance)s::float8 * (CASE WHEN s.km IS NULL THEN 0.5::float8
      ELSE greatest(0.0::float8, 1.0::float8 - s.km / greatest(s.max_commute_km, 1)) END))
  + %(w_hours)s::float8 * (CASE
      WHEN greatest(s.c_hours_min, s.v_hours_min) <= least(s.c_hours_max, s.v_hours_max)
      THEN 1.0::float8 ELSE 0.5::float8 END))
  + %(w_accommodation)s::float8 * (CASE WHEN s.needs_mask = 0 THEN 1.0::float8
      ELSE bit_count((s.needs_mask & s.offered_mask)::bit(32))::float8
           / bit_count(s.needs_mask::bit(32)) END))
  + %(w_employer)s::float8 * (s.readiness / 100.0::float8))
  * 100.0::float8 / %(w_total)s::float8 + 0.5::float8)::int
"""


@dataclass
class Ranked:
    vacancy_id: int
    citizen_id: int
    profile_id: int
    result: MatchResult
    sql_score: int

    @property
    def score(self) -> int:
        return self.result.score


def _weight_params() -> dict:
    w = weights()
    params = {f"w_{key}": value for key, value in w.items()}
    params["w_total"] = sum(w.values())
    return params


def _ranked_sql(where: str, order_tiebreak: str) -> str:
    return f"""
        SELECT * FROM (
          SELECT s.*, {SCORE_SQL} AS score FROM (
            SELECT {FEATURES_SQL}
            FROM matching_matchprofile c
            JOIN jobcenter_citizen ci ON ci.id = c.citizen_id
            JOIN matching_vacancy v ON TRUE
            JOIN matching_employer e ON e.id = v.employer_id
            WHERE {FILTERS_SQL} AND {where}
          ) s
          WHERE s.km IS NULL OR s.km <= greatest(s.max_commute_km, 1)
        ) r
        ORDER BY r.score DESC, {order_tiebreak}
        LIMIT %(limit)s
    """


def _features(row: dict, titles: dict[int, str]) -> tuple[CitizenFeatures, VacancyFeatures]:
    citizen = CitizenFeatures(
        skills=frozenset(row["skills"]),
        occupation_groups=frozenset(row["occupation_groups"]),
        excluded_groups=frozenset(row["excluded_groups"]),
        excluded_employers=frozenset(row["excluded_employers"]),
        hours_min=row["c_hours_min"],
        hours_max=row["c_hours_max"],
        max_commute_km=row["max_commute_km"],
        flex_job_eligible=row["flex_job_eligible"],
        needs_mask=row["needs_mask"],
        necessary_mask=row["necessary_mask"],
        latitude=row["c_lat"],
        longitude=row["c_lon"],
    )
    vacancy = VacancyFeatures(
        employer_id=row["employer_id"],
        occupation_group=row["occupation_group"],
        occupation_title=titles.get(row["occupation_group"], ""),
        required_skills=frozenset(row["required_skills"]),
        wanted_skills=frozenset(row["wanted_skills"]),
        hours_min=row["v_hours_min"],
        hours_max=row["v_hours_max"],
        flex_job_possible=row["flex_job_possible"],
        offered_mask=row["offered_mask"],
        readiness=row["readiness"],
        latitude=row["v_lat"],
        longitude=row["v_lon"],
        is_open=row["v_status"] == "open",
    )
    return citizen, vacancy


def _run(sql: str, params: dict, limit: int, key) -> list[Ranked]:
    from matching.models import Occupation

    params = {**_weight_params(), **params, "limit": limit + MARGIN}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    titles = _occupation_titles(Occupation, {row["occupation_group"] for row in rows})
    ranked = []
    for row in rows:
        citizen, vacancy = _features(row, titles)
        result = score_match(citizen, vacancy)
        if result.passed:
            ranked.append(
                Ranked(
                    row["vacancy_id"], row["citizen_id"], row["profile_id"], result, row["score"]
                )
            )
    ranked.sort(key=lambda item: (-item.score, key(item)))
    return ranked[:limit]


def _occupation_titles(model, groups: set[int]) -> dict[int, str]:
    if not groups:
        return {}
    codes = [f"{group:04d}" for group in groups]
    return {int(o.code): o.title for o in model.objects.filter(code__in=codes)}


def vacancies_for_profile(
    profile_id: int,
    *,
    limit: int = 20,
    prefilter: bool = True,
    employer_id: int | None = None,
    sector: str = "",
    flex_job_only: bool = False,
    occupation_major: int | None = None,
) -> list[Ranked]:
    """Open vacancies ranked for one citizen (their profile), best first."""
    where = ["c.id = %(profile)s"]
    params: dict = {"profile": profile_id}
    if prefilter:
        box = _bounding_box(profile_id)
        if box:
            where.append(
                "(v.latitude IS NULL OR (v.latitude BETWEEN %(lat_lo)s AND %(lat_hi)s"
                " AND v.longitude BETWEEN %(lon_lo)s AND %(lon_hi)s))"
            )
            params.update(box)
    if employer_id:
        where.append("v.employer_id = %(employer)s")
        params["employer"] = employer_id
    if sector:
        where.append("e.sector = %(sector)s")
        params["sector"] = sector
    if flex_job_only:
        where.append("v.flex_job_possible")
    if occupation_major is not None:
        where.append("v.occupation_group / 1000 = %(major)s")
        params["major"] = occupation_major
    sql = _ranked_sql(" AND ".join(where), "r.vacancy_id")
    return _run(sql, params, limit, key=lambda item: item.vacancy_id)


def citizens_for_vacancy(
    vacancy_id: int,
    *,
    team_ids: list[int] | None,
    limit: int = 20,
    caseworker_id: int | None = None,
    flex_job_only: bool = False,
) -> list[Ranked]:
    """Active citizens (with a match profile) ranked for one vacancy; ``team_ids`` None = all."""
    where = ["v.id = %(vacancy)s", "ci.status = 'active'"]
    params: dict = {"vacancy": vacancy_id}
    if team_ids is not None:
        where.append("ci.team_id = ANY(%(teams)s)")
        params["teams"] = list(team_ids)
    if caseworker_id:
        where.append("ci.caseworker_id = %(caseworker)s")
        params["caseworker"] = caseworker_id
    if flex_job_only:
        where.append("c.flex_job_eligible")
    sql = _ranked_sql(" AND ".join(where), "r.citizen_id")
    return _run(sql, params, limit, key=lambda item: item.citizen_id)


def _bounding_box(profile_id: int) -> dict | None:
    """Degrees around the citizen that contain every point within their longest commute."""
    from matching.models import MatchProfile

    row = (
        MatchProfile.objects.filter(pk=profile_id)
        .values_list("latitude", "longitude", "max_commute_km")
        .first()
    )
    if not row or row[0] is None:
        return None
    lat, lon, max_km = row
    reach = max(max_km, 1) * 1.001 + 0.01  # a little slack for float rounding
    dlat = reach / KM_PER_DEGREE
    widest = min(89.0, abs(lat) + dlat)
    dlon = reach / (KM_PER_DEGREE * math.cos(math.radians(widest)))
    return {
        "lat_lo": lat - dlat,
        "lat_hi": lat + dlat,
        "lon_lo": lon - dlon,
        "lon_hi": lon + dlon,
    }
