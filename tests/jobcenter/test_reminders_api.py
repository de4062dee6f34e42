"""API: GET /deadlines/, POST /deadlines/{id}/done/, GET /notifications/, POST .../read/."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobcenter.models import DeadlineKind, Notification, User
from tests.factories import DeadlineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(caseworker):
    client = APIClient()
    client.force_authenticate(caseworker)
    return client


def test_deadlines_are_scoped_and_filtered(api, team, other_team, caseworker):
    soon = DeadlineFactory(team=team, due_at=timezone.now() + dt.timedelta(days=1))
    later = DeadlineFactory(
        team=team, kind=DeadlineKind.GRANT_END, due_at=timezone.now() + dt.timedelta(days=30)
    )
    DeadlineFactory(team=other_team)
    done = DeadlineFactory(team=team, done_at=timezone.now())
    ids = {row["id"] for row in api.get("/api/v1/deadlines/").json()["results"]}
    assert ids == {soon.pk, later.pk, done.pk}
    before = (timezone.now() + dt.timedelta(days=7)).isoformat()
    response = api.get("/api/v1/deadlines/", {"due_before": before, "done": "false"})
    assert [row["id"] for row in response.json()["results"]] == [soon.pk]
    response = api.get("/api/v1/deadlines/", {"kind": "grant_end"})
    assert [row["id"] for row in response.json()["results"]] == [later.pk]
    response = api.get("/api/v1/deadlines/", {"done": "true"})
    assert [row["id"] for row in response.json()["results"]] == [done.pk]
    assert api.get("/api/v1/deadlines/", {"due_before": "not a date"}).status_code == 400


def test_deadlines_query_count_is_constant(api, team, caseworker, django_assert_num_queries):
    DeadlineFactory(team=team)
    # memberships (the user's team ids), COUNT, the page
    api.force_authenticate(User.objects.get(pk=caseworker.pk))
    with django_assert_num_queries(3):
        api.get("/api/v1/deadlines/")
    for _ in range(10):
        DeadlineFactory(team=team)
    api.force_authenticate(User.objects.get(pk=caseworker.pk))
    with django_assert_num_queries(3):
        assert len(api.get("/api/v1/deadlines/").json()["results"]) == 11


def test_done_and_done_twice(api, team, other_team):
    deadline = DeadlineFactory(team=team)
    response = api.post(f"/api/v1/deadlines/{deadline.pk}/done/")
    assert response.status_code == 200 and response.json()["done"] is True
    again = api.post(f"/api/v1/deadlines/{deadline.pk}/done/")
    assert again.status_code == 409 and again.json()["code"] == "already_done"
    outside = DeadlineFactory(team=other_team)
    assert api.post(f"/api/v1/deadlines/{outside.pk}/done/").status_code == 404
    assert api.get(f"/api/v1/deadlines/{deadline.pk}/done/").status_code == 405


def test_done_needs_a_case_role(team, consultant):
    client = APIClient()
    client.force_authenticate(consultant)
    deadline = DeadlineFactory(team=team)
    assert client.post(f"/api/v1/deadlines/{deadline.pk}/done/").status_code == 403


def test_notifications_are_the_callers_own(api, caseworker, caseworker2, team):
    deadline = DeadlineFactory(team=team, title="Opfølgning")
    mine = Notification.objects.create(
        recipient=caseworker, deadline=deadline, stage="due", created_at=timezone.now()
    )
    theirs = Notification.objects.create(
        recipient=caseworker2, deadline=deadline, stage="due", created_at=timezone.now()
    )
    rows = api.get("/api/v1/notifications/").json()["results"]
    assert [row["id"] for row in rows] == [mine.pk]
    assert rows[0]["deadline_title"] == "Opfølgning"
    response = api.post(f"/api/v1/notifications/{mine.pk}/read/")
    assert response.status_code == 200 and response.json()["read_at"]
    assert api.get("/api/v1/notifications/", {"unread": "true"}).json()["count"] == 0
    assert api.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404


def test_notifications_query_count_is_constant(api, caseworker, team, django_assert_num_queries):
    def add(count):
        for _ in range(count):
            Notification.objects.create(
                recipient=caseworker,
                deadline=DeadlineFactory(team=team),
                stage="due",
                created_at=timezone.now(),
            )

    add(1)
    # COUNT, the page with deadlines joined
    with django_assert_num_queries(2):
        api.get("/api/v1/notifications/")
    add(10)
    with django_assert_num_queries(2):
        assert api.get("/api/v1/notifications/").json()["count"] == 11


def test_anonymous_is_refused():
    assert APIClient().get("/api/v1/notifications/").status_code in (401, 403)
