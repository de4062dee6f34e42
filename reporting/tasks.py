"""Scheduled data-protection jobs (the beat schedule lives in jobcenter/celery.py)."""

from celery import shared_task

from reporting import services


@shared_task
def anonymise_closed_citizens() -> dict:
    return services.citizens_anonymise()


@shared_task
def purge_read_log() -> dict:
    return services.read_log_purge()
