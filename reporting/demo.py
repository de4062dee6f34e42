"""Demo targets for this year (idempotent)."""

from __future__ import annotations

from django.utils import timezone

from reporting.models import Target

DEMO_TARGETS = {"first_contacts": 120, "hirings": 40, "screened_within_14_days": 90}


def seed(context, options, progress) -> None:
    year = timezone.localdate().year
    with progress("targets", len(DEMO_TARGETS)) as bar:
        for metric, value in DEMO_TARGETS.items():
            Target.objects.get_or_create(
                jobcenter=context["jobcenter"], year=year, metric=metric, defaults={"value": value}
            )
            bar.update(1)
