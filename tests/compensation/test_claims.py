"""Claiming from the queue: conditional update for a chosen one, expiry after a set time."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from compensation import services
from compensation.models import ApplicationStatus
from jobcenter.models import Role
from jobcenter.services import DomainError
from tests.compensation.factories import submitted
from tests.factories import member

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0))


@pytest.fixture
def lead_b(team):
    return member(team, Role.TEAM_LEAD, username="lead_b")


def test_a_fresh_claim_blocks_another_lead(citizen, caseworker, team_lead, lead_b):
    with time_machine.travel(NOW, tick=False):
        application = submitted(citizen, caseworker)
        services.application_claim(application=application, lead=team_lead)
        with pytest.raises(DomainError) as error:
            services.application_claim(application=application, lead=lead_b)
    assert error.value.code == "already_claimed"


def test_an_expired_claim_can_be_taken_over(citizen, caseworker, team_lead, lead_b, settings):
    settings.COMPENSATION_CLAIM_EXPIRY_MINUTES = 30
    with time_machine.travel(NOW, tick=False):
        application = submitted(citizen, caseworker)
        services.application_claim(application=application, lead=team_lead)
    with time_machine.travel(NOW + dt.timedelta(minutes=29), tick=False):
        with pytest.raises(DomainError):
            services.application_claim(application=application, lead=lead_b)
        assert services.application_claim_next(lead=lead_b) is None
    with time_machine.travel(NOW + dt.timedelta(minutes=31), tick=False):
        application.refresh_from_db()
        assert not application.claim_is_fresh()
        taken = services.application_claim_next(lead=lead_b)
    assert taken.pk == application.pk
    assert taken.claimed_by == lead_b
    assert taken.status == ApplicationStatus.IN_REVIEW


def test_claim_next_takes_the_most_urgent(citizen, caseworker, team_lead):
    with time_machine.travel(NOW, tick=False):
        later = submitted(citizen, caseworker, fast_track=False)
        urgent = submitted(citizen, caseworker, fast_track=True)
    assert services.application_claim_next(lead=team_lead).pk == urgent.pk
    assert services.application_claim_next(lead=team_lead) is None
    assert services.application_claim_next(lead=team_lead, fast_track=False).pk == later.pk


def test_another_teams_lead_cannot_claim(citizen, caseworker, other_lead):
    from django.core.exceptions import PermissionDenied

    application = submitted(citizen, caseworker)
    with pytest.raises(PermissionDenied):
        services.application_claim(application=application, lead=other_lead)
    assert services.application_claim_next(lead=other_lead) is None


def test_claiming_from_the_queue_with_htmx_answers_the_row(
    client, citizen, caseworker, team_lead, lead_b
):
    application = submitted(citizen, caseworker)
    url = f"/compensation/applications/{application.pk}/claim/"
    client.force_login(team_lead)
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith("<tr")
    application.refresh_from_db()
    assert application.claimed_by == team_lead
    client.force_login(lead_b)
    response = client.post(url, headers={"HX-Request": "true"})
    assert 'role="alert"' in response.content.decode()
    application.refresh_from_db()
    assert application.claimed_by == team_lead
