"""Grants: end and revoke with a reason; follow-ups close, a loaned aid must come back."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from compensation import services
from compensation.models import Grant
from jobcenter.models import Deadline, DeadlineKind
from tests.compensation.factories import in_review, make_employer

pytestmark = pytest.mark.django_db

AIDS = {"aid": "Skærmlæser", "cost": "12000", "form": "loan"}


@pytest.fixture
def grant(citizen, caseworker, team_lead):
    application = in_review(
        citizen,
        caseworker,
        team_lead,
        scheme="assistive_aids",
        details=AIDS,
        employer=make_employer(citizen.jobcenter),
    )
    return services.application_approve(
        application=application,
        decided_by=team_lead,
        grant_terms={
            "start": dt.date(2026, 1, 5),
            "end": dt.date(2030, 1, 4),
            "amount": "12000",
            "payee": "employer",
        },
    )


def deadlines(grant):
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Grant), object_id=grant.pk
    )


def test_a_loan_grant_plans_its_return(grant):
    kinds = sorted(deadlines(grant).values_list("kind", flat=True))
    assert kinds == [DeadlineKind.GRANT_END, DeadlineKind.LOAN_RETURN]


def test_ending_early_closes_follow_ups_and_asks_for_the_aid_back(client, caseworker, grant):
    client.force_login(caseworker)
    response = client.post(grant.get_absolute_url(), {"action": "end", "reason": "Jobbet ophørte"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == "ended" and grant.end_reason == "Jobbet ophørte"
    open_ones = deadlines(grant).filter(done_at__isnull=True)
    assert list(open_ones.values_list("kind", flat=True)) == [DeadlineKind.LOAN_RETURN]


def test_revoke_is_for_team_leads_and_needs_a_reason(client, caseworker, team_lead, grant):
    client.force_login(caseworker)
    response = client.post(grant.get_absolute_url(), {"action": "revoke", "reason": "Fejl"})
    assert response.status_code == 403
    grant.refresh_from_db()
    assert grant.status == "active"
    from django.core.exceptions import PermissionDenied, ValidationError

    from compensation.grants import grant_revoke

    with pytest.raises(PermissionDenied):
        grant_revoke(grant=grant, revoked_by=caseworker, reason="Fejl")
    with pytest.raises(ValidationError):
        grant_revoke(grant=grant, revoked_by=team_lead, reason="")
    grant_revoke(grant=grant, revoked_by=team_lead, reason="Urigtige oplysninger")
    grant.refresh_from_db()
    assert grant.status == "revoked"


def test_grant_page_scope(client, other_lead, outsider, grant):
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get(grant.get_absolute_url()).status_code == 404


def test_edit_a_returned_application_and_resubmit(client, citizen, caseworker, team_lead):
    application = in_review(citizen, caseworker, team_lead)
    services.application_return(application=application, returned_by=team_lead, reason="Timer?")
    client.force_login(caseworker)
    edit = f"/compensation/applications/{application.pk}/edit/"
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"detail_period_months": "4", "detail_hours_per_week": "5", "justification": "Nu"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.details == {"period_months": 4, "hours_per_week": "5"}
    client.post(f"/compensation/applications/{application.pk}/submit/")
    application.refresh_from_db()
    assert application.status == "submitted"
    # Once submitted it can no longer be edited.
    response = client.post(edit, {"detail_period_months": "5", "detail_hours_per_week": "5"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.details["period_months"] == 4
