"""Writes of the match pipeline: propose, advance, and what a hire sets off."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from jobcenter import events
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, CitizenStatus, Deadline, DeadlineKind, User
from jobcenter.services import DomainError, date_to_deadline, deadline_create
from jobcenter.workdays import add_working_days
from matching.models import (
    Match,
    MatchProfile,
    MatchStatus,
    MatchStep,
    Vacancy,
    VacancyStatus,
)
from matching.models.matches import TRANSITIONS
from matching.services.records import _check, _log, _profile

EMPLOYER_RESPONSE_DAYS = 10
RETENTION_MONTHS = (1, 3, 6)


@transaction.atomic
def match_propose(
    *,
    citizen: Citizen,
    vacancy: Vacancy,
    proposed_by: User,
    note: str = "",
    request: HttpRequest | None = None,
) -> Match:
    from matching.selectors import score_pair

    _check(proposed_by, "matching.propose_match", citizen)
    if vacancy.employer.jobcenter_id != citizen.jobcenter_id:
        raise PermissionDenied
    if not vacancy.is_open:
        raise DomainError(_("The vacancy is not open."), "vacancy_not_open")
    result = score_pair(_profile(citizen), vacancy)
    try:
        with transaction.atomic():
            match = Match.objects.create(
                citizen=citizen,
                vacancy=vacancy,
                proposed_by=proposed_by,
                note=note,
                score=result.score or 0,
                explanation=result.explanation()
                or [{"component": key, "text": text} for key, text in result.failed_filters],
            )
    except IntegrityError as exc:
        raise DomainError(
            _("The citizen has already been matched with this vacancy."), "duplicate_match"
        ) from exc
    MatchStep.objects.create(
        match=match,
        to_status=MatchStatus.PROPOSED,
        on=timezone.localdate(),
        note=note,
        by=proposed_by,
    )
    _log(vacancy.employer, proposed_by, _("Candidate proposed for %s") % vacancy.title)
    audit(action=AuditAction.CREATE, user=proposed_by, request=request, citizen=citizen, obj=match)
    return match


@transaction.atomic
def match_advance(
    *,
    match: Match,
    status: str,
    by: User,
    on: dt.date | None = None,
    note: str = "",
    request: HttpRequest | None = None,
) -> Match:
    _check(by, "matching.advance_match", match)
    match = (
        Match.objects.select_for_update(of=("self",))
        .select_related("citizen", "vacancy", "vacancy__employer")
        .get(pk=match.pk)
    )
    if status not in TRANSITIONS.get(match.status, ()):
        raise DomainError(
            _("A match cannot go from %(old)s to %(new)s.") % {"old": match.status, "new": status},
            "illegal_transition",
        )
    on = on or timezone.localdate()
    previous = match.status
    match.status = status
    date_field = {
        MatchStatus.CONTACTED: "contacted_on",
        MatchStatus.INTERVIEW: "interview_on",
        MatchStatus.HIRED: "hired_on",
    }.get(status, "closed_on")
    setattr(match, date_field, on)
    if note:
        match.note = f"{match.note}\n{note}".strip()
    match.save()
    MatchStep.objects.create(
        match=match, from_status=previous, to_status=status, on=on, note=note, by=by
    )
    if previous == MatchStatus.CONTACTED:
        _close_employer_response(match, by)
    if status == MatchStatus.CONTACTED:
        _employer_response_deadline(match, on)
    if status == MatchStatus.HIRED:
        _hire(match, by, on, request)
    audit(
        action=AuditAction.CHANGE,
        user=by,
        request=request,
        citizen=match.citizen,
        obj=match,
        detail={"from": previous, "to": status},
    )
    return match


@transaction.atomic
def match_employment_end(
    *,
    match: Match,
    ended_on: dt.date,
    by: User,
    note: str = "",
    request: HttpRequest | None = None,
) -> Match:
    """The hired job has ended: the citizen is active again and the retention follow-ups stop."""
    _check(by, "matching.advance_match", match)
    match = Match.objects.select_for_update(of=("self",)).select_related("citizen").get(pk=match.pk)
    if match.status != MatchStatus.HIRED or match.employment_ended_on:
        raise DomainError(_("Only a current hiring can end."), "not_employed")
    if ended_on < match.hired_on:
        raise ValidationError({"ended_on": _("The job cannot end before it started.")})
    match.employment_ended_on = ended_on
    if note:
        match.note = f"{match.note}\n{note}".strip()
    match.save(update_fields=["employment_ended_on", "note", "updated_at"])
    citizen = match.citizen
    if citizen.status == CitizenStatus.EMPLOYED:
        Citizen.objects.filter(pk=citizen.pk).update(
            status=CitizenStatus.ACTIVE, updated_at=timezone.now()
        )
        MatchProfile.objects.filter(citizen=citizen).update(citizen_active=True)
    Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Match),
        object_id=match.pk,
        kind=DeadlineKind.RETENTION_FOLLOW_UP,
        done_at__isnull=True,
    ).update(done_at=timezone.now(), done_by=by)
    audit(
        action=AuditAction.CHANGE,
        user=by,
        request=request,
        citizen=citizen,
        obj=match,
        purpose="employment_ended",
        detail={"ended_on": ended_on.isoformat()},
    )
    return match


def _employer_response_deadline(match: Match, on: dt.date) -> Deadline:
    employer = match.vacancy.employer
    return deadline_create(
        team=match.citizen.team,
        title=_("No answer from %(employer)s about %(citizen)s")
        % {"employer": employer.name, "citizen": match.citizen.full_name},
        due_at=date_to_deadline(add_working_days(on, EMPLOYER_RESPONSE_DAYS)),
        kind=DeadlineKind.EMPLOYER_RESPONSE,
        citizen=match.citizen,
        owner=employer.consultant,
        subject=match,
    )


def _close_employer_response(match: Match, by: User) -> None:
    Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Match),
        object_id=match.pk,
        kind=DeadlineKind.EMPLOYER_RESPONSE,
        done_at__isnull=True,
    ).update(done_at=timezone.now(), done_by=by)


def _hire(match: Match, by: User, hired_on: dt.date, request) -> None:
    citizen, vacancy = match.citizen, match.vacancy
    Citizen.objects.filter(pk=citizen.pk).update(
        status=CitizenStatus.EMPLOYED, updated_at=timezone.now()
    )
    citizen.status = CitizenStatus.EMPLOYED
    MatchProfile.objects.filter(citizen=citizen).update(citizen_active=False)
    audit(
        action=AuditAction.CHANGE,
        user=by,
        request=request,
        citizen=citizen,
        obj=citizen,
        purpose="hired",
        detail={"fields": ["status"], "match": match.pk},
    )
    hires = Match.objects.filter(vacancy=vacancy, status=MatchStatus.HIRED).count()
    if hires >= vacancy.positions:
        Vacancy.objects.filter(pk=vacancy.pk).update(
            status=VacancyStatus.FILLED, updated_at=timezone.now()
        )
        vacancy.status = VacancyStatus.FILLED
    for months in RETENTION_MONTHS:
        deadline_create(
            team=citizen.team,
            title=_("Job retention follow-up after %(months)d months: %(citizen)s at %(employer)s")
            % {"months": months, "citizen": citizen.full_name, "employer": vacancy.employer.name},
            due_at=date_to_deadline(hired_on + relativedelta(months=months)),
            kind=DeadlineKind.RETENTION_FOLLOW_UP,
            citizen=citizen,
            owner=citizen.caseworker,
            subject=match,
        )
    _log(vacancy.employer, by, _("Hired for %s") % vacancy.title)
    transaction.on_commit(
        lambda: events.citizen_hired.send(
            sender=Match,
            citizen=citizen,
            employer=vacancy.employer,
            match=match,
            hired_on=hired_on,
            by=by,
        )
    )
