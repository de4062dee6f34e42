"""POST/GET /api/v1/screenings/: outcome, 400s that store nothing, scope, audit of reads."""

import pytest
from rest_framework.test import APIClient

from jobcenter.models import AuditEvent
from screening.models import Screening
from tests.factories import CitizenFactory
from tests.screening.factories import answers, screen

pytestmark = pytest.mark.django_db
URL = "/api/v1/screenings/"


@pytest.fixture
def api():
    return APIClient()


def test_post_returns_the_outcome(api, caseworker, citizen):
    api.force_authenticate(caseworker)
    response = api.post(
        URL,
        {"citizen": citizen.pk, "answers": answers(hearing="a_lot", seeks_public_jobs="yes")},
        format="json",
    )
    assert response.status_code == 201, response.data
    outcome = response.data["outcome"]
    assert (
        outcome["disability1"],
        outcome["disability2"],
        outcome["disability3"],
        outcome["disability4"],
    ) == (True, True, True, False)
    assert outcome["domains_with_difficulty"] == ["hearing"]
    codes = [entry["code"] for entry in outcome["suggested_schemes"]]
    assert codes == ["assistive_aids", "personal_assistance", "priority_access"]
    assert all(entry["reasons"] for entry in outcome["suggested_schemes"])
    assert outcome["next_steps"]["referral"] is True
    assert response.data["questionnaire_version"] == 1
    assert response.data["declined"] is False


def test_all_refused_gives_null_identifiers(api, caseworker, citizen):
    api.force_authenticate(caseworker)
    refused = dict.fromkeys(answers(), "refused")
    response = api.post(URL, {"citizen": citizen.pk, "answers": refused}, format="json")
    assert response.status_code == 201
    assert [response.data["outcome"][f"disability{n}"] for n in range(1, 5)] == [None] * 4


def test_post_declined(api, caseworker, citizen):
    api.force_authenticate(caseworker)
    response = api.post(URL, {"citizen": citizen.pk, "declined": True}, format="json")
    assert response.status_code == 201
    assert response.data["declined"] is True
    assert response.data["status"] == "declined"
    assert response.data["outcome"]["disability3"] is None


@pytest.mark.parametrize(
    ("payload_answers", "field"),
    [
        (answers(colour="blue"), "colour"),  # unknown key
        (answers(seeing="blurry"), "seeing"),  # unknown value
        ({k: v for k, v in answers().items() if k != "mobility"}, "mobility"),  # missing domain
        (answers(anxiety_frequency="hourly"), "anxiety_frequency"),
        (answers(accommodations=["jetpack"]), "accommodations"),
        (answers(hours_per_week=200), "hours_per_week"),
        (answers(consent="maybe"), "consent"),
    ],
)
def test_invalid_answers_are_400_with_field_errors_and_store_nothing(
    api, caseworker, citizen, payload_answers, field
):
    api.force_authenticate(caseworker)
    response = api.post(URL, {"citizen": citizen.pk, "answers": payload_answers}, format="json")
    assert response.status_code == 400
    assert field in response.data["answers"]
    assert not Screening.objects.exists()


def test_answers_must_be_an_object(api, caseworker, citizen):
    api.force_authenticate(caseworker)
    response = api.post(URL, {"citizen": citizen.pk, "answers": ["none"]}, format="json")
    assert response.status_code == 400
    assert "answers" in response.data


def test_declined_with_answers_is_400(api, caseworker, citizen):
    api.force_authenticate(caseworker)
    response = api.post(
        URL, {"citizen": citizen.pk, "declined": True, "answers": answers()}, format="json"
    )
    assert response.status_code == 400
    assert not Screening.objects.exists()


def test_citizen_of_another_jobcenter_is_400(api, outsider, citizen):
    api.force_authenticate(outsider)
    response = api.post(URL, {"citizen": citizen.pk, "answers": answers()}, format="json")
    assert response.status_code == 400
    assert "citizen" in response.data


def test_consultant_may_not_post(api, consultant, citizen):
    api.force_authenticate(consultant)
    response = api.post(URL, {"citizen": citizen.pk, "answers": answers()}, format="json")
    assert response.status_code == 403


def test_get_one_is_audited(api, caseworker, citizen):
    screening = screen(citizen, caseworker, seeing="some")
    api.force_authenticate(caseworker)
    response = api.get(f"{URL}{screening.pk}/")
    assert response.status_code == 200
    assert response.data["outcome"]["next_steps"]["follow_up"] is True
    assert response.data["answers"]["seeing"] == "some"
    assert (
        AuditEvent.objects.filter(
            user=caseworker, action="view", object_id=str(screening.pk), purpose="api"
        ).count()
        == 1
    )


def test_consultants_are_refused(api, caseworker, consultant, citizen):
    screening = screen(citizen, caseworker)
    api.force_authenticate(consultant)
    assert api.get(f"{URL}{screening.pk}/").status_code == 403
    assert api.get(URL).status_code == 403
    assert not AuditEvent.objects.filter(user=consultant).exists()


def test_anonymous_is_refused(api):
    assert api.get(URL).status_code in (401, 403)


@pytest.mark.parametrize("who", ["other_lead", "outsider"])
def test_others_get_404_and_an_empty_list(api, request, caseworker, citizen, who):
    screening = screen(citizen, caseworker)
    api.force_authenticate(request.getfixturevalue(who))
    assert api.get(f"{URL}{screening.pk}/").status_code == 404
    assert api.get(URL).data["count"] == 0


def test_list_is_filterable_and_audits_each_row(api, caseworker, team_lead, citizen):
    screen(citizen, caseworker)
    other = CitizenFactory(team=citizen.team)
    screen(other, caseworker)
    api.force_authenticate(team_lead)
    response = api.get(URL, {"citizen": citizen.pk})
    assert response.data["count"] == 1
    assert response.data["results"][0]["citizen"] == citizen.pk
    assert AuditEvent.objects.filter(user=team_lead, action="view").count() == 1


def test_list_query_count_is_constant(api, caseworker, citizen, django_assert_num_queries):
    api.force_authenticate(caseworker)
    # session-less auth; the queries are:
    # 1 the user's team ids (visible_to), 2 count, 3 the page of screenings with questionnaire,
    # 4 one INSERT of audit events for the page
    screen(citizen, caseworker)
    caseworker.__dict__.pop("_memberships_cache", None)
    with django_assert_num_queries(4):
        first = api.get(URL)
    for _ in range(5):
        screen(CitizenFactory(team=citizen.team), caseworker)
    caseworker.__dict__.pop("_memberships_cache", None)
    with django_assert_num_queries(4):
        second = api.get(URL)
    assert first.data["count"] == 1 and second.data["count"] == 6
