"""Anonymising closed citizens and deleting the old read log."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from jobcenter.audit import audit
from jobcenter.models import AuditAction, AuditEvent, BenefitPeriod, Citizen, CitizenStatus
from reporting.core_figures import first_contacts
from reporting.figures import Period, ReportScope
from reporting.models import MaintenanceJob, MaintenanceRun
from reporting.services import citizens_anonymise, read_log_purge
from reporting.tasks import anonymise_closed_citizens, purge_read_log
from tests.factories import CitizenFactory, DeadlineFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _closed(team, days_ago, **kwargs):
    citizen = CitizenFactory(
        team=team,
        first_contact_date=dt.date(2019, 5, 1),
        email="karen@example.dk",
        phone="12345678",
        address="Vestergade 1",
        **kwargs,
    )
    citizen.status = CitizenStatus.CLOSED
    citizen.closed_at = NOW - dt.timedelta(days=days_ago)
    citizen.save()
    return citizen


def test_anonymisation_removes_identity_and_keeps_report_counts(settings, team):
    settings.CITIZEN_RETENTION_DAYS = 1825
    old = _closed(team, 1826, first_name="Karen", last_name="Holm")
    recent = _closed(team, 1000, first_name="Bo", last_name="Ahl")
    BenefitPeriod.objects.create(citizen=old, benefit_type="cash_benefit", start="2019-05-01")
    DeadlineFactory(team=team, citizen=old, title="Ring til Karen Holm", kind="follow_up")
    scope = ReportScope(teams=[team], period=Period(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    before = first_contacts(scope).rows

    counts = citizens_anonymise(now=NOW)

    assert counts["citizens"] == 1 and counts["deadlines"] == 1
    old.refresh_from_db()
    assert old.anonymised_at is not None
    for field in ("first_name", "last_name", "email", "phone", "address", "postcode", "city"):
        assert getattr(old, field) == ""
    assert old.cpr_masked == old.cpr_hash == old.cpr_encrypted == ""
    assert (old.team_id, old.status, old.benefit_type) == (team.pk, "closed", "none")
    assert old.first_contact_date == dt.date(2019, 5, 1) and old.closed_at is not None
    assert old.benefit_periods.count() == 1
    assert old.deadlines.get().title == "follow_up"
    # No trace of the identity in the change history either.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM jobcenter_citizenevent WHERE pgh_obj_id = %s AND "
            "(first_name <> '' OR last_name <> '' OR email <> '' OR cpr_masked <> '')",
            [old.pk],
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT count(*) FROM jobcenter_deadlineevent WHERE title LIKE %s", ["%Karen%"]
        )
        assert cursor.fetchone()[0] == 0
    recent.refresh_from_db()
    assert recent.first_name == "Bo" and recent.anonymised_at is None
    assert first_contacts(scope).rows == before == [["Team 1", 2]]
    run = MaintenanceRun.objects.get(job=MaintenanceJob.ANONYMISE)
    assert run.counts["citizens"] == 1


def test_anonymisation_is_safe_to_rerun(team):
    _closed(team, 4000)
    assert citizens_anonymise(now=NOW)["citizens"] == 1
    assert citizens_anonymise(now=NOW)["citizens"] == 0
    assert MaintenanceRun.objects.filter(job=MaintenanceJob.ANONYMISE).count() == 2


def test_open_citizens_are_never_anonymised(team):
    CitizenFactory(team=team, first_contact_date=dt.date(2010, 1, 1))
    assert citizens_anonymise(now=NOW, days=0)["citizens"] == 0


def test_command_and_task(team, capsys):
    _closed(team, 4000)
    call_command("anonymise_closed_citizens")
    assert "'citizens': 1" in capsys.readouterr().out
    assert anonymise_closed_citizens() == {"citizens": 0}
    assert Citizen.objects.filter(anonymised_at__isnull=False).count() == 1


def _event_at(days_ago, citizen=None):
    event = audit(action=AuditAction.VIEW, citizen=citizen)
    with connection.cursor() as cursor:  # the trigger forbids UPDATE; move it by hand
        cursor.execute("ALTER TABLE jobcenter_auditevent DISABLE TRIGGER USER")
        cursor.execute(
            "UPDATE jobcenter_auditevent SET at = %s WHERE id = %s",
            [NOW - dt.timedelta(days=days_ago), event.pk],
        )
        cursor.execute("ALTER TABLE jobcenter_auditevent ENABLE TRIGGER USER")
    return event


def test_read_log_retention_deletes_only_what_is_old_enough(settings, citizen):
    settings.READ_LOG_RETENTION_DAYS = 183
    old = [_event_at(184, citizen), _event_at(400)]
    kept = [_event_at(182, citizen), _event_at(0, citizen)]

    counts = read_log_purge(now=NOW)

    assert counts == {"audit_events": 2}
    remaining = set(AuditEvent.objects.values_list("pk", flat=True))
    assert remaining == {event.pk for event in kept}
    assert not remaining & {event.pk for event in old}
    assert MaintenanceRun.objects.get(job=MaintenanceJob.READ_LOG).counts == counts


def test_the_audit_table_still_refuses_deletes_outside_the_job(citizen):
    from django.db import transaction
    from django.db.utils import ProgrammingError

    _event_at(400, citizen)
    read_log_purge(now=NOW)
    audit(action=AuditAction.VIEW, citizen=citizen)
    with pytest.raises(ProgrammingError), transaction.atomic():
        AuditEvent.objects.all().delete()


def test_read_log_command_and_task(settings, capsys):
    settings.READ_LOG_RETENTION_DAYS = 10
    _event_at(11)
    call_command("purge_read_log")
    assert "'audit_events': 1" in capsys.readouterr().out
    assert purge_read_log() == {"audit_events": 0}


def test_other_apps_anonymisers_run_with_the_citizen_ids(team):
    from reporting import services

    old = _closed(team, 4000)
    seen = []
    services.register_anonymiser("test_notes", lambda ids: seen.extend(ids) or len(ids))
    try:
        counts = citizens_anonymise(now=NOW)
    finally:
        services._anonymisers.pop("test_notes")
    assert seen == [old.pk] and counts["test_notes"] == 1


def test_read_log_retention_deletes_in_batches(monkeypatch):
    from reporting import services

    monkeypatch.setattr(services, "READ_LOG_BATCH", 2)
    for _ in range(5):
        _event_at(400)
    _event_at(1)

    assert read_log_purge(now=NOW, days=183) == {"audit_events": 5}
    assert AuditEvent.objects.count() == 1
