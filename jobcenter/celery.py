"""The Celery app. Every periodic schedule is declared here, in one place."""

import os

from celery import Celery

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
}
