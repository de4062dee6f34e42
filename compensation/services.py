"""Writes for applications: the state machine of DESIGN.md, claims, decisions, attachments.

draft → submitted → in_review → approved | rejected | returned; returned → submitted;
draft | submitted → withdrawn. Grants are written in ``compensation.grants``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from compensation.limits import DetailsInvalid, validate_details
from compensation.models import (
    DECIDED_STATUSES,
    Application,
    ApplicationStatus,
    Scheme,
    claim_cutoff,
)
from compensation.permissions import four_eyes_conflict
from jobcenter import workdays
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, Deadline, DeadlineKind, User
from jobcenter.services import DomainError, date_to_deadline, deadline_create

S = ApplicationStatus


def _check(user: User, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _illegal(application: Application, action: str) -> DomainError:
    if application.status in DECIDED_STATUSES:
        return DomainError(
            _("The application has already been decided (%(status)s).")
            % {"status": application.get_status_display()},
            code="already_decided",
        )
    return DomainError(
        _("An application that is %(status)s cannot be %(action)s.")
        % {"status": application.get_status_display().lower(), "action": action},
        code="invalid_transition",
    )


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update(of=("self",)).get(pk=application.pk)


def _validate(*, citizen: Citizen, scheme: Scheme, fast_track: bool, employer, details) -> dict:
    errors: dict[str, list[str]] = {}
    if not scheme.active:
        errors["scheme"] = [_("This scheme is no longer in use.")]
    if fast_track and not scheme.fast_track_eligible:
        errors["fast_track"] = [_("This scheme cannot be fast-tracked.")]
    if employer is not None:
        if not scheme.has_employer:
            errors["employer"] = [_("This scheme has no employer.")]
        elif employer.jobcenter_id != citizen.jobcenter_id:
            errors["employer"] = [_("The employer must belong to the citizen's jobcenter.")]
    elif (scheme.limits or {}).get("employer_required"):
        errors["employer"] = [_("This scheme needs an employer.")]
    try:
        clean = validate_details(scheme, details, employer=employer)
    except DetailsInvalid as invalid:
        if not errors:
            raise
        errors.update(invalid.message_dict)
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def application_create(
    *,
    created_by: User,
    citizen: Citizen,
    scheme: Scheme,
    fast_track: bool = False,
    fast_track_reason: str = "",
    employer=None,
    details: dict | None = None,
    justification: str = "",
    request: HttpRequest | None = None,
) -> Application:
    _check(created_by, "compensation.add_application", citizen)
    clean = _validate(
        citizen=citizen, scheme=scheme, fast_track=fast_track, employer=employer, details=details
    )
    application = Application.objects.create(
        citizen=citizen,
        team_id=citizen.team_id,
        scheme=scheme,
        fast_track=fast_track,
        fast_track_reason=fast_track_reason if fast_track else "",
        employer=employer,
        details=clean,
        justification=justification,
        created_by=created_by,
        citizen_caseworker_id=citizen.caseworker_id,
    )
    audit(
        action=AuditAction.CREATE,
        user=created_by,
        request=request,
        citizen=citizen,
        obj=application,
        detail={"scheme": scheme.code, "fast_track": fast_track},
    )
    return application


EDITABLE = ("fast_track", "fast_track_reason", "employer", "details", "justification")


@transaction.atomic
def application_update(
    *, application: Application, changed_by: User, request: HttpRequest | None = None, **fields: Any
) -> Application:
    _check(changed_by, "compensation.change_application", application)
    application = _lock(application)
    if application.status not in (S.DRAFT, S.RETURNED):
        raise _illegal(application, pgettext("transition", "changed"))
    for key, value in fields.items():
        if key in EDITABLE:
            setattr(application, key, value)
    application.details = _validate(
        citizen=application.citizen,
        scheme=application.scheme,
        fast_track=application.fast_track,
        employer=application.employer,
        details=application.details,
    )
    if not application.fast_track:
        application.fast_track_reason = ""
    application.save()
    audit(
        action=AuditAction.CHANGE,
        user=changed_by,
        request=request,
        citizen=application.citizen,
        obj=application,
        detail={"fields": sorted(k for k in fields if k in EDITABLE)},
    )
    return application


def decision_due_for(application: Application, submitted_on: dt.date) -> dt.date:
    days = application.scheme.days_for(
        application.citizen.jobcenter_id, fast_track=application.fast_track
    )
    return workdays.add_working_days(submitted_on, days)


def _close_decision_deadlines(application: Application, user: User | None) -> None:
    Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=application.pk,
        kind=DeadlineKind.APPLICATION_DECISION,
        done_at__isnull=True,
    ).update(done_at=timezone.now(), done_by=user)


@transaction.atomic
def application_submit(
    *, application: Application, submitted_by: User, request: HttpRequest | None = None
) -> Application:
    _check(submitted_by, "compensation.change_application", application)
    application = _lock(application)
    if application.status not in (S.DRAFT, S.RETURNED):
        raise _illegal(application, pgettext("transition", "submitted"))
    citizen = application.citizen
    now = timezone.now()
    application.status = S.SUBMITTED
    application.submitted_at = now
    application.decision_due = decision_due_for(application, timezone.localdate(now))
    application.citizen_caseworker_id = citizen.caseworker_id
    application.claimed_by = application.claimed_at = None
    application.delay_notice_sent_at = application.delay_expected_date = None
    application.save()
    _close_decision_deadlines(application, submitted_by)
    deadline_create(
        team=application.team,
        title=_("Decide on %(scheme)s for %(citizen)s")
        % {"scheme": application.scheme.name_da, "citizen": citizen.full_name},
        due_at=date_to_deadline(application.decision_due),
        kind=DeadlineKind.APPLICATION_DECISION,
        citizen=citizen,
        owner=citizen.caseworker or submitted_by,
        subject=application,
    )
    audit(
        action=AuditAction.CHANGE,
        user=submitted_by,
        request=request,
        citizen=citizen,
        obj=application,
        purpose="submit",
        detail={"decision_due": application.decision_due.isoformat()},
    )
    return application


@transaction.atomic
def application_withdraw(
    *, application: Application, withdrawn_by: User, request: HttpRequest | None = None
) -> Application:
    _check(withdrawn_by, "compensation.change_application", application)
    application = _lock(application)
    if application.status not in (S.DRAFT, S.SUBMITTED):
        raise _illegal(application, pgettext("transition", "withdrawn"))
    application.status = S.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    _close_decision_deadlines(application, withdrawn_by)
    audit(
        action=AuditAction.CHANGE,
        user=withdrawn_by,
        request=request,
        citizen=application.citizen,
        obj=application,
        purpose="withdraw",
    )
    return application


def _claimable(now: dt.datetime) -> Q:
    """Submitted, or in review under a claim that has expired."""
    return Q(status=S.SUBMITTED) | Q(status=S.IN_REVIEW, claimed_at__lt=claim_cutoff(now))


@transaction.atomic
def application_claim(
    *, application: Application, lead: User, request: HttpRequest | None = None
) -> Application:
    """Take a chosen application into review: one conditional UPDATE decides the winner."""
    _check(lead, "compensation.claim_application", application)
    if four_eyes_conflict(lead, application):
        raise PermissionDenied(_("You cannot review your own case (four-eyes)."))
    now = timezone.now()
    won = (
        Application.objects.filter(_claimable(now), pk=application.pk)
        .exclude(claimed_by=lead, status=S.IN_REVIEW)
        .update(status=S.IN_REVIEW, claimed_by=lead, claimed_at=now, updated_at=now)
    )
    application.refresh_from_db()
    if not won:
        if application.status == S.IN_REVIEW and application.claimed_by_id == lead.pk:
            return application  # already yours: claiming again is harmless
        if application.status == S.IN_REVIEW:
            raise DomainError(
                _("Another team lead is already reviewing this application."),
                code="already_claimed",
            )
        raise _illegal(application, pgettext("transition", "claimed"))
    _audit_claim(application, lead, request)
    return application


@transaction.atomic
def application_claim_next(
    *, lead: User, fast_track: bool = True, request: HttpRequest | None = None
) -> Application | None:
    """Take the most urgent claimable application of the lead's teams; None when none is left.

    ``skip_locked`` lets two leads pressing "next" at once each get a different one.
    """
    from jobcenter.models import Role

    now = timezone.now()
    candidate = (
        Application.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(_claimable(now), team_id__in=lead.team_ids(Role.TEAM_LEAD), fast_track=fast_track)
        .exclude(created_by=lead)
        .exclude(citizen_caseworker=lead)
        .exclude(citizen__caseworker=lead)
        .order_by("decision_due", "submitted_at", "pk")
        .first()
    )
    if candidate is None:
        return None
    candidate.status, candidate.claimed_by, candidate.claimed_at = S.IN_REVIEW, lead, now
    candidate.save(update_fields=["status", "claimed_by", "claimed_at", "updated_at"])
    _audit_claim(candidate, lead, request)
    return candidate


def _audit_claim(application: Application, lead: User, request) -> None:
    audit(
        action=AuditAction.CHANGE,
        user=lead,
        request=request,
        citizen=application.citizen,
        obj=application,
        purpose="claim",
    )


def _decide(
    *,
    application: Application,
    decided_by: User,
    status: str,
    reason: str,
    request: HttpRequest | None,
    extra: dict | None = None,
) -> Application:
    """Lock the row, re-check the state and four-eyes, write the decision and audit it."""
    _check(decided_by, "compensation.claim_application", application)
    application = _lock(application)
    if four_eyes_conflict(decided_by, application):
        raise PermissionDenied(_("You cannot decide your own case (four-eyes)."))
    if application.status != S.IN_REVIEW:
        raise _illegal(application, pgettext("transition", "decided"))
    now = timezone.now()
    application.status = status
    application.citizen_caseworker_id = application.citizen.caseworker_id
    if status == S.RETURNED:
        application.return_reason = reason
        application.claimed_by = application.claimed_at = None
    else:
        application.decided_by, application.decided_at = decided_by, now
        application.decision_reason = reason
        submitted = timezone.localdate(application.submitted_at)
        today = timezone.localdate(now)
        application.decision_working_days = workdays.working_days_between(submitted, today)
        application.decided_in_time = today <= application.decision_due
    application.save()
    _close_decision_deadlines(application, decided_by)
    audit(
        action=AuditAction.DECISION,
        user=decided_by,
        request=request,
        citizen=application.citizen,
        obj=application,
        purpose=status,
        detail={"status": status, "scheme": application.scheme.code, **(extra or {})},
    )
    return application


@transaction.atomic
def application_approve(
    *,
    application: Application,
    decided_by: User,
    grant_terms: dict,
    reason: str = "",
    request: HttpRequest | None = None,
):
    """in_review → approved, creating the one grant. Returns the grant."""
    from compensation.grants import grant_create, validate_grant_terms

    terms = validate_grant_terms(grant_terms)
    application = _decide(
        application=application,
        decided_by=decided_by,
        status=S.APPROVED,
        reason=reason,
        request=request,
        extra={"start": terms["start"].isoformat()},
    )
    return grant_create(application=application, created_by=decided_by, terms=terms)


@transaction.atomic
def application_reject(
    *, application: Application, decided_by: User, reason: str, request: HttpRequest | None = None
) -> Application:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("A rejection must give the reasons.")})
    return _decide(
        application=application,
        decided_by=decided_by,
        status=S.REJECTED,
        reason=reason.strip(),
        request=request,
    )


@transaction.atomic
def application_return(
    *, application: Application, returned_by: User, reason: str, request: HttpRequest | None = None
) -> Application:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say what is missing.")})
    return _decide(
        application=application,
        decided_by=returned_by,
        status=S.RETURNED,
        reason=reason.strip(),
        request=request,
    )


def needs_delay_notice(application: Application, today: dt.date | None = None) -> bool:
    """An open application due within a working day without a § 3 notice sent."""
    if application.status not in (S.SUBMITTED, S.IN_REVIEW) or application.delay_notice_sent_at:
        return False
    today = today or timezone.localdate()
    return application.decision_due <= workdays.add_working_days(today, 1)


@transaction.atomic
def application_record_delay_notice(
    *,
    application: Application,
    sent_by: User,
    expected_date: dt.date,
    request: HttpRequest | None = None,
) -> Application:
    """Record that the citizen was told in writing the decision will be late (rsl. § 3)."""
    _check(sent_by, "compensation.change_application", application)
    application = _lock(application)
    if application.status not in (S.SUBMITTED, S.IN_REVIEW):
        raise _illegal(application, pgettext("transition", "given a notice of delay"))
    if expected_date < timezone.localdate():
        raise ValidationError({"expected_date": _("The expected date cannot be in the past.")})
    application.delay_notice_sent_at = timezone.now()
    application.delay_expected_date = expected_date
    application.save(update_fields=["delay_notice_sent_at", "delay_expected_date", "updated_at"])
    audit(
        action=AuditAction.CHANGE,
        user=sent_by,
        request=request,
        citizen=application.citizen,
        obj=application,
        purpose="delay_notice",
        detail={"expected_date": expected_date.isoformat()},
    )
    return application
