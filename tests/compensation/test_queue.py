"""The team leads' queue: order, marks, tabs, scope, and a constant number of queries."""

import datetime as dt

import pytest
from django.utils import timezone

from compensation.models import Application, ApplicationStatus, Scheme
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def seed_queue(team, created_by, count, *, fast_track=True, start=None):
    """``count`` submitted applications, one citizen each, due on successive days."""
    scheme = Scheme.objects.get(code="mentor")
    today = start or timezone.localdate()
    citizens = [CitizenFactory.build(team=team, jobcenter=team.jobcenter) for _ in range(count)]
    for c in citizens:
        c.set_cpr(None)
    citizens = type(citizens[0]).objects.bulk_create(citizens)
    Application.objects.bulk_create(
        Application(
            citizen=citizen,
            team=team,
            scheme=scheme,
            status=ApplicationStatus.SUBMITTED,
            fast_track=fast_track,
            created_by=created_by,
            submitted_at=timezone.now(),
            decision_due=today + dt.timedelta(days=index - 1),
        )
        for index, citizen in enumerate(citizens)
    )


# 1 session, 2 user, 3 the lead's memberships (read once for scope, rules and navigation),
# 4 count, 5 one page of applications joined with citizen, scheme, claimer, creator and team,
# then savepoint, session update, release (SESSION_SAVE_EVERY_REQUEST).
@pytest.mark.parametrize(("url", "queries"), [("/compensation/queue/", 8), ("/api/v1/queue/", 8)])
def test_query_count_is_constant_from_5_to_500(
    client, team, caseworker, team_lead, url, queries, django_assert_num_queries
):
    client.force_login(team_lead)
    seed_queue(team, caseworker, 5)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    seed_queue(team, caseworker, 495)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_most_urgent_first_with_overdue_and_today_marked(client, team, caseworker, team_lead):
    seed_queue(team, caseworker, 4)
    client.force_login(team_lead)
    response = client.get("/compensation/queue/")
    rows = response.context["rows"]
    assert [row.decision_due for row in rows] == sorted(row.decision_due for row in rows)
    assert rows[0].urgency.overdue and rows[1].urgency.due_today
    html = response.content.decode()
    assert "Overskredet" in html or "Overdue" in html
    api = client.get("/api/v1/queue/").json()
    assert api["count"] == 4
    assert api["results"][0]["overdue"] is True
    assert api["results"][1]["due_today"] is True
    assert "working_days_left" in api["results"][2]


def test_normal_applications_are_in_the_second_tab(client, team, caseworker, team_lead):
    seed_queue(team, caseworker, 2, fast_track=False)
    seed_queue(team, caseworker, 1)
    client.force_login(team_lead)
    assert client.get("/compensation/queue/").context["page"].paginator.count == 1
    assert client.get("/compensation/queue/?tab=normal").context["page"].paginator.count == 2
    assert client.get("/api/v1/queue/?fast_track=false").json()["count"] == 2


def test_only_the_leads_own_teams(client, team, caseworker, other_lead, outsider):
    seed_queue(team, caseworker, 3)
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get("/compensation/queue/").context["page"].paginator.count == 0
        assert client.get("/api/v1/queue/").json()["count"] == 0


def test_caseworkers_have_no_queue(client, caseworker):
    client.force_login(caseworker)
    assert client.get("/compensation/queue/").status_code == 403
    assert client.get("/api/v1/queue/").status_code == 403


def test_wrong_method(client, team_lead):
    client.force_login(team_lead)
    assert client.post("/compensation/queue/").status_code == 405
    assert client.get("/compensation/queue/next/").status_code == 405
