"""Writes of the screening app: complete or decline a screening (superseding the current)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from jobcenter import events
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, Deadline, DeadlineKind, User
from jobcenter.services import date_to_deadline, deadline_create
from screening.models import Questionnaire, Screening, ScreeningStatus, SuggestionRule
from screening.outcome import DECLINED_OUTCOME, RuleSpec, compute_outcome
from screening.questionnaire import validate_answers

FOLLOW_UP_WEEKS_DEFAULT = 4


def follow_up_weeks() -> int:
    return int(getattr(settings, "SCREENING_FOLLOW_UP_WEEKS", FOLLOW_UP_WEEKS_DEFAULT))


def active_rules() -> list[RuleSpec]:
    return [
        RuleSpec(
            pk=rule.pk,
            scheme_code=rule.scheme_code,
            question=rule.question,
            values=tuple(rule.values),
            reason_en=rule.reason_en,
            reason_da=rule.reason_da,
        )
        for rule in SuggestionRule.objects.filter(is_active=True).order_by("order", "pk")
    ]


def current_questionnaire() -> Questionnaire:
    questionnaire = Questionnaire.objects.current()
    if questionnaire is None:
        raise ValidationError(_("No questionnaire is in use; ask an administrator."))
    return questionnaire


def _check(user: User, citizen: Citizen) -> None:
    if not user.has_perm("screening.add_screening", citizen):
        raise PermissionDenied


def _supersede_current(citizen: Citizen, by: User) -> Screening | None:
    # Lock the citizen so two screenings saved at once cannot both become current.
    Citizen.objects.select_for_update().filter(pk=citizen.pk).first()
    current = Screening.objects.filter(citizen=citizen, superseded_at__isnull=True).first()
    if current is not None:
        now = timezone.now()
        current.superseded_at = now
        current.save(update_fields=["superseded_at"])
        # The corrected screening's follow-up is replaced by whatever the new one asks for.
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Screening),
            object_id=current.pk,
            kind=DeadlineKind.SCREENING_FOLLOW_UP,
            done_at__isnull=True,
        ).update(done_at=now, done_by=by)
    return current


@transaction.atomic
def screening_complete(
    *,
    citizen: Citizen,
    answers: dict,
    screened_by: User,
    questionnaire: Questionnaire | None = None,
    request: HttpRequest | None = None,
) -> Screening:
    """Validate, compute and store the outcome, supersede the earlier screening, set the
    follow-up deadline and share consented accommodation needs (after commit)."""
    _check(screened_by, citizen)
    questionnaire = questionnaire or current_questionnaire()
    clean, errors = validate_answers(questionnaire.definition, answers)
    if errors:
        raise ValidationError(errors)
    outcome = compute_outcome(clean, active_rules())
    follow_up_due: dt.date | None = None
    if outcome["next_steps"]["follow_up"]:
        follow_up_due = timezone.localdate() + dt.timedelta(weeks=follow_up_weeks())
        outcome["next_steps"]["follow_up_due"] = follow_up_due.isoformat()
    previous = _supersede_current(citizen, screened_by)
    screening = Screening.objects.create(
        citizen=citizen,
        questionnaire=questionnaire,
        status=ScreeningStatus.COMPLETED,
        answers=clean,
        outcome=outcome,
        disability1=outcome["disability1"],
        disability2=outcome["disability2"],
        disability3=outcome["disability3"],
        disability4=outcome["disability4"],
        summary=outcome["summary"],
        referral=outcome["next_steps"]["referral"],
        consent=clean.get("consent") is True,
        accommodations=outcome["next_steps"]["share_accommodations"],
        supersedes=previous,
        created_by=screened_by,
    )
    if follow_up_due is not None:
        deadline_create(
            team=citizen.team,
            title=_("Follow up on the screening of %(name)s") % {"name": citizen.full_name},
            due_at=date_to_deadline(follow_up_due),
            kind=DeadlineKind.SCREENING_FOLLOW_UP,
            citizen=citizen,
            owner=citizen.caseworker or screened_by,
            subject=screening,
        )
    audit(
        action=AuditAction.CREATE,
        user=screened_by,
        request=request,
        citizen=citizen,
        obj=screening,
        detail={"supersedes": previous.pk if previous else None},
    )
    if screening.consent:
        shared = list(screening.accommodations)
        transaction.on_commit(
            lambda: events.screening_completed.send(
                sender=Screening,
                screening=screening,
                citizen=citizen,
                consented_accommodations=shared,
                by=screened_by,
            )
        )
    return screening


@transaction.atomic
def screening_decline(
    *,
    citizen: Citizen,
    declined_by: User,
    note: str = "",
    request: HttpRequest | None = None,
) -> Screening:
    """Record that the citizen declined the screening (their right: it is not a decision)."""
    _check(declined_by, citizen)
    questionnaire = current_questionnaire()
    previous = _supersede_current(citizen, declined_by)
    screening = Screening.objects.create(
        citizen=citizen,
        questionnaire=questionnaire,
        status=ScreeningStatus.DECLINED,
        decline_note=note[:500],
        outcome=DECLINED_OUTCOME,
        summary="declined",
        supersedes=previous,
        created_by=declined_by,
    )
    audit(
        action=AuditAction.CREATE,
        user=declined_by,
        request=request,
        citizen=citizen,
        obj=screening,
        purpose="declined",
    )
    return screening
