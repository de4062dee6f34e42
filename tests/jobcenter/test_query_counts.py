"""The citizen list and the dashboard make the same number of queries for 5 and 500 citizens."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CitizenFactory, DeadlineFactory

pytestmark = pytest.mark.django_db


def _grow(team, caseworker, count):
    for _ in range(count):
        citizen = CitizenFactory(team=team, caseworker=caseworker)
        due = timezone.now() + dt.timedelta(hours=-5 + count % 9)
        DeadlineFactory(team=team, citizen=citizen, owner=caseworker, due_at=due)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/citizens/", "/citizens/?q=a&status=active&sort=-name", "/"])
def test_query_count_is_constant(client, team, caseworker, url):
    client.force_login(caseworker)
    _grow(team, caseworker, 5)
    small = _queries(client, url)
    _grow(team, caseworker, 495)
    assert _queries(client, url) == small


def test_citizen_list_queries(client, team, caseworker, django_assert_num_queries):
    _grow(team, caseworker, 30)
    client.force_login(caseworker)
    client.get("/citizens/")
    # session, user, the user's memberships (read once for scope, permissions and menu),
    # count, the filter form's team and caseworker choices (2), the page of citizens with
    # team and caseworker joined, and the session save (savepoint, update, release).
    with django_assert_num_queries(10):
        client.get("/citizens/")
