"""Demo applications in every state; fast for large counts (bulk inserts, no per-row services).

Idempotent: tops up to ``--applications`` for the demo jobcenter.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from compensation.models import Application, ApplicationStatus, Grant, Payee, Scheme
from jobcenter import workdays
from jobcenter.models import Citizen

DETAILS = {
    "mentor": {"period_months": 6, "hours_per_week": "3"},
    "transport": {"round_trip_km": "46", "monthly_cost": "900"},
    "assistive_aids": {"aid": "Hæve-sænkebord og skærmlæser", "cost": "18500", "form": "loan"},
    "personal_assistance": {
        "work_hours_per_week": "37",
        "assistance_hours_per_week": "15",
        "tasks": "Oplæsning af post og notater",
    },
}
STATES = [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.APPROVED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.DRAFT,
    ApplicationStatus.RETURNED,
]
BATCH = 5000


def seed(context, options, progress) -> None:
    jobcenter, users = context["jobcenter"], context["users"]
    wanted = int(options.get("applications") or 0)
    existing = Application.objects.filter(citizen__jobcenter=jobcenter).count()
    missing = wanted - existing
    if missing <= 0:
        return
    schemes = list(Scheme.objects.filter(code__in=DETAILS))
    citizens = list(
        Citizen.objects.filter(jobcenter=jobcenter).values_list("pk", "team_id", "caseworker_id")
    )
    if not citizens or not schemes:
        return
    rng = random.Random(existing)
    caseworkers = [users["caseworker1"], users["caseworker2"]]
    leads = {context["teams"][0].pk: users["lead1"], context["teams"][1].pk: users["lead2"]}
    today = timezone.localdate()
    now = timezone.now()
    with progress("applications", missing) as bar:
        for start in range(0, missing, BATCH):
            size = min(BATCH, missing - start)
            rows, decided = [], []
            for index in range(start, start + size):
                citizen_pk, team_id, broker_id = citizens[index % len(citizens)]
                scheme = schemes[index % len(schemes)]
                creator = caseworkers[index % 2]
                lead = leads.get(team_id, users["lead1"])
                status = STATES[rng.randrange(len(STATES))]
                if lead.pk in (creator.pk, broker_id) and status in (
                    ApplicationStatus.APPROVED,
                    ApplicationStatus.REJECTED,
                    ApplicationStatus.IN_REVIEW,
                ):
                    status = ApplicationStatus.SUBMITTED
                fast = scheme.fast_track_eligible and index % 3 != 0
                submitted_on = today - dt.timedelta(days=rng.randrange(0, 40))
                due = workdays.add_working_days(
                    submitted_on, scheme.fast_track_days if fast else scheme.decision_days
                )
                application = Application(
                    citizen_id=citizen_pk,
                    team_id=team_id,
                    scheme=scheme,
                    status=status,
                    fast_track=fast,
                    fast_track_reason="Ansættelse aftalt" if fast else "",
                    details=DETAILS[scheme.code],
                    justification="Demo-ansøgning",
                    created_by=creator,
                    citizen_caseworker_id=broker_id,
                )
                if status != ApplicationStatus.DRAFT:
                    application.submitted_at = timezone.make_aware(
                        dt.datetime.combine(submitted_on, dt.time(10))
                    )
                    application.decision_due = due
                if status == ApplicationStatus.IN_REVIEW:
                    application.claimed_by, application.claimed_at = lead, now
                if status == ApplicationStatus.RETURNED:
                    application.return_reason = "Lægeattest mangler"
                if status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED):
                    decided_on = min(today, due + dt.timedelta(days=rng.randrange(-2, 3)))
                    decided_on = max(decided_on, submitted_on)
                    application.decided_by = lead
                    application.decided_at = timezone.make_aware(
                        dt.datetime.combine(decided_on, dt.time(14))
                    )
                    application.decision_reason = "Betingelserne er vurderet."
                    application.decision_working_days = workdays.working_days_between(
                        submitted_on, decided_on
                    )
                    application.decided_in_time = decided_on <= due
                rows.append(application)
            with transaction.atomic():
                created = Application.objects.bulk_create(rows)
                for application in created:
                    if application.status == ApplicationStatus.APPROVED:
                        start_day = timezone.localdate(application.decided_at)
                        decided.append(
                            Grant(
                                application=application,
                                citizen_id=application.citizen_id,
                                team_id=application.team_id,
                                scheme=application.scheme,
                                start=start_day,
                                end=start_day + dt.timedelta(days=180),
                                hours_per_week=3,
                                payee=Payee.EMPLOYER,
                                created_by=application.decided_by,
                            )
                        )
                Grant.objects.bulk_create(decided)
            bar.update(size)
