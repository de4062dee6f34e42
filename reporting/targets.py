"""Metrics a jobcenter can set yearly targets for, and progress against them per month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import FieldError
from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen
from reporting.figures import Chart, FigureData, FigureUnavailable, share

# month -> (numerator, denominator); denominator is None for plain counts.
Monthly = dict[int, tuple[int, int | None]]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str | Promise
    monthly: Callable[[list[int], int], Monthly]  # (jobcenter ids, year)
    is_share: bool = False


_metrics: dict[str, Metric] = {}


def register_metric(metric: Metric) -> Metric:
    _metrics[metric.key] = metric
    return metric


def get_metric(key: str) -> Metric | None:
    return _metrics.get(key)


def metric_choices() -> list[tuple[str, str]]:
    return [(m.key, str(m.label)) for m in sorted(_metrics.values(), key=lambda m: m.key)]


def count_by_month(queryset, date_field: str) -> Monthly:
    rows = (
        queryset.annotate(month=ExtractMonth(date_field))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {month: (n, None) for month, n in rows}


def first_contacts_monthly(jobcenter_ids: list[int], year: int) -> Monthly:
    citizens = Citizen.objects.filter(jobcenter_id__in=jobcenter_ids, first_contact_date__year=year)
    return count_by_month(citizens, "first_contact_date")


def last_month(year: int, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    if year < today.year:
        return 12
    return today.month if year == today.year else 0


def progress(target, *, today: dt.date | None = None) -> FigureData | None:
    """Cumulative progress per month of the target's year against the target pro rata."""
    metric = get_metric(target.metric)
    if metric is None:
        return None
    try:
        monthly = metric.monthly([target.jobcenter_id], target.year)
    except (FigureUnavailable, LookupError, FieldError):
        return None
    goal = float(target.value)
    rows, num_sum, den_sum = [], 0, 0
    for month in range(1, last_month(target.year, today) + 1):
        num, den = monthly.get(month, (0, 0 if metric.is_share else None))
        num_sum += num
        den_sum += den or 0
        if metric.is_share:
            rows.append([str(MONTHS[month]), share(num, den), share(num_sum, den_sum), goal])
        else:
            rows.append(
                [
                    str(MONTHS[month]),
                    num,
                    num_sum,
                    round(goal * month / 12, 1),
                    share(num_sum, goal),
                ]
            )
    if metric.is_share:
        columns = [_("Month"), _("In the month (%)"), _("So far this year (%)"), _("Target (%)")]
        chart = Chart(value_columns=(2, 3), unit="%", maximum=100)
    else:
        columns = [
            _("Month"),
            _("In the month"),
            _("So far this year"),
            _("Target so far (pro rata)"),
            _("Share of the yearly target (%)"),
        ]
        chart = Chart(value_columns=(2, 3))
    return FigureData(columns=columns, rows=rows, chart=chart)


register_metric(Metric("first_contacts", _("First contacts"), first_contacts_monthly))
