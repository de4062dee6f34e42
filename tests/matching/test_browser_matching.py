"""In Chromium: employer page, vacancy form (htmx autocomplete) and both rankings, with axe."""

import pytest

from tests.browser import assert_accessible, sign_in
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employer_and_ranking_pages_are_accessible(
    page, live_server, consultant, citizen, jobcenter
):
    employer = EmployerFactory(jobcenter=jobcenter, knows_schemes=False, consultant=consultant)
    vacancy = VacancyFactory(employer=employer)
    profile_for(citizen)
    sign_in(page, live_server, consultant.username)
    page.goto(f"{live_server.url}/matching/employers/{employer.pk}/")
    assert page.get_by_role("heading", name="Foreslåede næste skridt").is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/matching/employers/{employer.pk}/vacancies/new/")
    page.get_by_label("Stilling (DISCO-08)").press_sequentially("bager")
    # htmx fills the datalist with suggestions from the reference data.
    suggestion = page.locator("#occupation-options option").first
    suggestion.wait_for(state="attached")
    assert "7512" in suggestion.get_attribute("value")
    assert_accessible(page)
    page.goto(f"{live_server.url}/matching/citizens/{citizen.pk}/matches/")
    assert page.get_by_role("link", name=vacancy.title).is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/matching/vacancies/{vacancy.pk}/matches/")
    assert page.get_by_role("link", name=citizen.full_name).is_visible()
    assert_accessible(page)
