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

from dataclasses import dataclass

from django.db import connection
from django.utils.translation import get_language

from matching.scoring import (
    KM_PER_DEGREE,
    KM_PER_DEGREE_LONGITUDE,
    CitizenFeatures,
    MatchResult,
    VacancyFeatures,
    score_match,
    weights,
)

MARGIN = 5

# Raw features of the pair (c: profile, v: vacancy, e: employer, d: distance).
FEATURES_SQL = """
    v.id AS vacancy_id, c.id AS profile_id, c.citizen_id,
    v.employer_id, v.occupation_group, v.required_skills, v.wanted_skills,
    v.hours_min AS v_hours_min, v.hours_max AS v_hours_max, v.flex_job_possible,
    (v.accommodation_mask | e.offered_mask) AS offered_mask, e.readiness,
    v.latitude AS v_lat, v.longitude AS v_lon, v.status AS v_status,
    c.skills, c.occupation_groups, c.occupation_submajors, c.excluded_groups,
    c.excluded_employers, c.hours_min AS c_hours_min, c.hours_max AS c_hours_max,
    c.max_commute_km, c.flex_job_eligible, c.needs_mask, c.necessary_mask,
    c.latitude AS c_lat, c.longitude AS c_lon,
    d.km
"""

KM_SQL = """
CASE WHEN v.latitude IS NULL OR c.latitude IS NULL THEN NULL ELSE sqrt(
  ((v.latitude - c.latitude) * 111.2::float8) * ((v.latitude - c.latitude) * 111.2::float8)
  + ((v.longitude - c.longitude) * 62.18225086594705::float8)
  * ((v.longitude - c.longitude) * 62.18225086594705::float8)) END
"""

# Hard filters that need no distance (the distance one runs on the computed column).
FILTERS_SQL = """
    v.status = 'open'
    AND e.jobcenter_id = c.jobcenter_id
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
      0.75::float8 * {required_share}
    + 0.25::float8 * {wanted_share}))
  + %(w_occupation)s::float8 * (CASE
      WHEN cardinality(c.occupation_groups) = 0 THEN 0.5::float8
      WHEN v.occupation_group = ANY(c.occupation_groups) THEN 1.0::float8
      WHEN v.occupation_group / 100 = ANY(c.occupation_submajors) THEN 0.5::float8
      ELSE 0.0::float8 END))
  + %(w_distance)s::float8 * (CASE WHEN d.km IS NULL THEN 0.5::float8
      ELSE greatest(0.0::float8, 1.0::float8 - d.km / greatest(c.max_commute_km, 1)) END))
  + %(w_hours)s::float8 * (CASE
      WHEN greatest(c.hours_min, v.hours_min) <= least(c.hours_max, v.hours_max)
      THEN 1.0::float8 ELSE 0.5::float8 END))
  + %(w_accommodation)s::float8 * (CASE WHEN c.needs_mask = 0 THEN 1.0::float8
      ELSE bit_count((c.needs_mask & (v.accommodation_mask | e.offered_mask))::bit(32))::float8
           / bit_count(c.needs_mask::bit(32)) END))
  + %(w_employer)s::float8 * (e.readiness / 100.0::float8))
  * 100.0::float8 / %(w_total)s::float8 + 0.5::float8)::int
"""


def _share_sql(column: str) -> str:
    """Share of the vacancy's skills in ``column`` that the citizen has (intarray)."""
    return (
        f"CASE WHEN icount(v.{column}) = 0 THEN 1.0::float8"
        f" ELSE icount(v.{column} & c.skills)::float8 / icount(v.{column}) END"
    )


def _constant_share_sql(skills: list[int]) -> str:
    """The same share when the vacancy is fixed: its skills become constants, which spares
    PostgreSQL an array intersection per citizen."""
    if not skills:
        return "1.0::float8"
    hits = " + ".join(f"({int(skill)} = ANY(c.skills))::int" for skill in sorted(set(skills)))
    return f"({hits})::float8 / {len(set(skills))}"


def _score_sql(required_share: str, wanted_share: str) -> str:
    return SCORE_SQL.replace("{required_share}", required_share).replace(
        "{wanted_share}", wanted_share
    )


@dataclass
class Ranked:
    vacancy_id: int
    citizen_id: int
    profile_id: int
    result: MatchResult
    sql_score: int
    vacancy_title: str = ""
    employer_id: int = 0
    employer_name: str = ""
    citizen_name: str = ""

    @property
    def score(self) -> int:
        return self.result.score


def _weight_params() -> dict:
    w = weights()
    params = {f"w_{key}": value for key, value in w.items()}
    params["w_total"] = sum(w.values())
    return params


FROM_SQL = f"""
    FROM matching_matchprofile c
    JOIN matching_vacancy v ON TRUE
    JOIN matching_employer e ON e.id = v.employer_id
    CROSS JOIN LATERAL (SELECT {KM_SQL} AS km) d
"""


