"""Unusual reads for sampling checks (Datatilsynet's logging guidance).

Two lists over the read log in a period: users who read many distinct citizens outside
their own caseload, and users reading at odd hours (before 06:00, from 20:00, weekends,
local time). Each is one grouped query.

"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from jobcenter.models import AuditAction, User
from reporting.figures import Period

READS = (AuditAction.VIEW, AuditAction.REVEAL_CPR, AuditAction.EXPORT, AuditAction.SEARCH)
DAY_STARTS, DAY_ENDS = 6, 20
LIMIT = 50


@dataclass(frozen=True)
class ReviewCriteria:
    period: Period
    threshold: int = 20  # distinct citizens outside the own caseload


def _read_filter(user: User, period: Period) -> tuple[str, list]:
    """SQL condition and parameters for the reads in the period the reviewer may see."""
    where = (
        "e.action = ANY(%s) AND e.at >= %s AND e.at < %s "
        "AND e.user_id IS NOT NULL AND e.citizen_id IS NOT NULL"
    )
    params: list = [[str(action) for action in READS], period.start_at, period.end_at]
    if not user.is_superuser:
        where += " AND e.citizen_id IN (SELECT id FROM jobcenter_citizen WHERE team_id = ANY(%s))"
        params.append(sorted(user.team_ids()))
    return where, params


def _rows(sql: str, params: list) -> list[dict]:
    # Grouping half a million reads by user and citizen wants more than the default 4 MB.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def outside_caseload(user: User, criteria: ReviewCriteria) -> list[dict]:
    """Users who read at least ``threshold`` distinct citizens who are not their own (a
    deleted user shows as ``#<id>``).

    Raw SQL: reads are first grouped per (user, citizen), a hash aggregate, so the join and
    the count per user run on the pairs; COUNT(DISTINCT) would sort every read.
    """
    where, params = _read_filter(user, criteria.period)
    sql = f"""
        WITH pairs AS (
            SELECT e.user_id, e.citizen_id, count(*) AS reads
            FROM jobcenter_auditevent e WHERE {where}
            GROUP BY e.user_id, e.citizen_id
        ), per_user AS (
            SELECT p.user_id, count(*) AS citizens, sum(p.reads)::int AS reads
            FROM pairs p JOIN jobcenter_citizen c ON c.id = p.citizen_id
            WHERE c.caseworker_id IS DISTINCT FROM p.user_id
            GROUP BY p.user_id HAVING count(*) >= %s
        )
        SELECT pu.user_id, coalesce(u.username, '#' || pu.user_id) AS username, pu.citizens,
               pu.reads
        FROM per_user pu LEFT JOIN jobcenter_user u ON u.id = pu.user_id
        ORDER BY pu.citizens DESC, username LIMIT %s
    """
    return _rows(sql, [*params, criteria.threshold, LIMIT])


def odd_hours(user: User, criteria: ReviewCriteria) -> list[dict]:
    """Users with reads before 06:00, from 20:00 or on a weekend (local time)."""
    where, params = _read_filter(user, criteria.period)
    sql = f"""
        WITH odd AS (
            SELECT e.user_id, e.citizen_id, count(*) AS reads, min(e.at) AS first,
                   max(e.at) AS last
            FROM jobcenter_auditevent e, LATERAL (SELECT e.at AT TIME ZONE %s AS local) t
            WHERE {where} AND (extract(hour FROM t.local) < %s
                OR extract(hour FROM t.local) >= %s OR extract(isodow FROM t.local) >= 6)
            GROUP BY e.user_id, e.citizen_id
        ), per_user AS (
            SELECT user_id, sum(reads)::int AS reads, count(*) AS citizens, min(first) AS first,
                   max(last) AS last
            FROM odd GROUP BY user_id
        )
        SELECT pu.*, coalesce(u.username, '#' || pu.user_id) AS username
        FROM per_user pu LEFT JOIN jobcenter_user u ON u.id = pu.user_id
        ORDER BY pu.reads DESC, username LIMIT %s
    """
    zone = timezone.get_current_timezone_name()
    return _rows(sql, [zone, *params, DAY_STARTS, DAY_ENDS, LIMIT])
