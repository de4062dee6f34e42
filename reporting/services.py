"""Data-protection jobs: anonymising closed citizens and deleting the old read log.

Both are safe to re-run and to run twice at once: anonymisation claims its batch with
``select_for_update(skip_locked=True)`` on rows not yet anonymised; deleting is idempotent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable

import pgtrigger
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from jobcenter.models import AuditEvent, Citizen, CitizenStatus, Deadline
from reporting.models import MaintenanceJob, MaintenanceRun

logger = logging.getLogger(__name__)
BATCH = 500
READ_LOG_BATCH = 10_000

# Identity, contact and free text; team, status, dates and benefit type stay for the reports.
CLEARED_FIELDS = {
    "first_name": "",
    "last_name": "",
    "foreign_id": "",
    "email": "",
    "phone": "",
    "address": "",
    "postcode": "",
    "city": "",
}
CPR_FIELDS = {"cpr_encrypted": "", "cpr_hash": "", "cpr_masked": ""}

# fn(citizen_ids) -> rows changed; other apps clear their free text about the citizens.
Anonymiser = Callable[[list[int]], int]
_anonymisers: dict[str, Anonymiser] = {}


def register_anonymiser(key: str, fn: Anonymiser) -> None:
    _anonymisers[key] = fn


def _scrub_core(ids: list[int]) -> Counter:
    counts: Counter = Counter()
    counts["deadlines"] = Deadline.objects.filter(citizen_id__in=ids).update(title=F("kind"))
    CitizenEvent = apps.get_model("jobcenter", "CitizenEvent")
    DeadlineEvent = apps.get_model("jobcenter", "DeadlineEvent")
    # The event tables hold no encrypted CPR or hash (excluded from tracking).
    counts["citizen_history_rows"] = CitizenEvent.objects.filter(pgh_obj_id__in=ids).update(
        cpr_masked="", **CLEARED_FIELDS
    )
    counts["deadline_history_rows"] = DeadlineEvent.objects.filter(citizen_id__in=ids).update(
        title=F("kind")
    )
    return counts


@transaction.atomic
def _anonymise_batch(cutoff: dt.datetime, now: dt.datetime) -> Counter:
    ids = list(
        Citizen.objects.filter(
            status=CitizenStatus.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
        )
        .select_for_update(skip_locked=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    counts: Counter = Counter()
    if not ids:
        return counts
    counts["citizens"] = Citizen.objects.filter(pk__in=ids).update(
        anonymised_at=now, updated_at=now, **CLEARED_FIELDS, **CPR_FIELDS
    )
    counts.update(_scrub_core(ids))
    for key, fn in _anonymisers.items():
        counts[key] += fn(ids)
    return counts


def citizens_anonymise(*, now: dt.datetime | None = None, days: int | None = None) -> dict:
    """Anonymise citizens closed for longer than ``CITIZEN_RETENTION_DAYS``; returns counts."""
    now = now or timezone.now()
    days = settings.CITIZEN_RETENTION_DAYS if days is None else days
    cutoff = now - dt.timedelta(days=days)
    total: Counter = Counter()
    while batch := _anonymise_batch(cutoff, now):
        total.update(batch)
    counts = {"citizens": 0, **total}
    MaintenanceRun.objects.create(
        job=MaintenanceJob.ANONYMISE, started_at=now, cutoff=cutoff, counts=counts
    )
    logger.info("Anonymised closed citizens (closed before %s): %s", cutoff, counts)
    return counts


def read_log_purge(*, now: dt.datetime | None = None, days: int | None = None) -> dict:
    """Delete audit events older than ``READ_LOG_RETENTION_DAYS``; returns counts."""
    now = now or timezone.now()
    days = settings.READ_LOG_RETENTION_DAYS if days is None else days
    cutoff = now - dt.timedelta(days=days)
    deleted = 0
    # In batches, each its own transaction, so a big backlog never holds one long lock.
    while True:
        with transaction.atomic(), pgtrigger.ignore("jobcenter.AuditEvent:audit_no_delete"):
            batch = AuditEvent.objects.filter(
                pk__in=AuditEvent.objects.filter(at__lt=cutoff).values("pk")[:READ_LOG_BATCH]
            )
            count, _ = batch.delete()
        deleted += count
        if count < READ_LOG_BATCH:
            break
    counts = {"audit_events": deleted}
    MaintenanceRun.objects.create(
        job=MaintenanceJob.READ_LOG, started_at=now, cutoff=cutoff, counts=counts
    )
    logger.info("Deleted read-log entries older than %s: %s", cutoff, counts)
    return counts
