"""The pure scoring function: hard filters, components, explanations, monotonicity."""

import dataclasses

from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from matching.masks import mask_of
from matching.scoring import COMPONENTS, CitizenFeatures, VacancyFeatures, score_match, weights

CITIZEN = CitizenFeatures(
    skills=frozenset({1, 2, 3}),
    occupation_groups=frozenset({9333}),
    hours_min=20,
    hours_max=37,
    max_commute_km=30,
    latitude=56.15,
    longitude=10.20,
)
VACANCY = VacancyFeatures(
    employer_id=7,
    occupation_group=9333,
    required_skills=frozenset({1, 2, 4}),
    wanted_skills=frozenset({3}),
    hours_min=30,
    hours_max=37,
    readiness=80,
    latitude=56.16,
    longitude=10.21,
)


def failed(citizen, vacancy) -> list[str]:
    return [key for key, _text in score_match(citizen, vacancy).failed_filters]


def test_a_good_pair_passes_with_a_score_between_0_and_100():
    result = score_match(CITIZEN, VACANCY)
    assert result.passed
    assert 0 <= result.score <= 100


def test_filter_vacancy_must_be_open():
    assert failed(CITIZEN, dataclasses.replace(VACANCY, is_open=False)) == ["open"]


def test_filter_hours_must_overlap():
    vacancy = dataclasses.replace(VACANCY, hours_min=37, hours_max=37)
    citizen = dataclasses.replace(CITIZEN, hours_min=10, hours_max=15)
    assert failed(citizen, vacancy) == ["hours"]


def test_filter_hours_pass_as_flex_job_when_both_allow_it():
    vacancy = dataclasses.replace(VACANCY, hours_min=37, hours_max=37, flex_job_possible=True)
    citizen = dataclasses.replace(CITIZEN, hours_min=10, hours_max=15, flex_job_eligible=True)
    result = score_match(citizen, vacancy)
    assert result.passed
    hours = next(c for c in result.components if c.key == "hours")
    assert hours.fraction == 0.5
    assert failed(dataclasses.replace(citizen, flex_job_eligible=False), vacancy) == ["hours"]


def test_filter_within_commute_distance():
    far = dataclasses.replace(VACANCY, latitude=55.40, longitude=10.39)  # Odense
    assert failed(CITIZEN, far) == ["distance"]
    assert score_match(dataclasses.replace(CITIZEN, max_commute_km=150), far).passed


def test_filter_every_necessary_accommodation_offered():
    citizen = dataclasses.replace(
        CITIZEN,
        needs_mask=mask_of(["quiet_workspace", "extra_breaks"]),
        necessary_mask=mask_of(["quiet_workspace"]),
    )
    assert failed(citizen, VACANCY) == ["accommodation"]
    offered = dataclasses.replace(VACANCY, offered_mask=mask_of(["quiet_workspace"]))
    result = score_match(citizen, offered)
    assert result.passed
    accommodation = next(c for c in result.components if c.key == "accommodation")
    assert accommodation.fraction == 0.5  # one of the two needs is met


def test_filter_exclusions():
    assert failed(dataclasses.replace(CITIZEN, excluded_groups=frozenset({9333})), VACANCY) == [
        "excluded_occupation"
    ]
    assert failed(dataclasses.replace(CITIZEN, excluded_employers=frozenset({7})), VACANCY) == [
        "excluded_employer"
    ]


def test_every_component_is_explained():
    from django.utils import translation

    with translation.override("en"):
        explanation = score_match(CITIZEN, VACANCY).explanation()
    assert [part["component"] for part in explanation] == list(COMPONENTS)
    for part in explanation:
        assert part["text"]
        assert 0 <= part["points"] <= part["max_points"]
    assert explanation[0]["text"] == "Covers 2 of 3 required skills and 1 of 1 wanted"
    assert explanation[2]["text"].endswith("km from home")


def test_explanations_in_danish():
    from django.utils import translation

    with translation.override("da"):
        explanation = score_match(CITIZEN, VACANCY).explanation()
    assert explanation[0]["text"].startswith("Dækker 2 af 3 krævede kompetencer")
    assert explanation[2]["text"].endswith("km fra bopæl")


@override_settings(MATCH_WEIGHTS={"skills": 100, "occupation": 0})
def test_weights_come_from_settings():
    assert weights()["skills"] == 100
    assert weights()["occupation"] == 0
    assert weights()["distance"] == 15


skill_ids = st.frozensets(st.integers(1, 30), max_size=12)


@given(required=skill_ids, wanted=skill_ids, have=skill_ids, extra=st.integers(1, 30))
def test_more_covered_skills_never_lowers_the_score(required, wanted, have, extra):
    vacancy = dataclasses.replace(VACANCY, required_skills=required, wanted_skills=wanted)
    before = score_match(dataclasses.replace(CITIZEN, skills=have), vacancy)
    after = score_match(dataclasses.replace(CITIZEN, skills=have | {extra}), vacancy)
    assert after.score >= before.score


@given(
    near=st.floats(0, 0.5, allow_nan=False),
    further=st.floats(0, 0.5, allow_nan=False),
    commute=st.integers(1, 100),
)
def test_longer_distance_never_raises_the_score(near, further, commute):
    citizen = dataclasses.replace(CITIZEN, max_commute_km=commute)
    close = score_match(citizen, dataclasses.replace(VACANCY, latitude=CITIZEN.latitude + near))
    far = score_match(
        citizen, dataclasses.replace(VACANCY, latitude=CITIZEN.latitude + near + further)
    )
    # A pair that fails the distance filter ranks below every pair that passes.
    close_score = close.score if close.passed else -1
    far_score = far.score if far.passed else -1
    assert far_score <= close_score