def _ranked_sql(where: str, order_tiebreak: str, score_sql: str | None = None) -> str:
    """Ids and scores of the best rows; _query() then reads those rows only."""
    score_sql = score_sql or _score_sql(_share_sql("required_skills"), _share_sql("wanted_skills"))
    return f"""
        SELECT v.id AS vacancy_id, c.id AS profile_id, c.citizen_id, {score_sql} AS score
        {FROM_SQL}
        WHERE {FILTERS_SQL} AND (d.km IS NULL OR d.km <= greatest(c.max_commute_km, 1))
          AND {where}
        ORDER BY score DESC, {order_tiebreak}
        LIMIT %(limit)s
    """


def _query(ranked_sql: str) -> str:
    """One round trip: the best rows (CTE), then every feature of those rows only."""
    return f"""
        WITH top AS ({ranked_sql})
        SELECT top.score AS sql_score, {FEATURES_SQL},
          v.title AS v_title, e.name AS e_name, o.title_da, o.title_en
        FROM top
        JOIN matching_matchprofile c ON c.id = top.profile_id
        JOIN matching_vacancy v ON v.id = top.vacancy_id
        JOIN matching_employer e ON e.id = v.employer_id
        LEFT JOIN matching_occupation o ON o.code = v.occupation_id
        CROSS JOIN LATERAL (SELECT {KM_SQL} AS km) d
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
    params = {**_weight_params(), **params, "limit": limit + MARGIN}
    english = (get_language() or "da").startswith("en")
    with connection.cursor() as cursor:
        cursor.execute(_query(sql), params)
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    ranked = []
    for row in rows:
        title = (row["title_en"] if english else row["title_da"]) or ""
        citizen, vacancy = _features(row, {row["occupation_group"]: title})
        result = score_match(citizen, vacancy)
        if result.passed:
            ranked.append(
                Ranked(
                    vacancy_id=row["vacancy_id"],
                    citizen_id=row["citizen_id"],
                    profile_id=row["profile_id"],
                    result=result,
                    sql_score=row["sql_score"],
                    vacancy_title=row["v_title"],
                    employer_id=row["employer_id"],
                    employer_name=row["e_name"],
                )
            )
    ranked.sort(key=lambda item: (-item.score, key(item)))
    return ranked[:limit]


def _ranked(
    where: list[str], params: dict, limit: int, tiebreak: str, key, score_sql: str | None = None
) -> list[Ranked]:
    return _run(_ranked_sql(" AND ".join(where), tiebreak, score_sql), params, limit, key)


def vacancies_for_profile(
    profile,
    *,
    limit: int = 20,
    prefilter: bool = True,
    employer_id: int | None = None,
    sector: str = "",
    flex_job_only: bool = False,
    occupation_major: int | None = None,
) -> list[Ranked]:
    """Open vacancies ranked for one citizen (their MatchProfile), best first."""
    where = ["c.id = %(profile)s"]
    params: dict = {"profile": profile.pk}
    if prefilter:
        box = _bounding_box(profile.latitude, profile.longitude, profile.max_commute_km)
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
    return _ranked(where, params, limit, "v.id", key=lambda item: item.vacancy_id)


def citizens_for_vacancy(
    vacancy,
    *,
    team_ids: list[int] | None,
    limit: int = 20,
    caseworker_id: int | None = None,
    flex_job_only: bool = False,
) -> list[Ranked]:
    """Active citizens (with a match profile) ranked for one Vacancy; ``team_ids`` None = all."""
    where = ["v.id = %(vacancy)s", "c.citizen_active"]
    params: dict = {"vacancy": vacancy.pk}
    if team_ids is not None:
        where.append("c.team_id = ANY(%(teams)s)")
        params["teams"] = list(team_ids)
    if caseworker_id:
        where.append(
            "c.citizen_id IN"
            " (SELECT id FROM jobcenter_citizen WHERE caseworker_id = %(caseworker)s)"
        )
        params["caseworker"] = caseworker_id
    if flex_job_only:
        where.append("c.flex_job_eligible")
    score_sql = _score_sql(
        _constant_share_sql(vacancy.required_skills), _constant_share_sql(vacancy.wanted_skills)
    )
    ranked = _ranked(
        where, params, limit + MARGIN, "c.citizen_id", lambda item: item.citizen_id, score_sql
    )
    # The profile's copy of the citizen's team and status is re-checked against the citizen.
    from jobcenter.models import Citizen, CitizenStatus

    current = Citizen.objects.filter(
        pk__in=[item.citizen_id for item in ranked], status=CitizenStatus.ACTIVE
    )
    if team_ids is not None:
        current = current.filter(team_id__in=team_ids)
    names = {
        pk: f"{first} {last}"
        for pk, first, last in current.values_list("pk", "first_name", "last_name")
    }
    kept = [item for item in ranked if item.citizen_id in names][:limit]
    for item in kept:
        item.citizen_name = names[item.citizen_id]
    return kept


def _bounding_box(lat: float | None, lon: float | None, max_km: int) -> dict | None:
    """Degrees around the citizen that contain every point within their longest commute."""
    if lat is None or lon is None:
        return None
    reach = max(max_km, 1) * 1.001 + 0.01  # a little slack for float rounding
    dlat = reach / KM_PER_DEGREE
    dlon = reach / KM_PER_DEGREE_LONGITUDE
    return {
        "lat_lo": lat - dlat,
        "lat_hi": lat + dlat,
        "lon_lo": lon - dlon,
        "lon_hi": lon + dlon,
    }
