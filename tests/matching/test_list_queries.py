"""List pages and endpoints: the number of queries does not grow with the rows."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from matching import services
from tests.factories import CitizenFactory
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for


def _fill(jobcenter, team, caseworker, rows: int) -> None:
    employer = EmployerFactory(jobcenter=jobcenter)
    for _ in range(rows):
        EmployerFactory(jobcenter=jobcenter)
        vacancy = VacancyFactory(employer=employer)
        citizen = CitizenFactory(team=team)
        profile_for(citizen)
        services.match_propose(citizen=citizen, vacancy=vacancy, proposed_by=caseworker)


# Queries per request (force_authenticate, so no session), none per row:
# employers: team ids, jobcenter ids (twice: the scope and the consultant choices, a fresh
#   query each time), count, page, contacts prefetch = 6
# vacancies: team ids, jobcenter ids (scope and employer choices), count, page = 5
# matches: team ids, jobcenter ids (vacancy choices), count, page = 4
@pytest.mark.parametrize("rows", [2, 8])
@pytest.mark.parametrize(
    ("url", "queries"),
    [("/api/v1/employers/", 6), ("/api/v1/vacancies/", 5), ("/api/v1/matches/", 4)],
)
def test_api_lists(url, queries, rows, caseworker, team, jobcenter, django_assert_num_queries):
    _fill(jobcenter, team, caseworker, rows)
    api = APIClient()
    api.force_authenticate(caseworker.__class__.objects.get(pk=caseworker.pk))
    with django_assert_num_queries(queries):
        response = api.get(url)
    assert response.status_code == 200
    assert response.json()["count"] >= rows


@pytest.mark.parametrize("rows", [2, 8])
def test_vacancy_list_page(rows, client, caseworker, team, jobcenter, django_assert_num_queries):
    _fill(jobcenter, team, caseworker, rows)
    client.force_login(caseworker)
    # session, user, team ids, jobcenter ids, count, page (with employer, occupation,
    # postcode), the navigation's two, session save
    with django_assert_num_queries(9):
        response = client.get(reverse("vacancy_list"))
    assert len(response.context["page"]) == rows
