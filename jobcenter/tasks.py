"""Celery tasks of the core: thin, they take primary keys and call one service."""

from celery import shared_task

from jobcenter import reminder_sending, reminders


@shared_task(acks_late=True, ignore_result=True)
def reminders_pass() -> int:
    """The periodic pass (declared in ``jobcenter.celery``)."""
    return len(reminders.run_pass().created)


@shared_task(acks_late=True, ignore_result=True)
def send_reminder_batch(reminder_ids: list[int]) -> int:
    return reminder_sending.send_batch(reminder_ids)


@shared_task(acks_late=True, ignore_result=True)
def send_digest(user_id: int) -> int:
    return reminder_sending.send_digest(user_id)
