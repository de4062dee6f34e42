"""The outcome of a screening: one pure function of the answers and the suggestion rules.

Cut-offs are the Washington Group's (see docs/DOMAIN.md, Screening). ``refused`` and
``dont_know`` (and a missing answer) count as no evidence of difficulty; when none of the
six domains has a real answer every identifier is unknown (``None``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from screening.questionnaire import AFFECT, UPPER_BODY, WG_DOMAINS

DIFFICULTY = ("some", "a_lot", "cannot")
SEVERE = ("a_lot", "cannot")
NO_EVIDENCE = ("refused", "dont_know", None)


@dataclass(frozen=True)
class RuleSpec:
    """A suggestion rule as plain data: if the answer to ``question`` is (or, for a list
    answer, contains) one of ``values``, suggest ``scheme_code`` for the reason given."""

    pk: int | None
    scheme_code: str
    question: str
    values: tuple[str, ...]
    reason_en: str
    reason_da: str


def identifiers(answers: dict) -> dict[str, bool | None]:
    levels = [answers.get(domain) for domain in WG_DOMAINS]
    if all(level in NO_EVIDENCE for level in levels):
        return {f"disability{n}": None for n in range(1, 5)}
    some = sum(level == "some" for level in levels)
    severe = any(level in SEVERE for level in levels)
    return {
        "disability1": any(level in DIFFICULTY for level in levels),
        "disability2": some >= 2 or severe,
        "disability3": severe,
        "disability4": any(level == "cannot" for level in levels),
    }


def enhanced_indicators(answers: dict) -> dict[str, bool | None]:
    upper = [answers.get(key) for key in UPPER_BODY]
    result: dict[str, bool | None] = {
        "upper_body": None
        if all(level in NO_EVIDENCE for level in upper)
        else any(level in SEVERE for level in upper)
    }
    for frequency_key, level_key in AFFECT:
        name = frequency_key.removesuffix("_frequency")
        frequency = answers.get(frequency_key)
        if frequency in NO_EVIDENCE:
            result[name] = None
        else:
            result[name] = frequency == "daily" and answers.get(level_key) == "a_lot"
    return result


def summary(answers: dict) -> str:
    """``unknown``, ``none``, ``some`` or ``a_lot_or_cannot`` over the WG-SS and upper body."""
    levels = [answers.get(key) for key in (*WG_DOMAINS, *UPPER_BODY)]
    if all(level in NO_EVIDENCE for level in levels[: len(WG_DOMAINS)]):
        return "unknown"
    if any(level in SEVERE for level in levels):
        return "a_lot_or_cannot"
    if any(level == "some" for level in levels):
        return "some"
    return "none"


def _matches(rule: RuleSpec, answer) -> bool:
    if isinstance(answer, list):
        return any(str(item) in rule.values for item in answer)
    return answer is not None and str(answer) in rule.values


def suggestions(answers: dict, rules: Iterable[RuleSpec]) -> list[dict]:
    """Suggested schemes, each once, in rule order, with every reason that led to it."""
    by_code: dict[str, dict] = {}
    for rule in rules:
        if not _matches(rule, answers.get(rule.question)):
            continue
        entry = by_code.setdefault(rule.scheme_code, {"code": rule.scheme_code, "reasons": []})
        entry["reasons"].append({"rule": rule.pk, "en": rule.reason_en, "da": rule.reason_da})
    return list(by_code.values())


def compute_outcome(answers: dict, rules: Iterable[RuleSpec]) -> dict:
    ids = identifiers(answers)
    enhanced = enhanced_indicators(answers)
    overall = summary(answers)
    difficulty = [key for key in (*WG_DOMAINS, *UPPER_BODY) if answers.get(key) in DIFFICULTY]
    consent = answers.get("consent") is True
    accommodations = list(answers.get("accommodations", [])) if consent else []
    return {
        **ids,
        "enhanced": enhanced,
        "domains_with_difficulty": difficulty,
        "summary": overall,
        "suggested_schemes": suggestions(answers, rules),
        "next_steps": {
            # Only "some" difficulty: look again in a few weeks rather than act now.
            "follow_up": overall == "some",
            # A lot of difficulty, or daily strong anxiety/depression: specialised assessment.
            "referral": bool(ids["disability3"] or enhanced["anxiety"] or enhanced["depression"]),
            "share_accommodations": accommodations,
        },
    }


DECLINED_OUTCOME = {
    "disability1": None,
    "disability2": None,
    "disability3": None,
    "disability4": None,
    "enhanced": {"upper_body": None, "anxiety": None, "depression": None},
    "domains_with_difficulty": [],
    "summary": "declined",
    "suggested_schemes": [],
    "next_steps": {"follow_up": False, "referral": False, "share_accommodations": []},
}
