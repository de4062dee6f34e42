"""Two team leads approve the same application at the same moment: one grant, one 409."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from compensation.models import Application, Grant
from jobcenter.models import AuditEvent, Role
from tests.compensation.factories import in_review
from tests.factories import member

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_leads_approving_at_once_make_exactly_one_grant(citizen, caseworker, team_lead, team):
    lead_b = member(team, Role.TEAM_LEAD, username="lead_b")
    application = in_review(citizen, caseworker, team_lead)
    barrier = threading.Barrier(2)
    results: list[tuple[int, dict]] = []

    def approve(lead):
        client = APIClient()
        client.force_authenticate(lead)
        barrier.wait()
        try:
            response = client.post(
                f"/api/v1/applications/{application.pk}/approve/",
                {"grant": {"start": "2026-05-01", "hours_per_week": "3"}, "reason": "ok"},
                format="json",
            )
            results.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(lead,)) for lead in (team_lead, lead_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    codes = sorted(code for code, _body in results)
    assert codes == [200, 409], results
    loser = next(body for code, body in results if code == 409)
    assert loser["code"] == "already_decided"
    assert Grant.objects.filter(application=application).count() == 1
    assert Application.objects.get(pk=application.pk).status == "approved"
    assert AuditEvent.objects.filter(action="decision").count() == 1


def test_two_leads_claiming_the_next_one_get_different_applications(
    citizen, caseworker, team_lead, team
):
    from compensation import services
    from tests.compensation.factories import submitted

    lead_b = member(team, Role.TEAM_LEAD, username="lead_b")
    first, second = submitted(citizen, caseworker), submitted(citizen, caseworker)
    barrier = threading.Barrier(2)
    claimed: list[int | None] = []

    def claim(lead):
        barrier.wait()
        try:
            application = services.application_claim_next(lead=lead)
            claimed.append(application.pk if application else None)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(lead,)) for lead in (team_lead, lead_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(claimed) == sorted([first.pk, second.pk])
