"""The match pipeline: transitions, the employer-response deadline and the hire's effects."""

import datetime as dt

import pytest

from jobcenter import events
from jobcenter.models import AuditEvent, Deadline, DeadlineKind
from jobcenter.services import DomainError
from matching import services
from matching.models import MatchStatus, VacancyStatus
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for


@pytest.fixture
def vacancy(jobcenter, consultant):
    return VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter, consultant=consultant))


@pytest.fixture
def match(citizen, vacancy, caseworker):
    profile_for(citizen)
    return services.match_propose(citizen=citizen, vacancy=vacancy, proposed_by=caseworker)


def test_propose_stores_score_and_explanation(match):
    assert match.status == MatchStatus.PROPOSED
    assert match.score > 0
    assert len(match.explanation) == 6
    assert match.steps.count() == 1


def test_proposing_twice_is_a_domain_error(match, caseworker):
    with pytest.raises(DomainError):
        services.match_propose(citizen=match.citizen, vacancy=match.vacancy, proposed_by=caseworker)


@pytest.mark.parametrize("status", [MatchStatus.INTERVIEW, MatchStatus.HIRED, "nonsense"])
def test_illegal_transitions_are_refused(match, caseworker, status):
    with pytest.raises(DomainError) as error:
        services.match_advance(match=match, status=status, by=caseworker)
    assert error.value.code == "illegal_transition"


def test_contacted_sets_an_employer_response_deadline_for_the_consultant(
    match, caseworker, consultant
):
    services.match_advance(match=match, status="contacted", by=caseworker, on=dt.date(2026, 11, 23))
    deadline = Deadline.objects.get(kind=DeadlineKind.EMPLOYER_RESPONSE)
    assert deadline.owner == consultant
    assert deadline.due_at.date() == dt.date(2026, 12, 7)  # 10 working days later
    services.match_advance(match=match, status="interview", by=caseworker)
    deadline.refresh_from_db()
    assert deadline.done_at is not None


def test_declined_and_withdrawn_are_final(match, caseworker):
    services.match_advance(match=match, status="declined", by=caseworker, note="Ikke nu")
    match.refresh_from_db()
    assert match.closed_on is not None
    with pytest.raises(DomainError):
        services.match_advance(match=match, status="contacted", by=caseworker)


def test_hire_side_effects(match, caseworker, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    events.citizen_hired.connect(listener)
    try:
        services.match_advance(match=match, status="contacted", by=caseworker)
        services.match_advance(match=match, status="interview", by=caseworker)
        with django_capture_on_commit_callbacks(execute=True):
            services.match_advance(
                match=match, status="hired", by=caseworker, on=dt.date(2026, 12, 1)
            )
    finally:
        events.citizen_hired.disconnect(listener)
    match.refresh_from_db()
    match.citizen.refresh_from_db()
    match.vacancy.refresh_from_db()
    assert match.status == MatchStatus.HIRED
    assert match.hired_on == dt.date(2026, 12, 1)
    assert match.citizen.status == "employed"
    assert match.vacancy.status == VacancyStatus.FILLED
    retention = Deadline.objects.filter(kind=DeadlineKind.RETENTION_FOLLOW_UP).order_by("due_at")
    assert [d.due_at.date() for d in retention] == [
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 6, 1),
    ]
    assert all(d.owner == caseworker and d.citizen == match.citizen for d in retention)
    assert len(received) == 1
    assert received[0]["match"] == match
    assert received[0]["hired_on"] == dt.date(2026, 12, 1)
    assert AuditEvent.objects.filter(citizen=match.citizen, purpose="hired").exists()


def test_a_vacancy_with_two_positions_stays_open_after_one_hire(
    citizen, caseworker, jobcenter, consultant
):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter), positions=2)
    profile_for(citizen)
    match = services.match_propose(citizen=citizen, vacancy=vacancy, proposed_by=caseworker)
    for status in ("contacted", "interview", "hired"):
        services.match_advance(match=match, status=status, by=caseworker)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.OPEN


def test_fast_track_links_after_hire(match, caseworker, monkeypatch):
    import sys
    import types

    from matching.selectors import fast_track_links

    fake = types.ModuleType("screening.selectors")
    fake.suggested_scheme_codes = lambda citizen: ["mentor", "assistive_aids"]
    monkeypatch.setitem(sys.modules, "screening.selectors", fake)
    monkeypatch.setattr("matching.selectors.reverse", lambda name, args: f"/apply/{args[0]}/")
    assert fast_track_links(match) == []  # not hired yet
    for status in ("contacted", "interview", "hired"):
        match = services.match_advance(match=match, status=status, by=caseworker)
    links = fast_track_links(match)
    assert [link["scheme"] for link in links] == ["mentor", "assistive_aids"]
    assert all(link["name"] for link in links)  # the scheme's name, or its code without it
    assert "fast_track=1" in links[0]["url"]
    assert f"employer={match.vacancy.employer_id}" in links[0]["url"]


def test_screening_completed_adds_consented_needs(citizen, caseworker):
    events.screening_completed.send(
        sender=None,
        screening=None,
        citizen=citizen,
        consented_accommodations=["quiet_workspace", "extra_breaks"],
        by=caseworker,
    )
    profile = citizen.match_profile
    assert sorted(profile.needs.values_list("code", flat=True)) == [
        "extra_breaks",
        "quiet_workspace",
    ]
    assert profile.necessary_mask == profile.needs_mask != 0
    assert set(profile.needs.values_list("source", flat=True)) == {"screening"}
