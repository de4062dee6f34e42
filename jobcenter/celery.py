"""The Celery app. Every periodic schedule is declared here, in one place."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")

app = Celery("jobcenter")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

_REMINDER_PASS_SECONDS = 60.0 * int(os.environ.get("REMINDER_PASS_MINUTES") or 5)

# Periodic tasks (name -> schedule); the apps' issues add their entries here.
app.conf.beat_schedule = {
    # Finds deadlines entering a reminder stage, requeues lost or stale sends, queues digests.
    # Expires before the next run, so a backlog never runs the pass twice in a row for nothing.
    "reminders-pass": {
        "task": "jobcenter.tasks.reminders_pass",
        "schedule": _REMINDER_PASS_SECONDS,
        "options": {"expires": _REMINDER_PASS_SECONDS},
    },
    # Data protection: the read log after its retention, closed citizens after theirs.
    "reporting-purge-read-log": {
        "task": "reporting.tasks.purge_read_log",
        "schedule": crontab(hour=2, minute=30),
    },
    "reporting-anonymise-closed-citizens": {
        "task": "reporting.tasks.anonymise_closed_citizens",
        "schedule": crontab(hour=3, minute=0),
    },
}
