"""The REST API of API.md: schemes, applications and their actions, queue, grants."""

import pytest
from rest_framework.test import APIClient

from compensation.models import Application, Grant
from tests.compensation.factories import in_review, make_application, submitted

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_schemes_for_all_roles(consultant, django_assert_num_queries):
    client = api(consultant)
    # user's memberships are not needed: session-less force_authenticate; schemes + legal bases
    with django_assert_num_queries(2):
        response = client.get("/api/v1/schemes/")
    assert response.status_code == 200
    codes = {scheme["code"] for scheme in response.json()}
    assert codes == {
        "personal_assistance",
        "personal_assistance_education",
        "assistive_aids",
        "icebreaker",
        "priority_access",
        "mentor",
        "disability_pensioner_subsidy",
        "flex_job",
        "sickness_refund_56",
        "transport",
    }
    mentor = client.get("/api/v1/schemes/mentor/").json()
    assert mentor["decision_days"] == 10 and mentor["fast_track_eligible"] is True
    assert mentor["legal_basis"][0]["law"] == "LAB"


def test_caseworker_creates_submits_and_lead_approves(citizen, caseworker, team_lead):
    client = api(caseworker)
    response = client.post(
        "/api/v1/applications/",
        {
            "citizen": citizen.pk,
            "scheme": "mentor",
            "fast_track": True,
            "fast_track_reason": "Ansættelse 1. maj",
            "details": {"period_months": 6, "hours_per_week": "4"},
            "justification": "Behov for mentor i opstarten",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "draft"
    response = client.patch(
        f"/api/v1/applications/{pk}/", {"justification": "Opdateret"}, format="json"
    )
    assert response.status_code == 200 and response.json()["justification"] == "Opdateret"
    response = client.post(f"/api/v1/applications/{pk}/submit/")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted" and response.json()["decision_due"]
    assert client.post(f"/api/v1/applications/{pk}/submit/").status_code == 409

    lead = api(team_lead)
    assert lead.post(f"/api/v1/applications/{pk}/claim/").json()["status"] == "in_review"
    response = lead.post(
        f"/api/v1/applications/{pk}/approve/",
        {
            "grant": {
                "start": "2026-05-01",
                "end": "2026-10-31",
                "hours_per_week": "4",
                "payee": "mentor_employer",
            },
            "reason": "Betingelserne er opfyldt",
        },
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "approved" and response.json()["grant"]
    again = lead.post(
        f"/api/v1/applications/{pk}/approve/",
        {"grant": {"start": "2026-05-01", "hours_per_week": "4"}},
        format="json",
    )
    assert again.status_code == 409
    assert again.json()["code"] == "already_decided"
    grants = client.get("/api/v1/grants/?scheme=mentor").json()
    assert grants["count"] == 1 and grants["results"][0]["status"] == "active"


def test_bad_input_is_400_never_500(citizen, caseworker, team_lead):
    client = api(caseworker)
    response = client.post(
        "/api/v1/applications/",
        {
            "citizen": citizen.pk,
            "scheme": "mentor",
            "details": {"period_months": 9, "hours_per_week": "2"},
        },
        format="json",
    )
    assert response.status_code == 400
    assert "period_months" in response.json()["details"]
    assert (
        client.post("/api/v1/applications/", {"scheme": "nope"}, format="json").status_code == 400
    )
    application = in_review(citizen, caseworker, team_lead)
    lead = api(team_lead)
    assert lead.post(f"/api/v1/applications/{application.pk}/reject/", {}).status_code == 400
    response = lead.post(
        f"/api/v1/applications/{application.pk}/approve/",
        {"grant": {"start": "2026-05-01", "end": "2026-04-01", "hours_per_week": "2"}},
        format="json",
    )
    assert response.status_code == 400 and "end" in response.json()


def test_reject_return_and_withdraw(citizen, caseworker, team_lead):
    lead = api(team_lead)
    first = in_review(citizen, caseworker, team_lead)
    response = lead.post(f"/api/v1/applications/{first.pk}/reject/", {"reason": "Ikke varigt"})
    assert response.json()["status"] == "rejected"
    second = in_review(citizen, caseworker, team_lead)
    response = lead.post(f"/api/v1/applications/{second.pk}/return/", {"reason": "Lægeattest"})
    assert response.json()["status"] == "returned"
    assert response.json()["return_reason"] == "Lægeattest"
    third = submitted(citizen, caseworker)
    response = api(caseworker).post(f"/api/v1/applications/{third.pk}/withdraw/")
    assert response.json()["status"] == "withdrawn"


def test_scope_and_roles(citizen, caseworker, team_lead, other_lead, outsider, consultant):
    application = submitted(citizen, caseworker)
    for user in (other_lead, outsider):
        assert api(user).get(f"/api/v1/applications/{application.pk}/").status_code == 404
        assert api(user).post(f"/api/v1/applications/{application.pk}/claim/").status_code == 404
        assert api(user).get("/api/v1/applications/").json()["count"] == 0
    # Company consultants have no business with applications or grants.
    assert api(consultant).get(f"/api/v1/applications/{application.pk}/").status_code == 403
    assert api(consultant).get("/api/v1/applications/").status_code == 403
    assert api(consultant).get("/api/v1/grants/").status_code == 403
    # A caseworker may not claim (403), and a consultant may not create for a citizen (400/403).
    assert api(caseworker).post(f"/api/v1/applications/{application.pk}/claim/").status_code == 403
    response = api(consultant).post(
        "/api/v1/applications/",
        {
            "citizen": citizen.pk,
            "scheme": "transport",
            "details": {"round_trip_km": "40", "monthly_cost": "100"},
        },
        format="json",
    )
    assert response.status_code == 403
    assert api(team_lead).get("/api/v1/applications/?status=submitted").json()["count"] == 1


def test_claim_next_and_grant_end(citizen, caseworker, team_lead, team):
    lead = api(team_lead)
    assert lead.post("/api/v1/queue/claim-next/").status_code == 204
    application = submitted(citizen, caseworker)
    response = lead.post("/api/v1/queue/claim-next/")
    assert response.status_code == 200 and response.json()["id"] == application.pk
    lead.post(
        f"/api/v1/applications/{application.pk}/approve/",
        {"grant": {"start": "2026-05-01", "hours_per_week": "3"}},
        format="json",
    )
    grant = Grant.objects.get()
    assert (
        api(caseworker).post(f"/api/v1/grants/{grant.pk}/revoke/", {"reason": "x"}).status_code
        == 403
    )
    response = api(caseworker).post(f"/api/v1/grants/{grant.pk}/end/", {"reason": "Jobbet ophørte"})
    assert response.status_code == 200 and response.json()["status"] == "ended"
    assert (
        api(team_lead).post(f"/api/v1/grants/{grant.pk}/revoke/", {"reason": "x"}).status_code
        == 409
    )


def test_application_list_query_count(citizen, caseworker, django_assert_num_queries):
    from jobcenter.models import User

    make_application(citizen=citizen, created_by=caseworker)
    client = api(User.objects.get(pk=caseworker.pk))
    # the user's case team ids, count, page joined with citizen, scheme and grant
    with django_assert_num_queries(3):
        client.get("/api/v1/applications/")
    for _ in range(20):
        make_application(citizen=citizen, created_by=caseworker)
    assert Application.objects.count() == 21
    client = api(User.objects.get(pk=caseworker.pk))
    with django_assert_num_queries(3):
        response = client.get("/api/v1/applications/")
    assert response.json()["count"] == 21
