"""Unusual reads for sampling checks (Datatilsynet's logging guidance).

Two lists over the read log in a period: users who read many distinct citizens outside
their own caseload, and users reading at odd hours (before 06:00, from 20:00, weekends,
local time). Each is one grouped query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay

from jobcenter.models import AuditAction, AuditEvent, Citizen, User
from reporting.figures import Period

READS = (AuditAction.VIEW, AuditAction.REVEAL_CPR, AuditAction.EXPORT, AuditAction.SEARCH)
DAY_STARTS, DAY_ENDS = 6, 20
LIMIT = 50


@dataclass(frozen=True)
class ReviewCriteria:
    period: Period
    threshold: int = 20  # distinct citizens outside the own caseload


def _reads(user: User, period: Period):
    events = AuditEvent.objects.filter(
        action__in=READS, at__gte=period.start_at, at__lt=period.end_at
    )
    if not user.is_superuser:
        events = events.filter(citizen_id__in=Citizen.objects.visible_to(user).values("pk"))
    return events


def outside_caseload(user: User, criteria: ReviewCriteria) -> list[dict]:
    """Users who read at least ``threshold`` distinct citizens who are not their own."""
    foreign = (
        _reads(user, criteria.period)
        .filter(citizen_id__isnull=False, user_id__isnull=False)
        .exclude(citizen__caseworker_id=F("user_id"))
    )
    return list(
        foreign.values("user_id", "username")
        .annotate(citizens=Count("citizen_id", distinct=True), reads=Count("pk"))
        .filter(citizens__gte=criteria.threshold)
        .order_by("-citizens", "username")[:LIMIT]
    )


def odd_hours(user: User, criteria: ReviewCriteria) -> list[dict]:
    """Users with reads before 06:00, from 20:00 or on a weekend (local time)."""
    odd = Q(hour__lt=DAY_STARTS) | Q(hour__gte=DAY_ENDS) | Q(weekday__gte=6)
    return list(
        _reads(user, criteria.period)
        .filter(user_id__isnull=False)
        .annotate(hour=ExtractHour("at"), weekday=ExtractIsoWeekDay("at"))
        .filter(odd)
        .values("user_id", "username")
        .annotate(
            reads=Count("pk"),
            citizens=Count("citizen_id", distinct=True),
            first=Min("at"),
            last=Max("at"),
        )
        .order_by("-reads", "username")[:LIMIT]
    )
