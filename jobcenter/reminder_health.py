"""Health of the reminder machinery: beat, broker queue, deliveries and failures."""

from __future__ import annotations

import datetime as dt
import logging

import redis
from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from jobcenter.models import Heartbeat, Reminder, ReminderStatus
from jobcenter.reminders import HEARTBEAT

logger = logging.getLogger(__name__)

# Celery's Redis transport keeps the default queue in a list per priority step.
_QUEUE_KEYS = ["celery"] + [f"celery\x06\x16{step}" for step in (1, 2, 3, 4, 5, 6, 7, 8, 9)]


def queue_length() -> tuple[int | None, str]:
    try:
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2)
        pipe = client.pipeline()
        for key in _QUEUE_KEYS:
            pipe.llen(key)
        return sum(pipe.execute()), ""
    except redis.RedisError as exc:
        logger.error("The Celery broker is unreachable: %r", exc)
        return None, repr(exc)


def reminder_health(now: dt.datetime | None = None) -> dict:
    now = now or timezone.now()
    heartbeat = Heartbeat.objects.filter(name=HEARTBEAT).first()
    since = now - dt.timedelta(hours=24)
    stale = now - dt.timedelta(seconds=settings.REMINDER_CLAIM_TIMEOUT)
    waiting = now - dt.timedelta(minutes=3 * settings.REMINDER_PASS_MINUTES)
    counts = Reminder.objects.aggregate(
        sent_24h=Count("pk", filter=Q(status=ReminderStatus.SENT, sent_at__gte=since)),
        emailed_24h=Count("pk", filter=Q(emailed=True, sent_at__gte=since)),
        failing=Count("pk", filter=~Q(last_error="") & ~Q(status=ReminderStatus.SENT)),
        stale_claims=Count("pk", filter=Q(status=ReminderStatus.SENDING, claimed_at__lt=stale)),
        pending_long=Count("pk", filter=Q(status=ReminderStatus.PENDING, created_at__lt=waiting)),
    )
    queue, broker_error = queue_length()
    last_run = heartbeat.last_run_at if heartbeat else None
    beat_late = last_run is None or last_run < now - dt.timedelta(
        minutes=3 * settings.REMINDER_PASS_MINUTES
    )
    last_errors = list(
        Reminder.objects.exclude(last_error="")
        .exclude(status=ReminderStatus.SENT)
        .order_by("-pk")
        .values("pk", "stage", "status", "attempts", "last_error")[:10]
    )
    return {
        "ok": not beat_late and not broker_error and counts["failing"] == 0,
        "last_beat_run": last_run,
        "beat_late": beat_late,
        "last_duration_ms": heartbeat.last_duration_ms if heartbeat else None,
        "last_created": heartbeat.last_created if heartbeat else None,
        "queue_length": queue,
        "broker_error": broker_error,
        "last_pass_error": heartbeat.last_error if heartbeat else "",
        "last_pass_error_at": heartbeat.last_error_at if heartbeat else None,
        "pass_failures": heartbeat.failures if heartbeat else 0,
        "failed_reminders": last_errors,
        **counts,
    }
