"""The team lead's figures: screened within 14 days of first contact, share identified."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from screening import services
from screening.selectors import screening_figures
from tests.factories import CitizenFactory
from tests.screening.factories import screen

pytestmark = pytest.mark.django_db
START = dt.date(2026, 9, 1)
END = dt.date(2026, 9, 30)


def _screen_on(day: dt.date, citizen, by, **answers):
    with time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(10))), tick=False
    ):
        return screen(citizen, by, **answers)


@pytest.fixture
def cohort(team, other_team, caseworker):
    on_time = CitizenFactory(team=team, first_contact_date=dt.date(2026, 9, 2))
    _screen_on(dt.date(2026, 9, 16), on_time, caseworker, hearing="a_lot")  # day 14: in time
    late = CitizenFactory(team=team, first_contact_date=dt.date(2026, 9, 2))
    _screen_on(dt.date(2026, 9, 17), late, caseworker, seeing="some")  # day 15: late
    declined = CitizenFactory(team=team, first_contact_date=dt.date(2026, 9, 10))
    services.screening_decline(citizen=declined, declined_by=caseworker)
    CitizenFactory(team=team, first_contact_date=dt.date(2026, 9, 20))  # never screened
    CitizenFactory(team=team, first_contact_date=dt.date(2026, 8, 31))  # outside the period
    CitizenFactory(team=other_team, first_contact_date=dt.date(2026, 9, 5))  # other team


def test_figures_for_a_period(cohort, team):
    figures = screening_figures(team_ids={team.pk}, start=START, end=END)
    assert figures.first_contacts == 4
    assert figures.screened_in_time == 1
    assert figures.screened_known == 2  # on_time and late have a current completed screening
    assert figures.identified == 1
    assert figures.screened_share == 0.25
    assert figures.identified_share == 0.5


def test_a_correction_counts_with_its_current_outcome(team, caseworker):
    citizen = CitizenFactory(team=team, first_contact_date=dt.date(2026, 9, 2))
    _screen_on(dt.date(2026, 9, 3), citizen, caseworker, hearing="a_lot")
    _screen_on(dt.date(2026, 10, 3), citizen, caseworker)  # corrected later: none
    figures = screening_figures(team_ids={team.pk}, start=START, end=END)
    assert (figures.screened_in_time, figures.identified, figures.screened_known) == (1, 0, 1)


def test_empty_period():
    figures = screening_figures(team_ids=set(), start=START, end=END)
    assert figures.first_contacts == 0
    assert figures.screened_share is None and figures.identified_share is None


def test_the_panel_is_on_the_team_lead_s_dashboard(client, cohort, team_lead, caseworker):
    client.force_login(team_lead)
    html = client.get("/", {"screening_from": "2026-09-01", "screening_to": "2026-09-30"})
    html = html.content.decode()
    assert "Screeningstal" in html
    assert '<dd class="col-sm-4" id="fig-first-contacts">4</dd>' in html
    assert "1 (25 %)" in html
    assert "1 / 2 (50 %)" in html
    client.force_login(caseworker)
    assert "Screeningstal" not in client.get("/").content.decode()


def test_a_bad_period_falls_back_to_the_default(client, team_lead):
    client.force_login(team_lead)
    response = client.get("/", {"screening_from": "nonsense", "screening_to": "2026-13-45"})
    assert response.status_code == 200


def test_the_panel_costs_one_query(rf, team_lead, cohort, django_assert_num_queries):
    from screening.panels import dashboard_panel

    request = rf.get("/", {"screening_from": "2026-09-01", "screening_to": "2026-09-30"})
    request.user = team_lead
    team_lead.__dict__.pop("_memberships_cache", None)
    # 1 the lead's team ids, 2 the one aggregate over citizens with two subqueries
    with django_assert_num_queries(2):
        context = dashboard_panel(request)
    assert context["figures"].first_contacts == 4
