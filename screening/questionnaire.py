"""Reading a questionnaire definition (JSON data) and validating answers against it. Pure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

WG_DOMAINS = ("seeing", "hearing", "mobility", "cognition", "self_care", "communication")
UPPER_BODY = ("upper_body_lift", "upper_body_hands")
AFFECT = (("anxiety_frequency", "anxiety_level"), ("depression_frequency", "depression_level"))
CHOICE_KINDS = ("scale", "frequency", "level", "choice")
MAX_TEXT = 2000
MAX_HOURS = 80


def questions(definition: dict) -> Iterator[dict]:
    for section in definition.get("sections", []):
        yield from section.get("questions", [])


def question_map(definition: dict) -> dict[str, dict]:
    return {question["key"]: question for question in questions(definition)}


def text(value: dict | str, language: str | None = None) -> str:
    """The text of a ``{"en": ..., "da": ...}`` entry in the active language (Danish first)."""
    if isinstance(value, str):
        return value
    language = (language or get_language() or "da")[:2]
    return value.get(language) or value.get("da") or value.get("en") or ""


def choice_label(question: dict, value: str, language: str | None = None) -> str:
    for choice in question.get("choices", []):
        if choice["value"] == value:
            return text(choice, language)
    return value


def _valid_values(question: dict) -> set[str]:
    return {choice["value"] for choice in question.get("choices", [])}


def _check_one(question: dict, value: Any) -> tuple[Any, str | None]:
    """The normalised value and an error message (or None)."""
    kind = question["kind"]
    if kind in CHOICE_KINDS:
        if not isinstance(value, str) or value not in _valid_values(question):
            allowed = ", ".join(sorted(_valid_values(question)))
            return None, _("Unknown answer %(value)r; allowed: %(allowed)s.") % {
                "value": value,
                "allowed": allowed,
            }
        return value, None
    if kind == "multi":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return None, _("Expected a list of values.")
        unknown = [item for item in value if item not in _valid_values(question)]
        if unknown:
            return None, _("Unknown values: %(values)s.") % {"values": ", ".join(unknown)}
        return sorted(set(value)), None
    if kind == "text":
        if not isinstance(value, str):
            return None, _("Expected text.")
        if len(value) > MAX_TEXT:
            return None, _("At most %(max)d characters.") % {"max": MAX_TEXT}
        return value.strip(), None
    if kind == "hours":
        if value is None:
            return None, None
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, _("Expected a number of hours.")
        if not 0 <= value <= MAX_HOURS:
            return None, _("Hours must be between 0 and %(max)d.") % {"max": MAX_HOURS}
        return value, None
    if kind == "consent":
        if not isinstance(value, bool):
            return None, _("Expected true or false.")
        return value, None
    return None, _("Unsupported question kind.")


def validate_answers(definition: dict, answers: Any) -> tuple[dict, dict[str, list[str]]]:
    """Check answers against the definition: unknown keys and values and missing required
    questions (the six WG-SS domains) are errors. Returns (clean answers, errors by key)."""
    if not isinstance(answers, dict):
        return {}, {"non_field_errors": [_("Answers must be an object of question keys.")]}
    by_key = question_map(definition)
    clean: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for key, value in answers.items():
        question = by_key.get(key)
        if question is None:
            errors[key] = [_("Unknown question.")]
            continue
        if value in (None, "", []) and question["kind"] not in ("consent",):
            continue  # not answered
        normalised, error = _check_one(question, value)
        if error:
            errors[key] = [error]
        elif normalised not in (None, "", []):
            clean[key] = normalised
    for key, question in by_key.items():
        if question.get("required") and key not in clean and key not in errors:
            errors[key] = [_("This question must be answered.")]
    return clean, errors
