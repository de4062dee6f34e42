"""The reminder pass and sending in-process (the worker tests are in test_reminders_worker)."""

from __future__ import annotations

import threading

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

from jobcenter import reminder_sending, reminders
from jobcenter.models import (
    DeadlineKind,
    Heartbeat,
    Notification,
    NotificationPreference,
    Reminder,
    ReminderStatus,
    Role,
)
from tests.factories import CitizenFactory, DeadlineFactory, TeamFactory, member
from tests.jobcenter.reminder_support import local, seed_stages


def _no_queue(ids):
    return 0


@pytest.fixture
def setup(db):
    seed_stages()
    team = TeamFactory()
    caseworker = member(team, Role.CASEWORKER, username="cw", email="cw@example.dk")
    lead = member(team, Role.TEAM_LEAD, username="tl", email="tl@example.dk")
    citizen = CitizenFactory(team=team, caseworker=caseworker)
    return {"team": team, "caseworker": caseworker, "lead": lead, "citizen": citizen}


def _deadline(setup, due_at, **kwargs):
    return DeadlineFactory(
        team=setup["team"],
        citizen=setup["citizen"],
        owner=setup["caseworker"],
        kind=DeadlineKind.FOLLOW_UP,
        due_at=due_at,
        **kwargs,
    )


