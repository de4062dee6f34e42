"""Decision deadlines in Danish working days (weekends, Easter, Christmas skipped)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from compensation import services
from jobcenter.models import Deadline, DeadlineKind
from jobcenter.workdays import add_working_days, working_days_between
from tests.compensation.factories import make_application

D = dt.date


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Wednesday 1 April 2026: Maundy Thursday, Good Friday, weekend, Easter Monday skipped.
        (D(2026, 4, 1), 2, D(2026, 4, 8)),
        # Friday → Tuesday over a plain weekend.
        (D(2026, 3, 6), 2, D(2026, 3, 10)),
        # Saturday counts from Monday.
        (D(2026, 3, 7), 1, D(2026, 3, 9)),
        # Christmas: 23 Dec 2026 (Wed) + 2 → 24, 25, 26, 27 closed → 28, 29.
        (D(2026, 12, 23), 2, D(2026, 12, 29)),
        # New Year: 30 Dec 2026 + 1 → 31 Dec and 1 Jan closed → Mon 4 Jan 2027.
        (D(2026, 12, 30), 1, D(2027, 1, 4)),
        # 20 working days (4 weeks) without holidays.
        (D(2026, 2, 2), 20, D(2026, 3, 2)),
    ],
)
def test_add_working_days(start, days, due):
    assert add_working_days(start, days) == due
    assert working_days_between(start, due) == days


@pytest.mark.django_db
def test_submitting_sets_decision_due_and_creates_a_deadline(citizen, caseworker):
    application = make_application(citizen=citizen, created_by=caseworker, fast_track=True)
    submitted_at = timezone.make_aware(dt.datetime(2026, 4, 1, 10, 0))
    with time_machine.travel(submitted_at, tick=False):
        application = services.application_submit(application=application, submitted_by=caseworker)
    assert application.decision_due == D(2026, 4, 8)
    deadline = Deadline.objects.get(kind=DeadlineKind.APPLICATION_DECISION)
    assert deadline.subject == application
    assert deadline.team == citizen.team
    assert deadline.owner == caseworker
    assert timezone.localdate(deadline.due_at) == D(2026, 4, 8)


@pytest.mark.django_db
def test_normal_application_uses_the_processing_deadline(citizen, caseworker):
    application = make_application(citizen=citizen, created_by=caseworker, fast_track=False)
    with time_machine.travel(timezone.make_aware(dt.datetime(2026, 2, 2, 9)), tick=False):
        application = services.application_submit(application=application, submitted_by=caseworker)
    assert application.decision_due == add_working_days(D(2026, 2, 2), 10)  # mentor: 2 weeks


@pytest.mark.django_db
def test_the_jobcenter_setting_overrides_the_default(citizen, caseworker):
    from compensation.models import Scheme, SchemeSetting

    scheme = Scheme.objects.get(code="mentor")
    SchemeSetting.objects.create(jobcenter=citizen.jobcenter, scheme=scheme, fast_track_days=5)
    application = make_application(citizen=citizen, created_by=caseworker)
    with time_machine.travel(timezone.make_aware(dt.datetime(2026, 2, 2, 9)), tick=False):
        application = services.application_submit(application=application, submitted_by=caseworker)
    assert application.decision_due == D(2026, 2, 9)
