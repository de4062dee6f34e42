"""Four-eyes: a lead never decides an application they made or whose citizen they broker."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from rest_framework.test import APIClient

from compensation import services
from compensation.models import Application, ApplicationStatus
from jobcenter.models import Role
from tests.compensation.factories import in_review, submitted, terms
from tests.factories import CitizenFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_b(team):
    return member(team, Role.TEAM_LEAD, username="lead_b")


def test_lead_who_created_it_cannot_decide(citizen, team_lead, lead_b):
    application = in_review(citizen, team_lead, lead_b)
    with pytest.raises(PermissionDenied):
        services.application_approve(
            application=application, decided_by=team_lead, grant_terms=terms()
        )
    with pytest.raises(PermissionDenied):
        services.application_reject(application=application, decided_by=team_lead, reason="x")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_lead_who_brokers_the_citizen_cannot_claim_or_decide(team, team_lead, caseworker, lead_b):
    citizen = CitizenFactory(team=team, caseworker=team_lead)
    application = submitted(citizen, caseworker)
    with pytest.raises(PermissionDenied):
        services.application_claim(application=application, lead=team_lead)
    application = services.application_claim(application=application, lead=lead_b)
    with pytest.raises(PermissionDenied):
        services.application_approve(
            application=application, decided_by=team_lead, grant_terms=terms()
        )
    # "Take the next one" skips the lead's own cases.
    assert services.application_claim_next(lead=team_lead) is None


def test_broker_changed_after_submission_still_counts(citizen, caseworker, team_lead, lead_b):
    application = in_review(citizen, caseworker, lead_b)
    citizen.caseworker = team_lead
    citizen.save()
    application.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.application_approve(
            application=application, decided_by=team_lead, grant_terms=terms()
        )


def test_the_database_refuses_a_conflicted_decision(citizen, caseworker, team_lead):
    application = in_review(citizen, caseworker, team_lead)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.APPROVED, decided_by=caseworker
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.APPROVED, decided_by=citizen.caseworker, created_by=team_lead
        )
    # A decided status without a decider is refused too.
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.APPROVED)


def test_the_api_answers_403_to_a_conflicted_lead(citizen, team_lead, lead_b):
    application = in_review(citizen, team_lead, lead_b)
    client = APIClient()
    client.force_authenticate(team_lead)
    response = client.post(
        f"/api/v1/applications/{application.pk}/approve/",
        {"grant": {"start": "2026-05-01", "hours_per_week": "3"}},
        format="json",
    )
    assert response.status_code == 403
    assert "fire øjne" in response.json()["detail"]  # the API speaks the user's language
    client.force_authenticate(lead_b)
    response = client.post(
        f"/api/v1/applications/{application.pk}/approve/",
        {"grant": {"start": "2026-05-01", "hours_per_week": "3"}},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
