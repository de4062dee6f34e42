"""The end of a hired job: the citizen is active again, the retention follow-ups stop, and
job retention at 3 and 6 months is counted from it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jobcenter.models import Deadline, DeadlineKind
from jobcenter.services import DomainError
from matching import services
from matching.models import Match, MatchStatus
from reporting.figures import Period, ReportScope
from reporting.sources.matching import retention
from tests.factories import CitizenFactory
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def hired(citizen, jobcenter, consultant, caseworker):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter, consultant=consultant))
    profile_for(citizen)
    match = services.match_propose(citizen=citizen, vacancy=vacancy, proposed_by=caseworker)
    for status in (MatchStatus.CONTACTED, MatchStatus.INTERVIEW):
        services.match_advance(match=match, status=status, by=caseworker)
    on = dt.date(2026, 1, 5)
    return services.match_advance(match=match, status=MatchStatus.HIRED, by=caseworker, on=on)


def test_ending_the_job_reactivates_the_citizen_and_stops_the_follow_ups(hired, caseworker):
    open_follow_ups = Deadline.objects.filter(kind=DeadlineKind.RETENTION_FOLLOW_UP).open()
    assert open_follow_ups.count() == 3
    services.match_employment_end(match=hired, ended_on=dt.date(2026, 3, 5), by=caseworker)
    hired.refresh_from_db()
    hired.citizen.refresh_from_db()
    assert hired.employment_ended_on == dt.date(2026, 3, 5)
    assert hired.citizen.status == "active"
    assert open_follow_ups.count() == 0


def test_a_job_cannot_end_before_it_began_or_twice(hired, caseworker):
    with pytest.raises(ValidationError):
        services.match_employment_end(match=hired, ended_on=dt.date(2025, 12, 1), by=caseworker)
    services.match_employment_end(match=hired, ended_on=dt.date(2026, 2, 1), by=caseworker)
    with pytest.raises(DomainError):
        services.match_employment_end(match=hired, ended_on=dt.date(2026, 2, 2), by=caseworker)


def test_the_page_records_the_end_and_refuses_bad_dates(client, hired, caseworker, consultant):
    client.force_login(caseworker)
    url = f"/matching/matches/{hired.pk}/employment-ended/"
    assert "Registrér at jobbet er ophørt" in client.get(f"/matching/matches/{hired.pk}/").text
    response = client.post(url, {"ended_on": "2025-01-01"})
    assert response.status_code == 400
    assert "Jobbet kan ikke ophøre, før det begyndte." in response.content.decode()
    assert client.post(url, {"ended_on": "2026-04-01"}).status_code == 302
    hired.refresh_from_db()
    assert hired.employment_ended_on == dt.date(2026, 4, 1)


def test_retention_counts_hand_made_hirings(team):
    def hiring(hired_on, ended_on=None):
        citizen = CitizenFactory(team=team)
        vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=team.jobcenter))
        Match.objects.create(
            citizen=citizen,
            vacancy=vacancy,
            status=MatchStatus.HIRED,
            hired_on=hired_on,
            employment_ended_on=ended_on,
        )

    hiring(dt.date(2026, 1, 5), ended_on=dt.date(2026, 3, 5))  # left after 2 months
    hiring(dt.date(2026, 1, 10))  # still employed
    hiring(dt.date(2026, 2, 1), ended_on=dt.date(2026, 6, 1))  # left after 4 months
    hiring(dt.date(2026, 6, 1))  # too recent for 3 months on 20 July
    scope = ReportScope([team], Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    figure = retention(scope, today=dt.date(2026, 7, 20))
    # 3 months (hired on or before 20 April): 3 hirings, 2 still there 3 months later.
    assert figure.rows[0][1:] == [3, 2, 66.7]
    # 6 months (hired on or before 20 January): 2 hirings, 1 still there.
    assert figure.rows[1][1:] == [2, 1, 50.0]
