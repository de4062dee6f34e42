"""Reads shared by pages and the API: the queue, figures, the citizen's applications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Aggregate, Count, FloatField, Q, QuerySet
from django.utils import timezone

from compensation.models import (
    DECIDED_STATUSES,
    Application,
    ApplicationStatus,
    Grant,
    Scheme,
)
from jobcenter import workdays
from jobcenter.models import Role, User


def queue(*, user: User, fast_track: bool = True) -> QuerySet[Application]:
    """Open applications of the lead's teams, most urgent first.

    Served by the partial index ``application_queue`` (team, fast_track, decision_due, id).
    """
    applications = Application.objects.queue(fast_track=fast_track)
    if not user.is_superuser:
        applications = applications.filter(team_id__in=user.team_ids(Role.TEAM_LEAD))
    return applications.select_related(
        "citizen", "scheme", "claimed_by", "created_by", "team"
    ).order_by("decision_due", "id")


@dataclass(frozen=True)
class Urgency:
    working_days_left: int
    overdue: bool
    due_today: bool


def urgency(application: Application, today: dt.date | None = None) -> Urgency:
    today = today or timezone.localdate()
    due = application.decision_due
    return Urgency(
        working_days_left=workdays.working_days_between(today, due),
        overdue=due < today,
        due_today=due == today,
    )


def annotate_urgency(applications, today: dt.date | None = None) -> list[Application]:
    today = today or timezone.localdate()
    rows = list(applications)
    for application in rows:
        application.urgency = urgency(application, today)
    return rows


def applications_of(citizen, user: User) -> list[Application]:
    return list(
        Application.objects.visible_to(user)
        .filter(citizen=citizen)
        .select_related("scheme", "grant")
        .order_by("-created_at", "-pk")[:50]
    )


class PercentileCont(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


@dataclass
class FigureRow:
    team: str
    scheme: str
    by_status: dict[str, int]
    total: int
    median_days: float | None
    in_time_share: float | None
    fast_track_share: float | None


def figures(*, user: User, since: dt.date | None = None) -> list[FigureRow]:
    """Per team and scheme: counts by status, median working days to decision, on-time share,
    fast-track share; one grouped query."""
    applications = Application.objects.exclude(status=ApplicationStatus.DRAFT)
    if not user.is_superuser:
        applications = applications.filter(team_id__in=user.team_ids(Role.TEAM_LEAD))
    if since:
        applications = applications.filter(created_at__date__gte=since)
    status_counts = {
        f"n_{status}": Count("id", filter=Q(status=status)) for status in ApplicationStatus.values
    }
    rows = (
        applications.values("team__name", "scheme__name_da", "scheme__name_en")
        .annotate(
            total=Count("id"),
            decided=Count("id", filter=Q(status__in=DECIDED_STATUSES)),
            in_time=Count("id", filter=Q(decided_in_time=True)),
            fast=Count("id", filter=Q(fast_track=True)),
            median_days=PercentileCont("decision_working_days"),
            **status_counts,
        )
        .order_by("team__name", "scheme__name_da")
    )
    result = []
    english = _english()
    for row in rows:
        total, decided = row["total"], row["decided"]
        result.append(
            FigureRow(
                team=row["team__name"],
                scheme=row["scheme__name_en"] if english else row["scheme__name_da"],
                by_status={s: row[f"n_{s}"] for s in ApplicationStatus.values},
                total=total,
                median_days=row["median_days"],
                in_time_share=row["in_time"] / decided if decided else None,
                fast_track_share=row["fast"] / total if total else None,
            )
        )
    return result


def _english() -> bool:
    from django.utils import translation

    return translation.get_language() == "en"


def schemes() -> QuerySet[Scheme]:
    return Scheme.objects.filter(active=True).prefetch_related("legal_bases").order_by("name_da")


def grants_of(citizen, user: User) -> list[Grant]:
    return list(
        Grant.objects.visible_to(user).filter(citizen=citizen).select_related("scheme")[:50]
    )
