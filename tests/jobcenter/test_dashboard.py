import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.factories import CitizenFactory, DeadlineFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)  # a Wednesday


@time_machine.travel(NOW, tick=False)
def test_deadlines_are_grouped_overdue_today_and_this_week(client, caseworker, team, caseworker2):
    def deadline(title, delta, owner=caseworker, **kwargs):
        return DeadlineFactory(
            team=team, owner=owner, title=title, due_at=timezone.now() + delta, **kwargs
        )

    deadline("late", dt.timedelta(days=-1))
    deadline("soon today", dt.timedelta(hours=3))
    deadline("friday", dt.timedelta(days=2))
    deadline("next month", dt.timedelta(days=30))
    deadline("someone else's", dt.timedelta(hours=1), owner=caseworker2)
    deadline("done", dt.timedelta(days=-2), done_at=timezone.now())
    client.force_login(caseworker)
    board = client.get("/").context["dashboard"]
    assert [d.title for d in board.overdue] == ["late"]
    assert [d.title for d in board.today] == ["soon today"]
    assert [d.title for d in board.this_week] == ["friday"]


def test_my_citizens_are_listed(client, caseworker, team, caseworker2):
    mine = CitizenFactory(team=team, caseworker=caseworker)
    CitizenFactory(team=team, caseworker=caseworker2)
    CitizenFactory(team=team, caseworker=caseworker, status="closed")
    client.force_login(caseworker)
    response = client.get("/")
    assert [c.pk for c in response.context["dashboard"].my_citizens] == [mine.pk]
    assert mine.full_name in response.content.decode()


def test_marking_a_deadline_done(client, caseworker, team):
    deadline = DeadlineFactory(team=team, owner=caseworker)
    client.force_login(caseworker)
    assert client.post(f"/deadlines/{deadline.pk}/done/").status_code == 302
    deadline.refresh_from_db()
    assert deadline.done_by == caseworker
    # Twice is a clear message, not an error.
    response = client.post(f"/deadlines/{deadline.pk}/done/", follow=True)
    assert "allerede markeret som udført" in response.content.decode()


def test_the_language_switcher_switches_to_english_and_remembers_it(client, caseworker):
    client.force_login(caseworker)
    assert "Mine frister" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "My deadlines" in client.get("/").content.decode()
    caseworker.refresh_from_db()
    assert caseworker.language == "en"


def test_the_timeline_shows_what_happened(client, caseworker, citizen, team):
    DeadlineFactory(team=team, citizen=citizen, title="Ring til borgeren")
    client.force_login(caseworker)
    html = client.get(f"/citizens/{citizen.pk}/").content.decode()
    assert "Registreret" in html and "Frist sat: Ring til borgeren" in html
