"""Answers and screenings for the screening tests."""

from __future__ import annotations

import importlib

from django.apps import apps

from screening import services

ALL_NONE = {
    "seeing": "none",
    "hearing": "none",
    "mobility": "none",
    "cognition": "none",
    "self_care": "none",
    "communication": "none",
}


def answers(**overrides) -> dict:
    return {**ALL_NONE, **overrides}


def screen(citizen, by, **overrides):
    return services.screening_complete(
        citizen=citizen, answers=answers(**overrides), screened_by=by
    )


def ensure_seeded() -> None:
    """Transactional (browser) tests flush the database, data migrations included: re-seed."""
    migration = importlib.import_module("screening.migrations.0002_seed_questionnaire_and_rules")
    migration.seed(apps, None)
