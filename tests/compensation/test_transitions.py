"""Every transition of DESIGN.md's application state machine, legal and illegal."""

import pytest

from compensation import services
from compensation.models import ApplicationStatus as S
from compensation.models import Grant
from jobcenter.models import AuditEvent, Role
from jobcenter.services import DomainError
from tests.compensation.factories import make_application, terms
from tests.factories import member

pytestmark = pytest.mark.django_db

LEGAL = {
    (S.DRAFT, "submit"): S.SUBMITTED,
    (S.DRAFT, "withdraw"): S.WITHDRAWN,
    (S.SUBMITTED, "withdraw"): S.WITHDRAWN,
    (S.SUBMITTED, "claim"): S.IN_REVIEW,
    (S.IN_REVIEW, "approve"): S.APPROVED,
    (S.IN_REVIEW, "reject"): S.REJECTED,
    (S.IN_REVIEW, "return"): S.RETURNED,
    (S.RETURNED, "submit"): S.SUBMITTED,
}
ACTIONS = ["submit", "withdraw", "claim", "approve", "reject", "return"]
ALL = [(state, action) for state in S.values for action in ACTIONS]


@pytest.fixture
def lead_b(team):
    return member(team, Role.TEAM_LEAD, username="lead_b")


def bring_to(state, citizen, caseworker, lead):
    application = make_application(citizen=citizen, created_by=caseworker)
    if state == S.DRAFT:
        return application
    if state == S.WITHDRAWN:
        return services.application_withdraw(application=application, withdrawn_by=caseworker)
    application = services.application_submit(application=application, submitted_by=caseworker)
    if state == S.SUBMITTED:
        return application
    application = services.application_claim(application=application, lead=lead)
    if state == S.IN_REVIEW:
        return application
    if state == S.APPROVED:
        services.application_approve(application=application, decided_by=lead, grant_terms=terms())
    elif state == S.REJECTED:
        services.application_reject(application=application, decided_by=lead, reason="Nej")
    elif state == S.RETURNED:
        services.application_return(application=application, returned_by=lead, reason="Mangler")
    application.refresh_from_db()
    return application


def act(action, application, caseworker, lead):
    if action == "submit":
        return services.application_submit(application=application, submitted_by=caseworker)
    if action == "withdraw":
        return services.application_withdraw(application=application, withdrawn_by=caseworker)
    if action == "claim":
        return services.application_claim(application=application, lead=lead)
    if action == "approve":
        return services.application_approve(
            application=application, decided_by=lead, grant_terms=terms()
        )
    if action == "reject":
        return services.application_reject(application=application, decided_by=lead, reason="x")
    return services.application_return(application=application, returned_by=lead, reason="x")


@pytest.mark.parametrize(("state", "action"), ALL)
def test_transition(state, action, citizen, caseworker, team_lead, lead_b):
    application = bring_to(state, citizen, caseworker, team_lead)
    assert application.status == state
    # A second lead acts, so that re-claiming one's own claim is not the case under test.
    if (state, action) in LEGAL:
        act(action, application, caseworker, lead_b if state != S.IN_REVIEW else team_lead)
        application.refresh_from_db()
        assert application.status == LEGAL[(state, action)]
    else:
        with pytest.raises(DomainError) as error:
            act(action, application, caseworker, lead_b)
        assert error.value.code in {"invalid_transition", "already_decided", "already_claimed"}
        application.refresh_from_db()
        assert application.status == state


def test_decisions_are_audited_and_approval_makes_one_grant(citizen, caseworker, team_lead):
    application = bring_to(S.IN_REVIEW, citizen, caseworker, team_lead)
    grant = services.application_approve(
        application=application, decided_by=team_lead, grant_terms=terms(), reason="Opfyldt"
    )
    assert Grant.objects.get() == grant
    event = AuditEvent.objects.get(action="decision")
    assert event.user == team_lead
    assert event.citizen_id == citizen.pk
    assert event.detail["status"] == "approved"
    application.refresh_from_db()
    assert application.decided_by == team_lead
    assert application.decision_working_days == 0
    assert application.decided_in_time is True


def test_reject_needs_reasons(citizen, caseworker, team_lead):
    from django.core.exceptions import ValidationError

    application = bring_to(S.IN_REVIEW, citizen, caseworker, team_lead)
    with pytest.raises(ValidationError):
        services.application_reject(application=application, decided_by=team_lead, reason=" ")


def test_return_then_resubmit_sets_a_new_deadline(citizen, caseworker, team_lead):
    from jobcenter.models import Deadline

    application = bring_to(S.RETURNED, citizen, caseworker, team_lead)
    assert application.return_reason == "Mangler"
    assert not Deadline.objects.filter(done_at__isnull=True).exists()
    services.application_submit(application=application, submitted_by=caseworker)
    assert Deadline.objects.filter(done_at__isnull=True).count() == 1


def test_caseworker_cannot_claim(citizen, caseworker, caseworker2):
    from django.core.exceptions import PermissionDenied

    application = bring_to(S.SUBMITTED, citizen, caseworker, None)
    with pytest.raises(PermissionDenied):
        services.application_claim(application=application, lead=caseworker2)
