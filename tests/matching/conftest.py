import pytest

from matching.models import Postcode
from matching.reference_data import load_all


@pytest.fixture(autouse=True)
def reference_data(db):
    """Transactional (browser) tests flush the tables the migrations filled; reload them."""
    if not Postcode.objects.exists():
        load_all()
