"""The written decision (forvaltningsloven §§ 22–25): reasons, legal basis, complaint guidance."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from compensation.models import Application, Grant

# Complaints about these decisions go to Ankestyrelsen through the jobcenter within 4 weeks.
COMPLAINT_WEEKS = 4


def complaint_deadline(decided_on: dt.date) -> dt.date:
    return decided_on + dt.timedelta(weeks=COMPLAINT_WEEKS)


def letter_context(application: Application) -> dict:
    decided_on = timezone.localdate(application.decided_at)
    return {
        "application": application,
        "citizen": application.citizen,
        "scheme": application.scheme,
        "jobcenter": application.citizen.jobcenter,
        "legal_bases": application.scheme.legal_basis_on(decided_on),
        "grant": Grant.objects.filter(application=application).first(),
        "decided_on": decided_on,
        "complaint_deadline": complaint_deadline(decided_on),
        "complaint_weeks": COMPLAINT_WEEKS,
    }
