"""Queueing reminder work to the Celery workers; a broker failure loses nothing."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from jobcenter.models import Heartbeat, NotificationPreference, Reminder, ReminderStatus

logger = logging.getLogger(__name__)

HEARTBEAT = "reminders"


def record_failure(message: str) -> None:
    heartbeat, _created = Heartbeat.objects.get_or_create(name=HEARTBEAT)
    Heartbeat.objects.filter(pk=heartbeat.pk).update(
        last_error=message[:2000], last_error_at=timezone.now(), failures=heartbeat.failures + 1
    )


# --- Queueing ---------------------------------------------------------------------------------


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def queue_batches(ids: list[int]) -> int:
    """One task per batch; on a broker failure the rows stay pending for the next pass."""
    from jobcenter.tasks import send_reminder_batch

    queued = 0
    try:
        with send_reminder_batch.app.producer_or_acquire() as producer:
            for chunk in _chunks(ids, settings.REMINDER_BATCH_SIZE):
                send_reminder_batch.apply_async(
                    (chunk,), producer=producer, retry=True, retry_policy={"max_retries": 2}
                )
                queued += len(chunk)
    except Exception as exc:
        unqueued = ids[queued:]
        Reminder.objects.filter(pk__in=unqueued, status=ReminderStatus.PENDING).update(
            queued_at=None
        )
        record_failure(f"Queueing {len(unqueued)} reminders failed: {exc!r}")
        logger.exception("Could not queue %d reminders; the next pass retries", len(unqueued))
    return queued


def queue_digests(user_ids: Iterable[int]) -> None:
    from jobcenter.tasks import send_digest

    for user_id in user_ids:
        try:
            send_digest.apply_async((user_id,), retry=True, retry_policy={"max_retries": 2})
        except Exception as exc:
            NotificationPreference.objects.filter(user_id=user_id).update(last_digest_on=None)
            record_failure(f"Queueing the digest of user {user_id} failed: {exc!r}")
            logger.exception("Could not queue the digest of user %s", user_id)
