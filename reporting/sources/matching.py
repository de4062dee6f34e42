"""Matching: matches proposed, interviews and hirings; retention 3 and 6 months after hiring.

Contract assumed (DESIGN.md): ``matching.Match`` with ``citizen``, ``status``
(proposed → contacted → interview → hired | declined | withdrawn), ``created_at``,
``hired_on`` (date) and ``employment_ended_on`` (the job's last day, null while it lasts).
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.db.models import Count, DateField, F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reporting.figures import Chart, FigureData, ReportScope, register_figure, share
from reporting.targets import Metric, Monthly, count_by_month, register_metric

REACHED_INTERVIEW = ("interview", "hired")


def _matches(scope: ReportScope):
    return apps.get_model("matching", "Match").objects.filter(citizen__team_id__in=scope.team_ids)


def pipeline(scope: ReportScope) -> FigureData:
    """Per team: matches proposed in the period, of those reaching interview, and hirings
    in the period (one query)."""
    period = scope.period
    proposed = Q(created_at__gte=period.start_at, created_at__lt=period.end_at)
    rows = (
        _matches(scope)
        .values("citizen__team_id")
        .annotate(
            proposed=Count("pk", filter=proposed),
            interviews=Count("pk", filter=proposed & Q(status__in=REACHED_INTERVIEW)),
            hired=Count("pk", filter=Q(hired_on__gte=period.start, hired_on__lte=period.end)),
        )
        .order_by()
    )
    counts = {row["citizen__team_id"]: row for row in rows}
    table = []
    for team in scope.teams:
        row = counts.get(team.pk, {"proposed": 0, "interviews": 0, "hired": 0})
        table.append([scope.label(team), row["proposed"], row["interviews"], row["hired"]])
    return FigureData(
        columns=[_("Team"), _("Matches proposed"), _("Reached interview"), _("Hirings")],
        rows=table,
        chart=Chart(value_columns=(1, 2, 3)),
    )


def retention(scope: ReportScope, *, today: dt.date | None = None) -> FigureData:
    """Hirings in the period still employed 3 and 6 months later; only hirings old enough
    to tell count in each share (one query)."""
    today = today or timezone.localdate()
    period = scope.period
    hired = _matches(scope).filter(hired_on__gte=period.start, hired_on__lte=period.end)
    aggregates = {}
    for months in (3, 6):
        cutoff = today - relativedelta(months=months)
        due = Q(hired_on__lte=cutoff)
        # Still employed on hired_on + months: not ended, or ended after that day.
        ended = "employment_ended_on"
        kept = due & (
            Q(**{f"{ended}__isnull": True})
            | Q(**{f"{ended}__gt": _plus_months("hired_on", months)})
        )
        aggregates[f"due{months}"] = Count("pk", filter=due)
        aggregates[f"kept{months}"] = Count("pk", filter=kept)
    totals = hired.aggregate(n=Count("pk"), **aggregates)
    rows = [
        [
            label,
            totals[f"due{months}"],
            totals[f"kept{months}"],
            share(totals[f"kept{months}"], totals[f"due{months}"]),
        ]
        for months, label in ((3, _("3 months")), (6, _("6 months")))
    ]
    return FigureData(
        columns=[_("After"), _("Hirings old enough"), _("Still employed"), _("Retention (%)")],
        rows=rows,
        chart=Chart(value_columns=(3,), unit="%", maximum=100),
        note=_("Of %(n)s hirings in the period.") % {"n": totals["n"]},
    )


def _plus_months(field: str, months: int) -> Func:
    return Func(
        F(field),
        template="(%(expressions)s + interval '%(months)s months')::date",
        months=int(months),
        output_field=DateField(),
    )


def hirings_monthly(jobcenter_ids: list[int], year: int) -> Monthly:
    Match = apps.get_model("matching", "Match")
    hired = Match.objects.filter(citizen__jobcenter_id__in=jobcenter_ids, hired_on__year=year)
    return count_by_month(hired, "hired_on")


def register() -> None:
    register_metric(Metric("hirings", _("Hirings through matching"), hirings_monthly))
    register_figure(
        "matching_pipeline",
        _("Matches, interviews and hirings"),
        pipeline,
        description=_("Matches proposed in the period, how many reached an interview, hirings."),
        order=50,
    )
    register_figure(
        "retention",
        _("Retention after hiring"),
        retention,
        description=_("Citizens hired in the period who were still employed 3 and 6 months on."),
        order=60,
    )
