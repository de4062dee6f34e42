"""Writes about employers, vacancies and citizens' match profiles."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, User
from jobcenter.services import DomainError
from jobcenter.vocab import Accommodation
from matching.models import (
    AccommodationNeed,
    ContactPerson,
    Employer,
    EmployerAction,
    EmployerActivity,
    MatchProfile,
    NeedSource,
    Vacancy,
)

EMPLOYER_FIELDS = {f.name for f in Employer._meta.concrete_fields} - {
    "id",
    "jobcenter",
    "offered_mask",
    "readiness",
    "created_at",
    "updated_at",
}
VACANCY_FIELDS = {
    "title",
    "occupation",
    "description",
    "required_skills",
    "wanted_skills",
    "hours_min",
    "hours_max",
    "flex_job_possible",
    "postcode",
    "accommodations",
    "start_date",
    "positions",
    "status",
}
PROFILE_FIELDS = {
    "occupations",
    "skills",
    "hours_min",
    "hours_max",
    "max_commute_km",
    "available_from",
    "flex_job_eligible",
    "excluded_occupations",
    "excluded_employers",
    "exclusion_note",
}


def _check(user: User, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _log(employer: Employer, by: User | None, text: str, kind: str = "system") -> None:
    EmployerActivity.objects.create(employer=employer, by=by, text=text, kind=kind)


def _save_employer(employer: Employer) -> None:
    employer.full_clean(validate_constraints=False)
    clash = Employer.objects.filter(jobcenter_id=employer.jobcenter_id, cvr=employer.cvr)
    if clash.exclude(pk=employer.pk).exists():
        raise ValidationError({"cvr": _("An employer with this CVR number is already registered.")})
    try:
        with transaction.atomic():
            employer.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"cvr": _("An employer with this CVR number is already registered.")}
        ) from exc


@transaction.atomic
def employer_create(
    *, created_by: User, jobcenter_id: int, request: HttpRequest | None = None, **fields: Any
) -> Employer:
    _check(created_by, "matching.add_employer")
    if jobcenter_id not in created_by.jobcenter_ids() and not created_by.is_superuser:
        raise PermissionDenied
    employer = Employer(
        jobcenter_id=jobcenter_id, **{k: v for k, v in fields.items() if k in EMPLOYER_FIELDS}
    )
    _save_employer(employer)
    _log(employer, created_by, _("Employer registered."))
    audit(action=AuditAction.CREATE, user=created_by, request=request, obj=employer)
    return employer


@transaction.atomic
def employer_update(
    *, employer: Employer, changed_by: User, request: HttpRequest | None = None, **fields: Any
) -> Employer:
    _check(changed_by, "matching.change_employer", employer)
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    changed = sorted(
        k for k, v in fields.items() if k in EMPLOYER_FIELDS and getattr(employer, k) != v
    )
    for key in changed:
        setattr(employer, key, fields[key])
    _save_employer(employer)
    if changed:
        _log(employer, changed_by, _("Changed: %s") % ", ".join(changed))
        audit(
            action=AuditAction.CHANGE,
            user=changed_by,
            request=request,
            obj=employer,
            detail={"fields": changed},
        )
    return employer


@transaction.atomic
def employer_contact_add(*, employer: Employer, added_by: User, **fields: Any) -> ContactPerson:
    _check(added_by, "matching.change_employer", employer)
    contact = ContactPerson(employer=employer, **fields)
    contact.full_clean()
    contact.save()
    _log(employer, added_by, _("Contact person added: %s") % contact.name)
    return contact


@transaction.atomic
def employer_action_done(
    *, employer: Employer, code: str, done_by: User, note: str = ""
) -> EmployerAction:
    _check(done_by, "matching.change_employer", employer)
    if code not in employer.proposed_actions():
        raise DomainError(_("This action is not proposed for the employer."), "not_proposed")
    try:
        with transaction.atomic():
            action = EmployerAction.objects.create(
                employer=employer, code=code, done_by=done_by, note=note
            )
    except IntegrityError as exc:
        raise DomainError(_("The action is already recorded as done."), "already_done") from exc
    _log(employer, done_by, _("Done: %s") % action.get_code_display())
    return action


@transaction.atomic
def employer_activity_add(
    *, employer: Employer, by: User, kind: str, text: str
) -> EmployerActivity:
    _check(by, "matching.change_employer", employer)
    if kind == EmployerActivity.Kind.SYSTEM or not text.strip():
        raise ValidationError({"text": _("Write what happened.")})
    return EmployerActivity.objects.create(employer=employer, by=by, kind=kind, text=text)


@transaction.atomic
def vacancy_create(
    *, created_by: User, employer: Employer, request: HttpRequest | None = None, **fields: Any
) -> Vacancy:
    _check(created_by, "matching.add_vacancy")
    _check(created_by, "matching.change_employer", employer)
    vacancy = Vacancy(
        employer=employer,
        created_by=created_by,
        **{k: v for k, v in fields.items() if k in VACANCY_FIELDS},
    )
    vacancy.full_clean(validate_constraints=False)
    vacancy.save()
    _log(employer, created_by, _("Vacancy added: %s") % vacancy.title)
    audit(action=AuditAction.CREATE, user=created_by, request=request, obj=vacancy)
    return vacancy


@transaction.atomic
def vacancy_update(
    *, vacancy: Vacancy, changed_by: User, request: HttpRequest | None = None, **fields: Any
) -> Vacancy:
    _check(changed_by, "matching.change_vacancy", vacancy)
    vacancy = Vacancy.objects.select_for_update().select_related("employer").get(pk=vacancy.pk)
    changed = sorted(
        k for k, v in fields.items() if k in VACANCY_FIELDS and getattr(vacancy, k) != v
    )
    for key in changed:
        setattr(vacancy, key, fields[key])
    vacancy.full_clean(validate_constraints=False)
    vacancy.save()
    if changed:
        audit(
            action=AuditAction.CHANGE,
            user=changed_by,
            request=request,
            obj=vacancy,
            detail={"fields": changed},
        )
    return vacancy


def _profile(citizen: Citizen) -> MatchProfile:
    profile, _created = MatchProfile.objects.get_or_create(citizen=citizen)
    return profile


@transaction.atomic
def profile_update(
    *, citizen: Citizen, changed_by: User, request: HttpRequest | None = None, **fields: Any
) -> MatchProfile:
    _check(changed_by, "matching.change_match_profile", citizen)
    profile = _profile(citizen)
    changed = sorted(
        k for k, v in fields.items() if k in PROFILE_FIELDS and getattr(profile, k) != v
    )
    for key in changed:
        setattr(profile, key, fields[key])
    profile.full_clean(exclude=["citizen"], validate_constraints=False)
    if profile.hours_min > profile.hours_max:
        raise ValidationError({"hours_max": _("The upper limit must not be below the lower.")})
    profile.save()
    audit(
        action=AuditAction.CHANGE,
        user=changed_by,
        request=request,
        citizen=citizen,
        obj=profile,
        detail={"fields": changed},
    )
    return profile


@transaction.atomic
def need_set(
    *,
    citizen: Citizen,
    code: str,
    necessary: bool,
    added_by: User | None,
    source: str = NeedSource.CASEWORKER,
    check: bool = True,
) -> AccommodationNeed:
    """Add an accommodation need (or change whether it is necessary)."""
    if check:
        _check(added_by, "matching.change_match_profile", citizen)
    profile = _profile(citizen)
    need, created = AccommodationNeed.objects.get_or_create(
        profile=profile,
        code=code,
        defaults={"necessary": necessary, "source": source, "added_by": added_by},
    )
    if not created and need.necessary != necessary and source == NeedSource.CASEWORKER:
        need.necessary = necessary
        need.save(update_fields=["necessary"])
    profile.refresh_needs()
    audit(
        action=AuditAction.CHANGE,
        user=added_by,
        citizen=citizen,
        obj=profile,
        purpose="accommodation_need",
        detail={"code": code, "necessary": necessary, "source": source},
    )
    return need


@transaction.atomic
def need_remove(*, citizen: Citizen, code: str, removed_by: User) -> None:
    _check(removed_by, "matching.change_match_profile", citizen)
    profile = _profile(citizen)
    profile.needs.filter(code=code).delete()
    profile.refresh_needs()
    audit(
        action=AuditAction.CHANGE,
        user=removed_by,
        citizen=citizen,
        obj=profile,
        purpose="accommodation_need_removed",
        detail={"code": code},
    )


def needs_from_screening(*, citizen: Citizen, codes: list[str], by: User | None) -> None:
    """Consented needs from a completed screening; they count as necessary."""
    for code in codes:
        if code not in Accommodation.values:
            continue
        need_set(
            citizen=citizen,
            code=code,
            necessary=True,
            added_by=by,
            source=NeedSource.SCREENING,
            check=False,
        )
