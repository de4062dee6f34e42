"""Helpers to make applications in a given state through the services."""

from __future__ import annotations

import datetime as dt

from compensation import services
from compensation.models import Application, Scheme
from matching.models import Employer

VALID_DETAILS = {
    "mentor": {"period_months": 6, "hours_per_week": "3"},
    "transport": {"round_trip_km": "40", "monthly_cost": "800"},
    "personal_assistance": {
        "work_hours_per_week": "37",
        "assistance_hours_per_week": "20",
        "tasks": "Læsning af post",
    },
}


def make_employer(jobcenter, **kwargs) -> Employer:
    defaults = {"cvr": "13585628", "name": "Testfirma ApS"}
    defaults.update(kwargs)
    return Employer.objects.create(jobcenter=jobcenter, **defaults)


def make_application(
    *,
    citizen,
    created_by,
    scheme: str = "mentor",
    fast_track: bool = True,
    details: dict | None = None,
    **kwargs,
) -> Application:
    return services.application_create(
        created_by=created_by,
        citizen=citizen,
        scheme=Scheme.objects.get(code=scheme),
        fast_track=fast_track,
        fast_track_reason="Ansættelse 1. maj" if fast_track else "",
        details=details if details is not None else VALID_DETAILS.get(scheme, {}),
        **kwargs,
    )


def submitted(citizen, created_by, **kwargs) -> Application:
    application = make_application(citizen=citizen, created_by=created_by, **kwargs)
    return services.application_submit(application=application, submitted_by=created_by)


def in_review(citizen, created_by, lead, **kwargs) -> Application:
    application = submitted(citizen, created_by, **kwargs)
    return services.application_claim(application=application, lead=lead)


def terms(**overrides) -> dict:
    return {
        "start": dt.date(2026, 5, 1),
        "end": dt.date(2026, 10, 31),
        "hours_per_week": "3",
        "payee": "mentor_employer",
        **overrides,
    }
