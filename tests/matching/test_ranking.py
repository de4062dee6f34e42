"""Ranking in SQL: agrees with the pure function, both ways, and the prefilter is harmless."""

import random

import pytest

from matching import ranking
from matching.models import Employer
from matching.selectors import score_pair
from tests.factories import CitizenFactory
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for

POSTCODES = ["8000", "8200", "8210", "8260", "8300", "8600", "8700", "7100", "5000", "9000"]


@pytest.fixture
def market(jobcenter, team):
    """A small random labour market: 12 employers, 60 vacancies, 40 citizens with profiles."""
    rng = random.Random(3)
    employers = [
        EmployerFactory(
            jobcenter=jobcenter,
            open_to_hiring=rng.choice([True, None, False]),
            knows_schemes=rng.random() < 0.5,
            offered_accommodations=rng.sample(["extra_breaks", "quiet_workspace", "mentor"], 1),
        )
        for _ in range(12)
    ]
    vacancies = [
        VacancyFactory(
            employer=rng.choice(employers),
            occupation_id=rng.choice(["9333", "9329", "5223", "4110", "2512"]),
            required_skills=rng.sample(range(1, 20), rng.randrange(0, 4)),
            wanted_skills=rng.sample(range(1, 20), rng.randrange(0, 3)),
            hours_min=rng.choice([10, 20, 30]),
            hours_max=37,
            flex_job_possible=rng.random() < 0.3,
            postcode_id=rng.choice(POSTCODES),
        )
        for _ in range(60)
    ]
    profiles = []
    for _ in range(40):
        citizen = CitizenFactory(team=team, postcode=rng.choice(POSTCODES))
        profiles.append(
            profile_for(
                citizen,
                occupations=rng.sample(["9333", "9329", "5223", "4110", "2512", "7411"], 2),
                skills=rng.sample(range(1, 20), rng.randrange(1, 8)),
                hours_min=rng.choice([10, 15, 20]),
                hours_max=rng.choice([25, 37]),
                max_commute_km=rng.choice([10, 30, 60, 200]),
                flex_job_eligible=rng.random() < 0.3,
            )
        )
    return employers, vacancies, profiles


def test_sql_score_equals_the_pure_function(market):
    _employers, vacancies, profiles = market
    by_id = {v.pk: v for v in vacancies}
    for profile in profiles[:15]:
        for item in ranking.vacancies_for_profile(profile, limit=60):
            assert item.sql_score == item.score
            assert score_pair(profile, by_id[item.vacancy_id]).score == item.score


def test_ranked_rows_pass_the_filters_and_all_passing_rows_are_ranked(market):
    _employers, vacancies, profiles = market
    profile = profiles[0]
    passing = {v.pk for v in vacancies if score_pair(profile, v).passed}
    ranked = ranking.vacancies_for_profile(profile, limit=100)
    assert {item.vacancy_id for item in ranked} == passing
    assert [item.score for item in ranked] == sorted((i.score for i in ranked), reverse=True)


def test_ranking_both_ways_agrees(market, team):
    _employers, vacancies, profiles = market
    by_id = {v.pk: v for v in vacancies}
    for profile in profiles[:10]:
        for item in ranking.vacancies_for_profile(profile, limit=5):
            other_way = ranking.citizens_for_vacancy(
                by_id[item.vacancy_id], team_ids=[team.pk], limit=50
            )
            scores = {row.citizen_id: row.score for row in other_way}
            if profile.citizen_id in scores:
                assert scores[profile.citizen_id] == item.score
            else:  # cut off by the limit: everyone listed scores at least as much
                assert min(scores.values()) >= item.score


def test_prefilter_does_not_change_the_top(market):
    _employers, _vacancies, profiles = market
    for profile in profiles:
        with_box = ranking.vacancies_for_profile(profile, limit=20, prefilter=True)
        without = ranking.vacancies_for_profile(profile, limit=20, prefilter=False)
        assert [i.vacancy_id for i in with_box] == [i.vacancy_id for i in without]


def test_only_the_callers_teams_and_active_citizens(market, team, other_team):
    _employers, vacancies, profiles = market
    vacancy = vacancies[0]
    everyone = ranking.citizens_for_vacancy(vacancy, team_ids=None, limit=100)
    assert ranking.citizens_for_vacancy(vacancy, team_ids=[other_team.pk], limit=100) == []
    if everyone:
        citizen = profiles[0].citizen.__class__.objects.get(pk=everyone[0].citizen_id)
        citizen.status = "closed"
        citizen.save()
        again = ranking.citizens_for_vacancy(vacancy, team_ids=[team.pk], limit=100)
        assert citizen.pk not in {item.citizen_id for item in again}


def test_filters_sector_and_flex(market):
    _employers, _vacancies, profiles = market
    profile = profiles[1]
    public = ranking.vacancies_for_profile(profile, limit=100, sector="public")
    public_ids = set(Employer.objects.filter(sector="public").values_list("pk", flat=True))
    assert all(item.employer_id in public_ids for item in public)
    for item in ranking.vacancies_for_profile(profile, limit=100, flex_job_only=True):
        assert item.result.passed
