"""Screening at first contact: share screened within 14 days, identified by disability3.

Follows ``screening.Screening`` as merged into main: ``citizen``, ``status``
(``completed`` | ``declined``), ``created_at`` (when screened), ``superseded_at`` (null for
the current screening), ``disability3`` (boolean, null when unknown).
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Count, DateField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import ExtractMonth, TruncDate
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen
from reporting.figures import Chart, FigureData, ReportScope, register_figure, share
from reporting.gdpr import register_section
from reporting.targets import Metric, Monthly, register_metric

SCREENING_DAYS = 14
COMPLETED = "completed"


def screening_model():
    return apps.get_model("screening", "Screening")


def annotate_screening(citizens):
    """Add ``in_time`` (screened within 14 days: completed, not declined) and ``identified``
    (disability3 in the current screening) to a citizen queryset."""
    Screening = screening_model()
    last_day = ExpressionWrapper(
        F("citizen__first_contact_date") + dt.timedelta(days=SCREENING_DAYS),
        output_field=DateField(),
    )
    completed = Screening.objects.filter(citizen=OuterRef("pk"), status=COMPLETED)
    in_time = completed.annotate(day=TruncDate("created_at"), last_day=last_day).filter(
        day__lte=F("last_day")
    )
    identified = completed.filter(superseded_at__isnull=True, disability3=True)
    return citizens.annotate(in_time=Exists(in_time), identified=Exists(identified))


def screened_within(scope: ReportScope) -> FigureData:
    """Of the citizens first contacted in the period: screened within 14 days, and identified
    by disability3. One query."""
    citizens = Citizen.objects.filter(
        team_id__in=scope.team_ids,
        first_contact_date__gte=scope.period.start,
        first_contact_date__lte=scope.period.end,
    )
    rows = (
        annotate_screening(citizens)
        .values("team_id")
        .annotate(
            n=Count("pk"),
            screened=Count("pk", filter=Q(in_time=True)),
            disability3=Count("pk", filter=Q(identified=True)),
        )
        .order_by()
    )
    counts = {row["team_id"]: row for row in rows}
    table = []
    for team in scope.teams:
        row = counts.get(team.pk, {"n": 0, "screened": 0, "disability3": 0})
        table.append(
            [
                scope.label(team),
                row["n"],
                row["screened"],
                share(row["screened"], row["n"]),
                row["disability3"],
                share(row["disability3"], row["n"]),
            ]
        )
    return FigureData(
        columns=[
            _("Team"),
            _("First contacts"),
            _("Screened within 14 days"),
            _("Share screened within 14 days (%)"),
            _("Identified (disability3)"),
            _("Share identified (%)"),
        ],
        rows=table,
        chart=Chart(value_columns=(3, 5), unit="%", maximum=100),
    )


def screened_monthly(jobcenter_ids: list[int], year: int) -> Monthly:
    citizens = Citizen.objects.filter(jobcenter_id__in=jobcenter_ids, first_contact_date__year=year)
    rows = (
        annotate_screening(citizens)
        .annotate(month=ExtractMonth("first_contact_date"))
        .values_list("month")
        .annotate(screened=Count("pk", filter=Q(in_time=True)), n=Count("pk"))
        .order_by()
    )
    return {month: (screened, n) for month, screened, n in rows}


def screenings_held(citizen) -> list[dict]:
    """The citizen's screenings (health data) for the right of access."""
    return list(
        screening_model()
        .objects.filter(citizen_id=citizen.pk)
        .order_by("created_at")
        .values(
            "created_at",
            "status",
            "answers",
            "outcome",
            "disability3",
            "summary",
            "superseded_at",
        )
    )


def register() -> None:
    register_section("screenings", _("Screenings"), screenings_held, order=30)
    register_metric(
        Metric(
            "screened_within_14_days",
            _("Share screened within 14 days of first contact"),
            screened_monthly,
            is_share=True,
        )
    )
    register_figure(
        "screened_within_14_days",
        _("Screening at first contact"),
        screened_within,
        description=_(
            "Of the citizens first contacted in the period: the share screened within 14 days "
            "and the share identified with a disability (Washington Group disability3)."
        ),
        order=20,
    )
