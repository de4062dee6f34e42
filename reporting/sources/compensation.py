"""Compensation schemes: applications and grants per scheme; decision times, fast track apart."""

from __future__ import annotations

from collections import Counter

from django.apps import apps
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from jobcenter.workdays import working_days_between
from reporting.figures import Chart, FigureData, ReportScope, register_figure, share
from reporting.targets import Metric, Monthly, count_by_month, register_metric


def _applications(scope: ReportScope):
    Application = apps.get_model("compensation", "Application")
    return Application.objects.filter(
        citizen__team_id__in=scope.team_ids,
        submitted_at__gte=scope.period.start_at,
        submitted_at__lt=scope.period.end_at,
    )


def per_scheme(scope: ReportScope) -> FigureData:
    """Applications submitted in the period per scheme, and the grants made on them (2 queries)."""
    Grant = apps.get_model("compensation", "Grant")
    applications = _applications(scope)
    submitted = dict(applications.values_list("scheme__code").annotate(n=Count("pk")).order_by())
    granted = dict(
        Grant.objects.filter(application__in=applications.values("pk"))
        .values_list("application__scheme__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = [
        [code, submitted.get(code, 0), granted.get(code, 0), share(granted.get(code, 0), n)]
        for code, n in sorted(submitted.items())
    ]
    return FigureData(
        columns=[_("Scheme"), _("Applications"), _("Grants"), _("Share granted (%)")],
        rows=rows,
        chart=Chart(value_columns=(1, 2)),
    )


def weighted_median(counts: Counter) -> float | None:
    """The median of a multiset given as {value: how many}."""
    total = sum(counts.values())
    if not total:
        return None

    def nth(index: int) -> int:
        seen = 0
        for value in sorted(counts):
            seen += counts[value]
            if index < seen:
                return value
        raise IndexError(index)

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def decision_times(scope: ReportScope) -> FigureData:
    """Decided applications submitted in the period: median working days from submission to
    decision and the share decided by ``decision_due``, ordinary and fast track apart.

    Two queries: one groups by (fast track, submitted day, decided day), so the working days
    are computed in Python once per distinct pair, not per application.
    """
    decided = _applications(scope).filter(decided_at__isnull=False)
    pairs = (
        decided.annotate(sub=TruncDate("submitted_at"), dec=TruncDate("decided_at"))
        .values_list("fast_track", "sub", "dec")
        .annotate(n=Count("pk"))
        .order_by()
    )
    days: dict[bool, Counter] = {False: Counter(), True: Counter()}
    for fast_track, submitted, decided_on, n in pairs:
        days[bool(fast_track)][working_days_between(submitted, decided_on)] += n
    totals = {
        row["fast_track"]: row
        for row in decided.values("fast_track")
        .annotate(n=Count("pk"), in_time=Count("pk", filter=Q(decided_at__lte=F("decision_due"))))
        .order_by()
    }
    rows = []
    for fast_track, label in ((False, _("Ordinary")), (True, _("Fast track"))):
        total = totals.get(fast_track, {"n": 0, "in_time": 0})
        rows.append(
            [
                label,
                total["n"],
                weighted_median(days[fast_track]),
                share(total["in_time"], total["n"]),
            ]
        )
    return FigureData(
        columns=[
            _("Track"),
            _("Decided"),
            _("Median working days to decision"),
            _("Share decided within the deadline (%)"),
        ],
        rows=rows,
        chart=Chart(value_columns=(3,), unit="%", maximum=100),
    )


def grants_monthly(jobcenter_ids: list[int], year: int) -> Monthly:
    Grant = apps.get_model("compensation", "Grant")
    grants = Grant.objects.filter(
        application__citizen__jobcenter_id__in=jobcenter_ids, application__decided_at__year=year
    )
    return count_by_month(grants, "application__decided_at")


def register() -> None:
    register_metric(Metric("grants", _("Grants of compensation"), grants_monthly))
    register_figure(
        "applications_per_scheme",
        _("Applications and grants per scheme"),
        per_scheme,
        description=_("Applications submitted in the period and the grants made on them."),
        order=30,
    )
    register_figure(
        "decision_times",
        _("Time to decision"),
        decision_times,
        description=_(
            "Decided applications submitted in the period: median working days to the decision "
            "and the share decided within the deadline, fast track apart."
        ),
        order=40,
    )
