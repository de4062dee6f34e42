"""Writes for grants: creation on approval with its deadlines, ending and revoking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from compensation.models import Application, Grant, GrantStatus, Payee
from jobcenter import workdays
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Deadline, DeadlineKind, User
from jobcenter.services import DomainError, date_to_deadline, deadline_create

# Without an end date, dated follow-ups are planned this far ahead (then again on renewal).
FOLLOW_UP_HORIZON_YEARS = 5


def _date(value, field: str, errors: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors[field] = [_("Enter a date as YYYY-MM-DD.")]
        return None


def _decimal(value, field: str, errors: dict) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        errors[field] = [_("Enter a number.")]
        return None
    if number <= 0:
        errors[field] = [_("Enter a positive number.")]
    return number


def validate_grant_terms(terms: dict | None) -> dict:
    """start (required), end (≥ start), hours_per_week or amount, payee, free-text terms."""
    terms = terms or {}
    errors: dict[str, list[str]] = {}
    start = _date(terms.get("start"), "start", errors)
    end = _date(terms.get("end"), "end", errors)
    hours = _decimal(terms.get("hours_per_week"), "hours_per_week", errors)
    amount = _decimal(terms.get("amount"), "amount", errors)
    payee = terms.get("payee") or Payee.CITIZEN
    if start is None and "start" not in errors:
        errors["start"] = [_("The grant needs a start date.")]
    if start and end and end < start:
        errors["end"] = [_("The end cannot be before the start.")]
    if hours is None and amount is None and not errors.keys() & {"hours_per_week", "amount"}:
        errors["hours_per_week"] = [_("Give the hours per week or an amount.")]
    if payee not in Payee.values:
        errors["payee"] = [_("Choose who is paid.")]
    if errors:
        raise ValidationError(errors)
    return {
        "start": start,
        "end": end,
        "hours_per_week": hours,
        "amount": amount,
        "payee": payee,
        "terms": str(terms.get("terms") or "")[:2000],
    }


def grant_create(*, application: Application, created_by: User, terms: dict) -> Grant:
    """Called by ``application_approve`` inside its transaction; one grant per application."""
    try:
        with transaction.atomic():
            grant = Grant.objects.create(
                application=application,
                citizen_id=application.citizen_id,
                team_id=application.team_id,
                scheme_id=application.scheme_id,
                created_by=created_by,
                **terms,
            )
    except IntegrityError as exc:
        raise DomainError(
            _("The application has already been decided."), code="already_decided"
        ) from exc
    for kind, day, title in follow_up_dates(grant):
        deadline_create(
            team=application.team,
            title=title,
            due_at=date_to_deadline(day),
            kind=kind,
            citizen=application.citizen,
            owner=application.citizen.caseworker,
            subject=grant,
        )
    return grant


def follow_up_dates(grant: Grant) -> list[tuple[str, dt.date, str]]:
    """The deadlines the grant's end and its scheme's follow-up rule call for."""
    rule = grant.scheme.follow_up_rule or {}
    name = grant.scheme.name_da
    dates: list[tuple[str, dt.date, str]] = []
    horizon = grant.end or grant.start + relativedelta(years=FOLLOW_UP_HORIZON_YEARS)
    if grant.end:
        dates.append((DeadlineKind.GRANT_END, grant.end, _("%(scheme)s ends") % {"scheme": name}))
    days_before = rule.get("before_end_days")
    if days_before and grant.end:
        day = max(grant.start, grant.end - dt.timedelta(days=int(days_before)))
        dates.append(
            (
                DeadlineKind.GRANT_FOLLOW_UP,
                day,
                _("Follow up before %(scheme)s ends (renewal?)") % {"scheme": name},
            )
        )
    every = rule.get("every_months")
    first = rule.get("first_after_months") or every
    if every:
        day = grant.start + relativedelta(months=int(first))
        while day <= horizon and len(dates) < 20:
            dates.append(
                (DeadlineKind.GRANT_FOLLOW_UP, day, _("Follow-up: %(scheme)s") % {"scheme": name})
            )
            day += relativedelta(months=int(every))
    status_at = rule.get("status_at_months")
    if status_at and not (grant.application.details or {}).get("permanent"):
        dates.append(
            (
                DeadlineKind.GRANT_FOLLOW_UP,
                grant.start + relativedelta(months=int(status_at)),
                _("Status: %(scheme)s") % {"scheme": name},
            )
        )
    loan = (grant.application.details or {}).get("form") == "loan"
    if rule.get("loan_return_at_end") and loan and grant.end:
        dates.append((DeadlineKind.LOAN_RETURN, grant.end, _("Loaned aid to be returned")))
    return dates


@transaction.atomic
def _finish(
    *, grant: Grant, user: User, reason: str, status: str, request: HttpRequest | None
) -> Grant:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason.")})
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.status != GrantStatus.ACTIVE:
        raise DomainError(
            _("The grant has already ended or been revoked."), code="grant_not_active"
        )
    grant.status = status
    grant.ended_at = timezone.now()
    grant.end_reason = reason.strip()
    today = timezone.localdate()
    if grant.end is None or grant.end > today:
        grant.end = max(today, grant.start)
    grant.save()
    # Planned follow-ups of a finished grant are moot; a loaned aid still has to come back.
    Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Grant),
        object_id=grant.pk,
        done_at__isnull=True,
    ).update(done_at=timezone.now(), done_by=user)
    rule = grant.scheme.follow_up_rule or {}
    if rule.get("loan_return_at_end") and grant.application.details.get("form") == "loan":
        deadline_create(
            team=grant.team,
            title=_("Loaned aid to be returned"),
            due_at=date_to_deadline(workdays.add_working_days(grant.end, 10)),
            kind=DeadlineKind.LOAN_RETURN,
            citizen=grant.citizen,
            owner=grant.citizen.caseworker,
            subject=grant,
        )
    audit(
        action=AuditAction.DECISION,
        user=user,
        request=request,
        citizen=grant.citizen,
        obj=grant,
        purpose=f"grant_{status}",
    )
    return grant


def grant_end(
    *, grant: Grant, ended_by: User, reason: str, request: HttpRequest | None = None
) -> Grant:
    if not ended_by.has_perm("compensation.end_grant", grant):
        raise PermissionDenied
    return _finish(
        grant=grant, user=ended_by, reason=reason, status=GrantStatus.ENDED, request=request
    )


def grant_revoke(
    *, grant: Grant, revoked_by: User, reason: str, request: HttpRequest | None = None
) -> Grant:
    if not revoked_by.has_perm("compensation.revoke_grant", grant):
        raise PermissionDenied
    return _finish(
        grant=grant, user=revoked_by, reason=reason, status=GrantStatus.REVOKED, request=request
    )
