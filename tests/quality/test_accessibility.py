"""Every HTML page of the product, as each role, has no WCAG 2.1 A or AA violation (axe).

The pages come from the URL patterns through tests/url_matrix.py, so a new page is walked as
soon as it is classified there.
"""

import pytest
from django.urls import reverse

from tests.browser import axe_violations, sign_in
from tests.quality.seeding import seed_everything
from tests.url_matrix import MATRIX, NOT_PAGES, url_args

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _seeded(transactional_db):
    seed_everything()


def is_page(name: str) -> bool:
    """HTML pages we author: not the API (DRF route names have a dash), its schema and docs
    (the docs are Swagger UI's), nor fragments, downloads and the JSON health checks."""
    return (
        "-" not in name
        and not name.startswith("api_")
        and name not in NOT_PAGES
        and name != "healthz"
    )


@pytest.mark.parametrize("role", ["caseworker", "consultant", "team_lead"])
def test_every_page_is_accessible(page, live_server, cast, citizen, role):
    sign_in(page, live_server, cast[role].username)
    failures, visited = [], 0
    for name, (method, kind, expected) in sorted(MATRIX.items()):
        if method != "get" or expected[role] != 200 or not is_page(name):
            continue
        url = reverse(name, args=url_args(kind, citizen=citizen, cast=cast))
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        visited += 1
        failures += [f"{url}: {violation}" for violation in axe_violations(page)]
    assert visited >= 5
    assert failures == []


def test_the_sign_in_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert axe_violations(page) == []
