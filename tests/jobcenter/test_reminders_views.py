"""Notification pages: the bell, the list, mark read, preferences, health."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobcenter.models import Notification, NotificationPreference, Reminder
from tests.factories import DeadlineFactory


def _notify(user, count, *, read=False):
    for _ in range(count):
        deadline = DeadlineFactory(owner=user)
        Notification.objects.create(
            recipient=user,
            deadline=deadline,
            stage="due",
            created_at=timezone.now(),
            read_at=timezone.now() if read else None,
        )


@pytest.mark.django_db
def test_the_bell_query_count_is_constant(client, caseworker, django_assert_num_queries):
    client.force_login(caseworker)
    _notify(caseworker, 1)
    # session, user, COUNT of unread notifications, then the session save
    # (SESSION_SAVE_EVERY_REQUEST: savepoint, update, release)
    with django_assert_num_queries(6):
        first = client.get(reverse("notification_bell"))
    _notify(caseworker, 20)
    _notify(caseworker, 5, read=True)
    with django_assert_num_queries(6):
        second = client.get(reverse("notification_bell"))
    assert ">1<" in first.content.decode()
    assert ">21<" in second.content.decode()


@pytest.mark.django_db
def test_the_page_renders_the_bell_without_a_query(client, caseworker):
    client.force_login(caseworker)
    page = client.get(reverse("notification_list")).content.decode()
    assert 'hx-get="/notifications/bell/"' in page


@pytest.mark.django_db
def test_the_bell_needs_a_login(client):
    assert client.get(reverse("notification_bell")).status_code == 302


@pytest.mark.django_db
def test_the_list_query_count_is_constant(client, caseworker, django_assert_num_queries):
    client.force_login(caseworker)
    _notify(caseworker, 2)
    # session, user, COUNT for the paginator, the page of notifications with their deadlines,
    # memberships (navigation), session save (savepoint, update, release)
    with django_assert_num_queries(8):
        assert client.get(reverse("notification_list")).status_code == 200
    _notify(caseworker, 20)
    with django_assert_num_queries(8):
        response = client.get(reverse("notification_list"))
    assert len(response.context["page"].object_list) == 22


@pytest.mark.django_db
def test_mark_read_and_read_all(client, caseworker):
    client.force_login(caseworker)
    _notify(caseworker, 3)
    first = Notification.objects.first()
    assert client.get(reverse("notification_read", args=[first.pk])).status_code == 405
    assert client.post(reverse("notification_read", args=[first.pk])).status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    client.post(reverse("notification_read_all"))
    assert not Notification.objects.unread().exists()


@pytest.mark.django_db
def test_another_users_notification_is_a_404(client, caseworker, caseworker2):
    _notify(caseworker2, 1)
    other = Notification.objects.get()
    client.force_login(caseworker)
    assert client.post(reverse("notification_read", args=[other.pk])).status_code == 404
    assert client.get(reverse("notification_open", args=[other.pk])).status_code == 404


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_goes_to_the_citizen(
    client, caseworker, citizen, team
):
    deadline = DeadlineFactory(team=team, citizen=citizen, owner=caseworker)
    notification = Notification.objects.create(
        recipient=caseworker, deadline=deadline, stage="due", created_at=timezone.now()
    )
    client.force_login(caseworker)
    response = client.get(reverse("notification_open", args=[notification.pk]), follow=True)
    assert response.redirect_chain[-1][0] == citizen.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_deadline_link_outside_the_scope_is_a_404(client, outsider, team):
    deadline = DeadlineFactory(team=team)
    client.force_login(outsider)
    assert client.get(reverse("deadline_open", args=[deadline.pk])).status_code == 404


@pytest.mark.django_db
def test_preferences(client, caseworker):
    client.force_login(caseworker)
    url = reverse("notification_preferences")
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": "digest", "digest_hour": "9"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=caseworker)
    assert (preference.email, preference.digest_hour) == ("digest", 9)
    bad = client.post(url, {"email": "carrier-pigeon", "digest_hour": "25"})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert client.put(url).status_code == 405


@pytest.mark.django_db
def test_health_is_for_staff(client, caseworker, superuser):
    client.force_login(caseworker)
    assert client.get(reverse("reminder_health")).status_code == 403
    assert client.get(reverse("reminder_health_json")).status_code == 403
    client.force_login(superuser)
    assert client.get(reverse("reminder_health")).status_code == 200
    data = client.get(reverse("reminder_health_json")).json()
    assert data["beat_late"] is True and data["ok"] is False  # no pass has run yet
    assert {"last_beat_run", "queue_length", "sent_24h", "failing"} <= set(data)


@pytest.mark.django_db
def test_health_reports_sent_reminders_and_a_recent_pass(client, superuser, caseworker):
    from jobcenter.models import Heartbeat

    Heartbeat.objects.create(name="reminders", last_run_at=timezone.now())
    deadline = DeadlineFactory(owner=caseworker)
    Reminder.objects.create(
        deadline=deadline,
        stage="due",
        recipient=caseworker,
        status="sent",
        emailed=True,
        created_at=timezone.now(),
        sent_at=timezone.now() - dt.timedelta(hours=1),
    )
    client.force_login(superuser)
    data = client.get(reverse("reminder_health_json")).json()
    assert data["sent_24h"] == 1 and data["beat_late"] is False
    assert data["queue_length"] is not None  # Redis answered
