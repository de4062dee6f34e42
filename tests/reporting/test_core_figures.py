"""The core figures on a small hand-built data set; expected numbers worked out by hand."""

import datetime as dt

import pytest
from django.utils import timezone

from jobcenter.models import CitizenStatus, Role
from reporting.core_figures import caseload, first_contacts, overdue_deadlines
from reporting.figures import Period, ReportScope
from tests.factories import CitizenFactory, DeadlineFactory, member

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))


@pytest.fixture
def scope(team, other_team):
    return ReportScope(teams=[team, other_team], period=YEAR)


def test_first_contacts_per_team_count_only_the_period(scope, team, other_team):
    for day in (dt.date(2026, 1, 1), dt.date(2026, 3, 15), dt.date(2026, 6, 30)):
        CitizenFactory(team=team, first_contact_date=day)  # 3 in the period
    CitizenFactory(team=team, first_contact_date=dt.date(2025, 12, 31))  # before
    CitizenFactory(team=team, first_contact_date=dt.date(2026, 7, 1))  # after
    CitizenFactory(team=other_team, first_contact_date=dt.date(2026, 2, 2))  # 1

    data = first_contacts(scope)

    assert data.rows == [["Team 1", 3], ["Team 2", 1]]


def test_first_contacts_leave_out_teams_outside_the_scope(team, other_team):
    CitizenFactory(team=other_team, first_contact_date=dt.date(2026, 2, 2))

    data = first_contacts(ReportScope(teams=[team], period=YEAR))

    assert data.rows == [["Team 1", 0]]


def test_caseload_counts_open_cases_per_caseworker(scope, team, other_team, caseworker):
    anna = member(team, Role.CASEWORKER, first_name="Anna", last_name="Berg")
    caseworker.first_name, caseworker.last_name = "Carl", "Dahl"
    caseworker.save()
    CitizenFactory(team=team, caseworker=anna)
    CitizenFactory(team=team, caseworker=anna, status=CitizenStatus.EMPLOYED)
    CitizenFactory(team=team, caseworker=anna, status=CitizenStatus.CLOSED)  # not counted
    CitizenFactory(team=other_team, caseworker=caseworker)
    CitizenFactory(team=team, caseworker=None)

    data = caseload(scope)

    assert data.rows == [
        ["Anna Berg", 1, 1, 2],
        ["Carl Dahl", 1, 0, 1],
        ["Ingen personlig jobformidler", 1, 0, 1],
    ]


def test_overdue_deadlines_per_team(scope, team, other_team):
    now = timezone.now()
    in_period = timezone.make_aware(dt.datetime(2026, 2, 1, 12))
    DeadlineFactory(team=team, due_at=in_period)  # overdue, due in the period
    DeadlineFactory(team=team, due_at=now - dt.timedelta(hours=1))  # overdue
    DeadlineFactory(team=team, due_at=in_period, done_at=now)  # done
    DeadlineFactory(team=team, due_at=now + dt.timedelta(days=1))  # not yet due
    DeadlineFactory(team=other_team, due_at=in_period)

    data = overdue_deadlines(scope)

    assert data.rows == [["Team 1", 2, 1], ["Team 2", 1, 1]]


def test_teams_of_several_jobcenters_are_named_with_their_jobcenter(team, outsider):
    foreign = outsider.memberships.select_related("team__jobcenter").get().team
    CitizenFactory(team=foreign, first_contact_date=dt.date(2026, 2, 2))

    data = first_contacts(ReportScope(teams=[team, foreign], period=YEAR))

    assert data.rows == [
        ["Jobcenter Testby: Team 1", 0],
        [f"Jobcenter Andetsteds: {foreign.name}", 1],
    ]
