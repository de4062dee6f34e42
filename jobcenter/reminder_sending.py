"""Sending reminders: the in-app notification, then the e-mail now or in the daily digest.

See ``jobcenter.reminders`` for the guarantees; every step here is safe to run twice.
"""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.db import connection
from django.urls import reverse

from jobcenter import emails
from jobcenter.models import (
    Notification,
    NotificationPreference,
    Reminder,
    ReminderStatus,
    User,
)
from jobcenter.reminder_models import EmailChoice, Stage

logger = logging.getLogger(__name__)

_CLAIM_CONDITION = (
    "(r.{status_ok} OR (r.status = 'sending' AND r.claimed_at < now() - %s * interval '1 second'))"
)


def _email_choice(user: User) -> str:
    try:
        preference = user.notification_preference
    except NotificationPreference.DoesNotExist:
        return EmailChoice.IMMEDIATELY
    return preference.email


def _claim_one(reminder_id: int, token: uuid.UUID) -> bool:
    """Claim a pending (or stale) reminder of an open deadline; committed at once."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE jobcenter_reminder r
               SET status = 'sending', claimed_at = now(), claim_token = %s,
                   attempts = r.attempts + 1
              FROM jobcenter_deadline d
             WHERE r.id = %s AND d.id = r.deadline_id AND d.done_at IS NULL AND """
            + _CLAIM_CONDITION.format(status_ok="status = 'pending'"),
            [token, reminder_id, settings.REMINDER_CLAIM_TIMEOUT],
        )
        return cursor.rowcount == 1


def _mark_sent(ids: list[int], token: uuid.UUID, *, emailed: bool) -> int:
    updated = Reminder.objects.filter(pk__in=ids, claim_token=token).update(
        status=ReminderStatus.SENT, sent_at=_db_now(), emailed=emailed, last_error=""
    )
    if updated != len(ids):
        logger.warning("Reminder claim lost for %s (a later claim took over)", ids)
    return updated


def _release(ids: list[int], token: uuid.UUID, error: Exception, *, status: str) -> None:
    Reminder.objects.filter(pk__in=ids, claim_token=token).update(
        status=status, claimed_at=None, claim_token=None, queued_at=None, last_error=repr(error)
    )


def _db_now():
    from django.db.models.functions import Now

    return Now()


def deadline_link(deadline_id: int) -> str:
    return emails.site_url(reverse("deadline_open", args=[deadline_id]))


def _reminder_context(reminder: Reminder) -> dict:
    deadline = reminder.deadline
    return {
        "recipient": reminder.recipient,
        # Lazy labels: rendered inside translation.override, in the recipient's language.
        "stage": Stage(reminder.stage).label,
        "stage_code": reminder.stage,
        "title": emails.scrub(deadline.title),
        "kind": deadline.kind_label,
        "due_at": deadline.due_at,
        "link": deadline_link(deadline.pk),
        "preferences_link": emails.site_url(reverse("notification_preferences")),
    }


def send_batch(reminder_ids: list[int]) -> int:
    """Create the notifications of a batch and e-mail those who want it now; returns mails sent."""
    # A deadline done before its stage was sent sends nothing.
    Reminder.objects.filter(
        pk__in=reminder_ids, status=ReminderStatus.PENDING, deadline__done_at__isnull=False
    ).update(status=ReminderStatus.CANCELLED)
    reminders = list(
        Reminder.objects.filter(
            pk__in=reminder_ids, status__in=[ReminderStatus.PENDING, ReminderStatus.SENDING]
        ).select_related("deadline", "recipient", "recipient__notification_preference")
    )
    if not reminders:
        return 0
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=r.recipient_id,
                deadline_id=r.deadline_id,
                reminder_id=r.pk,
                stage=r.stage,
                created_at=r.created_at,
            )
            for r in reminders
        ],
        ignore_conflicts=True,
    )
    silent, digest, immediate = [], [], []
    for reminder in reminders:
        choice = _email_choice(reminder.recipient)
        if choice == EmailChoice.NONE or not reminder.recipient.email:
            silent.append(reminder.pk)
        elif choice == EmailChoice.DIGEST:
            digest.append(reminder.pk)
        else:
            immediate.append(reminder)
    pending = Reminder.objects.filter(status=ReminderStatus.PENDING)
    pending.filter(pk__in=silent).update(
        status=ReminderStatus.SENT, sent_at=_db_now(), emailed=False
    )
    pending.filter(pk__in=digest).update(status=ReminderStatus.DIGEST, digest=True)
    sent = 0
    for reminder in immediate:
        token = uuid.uuid4()
        if not _claim_one(reminder.pk, token):
            continue
        try:
            emails.send_email(
                template="jobcenter/emails/reminder",
                to=reminder.recipient.email,
                language=reminder.recipient.language,
                context=_reminder_context(reminder),
                headers={"Message-ID": emails.message_id("reminder", str(reminder.pk))},
            )
        except Exception as error:
            _release([reminder.pk], token, error, status=ReminderStatus.PENDING)
            logger.exception("Sending reminder %s failed; the next pass retries", reminder.pk)
            continue
        sent += _mark_sent([reminder.pk], token, emailed=True)
    return sent


def send_digest(user_id: int) -> int:
    """One mail with every reminder waiting for this user's digest; returns reminders sent."""
    token = uuid.uuid4()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE jobcenter_reminder r
               SET status = 'sending', claimed_at = now(), claim_token = %s,
                   attempts = r.attempts + 1
             WHERE r.recipient_id = %s AND r.digest AND """
            + _CLAIM_CONDITION.format(status_ok="status = 'digest'")
            + " RETURNING r.id",
            [token, user_id, settings.REMINDER_CLAIM_TIMEOUT],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if not ids:
        return 0
    claimed = Reminder.objects.filter(pk__in=ids, claim_token=token).select_related(
        "deadline", "recipient"
    )
    done = [r.pk for r in claimed if r.deadline.done_at is not None]
    Reminder.objects.filter(pk__in=done, claim_token=token).update(status=ReminderStatus.CANCELLED)
    items = sorted(
        (r for r in claimed if r.deadline.done_at is None), key=lambda r: r.deadline.due_at
    )
    if not items:
        return 0
    user = items[0].recipient
    ids = [r.pk for r in items]
    if not user.email or _email_choice(user) == EmailChoice.NONE:
        return _mark_sent(ids, token, emailed=False)
    try:
        emails.send_email(
            template="jobcenter/emails/digest",
            to=user.email,
            language=user.language,
            context={
                "recipient": user,
                "items": [_reminder_context(r) for r in items],
                "preferences_link": emails.site_url(reverse("notification_preferences")),
            },
            headers={"Message-ID": emails.message_id("digest", f"{user_id}-{min(ids)}")},
        )
    except Exception as error:
        _release(ids, token, error, status=ReminderStatus.DIGEST)
        # Let the next pass try today's digest again.
        NotificationPreference.objects.filter(user_id=user_id).update(last_digest_on=None)
        logger.exception("Sending the digest of user %s failed; the next pass retries", user_id)
        return 0
    return _mark_sent(ids, token, emailed=True)
