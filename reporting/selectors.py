"""Who sees which teams in the reports.

Team leads see the teams they lead by default and may widen the view to every team of the
jobcenters they lead in (the jobcenter-wide view: aggregated counts only, no citizen rows).
Superusers see every team. Nobody else sees reports.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from jobcenter.models import Role, Team, User
from reporting.figures import Period


def can_view_reports(user: User) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(user.team_ids(Role.TEAM_LEAD)))


def report_teams(user: User) -> QuerySet[Team]:
    """Every team the user may put in a report (the jobcenter-wide view)."""
    if not user.is_authenticated:
        return Team.objects.none()
    if user.is_superuser:
        return Team.objects.select_related("jobcenter")
    led = user.team_ids(Role.TEAM_LEAD)
    return Team.objects.filter(jobcenter__teams__in=led).distinct().select_related("jobcenter")


def default_team_ids(user: User) -> set[int]:
    return set() if user.is_superuser else set(user.team_ids(Role.TEAM_LEAD))


def default_period(today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(start=today.replace(month=1, day=1), end=today)
