"""The pure outcome function: WG-SS cut-offs, Enhanced indicators, summary, suggestions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.outcome import (
    RuleSpec,
    compute_outcome,
    enhanced_indicators,
    identifiers,
    suggestions,
    summary,
)
from screening.questionnaire import WG_DOMAINS

N, S, L, C, R, D = "none", "some", "a_lot", "cannot", "refused", "dont_know"

# Six domains in order: seeing, hearing, mobility, cognition, self_care, communication
# -> expected (disability1, disability2, disability3, disability4)
CUT_OFFS = [
    ((N, N, N, N, N, N), (False, False, False, False)),
    ((S, N, N, N, N, N), (True, False, False, False)),
    ((S, S, N, N, N, N), (True, True, False, False)),
    ((N, N, S, N, S, S), (True, True, False, False)),
    ((L, N, N, N, N, N), (True, True, True, False)),
    ((N, N, N, N, N, C), (True, True, True, True)),
    ((S, N, N, L, N, N), (True, True, True, False)),
    ((C, L, S, S, N, N), (True, True, True, True)),
    # refused / don't know are no evidence of difficulty
    ((R, D, N, N, N, N), (False, False, False, False)),
    ((R, R, R, R, R, S), (True, False, False, False)),
    ((D, D, D, D, S, S), (True, True, False, False)),
    ((R, D, R, D, R, L), (True, True, True, False)),
    ((D, D, D, D, D, C), (True, True, True, True)),
    ((R, N, R, N, R, N), (False, False, False, False)),
    # all six refused or don't know: every identifier unknown
    ((R, R, R, R, R, R), (None, None, None, None)),
    ((D, D, D, D, D, D), (None, None, None, None)),
    ((R, D, R, D, R, D), (None, None, None, None)),
]


@pytest.mark.parametrize(("levels", "expected"), CUT_OFFS)
def test_cut_offs_for_every_identifier(levels, expected):
    result = identifiers(dict(zip(WG_DOMAINS, levels, strict=True)))
    assert (
        result["disability1"],
        result["disability2"],
        result["disability3"],
        result["disability4"],
    ) == expected


def test_all_missing_is_unknown():
    assert identifiers({}) == {f"disability{n}": None for n in range(1, 5)}
    assert summary({}) == "unknown"


def test_a_missing_domain_counts_as_no_evidence():
    assert identifiers({"seeing": "some"})["disability1"] is True
    assert identifiers({"seeing": "some"})["disability2"] is False


LEVEL = st.sampled_from([N, S, L, C, R, D, None])


@given(st.tuples(*[LEVEL] * 6))
def test_identifiers_nest_whenever_known(levels):
    answers = {key: value for key, value in zip(WG_DOMAINS, levels, strict=True) if value}
    ids = identifiers(answers)
    values = [ids[f"disability{n}"] for n in range(1, 5)]
    if all(value is None for value in values):
        assert all(level in (R, D, None) for level in levels)
        return
    assert all(value is not None for value in values)
    d1, d2, d3, d4 = values
    assert (not d4) or d3
    assert (not d3) or d2
    assert (not d2) or d1


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, {"upper_body": None, "anxiety": None, "depression": None}),
        ({"upper_body_lift": S, "upper_body_hands": N}, {"upper_body": False}),
        ({"upper_body_lift": L}, {"upper_body": True}),
        ({"upper_body_hands": C, "upper_body_lift": R}, {"upper_body": True}),
        ({"upper_body_hands": R, "upper_body_lift": D}, {"upper_body": None}),
        ({"anxiety_frequency": "daily", "anxiety_level": "a_lot"}, {"anxiety": True}),
        ({"anxiety_frequency": "daily", "anxiety_level": "in_between"}, {"anxiety": False}),
        ({"anxiety_frequency": "weekly", "anxiety_level": "a_lot"}, {"anxiety": False}),
        ({"anxiety_frequency": "refused"}, {"anxiety": None}),
        ({"depression_frequency": "daily", "depression_level": "a_lot"}, {"depression": True}),
        ({"depression_frequency": "never"}, {"depression": False}),
    ],
)
def test_enhanced_indicators(answers, expected):
    result = enhanced_indicators(answers)
    for key, value in expected.items():
        assert result[key] is value


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"seeing": N}, "none"),
        ({"seeing": S}, "some"),
        ({"seeing": S, "hearing": L}, "a_lot_or_cannot"),
        ({"seeing": N, "upper_body_lift": C}, "a_lot_or_cannot"),
        ({"seeing": R, "hearing": D}, "unknown"),
    ],
)
def test_three_way_summary(answers, expected):
    assert summary(answers) == expected


RULES = [
    RuleSpec(1, "assistive_aids", "hearing", ("a_lot", "cannot"), "aids", "hjælpemidler"),
    RuleSpec(2, "personal_assistance", "hearing", ("a_lot", "cannot"), "interp.", "tolk"),
    RuleSpec(3, "mentor", "accommodations", ("mentor",), "mentor", "mentor"),
    RuleSpec(4, "assistive_aids", "mobility", ("some", "a_lot"), "mobility", "mobilitet"),
]


def test_suggestions_carry_reasons_and_each_code_once():
    result = suggestions({"hearing": L, "mobility": S, "accommodations": ["mentor"]}, RULES)
    assert [entry["code"] for entry in result] == [
        "assistive_aids",
        "personal_assistance",
        "mentor",
    ]
    assert [reason["en"] for reason in result[0]["reasons"]] == ["aids", "mobility"]
    assert suggestions({"hearing": S}, RULES) == []


def test_next_steps():
    some = compute_outcome({**dict.fromkeys(WG_DOMAINS, N), "cognition": S}, RULES)
    assert some["next_steps"]["follow_up"] is True
    assert some["next_steps"]["referral"] is False
    severe = compute_outcome({**dict.fromkeys(WG_DOMAINS, N), "cognition": L}, RULES)
    assert severe["next_steps"] == {
        "follow_up": False,
        "referral": True,
        "share_accommodations": [],
    }
    anxious = compute_outcome(
        {"seeing": N, "anxiety_frequency": "daily", "anxiety_level": "a_lot"}, RULES
    )
    assert anxious["next_steps"]["referral"] is True
    shared = compute_outcome({"seeing": N, "accommodations": ["mentor"], "consent": True}, RULES)
    assert shared["next_steps"]["share_accommodations"] == ["mentor"]
    withheld = compute_outcome({"seeing": N, "accommodations": ["mentor"], "consent": False}, [])
    assert withheld["next_steps"]["share_accommodations"] == []
    assert compute_outcome({"seeing": S, "hearing": C}, [])["domains_with_difficulty"] == [
        "seeing",
        "hearing",
    ]
