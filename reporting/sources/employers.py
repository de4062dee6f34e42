"""Employers: how many have an inclusion profile and the share that know the schemes.

``matching.Employer`` is on main (``open_to_hiring`` null until the profile is filled in,
``knows_schemes``); employers belong to a jobcenter, not a team, so rows are per jobcenter.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Jobcenter
from reporting.figures import Chart, FigureData, ReportScope, register_figure, share


def inclusion(scope: ReportScope) -> FigureData:
    """Per jobcenter in scope, now (two queries)."""
    Employer = apps.get_model("matching", "Employer")
    profiled = Q(open_to_hiring__isnull=False)
    counts = {
        row["jobcenter_id"]: row
        for row in Employer.objects.filter(jobcenter_id__in=scope.jobcenter_ids)
        .values("jobcenter_id")
        .annotate(
            n=Count("pk"),
            profiled=Count("pk", filter=profiled),
            open=Count("pk", filter=Q(open_to_hiring=True)),
            knows=Count("pk", filter=Q(knows_schemes=True)),
        )
        .order_by()
    }
    rows = []
    for jobcenter in Jobcenter.objects.filter(pk__in=scope.jobcenter_ids).order_by("name"):
        row = counts.get(jobcenter.pk, {"n": 0, "profiled": 0, "open": 0, "knows": 0})
        rows.append(
            [
                jobcenter.name,
                row["n"],
                row["profiled"],
                share(row["profiled"], row["n"]),
                row["open"],
                row["knows"],
                share(row["knows"], row["n"]),
            ]
        )
    return FigureData(
        columns=[
            _("Jobcenter"),
            _("Employers"),
            _("With an inclusion profile"),
            _("Share with an inclusion profile (%)"),
            _("Open to hiring"),
            _("Know the schemes"),
            _("Share knowing the schemes (%)"),
        ],
        rows=rows,
        chart=Chart(value_columns=(3, 6), unit="%", maximum=100),
        note=_("Now, regardless of the period and teams; employers belong to the jobcenter."),
    )


def register() -> None:
    register_figure(
        "employer_inclusion",
        _("Employers with an inclusion profile"),
        inclusion,
        description=_(
            "Employers whose inclusion profile is filled in, and the share that know the "
            "compensation schemes."
        ),
        order=70,
    )
