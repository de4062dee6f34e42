"""Figures computed from the core tables (citizens and deadlines)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen, CitizenStatus, Deadline
from reporting.figures import Chart, FigureData, ReportScope, register_figure


def _per_team(scope: ReportScope, counts: dict[int, list[int]], width: int) -> list[list]:
    return [[team.name, *counts.get(team.pk, [0] * width)] for team in scope.teams]


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
    """Open cases (active and in employment) per personal job broker, now (one query)."""
    rows = (
        Citizen.objects.filter(team_id__in=scope.team_ids)
        .exclude(status=CitizenStatus.CLOSED)
        .values("caseworker_id", "caseworker__first_name", "caseworker__last_name")
        .annotate(
            active=Count("pk", filter=Q(status=CitizenStatus.ACTIVE)),
            employed=Count("pk", filter=Q(status=CitizenStatus.EMPLOYED)),
        )
        .order_by("caseworker__last_name", "caseworker__first_name", "caseworker_id")
    )
    table = []
    for row in rows:
        name = f"{row['caseworker__first_name']} {row['caseworker__last_name']}".strip()
        if row["caseworker_id"] is None:
            name = str(_("No personal job broker"))
        table.append([name, row["active"], row["employed"], row["active"] + row["employed"]])
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
