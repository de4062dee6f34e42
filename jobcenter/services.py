"""Writes to the shared core. Views, API, admin actions and tasks all call these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from jobcenter.audit import audit
from jobcenter.models import (
    AuditAction,
    BenefitPeriod,
    Citizen,
    Deadline,
    DeadlineKind,
    Role,
    Team,
    User,
)

CITIZEN_EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "foreign_id",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "benefit_type",
    "status",
    "first_contact_date",
)


class DomainError(Exception):
    """A rule of the domain refused the action; pages show it, the API answers 409."""

    def __init__(self, message: str, code: str = "conflict"):
        super().__init__(message)
        self.message = message
        self.code = code


def _check(user: User, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _check_caseworker(team: Team, caseworker: User | None) -> None:
    if caseworker is None:
        return
    if not caseworker.memberships.filter(
        team=team, role__in=(Role.CASEWORKER, Role.TEAM_LEAD)
    ).exists():
        raise ValidationError(
            {"caseworker": _("The personal job broker must be a caseworker in the team.")}
        )


def _ensure_cpr_free(citizen: Citizen) -> None:
    if not citizen.cpr_hash:
        return
    clash = Citizen.objects.filter(jobcenter=citizen.jobcenter_id, cpr_hash=citizen.cpr_hash)
    if clash.exclude(pk=citizen.pk).exists():
        raise ValidationError({"cpr": _("A citizen with this CPR number is already registered.")})


@transaction.atomic
def citizen_create(
    *,
    created_by: User,
    team: Team,
    cpr: str | None = None,
    caseworker: User | None = None,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Citizen:
    _check(created_by, "jobcenter.add_citizen")
    if team.pk not in created_by.team_ids(Role.CASEWORKER, Role.TEAM_LEAD):
        raise PermissionDenied
    _check_caseworker(team, caseworker)
    citizen = Citizen(
        jobcenter_id=team.jobcenter_id,
        team=team,
        caseworker=caseworker,
        **{key: value for key, value in fields.items() if key in CITIZEN_EDITABLE_FIELDS},
    )
    citizen.set_cpr(cpr)
    citizen.full_clean(exclude=["cpr_encrypted", "cpr_hash", "cpr_masked"])
    _ensure_cpr_free(citizen)
    try:
        citizen.save()
    except IntegrityError as exc:  # a concurrent registration of the same CPR
        raise ValidationError(
            {"cpr": _("A citizen with this CPR number is already registered.")}
        ) from exc
    BenefitPeriod.objects.create(
        citizen=citizen, benefit_type=citizen.benefit_type, start=citizen.first_contact_date
    )
    audit(action=AuditAction.CREATE, user=created_by, request=request, citizen=citizen, obj=citizen)
    return citizen


@transaction.atomic
def citizen_update(
    *,
    citizen: Citizen,
    changed_by: User,
    cpr: str | None = None,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Citizen:
    """Change the citizen's record; rectification (GDPR art. 16) goes through here."""
    _check(changed_by, "jobcenter.change_citizen", citizen)
    citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
    old_benefit = citizen.benefit_type
    changed = []
    for key, value in fields.items():
        if key in CITIZEN_EDITABLE_FIELDS and getattr(citizen, key) != value:
            setattr(citizen, key, value)
            changed.append(key)
    if cpr is not None and cpr != "":
        citizen.set_cpr(cpr)
        changed.append("cpr")
        _ensure_cpr_free(citizen)
    if "status" in changed:
        citizen.closed_at = timezone.now() if citizen.status == "closed" else None
    citizen.full_clean(exclude=["cpr_encrypted", "cpr_hash", "cpr_masked"])
    citizen.save()
    if citizen.benefit_type != old_benefit:
        today = timezone.localdate()
        BenefitPeriod.objects.filter(citizen=citizen, end__isnull=True).update(end=today)
        BenefitPeriod.objects.create(
            citizen=citizen, benefit_type=citizen.benefit_type, start=today
        )
    if changed:
        audit(
            action=AuditAction.CHANGE,
            user=changed_by,
            request=request,
            citizen=citizen,
            obj=citizen,
            detail={"fields": sorted(changed)},
        )
    return citizen


@transaction.atomic
def citizen_reassign(
    *,
    citizen: Citizen,
    reassigned_by: User,
    team: Team,
    caseworker: User | None,
    request: HttpRequest | None = None,
) -> Citizen:
    _check(reassigned_by, "jobcenter.reassign_citizen", citizen)
    if team.jobcenter_id != citizen.jobcenter_id:
        raise ValidationError({"team": _("The team must belong to the citizen's jobcenter.")})
    _check_caseworker(team, caseworker)
    detail = {
        "from_team": citizen.team_id,
        "to_team": team.pk,
        "from_caseworker": citizen.caseworker_id,
        "to_caseworker": caseworker.pk if caseworker else None,
    }
    citizen.team, citizen.caseworker = team, caseworker
    citizen.save(update_fields=["team", "caseworker", "updated_at"])
    # Open deadlines follow the citizen to the new team and broker.
    Deadline.objects.filter(citizen=citizen, done_at__isnull=True).update(
        team=team, owner=caseworker
    )
    audit(
        action=AuditAction.CHANGE,
        user=reassigned_by,
        request=request,
        citizen=citizen,
        obj=citizen,
        purpose="reassign",
        detail=detail,
    )
    return citizen


def citizen_reveal_cpr(*, citizen: Citizen, user: User, request: HttpRequest | None = None) -> str:
    """Return the full CPR number; every reveal is logged."""
    _check(user, "jobcenter.reveal_cpr", citizen)
    audit(action=AuditAction.REVEAL_CPR, user=user, request=request, citizen=citizen, obj=citizen)
    return citizen.reveal_cpr()


def deadline_create(
    *,
    team: Team,
    title: str,
    due_at: dt.datetime,
    kind: str = DeadlineKind.FOLLOW_UP,
    citizen: Citizen | None = None,
    owner: User | None = None,
    subject=None,
) -> Deadline:
    deadline = Deadline(
        team=team, citizen=citizen, owner=owner, kind=kind, title=title, due_at=due_at
    )
    if subject is not None:
        deadline.subject = subject
    deadline.save()
    return deadline


def deadline_complete(*, deadline: Deadline, completed_by: User) -> Deadline:
    _check(completed_by, "jobcenter.complete_deadline", deadline)
    updated = Deadline.objects.filter(pk=deadline.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=completed_by
    )
    if not updated:
        raise DomainError(_("The deadline is already done."), code="already_done")
    deadline.refresh_from_db()
    return deadline


def date_to_deadline(day: dt.date, hour: int = 16) -> dt.datetime:
    """A deadline falls due at the end of the office day."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))
