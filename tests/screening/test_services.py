"""Completing, declining and superseding screenings; read-only rows; version pinning."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobcenter import events
from jobcenter.models import AuditEvent, Deadline, DeadlineKind
from screening import selectors, services
from screening.models import Questionnaire, Screening, ScreeningStatus, SuggestionRule
from screening.questionnaire_v1 import DEFINITION
from tests.screening.factories import answers, screen

pytestmark = pytest.mark.django_db


def test_it_stores_the_outcome_with_the_screening(citizen, caseworker):
    screening = screen(citizen, caseworker, hearing="a_lot", newly_educated="yes")
    assert screening.status == ScreeningStatus.COMPLETED
    assert screening.questionnaire.version == 1
    assert (screening.disability1, screening.disability3, screening.disability4) == (
        True,
        True,
        False,
    )
    codes = [entry["code"] for entry in screening.outcome["suggested_schemes"]]
    assert codes == ["assistive_aids", "personal_assistance", "icebreaker"]
    assert all(entry["reasons"] for entry in screening.outcome["suggested_schemes"])
    assert screening.referral is True
    assert AuditEvent.objects.filter(action="create", object_id=str(screening.pk)).exists()


def test_only_some_difficulty_sets_a_follow_up_deadline_in_four_weeks(citizen, caseworker):
    screening = screen(citizen, caseworker, cognition="some")
    deadline = Deadline.objects.get(citizen=citizen)
    assert deadline.kind == DeadlineKind.SCREENING_FOLLOW_UP
    assert deadline.owner == caseworker
    assert deadline.subject == screening
    assert (deadline.due_at.date() - timezone.localdate()).days == 28
    assert screening.outcome["next_steps"]["follow_up_due"] == deadline.due_at.date().isoformat()


def test_a_correction_closes_the_old_follow_up(citizen, caseworker):
    old = screen(citizen, caseworker, cognition="some")
    new = screen(citizen, caseworker, cognition="some", seeing="some")
    open_deadlines = Deadline.objects.filter(citizen=citizen, done_at__isnull=True)
    assert [deadline.subject for deadline in open_deadlines] == [new]
    assert Deadline.objects.get(object_id=old.pk).done_by == caseworker


def test_no_follow_up_for_none_or_a_lot(citizen, caseworker):
    screen(citizen, caseworker)
    screen(citizen, caseworker, mobility="a_lot", cognition="some")
    assert not Deadline.objects.filter(citizen=citizen).exists()


def test_follow_up_weeks_can_be_configured(citizen, caseworker, settings):
    settings.SCREENING_FOLLOW_UP_WEEKS = 2
    screen(citizen, caseworker, seeing="some")
    deadline = Deadline.objects.get(citizen=citizen)
    assert (deadline.due_at.date() - timezone.localdate()).days == 14


def test_consented_needs_are_sent_after_commit(
    citizen, caseworker, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    events.screening_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            screening = screen(
                citizen, caseworker, accommodations=["mentor", "extra_breaks"], consent=True
            )
        with django_capture_on_commit_callbacks(execute=True):
            screen(citizen, caseworker, accommodations=["mentor"], consent=False)
    finally:
        events.screening_completed.disconnect(receiver)
    assert len(received) == 1
    assert received[0]["screening"] == screening
    assert received[0]["citizen"] == citizen
    assert received[0]["consented_accommodations"] == ["extra_breaks", "mentor"]
    assert received[0]["by"] == caseworker


def test_declined_screening(citizen, caseworker):
    screening = services.screening_decline(citizen=citizen, declined_by=caseworker, note="Nej tak")
    assert screening.status == ScreeningStatus.DECLINED
    assert screening.answers == {}
    assert screening.disability1 is None and screening.disability3 is None
    assert screening.outcome["suggested_schemes"] == []
    assert selectors.suggested_scheme_codes(citizen) == []
    assert selectors.current_screening(citizen) == screening
    assert not Deadline.objects.filter(citizen=citizen).exists()


def test_a_new_screening_supersedes_the_current_one_and_both_are_kept(citizen, caseworker):
    first = services.screening_decline(citizen=citizen, declined_by=caseworker)
    second = screen(citizen, caseworker, hearing="a_lot")
    third = screen(citizen, caseworker)
    first.refresh_from_db()
    second.refresh_from_db()
    assert Screening.objects.filter(citizen=citizen).count() == 3
    assert first.superseded_at and second.superseded_at and third.superseded_at is None
    assert second.supersedes == first and third.supersedes == second
    assert list(Screening.objects.filter(citizen=citizen).current()) == [third]
    assert selectors.suggested_scheme_codes(citizen) == []
    # the superseded screening keeps its own outcome
    assert second.disability3 is True


def test_the_database_allows_one_current_screening_per_citizen(citizen, caseworker):
    first = screen(citizen, caseworker)
    with pytest.raises(IntegrityError), transaction.atomic():
        Screening.objects.create(
            citizen=citizen, questionnaire=first.questionnaire, status="completed", summary="none"
        )


def test_a_completed_screening_is_read_only(citizen, caseworker):
    screening = screen(citizen, caseworker)
    screening.answers = {**screening.answers, "seeing": "cannot"}
    with pytest.raises(Exception, match="read_only|Cannot update"), transaction.atomic():
        screening.save()
    with pytest.raises(Exception, match="read_only|Cannot update"), transaction.atomic():
        Screening.objects.filter(pk=screening.pk).update(disability4=True)
    screening.refresh_from_db()
    assert screening.answers["seeing"] == "none"


def test_version_pinning(citizen, caseworker):
    old = screen(citizen, caseworker, hearing="some")
    old_outcome = dict(old.outcome)
    # A new version rewords a question and drops the communication domain's wording.
    definition = {"sections": [dict(section) for section in DEFINITION["sections"]]}
    first = dict(definition["sections"][0])
    first["questions"] = [dict(q) for q in first["questions"]]
    first["questions"][1]["text"] = {"en": "Hearing (v2)?", "da": "Hørelse (v2)?"}
    definition["sections"][0] = first
    Questionnaire.objects.filter(version=1).update(is_active=False)
    v2 = Questionnaire.objects.create(version=2, name="v2", definition=definition)
    SuggestionRule.objects.update(is_active=False)
    new = screen(citizen, caseworker, hearing="some")
    old.refresh_from_db()
    assert new.questionnaire == v2
    assert old.questionnaire.version == 1
    assert old.outcome == old_outcome
    hearing = [row for row in selectors.answer_sections(old)[0]["rows"] if row.key == "hearing"]
    assert hearing[0].question.startswith("Har du vanskeligt ved at høre")
    new_hearing = [row for row in selectors.answer_sections(new)[0]["rows"] if row.key == "hearing"]
    assert new_hearing[0].question == "Hørelse (v2)?"


def test_suggestion_rules_are_data(citizen, caseworker):
    SuggestionRule.objects.create(
        scheme_code="flex_job",
        question="hours_per_week",
        values=["10"],
        reason_da="Kan arbejde 10 timer",
        reason_en="Can work 10 hours",
        order=1,
    )
    SuggestionRule.objects.filter(scheme_code="icebreaker").update(is_active=False)
    screening = screen(
        citizen, caseworker, newly_educated="yes", seeks_public_jobs="yes", hours_per_week=10
    )
    assert selectors.suggested_scheme_codes(citizen) == ["flex_job", "priority_access"]
    assert screening.outcome["suggested_schemes"][1]["reasons"][0]["da"].startswith("Søger job")


def test_invalid_answers_store_nothing(citizen, caseworker):
    with pytest.raises(ValidationError) as error:
        services.screening_complete(
            citizen=citizen, answers={"seeing": "blurry", "colour": "x"}, screened_by=caseworker
        )
    assert set(error.value.message_dict) >= {"seeing", "colour", "hearing"}
    assert not Screening.objects.exists()


@pytest.mark.parametrize("who", ["consultant", "other_lead", "outsider"])
def test_only_the_team_s_caseworkers_and_leads_may_screen(request, citizen, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.screening_complete(citizen=citizen, answers=answers(), screened_by=user)
    with pytest.raises(PermissionDenied):
        services.screening_decline(citizen=citizen, declined_by=user)


def test_team_lead_may_screen(citizen, team_lead):
    assert screen(citizen, team_lead).created_by == team_lead


def test_consented_accommodations(citizen, caseworker):
    assert selectors.consented_accommodations(citizen) == []
    screen(citizen, caseworker, accommodations=["quiet_workspace"], consent=False)
    assert selectors.consented_accommodations(citizen) == []
    screen(citizen, caseworker, accommodations=["quiet_workspace", "mentor"], consent=True)
    assert selectors.consented_accommodations(citizen) == ["mentor", "quiet_workspace"]
    services.screening_decline(citizen=citizen, declined_by=caseworker)
    assert selectors.consented_accommodations(citizen) == []