def _pass(when, **kwargs):
    kwargs.setdefault("queue", _no_queue)
    kwargs.setdefault("queue_digest", lambda users: None)
    # The pass queues on commit; the test's transaction never commits, so run them here.
    with time_machine.travel(when, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        return reminders.run_pass(**kwargs)


def test_owner_and_caseworker_get_one_reminder_when_they_are_the_same_person(setup):
    _deadline(setup, local(2026, 3, 11, 16))
    created = _pass(local(2026, 3, 11, 7, 5)).created
    assert len(created) == 1


def test_a_deadline_created_late_gets_only_its_latest_stage(setup):
    _deadline(setup, local(2026, 3, 10, 16))  # created when already overdue
    created = _pass(local(2026, 3, 11, 9)).created
    assert list(Reminder.objects.filter(pk__in=created).values_list("stage", flat=True)) == [
        "overdue"
    ]


def test_stages_long_past_are_not_sent(setup):
    _deadline(setup, local(2026, 1, 5, 16))
    assert _pass(local(2026, 3, 11, 9)).created == []


def test_a_moved_deadline_restarts_the_stages_it_has_not_reached(setup):
    deadline = _deadline(setup, local(2026, 3, 11, 16))
    _pass(local(2026, 3, 11, 7, 5))
    assert set(Reminder.objects.values_list("stage", flat=True)) == {"due"}
    Reminder.objects.update(status=ReminderStatus.SENT)
    with time_machine.travel(local(2026, 3, 11, 9), tick=False):
        deadline.due_at = local(2026, 3, 18, 16)  # moved a week later
        deadline.save()
    assert not Reminder.objects.exists()
    assert _pass(local(2026, 3, 12, 7, 5)).created == []  # not overdue any more
    created = _pass(local(2026, 3, 16, 7, 5)).created
    assert list(Reminder.objects.filter(pk__in=created).values_list("stage", flat=True)) == [
        "upcoming"
    ]


def test_a_deadline_moved_earlier_fires_its_new_stage(setup):
    deadline = _deadline(setup, local(2026, 3, 20, 16))
    assert _pass(local(2026, 3, 11, 7, 5)).created == []
    deadline.due_at = local(2026, 3, 11, 16)
    deadline.save()
    assert len(_pass(local(2026, 3, 11, 7, 10)).created) == 1


def test_inactive_stages_and_other_recipients_follow_the_configuration(setup):
    from jobcenter.models import StageConfig

    StageConfig.objects.filter(kind=DeadlineKind.FOLLOW_UP, stage="due").update(active=False)
    StageConfig.objects.filter(kind=DeadlineKind.FOLLOW_UP, stage="upcoming").update(
        to_team_leads=True
    )
    _deadline(setup, local(2026, 3, 11, 16))
    # Without the due stage the deadline stays in "upcoming" on its day.
    created = _pass(local(2026, 3, 11, 7, 5)).created
    assert set(Reminder.objects.filter(pk__in=created).values_list("stage", flat=True)) == {
        "upcoming"
    }
    recipients = set(Reminder.objects.filter(pk__in=created).values_list("recipient", flat=True))
    assert recipients == {setup["caseworker"].pk, setup["lead"].pk}


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_passes_produce_one_reminder_each():
    seed_stages()
    team = TeamFactory()
    users = [member(team, Role.CASEWORKER) for _ in range(3)]
    lead = member(team, Role.TEAM_LEAD)
    for index in range(30):
        owner = users[index % 3]
        citizen = CitizenFactory(team=team, caseworker=users[(index + 1) % 3])
        DeadlineFactory(team=team, citizen=citizen, owner=owner, due_at=local(2026, 3, 11, 16))
    DeadlineFactory(team=team, owner=lead, due_at=local(2026, 3, 10, 16))
    now = local(2026, 3, 11, 7, 5)
    results: dict[str, list[int]] = {}
    barrier = threading.Barrier(2)

    def run(name: str) -> None:
        try:
            barrier.wait(timeout=10)
            results[name] = reminders.reminders_create(now=now)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert Reminder.objects.count() == 61  # 30 × (owner, caseworker) + 1 overdue
    assert sorted(results["a"] + results["b"]) == sorted(
        Reminder.objects.values_list("pk", flat=True)
    )

    # A pass that runs while another's insert is still uncommitted waits and inserts nothing.
    DeadlineFactory(team=team, owner=lead, due_at=local(2026, 3, 11, 16))
    later: list[int] = []
    with transaction.atomic():
        first = reminders.reminders_create(now=now)
        second = threading.Thread(
            target=lambda: (later.extend(reminders.reminders_create(now=now)), connection.close())
        )
        second.start()
        second.join(timeout=1)
        assert second.is_alive()  # blocked on the unique index
    second.join(timeout=30)
    assert len(first) == 1 and later == []


def test_sending_creates_the_notification_and_one_mail_even_when_run_twice(setup):
    _deadline(setup, local(2026, 3, 11, 16))
    created = _pass(local(2026, 3, 11, 7, 5)).created
    assert reminder_sending.send_batch(created) == 1
    assert reminder_sending.send_batch(created) == 0  # a duplicate message
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1
    message = mail.outbox[0]
    assert message.to == ["cw@example.dk"]
    assert message.extra_headers["Message-ID"].startswith("<reminder-")
    assert "Forfalder i dag" in message.subject or "Due today" in message.subject


def test_the_mail_is_in_the_recipients_language(setup):
    setup["caseworker"].language = "en"
    setup["caseworker"].save()
    _deadline(setup, local(2026, 3, 11, 16), title="Follow up")
    reminder_sending.send_batch(_pass(local(2026, 3, 11, 7, 5)).created)
    assert mail.outbox[0].subject == "Due today: Follow up"
    assert "Open the case" in mail.outbox[0].body


def test_a_failing_mail_server_loses_nothing(setup, monkeypatch):
    _deadline(setup, local(2026, 3, 11, 16))
    created = _pass(local(2026, 3, 11, 7, 5)).created

    def broken(**kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("jobcenter.emails.send_email", broken)
    assert reminder_sending.send_batch(created) == 0
    reminder = Reminder.objects.get()
    assert reminder.status == ReminderStatus.PENDING and "smtp down" in reminder.last_error
    from jobcenter.reminder_health import reminder_health

    assert reminder_health()["failing"] == 1
    monkeypatch.undo()
    requeued = _pass(local(2026, 3, 11, 7, 10)).requeued
    assert requeued == [reminder.pk]
    assert reminder_sending.send_batch(requeued) == 1
    assert len(mail.outbox) == 1


def test_a_failing_broker_is_recorded_and_the_next_pass_queues_again(setup, monkeypatch):
    from jobcenter import tasks

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(tasks.send_reminder_batch, "apply_async", broken)
    _deadline(setup, local(2026, 3, 11, 16))
    result = _pass(local(2026, 3, 11, 7, 5), queue=None)
    assert result.queued == 0
    assert Reminder.objects.get().queued_at is None
    heartbeat = Heartbeat.objects.get()
    assert "redis down" in heartbeat.last_error and heartbeat.failures == 1
    queued = []
    assert _pass(local(2026, 3, 11, 7, 10), queue=lambda ids: queued.extend(ids)).requeued
    assert queued == [Reminder.objects.get().pk]


def test_digest_users_are_chosen_once_a_day_after_their_hour(setup):
    NotificationPreference.objects.create(user=setup["caseworker"], email="digest", digest_hour=9)
    _deadline(setup, local(2026, 3, 11, 16))
    reminder_sending.send_batch(_pass(local(2026, 3, 11, 7, 5)).created)
    assert Reminder.objects.get().status == ReminderStatus.DIGEST
    assert len(mail.outbox) == 0
    assert _pass(local(2026, 3, 11, 8, 59)).digests == []
    assert _pass(local(2026, 3, 11, 9, 0)).digests == [setup["caseworker"].pk]
    assert _pass(local(2026, 3, 11, 9, 5)).digests == []
    assert reminder_sending.send_digest(setup["caseworker"].pk) == 1
    assert reminder_sending.send_digest(setup["caseworker"].pk) == 0
    assert len(mail.outbox) == 1


def test_no_email_preference_still_notifies_in_the_app(setup):
    NotificationPreference.objects.create(user=setup["caseworker"], email="none")
    _deadline(setup, local(2026, 3, 11, 16))
    reminder_sending.send_batch(_pass(local(2026, 3, 11, 7, 5)).created)
    assert len(mail.outbox) == 0
    assert Notification.objects.count() == 1
    reminder = Reminder.objects.get()
    assert reminder.status == ReminderStatus.SENT and not reminder.emailed


def test_send_reminders_command_runs_the_same_pass(setup):
    _deadline(setup, local(2026, 3, 11, 16))
    with (
        time_machine.travel(local(2026, 3, 11, 7, 5), tick=False),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        call_command("send_reminders", "--sync")
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().status == ReminderStatus.SENT


def test_the_pass_resets_a_dead_workers_claim_and_queues_it_again(setup, settings):
    import datetime as dt

    from django.utils import timezone

    settings.REMINDER_CLAIM_TIMEOUT = 60
    _deadline(setup, local(2026, 3, 11, 16))
    created = _pass(local(2026, 3, 11, 7, 5)).created
    Reminder.objects.filter(pk__in=created).update(
        status=ReminderStatus.SENDING, claimed_at=timezone.now() - dt.timedelta(seconds=30)
    )
    assert _pass(local(2026, 3, 11, 7, 10)).stale == 0  # a live worker may still be sending
    Reminder.objects.update(claimed_at=timezone.now() - dt.timedelta(seconds=120))
    queued = []
    result = _pass(local(2026, 3, 11, 7, 15), queue=lambda ids: queued.extend(ids))
    assert result.stale == 1 and queued == created
    assert reminder_sending.send_batch(queued) == 1
    assert len(mail.outbox) == 1
