"""Figures computed from the core tables (citizens and deadlines)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen, CitizenStatus, Deadline, User
from reporting.figures import Chart, FigureData, ReportScope, register_figure


def _per_team(scope: ReportScope, counts: dict[int, list[int]], width: int) -> list[list]:
    return [[scope.label(team), *counts.get(team.pk, [0] * width)] for team in scope.teams]


def first_contacts(scope: ReportScope) -> FigureData:
    """Citizens whose first contact falls in the period, per team (one query)."""
    rows = (
        Citizen.objects.filter(
            team_id__in=scope.team_ids,
            first_contact_date__gte=scope.period.start,
            first_contact_date__lte=scope.period.end,
        )
        .values("team_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["team_id"]: [row["n"]] for row in rows}
    return FigureData(
        columns=[_("Team"), _("First contacts")],
        rows=_per_team(scope, counts, 1),
    )


def caseload(scope: ReportScope) -> FigureData:
    """Open cases (active and in employment) per personal job broker, now.

    Two queries: counts grouped by the broker's id alone (no join while grouping), then the
    names of those brokers.
    """
    counts = list(
        Citizen.objects.filter(team_id__in=scope.team_ids)
        .exclude(status=CitizenStatus.CLOSED)
        .values_list("caseworker_id")
        .annotate(
            active=Count("pk", filter=Q(status=CitizenStatus.ACTIVE)),
            employed=Count("pk", filter=Q(status=CitizenStatus.EMPLOYED)),
        )
        .order_by()
    )
    names = {
        pk: f"{first} {last}".strip() or username
        for pk, first, last, username in User.objects.filter(
            pk__in=[row[0] for row in counts if row[0] is not None]
        ).values_list("pk", "first_name", "last_name", "username")
    }
    table = [
        [names.get(pk, "") if pk is not None else str(_("No personal job broker")), a, e, a + e]
        for pk, a, e in counts
    ]
    # Brokers by name; citizens without one last.
    table.sort(key=lambda row: (row[0] == str(_("No personal job broker")), row[0]))
    return FigureData(
        columns=[_("Personal job broker"), _("Active"), _("In employment"), _("Open cases")],
        rows=table,
        chart=Chart(value_columns=(1, 2)),
        note=_("Now, regardless of the period."),
    )


def overdue_deadlines(scope: ReportScope) -> FigureData:
    """Open deadlines past due per team, now; and how many of those fell due in the period."""
    now = timezone.now()
    start, end = scope.period.start_at, scope.period.end_at
    rows = (
        Deadline.objects.filter(team_id__in=scope.team_ids, done_at__isnull=True, due_at__lt=now)
        .values("team_id")
        .annotate(n=Count("pk"), in_period=Count("pk", filter=Q(due_at__gte=start, due_at__lt=end)))
        .order_by()
    )
    counts = {row["team_id"]: [row["n"], row["in_period"]] for row in rows}
    return FigureData(
        columns=[_("Team"), _("Overdue now"), _("Of these due in the period")],
        rows=_per_team(scope, counts, 2),
        chart=Chart(value_columns=(1,)),
    )


def register() -> None:
    register_figure(
        "first_contacts",
        _("First contacts per team"),
        first_contacts,
        description=_("Citizens whose first contact with the jobcenter falls in the period."),
        order=10,
    )
    register_figure(
        "caseload",
        _("Caseload per personal job broker"),
        caseload,
        description=_("Open cases (active and in employment) per personal job broker."),
        order=80,
    )
    register_figure(
        "overdue_deadlines",
        _("Overdue deadlines per team"),
        overdue_deadlines,
        description=_("Open deadlines that are past due."),
        order=90,
    )
