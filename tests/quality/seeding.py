"""The data migrations' content (questionnaire, schemes, reference data, reminder stages).

A transactional test's flush empties those tables and serialized_rollback did not bring them
back for the second browser test of a run here, so each journey re-seeds them (idempotent).
"""

import importlib

from django.apps import apps

from matching.models import Postcode
from matching.reference_data import load_all
from tests.screening.factories import ensure_seeded

SEEDS = (
    "compensation.migrations.0002_seed_schemes",
    "jobcenter.migrations.0003_seed_reminder_stages",
)


def seed_everything() -> None:
    ensure_seeded()
    for module in SEEDS:
        importlib.import_module(module).seed(apps, None)
    if not Postcode.objects.exists():
        load_all()
