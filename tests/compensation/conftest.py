import importlib

import pytest
from django.apps import apps


@pytest.fixture(autouse=True)
def schemes(request):
    """The catalogue comes from a data migration; transactional tests flush it, so re-seed."""
    if "db" not in request.fixturenames and "transactional_db" not in request.fixturenames:
        marker = request.node.get_closest_marker("django_db")
        if marker is None:
            return
    request.getfixturevalue("db") if not _transactional(request) else None
    seed = importlib.import_module("compensation.migrations.0002_seed_schemes").seed
    seed(apps, None)


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
