"""Turning a stored outcome into what pages show (labels, reasons, links)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jobcenter.vocab import Accommodation
from screening.models import SchemeCode, Screening, Summary
from screening.questionnaire import question_map, text

IDENTIFIERS = ("disability1", "disability2", "disability3", "disability4")


def identifier_meanings() -> dict[str, str]:
    return {
        "disability1": _("at least one domain with some difficulty or more"),
        "disability2": _("two domains with some difficulty, or one with a lot or more"),
        "disability3": _("at least one domain with a lot of difficulty or more"),
        "disability4": _("at least one domain the citizen cannot do at all"),
    }


def scheme_label(code: str) -> str:
    try:
        return str(SchemeCode(code).label)
    except ValueError:
        return code


def accommodation_labels(codes: list[str]) -> list[str]:
    labels = []
    for code in codes:
        try:
            labels.append(str(Accommodation(code).label))
        except ValueError:
            labels.append(code)
    return labels


def application_url(citizen_pk: int, code: str) -> str:
    """Compensation's pre-filled application page, when that app is installed."""
    try:
        base = reverse("application_create", args=[citizen_pk])
    except NoReverseMatch:
        return ""
    return f"{base}?{urlencode({'scheme': code})}"


def yes_no_unknown(value: bool | None) -> str:
    if value is None:
        return _("unknown")
    return _("yes") if value else _("no")


def present_outcome(screening: Screening) -> dict:
    outcome = screening.outcome or {}
    language = (get_language() or "da")[:2]
    questions = question_map(screening.questionnaire.definition)
    suggestions = [
        {
            "code": entry["code"],
            "label": scheme_label(entry["code"]),
            "reasons": [
                reason.get(language) or reason.get("da", "") for reason in entry["reasons"]
            ],
            "apply_url": application_url(screening.citizen_id, entry["code"]),
        }
        for entry in outcome.get("suggested_schemes", [])
    ]
    enhanced = outcome.get("enhanced", {})
    meanings = identifier_meanings()
    next_steps = outcome.get("next_steps", {})
    return {
        "summary": Summary(outcome.get("summary", "unknown")).label
        if outcome.get("summary") in Summary.values
        else outcome.get("summary", ""),
        "identifiers": [
            {
                "name": name,
                "meaning": meanings[name],
                "value": yes_no_unknown(outcome.get(name)),
            }
            for name in IDENTIFIERS
        ],
        "enhanced": [
            {"name": _("Upper body"), "value": yes_no_unknown(enhanced.get("upper_body"))},
            {"name": _("Anxiety"), "value": yes_no_unknown(enhanced.get("anxiety"))},
            {"name": _("Depression"), "value": yes_no_unknown(enhanced.get("depression"))},
        ],
        "domains": [
            text(questions[key]["text"]) if key in questions else key
            for key in outcome.get("domains_with_difficulty", [])
        ],
        "suggestions": suggestions,
        "follow_up": next_steps.get("follow_up", False),
        "follow_up_due": next_steps.get("follow_up_due", ""),
        "referral": next_steps.get("referral", False),
        "shared_accommodations": accommodation_labels(next_steps.get("share_accommodations", [])),
    }
