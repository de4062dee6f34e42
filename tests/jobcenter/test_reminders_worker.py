"""Reminders through the real broker (Redis) and a real Celery worker process.

The worker is started by the tests against the pytest database; the tests commit their data
(transaction=True) so the worker sees it, and read the mails the worker writes to disk.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
import time_machine
from django.test import override_settings

from jobcenter import reminders
from jobcenter.models import (
    Deadline,
    DeadlineKind,
    Notification,
    NotificationPreference,
    Reminder,
    ReminderStatus,
    Role,
)
from tests.factories import CitizenFactory, DeadlineFactory, TeamFactory, member
from tests.jobcenter.reminder_support import Mailbox, Worker, flush_broker, local, seed_stages

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def mail_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("mail")


@pytest.fixture(scope="module")
def worker(django_db_setup, django_db_blocker, mail_dir, tmp_path_factory):
    """One worker for the module (starting one costs seconds on this machine)."""
    with django_db_blocker.unblock():
        flush_broker()
        process = Worker(mail_dir, tmp_path_factory.mktemp("logs"))
        process.start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def mailbox(worker, mail_dir):
    box = Mailbox(mail_dir)
    box.clear()
    seed_stages()
    return box


@pytest.fixture
def people():
    team = TeamFactory()
    caseworker = member(team, Role.CASEWORKER, username="sagsbehandler", email="sb@example.dk")
    lead = member(team, Role.TEAM_LEAD, username="leder", email="leder@example.dk")
    citizen = CitizenFactory(team=team, caseworker=caseworker, cpr="0101901234")
    return {"team": team, "caseworker": caseworker, "lead": lead, "citizen": citizen}


def _deadline(people, due_at, **kwargs) -> Deadline:
    return DeadlineFactory(
        team=people["team"],
        citizen=people["citizen"],
        owner=people["caseworker"],
        kind=DeadlineKind.FOLLOW_UP,
        due_at=due_at,
        **kwargs,
    )


def _pass_at(when: dt.datetime) -> reminders.PassResult:
    with time_machine.travel(when, tick=False):
        return reminders.run_pass()


def test_each_stage_fires_once_at_the_right_time(mailbox, people):
    # Due Wednesday 11 March 2026 16:00: upcoming Monday, due Wednesday, overdue Thursday,
    # escalated (to the team lead) Friday, each at 07:00.
    deadline = _deadline(people, local(2026, 3, 11, 16))
    expected = [
        (local(2026, 3, 9, 6, 59), []),
        (local(2026, 3, 9, 7, 0), ["upcoming"]),
        (local(2026, 3, 10, 12, 0), []),
        (local(2026, 3, 11, 7, 1), ["due"]),
        (local(2026, 3, 12, 7, 1), ["overdue"]),
        (local(2026, 3, 13, 6, 0), []),
        (local(2026, 3, 13, 7, 0), ["escalated"]),
        (local(2026, 3, 16, 7, 0), []),
    ]
    for when, stages in expected:
        created = _pass_at(when).created
        again = _pass_at(when).created  # beat fires again
        assert sorted(Reminder.objects.filter(pk__in=created).values_list("stage", flat=True)) == (
            stages
        ), when
        assert again == []
    rows = list(Reminder.objects.filter(deadline=deadline).values_list("stage", "recipient"))
    assert sorted(rows) == sorted(
        [
            ("upcoming", people["caseworker"].pk),
            ("due", people["caseworker"].pk),
            ("overdue", people["caseworker"].pk),
            ("escalated", people["lead"].pk),
        ]
    )
    assert mailbox.wait_for(4) == 4
    assert mailbox.settle() == 4
    assert Notification.objects.filter(deadline=deadline).count() == 4
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}
    text = "\n".join(mailbox.texts())
    assert "To: leder@example.dk" in text and "To: sb@example.dk" in text
    assert "https://jobcenter.example.dk/notifications/deadlines/" in text


def test_holidays_shift_working_day_stages(mailbox, people):
    # Easter 2026: Maundy Thursday 2 April to Easter Monday 6 April are holidays.
    before_easter = _deadline(people, local(2026, 4, 7, 16))  # upcoming on Tuesday 31 March
    into_easter = _deadline(people, local(2026, 4, 1, 16))  # overdue on Tuesday 7 April

    def stages(created):
        return set(Reminder.objects.filter(pk__in=created).values_list("deadline", "stage"))

    # Naively (weekends only) before_easter's upcoming would be Friday 3 April.
    assert stages(_pass_at(local(2026, 3, 30, 7, 5)).created) == {(into_easter.pk, "upcoming")}
    assert stages(_pass_at(local(2026, 3, 31, 7, 5)).created) == {(before_easter.pk, "upcoming")}
    _pass_at(local(2026, 4, 1, 7, 5))  # into_easter is due
    assert _pass_at(local(2026, 4, 2, 7, 5)).created == []  # holiday: not overdue yet
    assert _pass_at(local(2026, 4, 6, 7, 5)).created == []  # Easter Monday
    assert stages(_pass_at(local(2026, 4, 7, 7, 5)).created) == {
        (into_easter.pk, "overdue"),
        (before_easter.pk, "due"),
    }
    assert mailbox.wait_for(5) == 5


def test_the_digest_collects_a_days_reminders_into_one_mail(mailbox, people):
    NotificationPreference.objects.create(user=people["caseworker"], email="digest", digest_hour=8)
    for title in ("Opfølgning A", "Opfølgning B", "Opfølgning C"):
        _deadline(people, local(2026, 3, 11, 16), title=title)
    created = _pass_at(local(2026, 3, 11, 7, 5)).created
    assert len(created) == 3
    # The worker creates the notifications and parks the mails for the digest.
    for _ in range(100):
        if Reminder.objects.filter(status=ReminderStatus.DIGEST).count() == 3:
            break
        time.sleep(0.2)
    assert Notification.objects.filter(recipient=people["caseworker"]).count() == 3
    assert mailbox.count() == 0
    assert _pass_at(local(2026, 3, 11, 7, 55)).digests == []  # before the chosen hour
    assert _pass_at(local(2026, 3, 11, 8, 0)).digests == [people["caseworker"].pk]
    assert _pass_at(local(2026, 3, 11, 8, 5)).digests == []  # once a day
    assert mailbox.wait_for(1) == 1
    assert mailbox.settle() == 1
    text = mailbox.texts()[0]
    assert all(title in text for title in ("Opfølgning A", "Opfølgning B", "Opfølgning C"))
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_a_deadline_done_before_its_stage_sends_nothing(mailbox, people):
    done_early = _deadline(people, local(2026, 3, 11, 16))
    done_early.done_at = local(2026, 3, 6, 10)
    done_early.save()
    done_while_queued = _deadline(people, local(2026, 3, 11, 16))
    with time_machine.travel(local(2026, 3, 9, 7, 5), tick=False):
        result = reminders.run_pass(queue=lambda ids: 0)  # created, not queued yet
    assert list(Reminder.objects.values_list("deadline", flat=True)) == [done_while_queued.pk]
    Deadline.objects.filter(pk=done_while_queued.pk).update(done_at=local(2026, 3, 9, 7, 6))
    reminders.queue_batches(result.created)
    for _ in range(100):
        if Reminder.objects.filter(status=ReminderStatus.CANCELLED).exists():
            break
        time.sleep(0.2)
    assert Reminder.objects.get().status == ReminderStatus.CANCELLED
    assert mailbox.settle() == 0
    assert not Notification.objects.exists()


def test_the_email_has_no_cpr(mailbox, people):
    citizen = people["citizen"]
    cpr = citizen.reveal_cpr()  # "010190-1234"
    _deadline(people, local(2026, 3, 11, 16), title=f"Opfølgning {cpr.replace('-', '')}")
    _pass_at(local(2026, 3, 11, 7, 5))
    assert mailbox.wait_for(1) == 1
    text = "\n".join(mailbox.texts())
    for form in (cpr, cpr.replace("-", ""), citizen.cpr_masked):
        assert form not in text
    assert "XXXXXX-XXXX" in text  # the title's number was masked


def test_a_worker_killed_while_sending_is_followed_by_exactly_one_mail(
    worker, mailbox, people, mail_dir, tmp_path
):
    """The module's worker is stopped; a slow worker claims the reminder and is killed -9
    before the mail leaves; a fresh worker (and the next pass) send it exactly once."""
    _deadline(people, local(2026, 3, 11, 16))
    marker = tmp_path / "sending"
    slow = Worker(
        mail_dir,
        tmp_path,
        SLOW_MAIL_SECONDS="60",
        SLOW_MAIL_MARKER=str(marker),
        CELERY_VISIBILITY_TIMEOUT="4",
    )
    fresh = Worker(mail_dir, tmp_path, CELERY_VISIBILITY_TIMEOUT="4", REMINDER_CLAIM_TIMEOUT="3")
    worker.stop()  # only the slow worker may take the task
    try:
        slow.start()
        _pass_at(local(2026, 3, 11, 7, 5))
        for _ in range(150):
            if marker.exists():
                break
            time.sleep(0.2)
        assert marker.exists(), slow.log()[-2000:]
        slow.kill()
        reminder = Reminder.objects.get()
        assert reminder.status == ReminderStatus.SENDING  # claimed, mail not sent
        assert mailbox.count() == 0
        fresh.start()
        time.sleep(3.5)  # the claim is now stale for the new worker and this pass
        # Two recoveries race here, as in production: the killed worker's message comes back
        # (visibility timeout) and the next pass resets the stale claim and queues it again.
        with override_settings(REMINDER_CLAIM_TIMEOUT=3):
            _pass_at(local(2026, 3, 11, 7, 10))
        assert mailbox.wait_for(1, timeout=40) == 1, fresh.log()[-2000:]
        # The redelivered message of the killed worker (visibility timeout 4 s) arrives too.
        assert mailbox.settle(12) == 1
        reminder.refresh_from_db()
        assert reminder.status == ReminderStatus.SENT and reminder.attempts == 2
    finally:
        slow.stop()
        fresh.stop()
        worker.start()
