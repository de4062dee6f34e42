"""The API of API.md: employers, vacancies, ranked matches both ways, the pipeline."""

import pytest
from rest_framework.test import APIClient

from jobcenter.models import AuditEvent
from matching.models import Employer, Match
from tests.factories import CitizenFactory
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for


@pytest.fixture
def api():
    return APIClient()


def test_consultant_registers_an_employer(api, consultant, jobcenter):
    api.force_authenticate(consultant)
    response = api.post(
        "/api/v1/employers/",
        {"cvr": "13585628", "name": "Testfirma ApS", "knows_schemes": False},
        format="json",
    )
    assert response.status_code == 201, response.json()
    employer = Employer.objects.get()
    assert employer.jobcenter == jobcenter
    assert "send_scheme_guide" in response.json()["proposed_actions"]
    again = api.post("/api/v1/employers/", {"cvr": "13585628", "name": "Igen"}, format="json")
    assert again.status_code == 400
    assert "cvr" in again.json()


def test_bad_cvr_is_400(api, consultant, team):
    api.force_authenticate(consultant)
    response = api.post("/api/v1/employers/", {"cvr": "13585627", "name": "X"}, format="json")
    assert response.status_code == 400
    assert "cvr" in response.json()


def test_caseworker_may_read_but_not_write_employers(api, caseworker, jobcenter):
    EmployerFactory(jobcenter=jobcenter)
    api.force_authenticate(caseworker)
    assert api.get("/api/v1/employers/").json()["count"] == 1
    response = api.post("/api/v1/employers/", {"cvr": "13585628", "name": "X"}, format="json")
    assert response.status_code == 403


def test_outsider_gets_404(api, outsider, jobcenter, citizen):
    employer = EmployerFactory(jobcenter=jobcenter)
    api.force_authenticate(outsider)
    assert api.get(f"/api/v1/employers/{employer.pk}/").status_code == 404
    assert api.get(f"/api/v1/citizens/{citizen.pk}/matches/").status_code == 404


def test_vacancy_create_and_patch(api, consultant, jobcenter):
    employer = EmployerFactory(jobcenter=jobcenter)
    api.force_authenticate(consultant)
    response = api.post(
        "/api/v1/vacancies/",
        {
            "employer": employer.pk,
            "title": "Kok",
            "occupation": "5120",
            "required_skills": [11, 12],
            "hours_min": 20,
            "hours_max": 30,
            "postcode": "8000",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    patched = api.patch(f"/api/v1/vacancies/{pk}/", {"status": "closed"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["status"] == "closed"
    bad = api.patch(f"/api/v1/vacancies/{pk}/", {"hours_min": 40}, format="json")
    assert bad.status_code == 400


def test_matches_both_ways_and_the_pipeline(api, caseworker, citizen, jobcenter):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    profile_for(citizen)
    api.force_authenticate(caseworker)
    ranked = api.get(f"/api/v1/citizens/{citizen.pk}/matches/?limit=5").json()
    assert ranked["results"][0]["vacancy"] == vacancy.pk
    score = ranked["results"][0]["score"]
    assert len(ranked["results"][0]["explanation"]) == 6
    other_way = api.get(f"/api/v1/vacancies/{vacancy.pk}/matches/").json()
    assert other_way["results"][0] == {
        "citizen": citizen.pk,
        "name": citizen.full_name,
        "score": score,
        "explanation": other_way["results"][0]["explanation"],
    }
    assert AuditEvent.objects.filter(citizen=citizen, action="view").exists()

    created = api.post(
        "/api/v1/matches/", {"citizen": citizen.pk, "vacancy": vacancy.pk}, format="json"
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["score"] == score
    conflict = api.post(f"/api/v1/matches/{pk}/advance/", {"status": "hired"}, format="json")
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "illegal_transition"
    for status in ("contacted", "interview", "hired"):
        response = api.post(f"/api/v1/matches/{pk}/advance/", {"status": status}, format="json")
        assert response.status_code == 200, response.json()
    assert response.json()["status"] == "hired"
    assert "fast_track_links" in response.json()
    assert api.get("/api/v1/matches/?status=hired").json()["count"] == 1
    bad = api.post(f"/api/v1/matches/{pk}/advance/", {"status": "nonsense"}, format="json")
    assert bad.status_code == 400


def test_cannot_propose_a_citizen_outside_my_teams(api, other_lead, citizen, jobcenter):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    api.force_authenticate(other_lead)
    response = api.post(
        "/api/v1/matches/", {"citizen": citizen.pk, "vacancy": vacancy.pk}, format="json"
    )
    assert response.status_code == 400  # the citizen is not among the choices
    assert not Match.objects.exists()


def _ranked_query_count(api, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(12) as context:
        response = api.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), len(response.json()["results"])


def test_ranking_query_count_is_constant(
    api, caseworker, citizen, team, jobcenter, django_assert_num_queries
):
    """The ranking is one SQL statement whatever the number of results."""
    employer = EmployerFactory(jobcenter=jobcenter)
    profile_for(citizen)
    vacancy = VacancyFactory(employer=employer)
    api.force_authenticate(caseworker)
    counts = []
    for _round in range(2):
        api.force_authenticate(caseworker.__class__.objects.get(pk=caseworker.pk))
        with django_assert_num_queries(5):  # team ids, citizen, profile, ranking, audit
            response = api.get(f"/api/v1/citizens/{citizen.pk}/matches/?limit=20")
        counts.append(len(response.json()["results"]))
        api.force_authenticate(caseworker.__class__.objects.get(pk=caseworker.pk))
        # team ids, jobcenter ids, vacancy, ranking, re-check of the citizens, audit
        with django_assert_num_queries(6):
            response = api.get(f"/api/v1/vacancies/{vacancy.pk}/matches/?limit=20")
        VacancyFactory.create_batch(8, employer=employer)
        for _ in range(8):
            profile_for(CitizenFactory(team=team))
    assert counts[1] > counts[0]


def test_ranking_filters(api, team_lead, citizen, other_team, jobcenter):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    profile_for(citizen)
    api.force_authenticate(team_lead)
    url = f"/api/v1/citizens/{citizen.pk}/matches/"
    assert api.get(url).json()["count"] == 1
    assert api.get(url, {"occupation_major": 9}).json()["count"] == 1
    assert api.get(url, {"occupation_major": 2}).json()["count"] == 0
    assert api.get(url, {"sector": "public"}).json()["count"] == 0
    url = f"/api/v1/vacancies/{vacancy.pk}/matches/"
    assert api.get(url, {"team": citizen.team_id}).json()["count"] == 1
    assert api.get(url, {"team": other_team.pk}).json()["count"] == 0
    assert api.get(url, {"caseworker": citizen.caseworker_id}).json()["count"] == 1
    assert api.get(url, {"flex_job": "1"}).json()["count"] == 0
