"""Admin (rules editable, screenings read-only and audited) and idempotent demo data."""

import contextlib

import pytest

from jobcenter.demo import demo_citizens, demo_jobcenter, demo_users
from jobcenter.models import AuditEvent
from screening import demo
from screening.models import Questionnaire, Screening, SuggestionRule
from tests.screening.factories import screen

pytestmark = pytest.mark.django_db


def test_rules_are_seeded_with_reasons():
    rules = SuggestionRule.objects.all()
    assert rules.count() >= 12
    assert all(rule.reason_da and rule.reason_en for rule in rules)
    assert {"icebreaker", "sickness_refund_56", "priority_access", "mentor"} <= {
        rule.scheme_code for rule in rules
    }


def test_admin_edits_a_rule_and_checks_the_question(admin_client):
    rule = SuggestionRule.objects.get(scheme_code="icebreaker")
    url = f"/admin/screening/suggestionrule/{rule.pk}/change/"
    assert admin_client.get(url).status_code == 200
    data = {
        "scheme_code": "icebreaker",
        "question": "favourite_colour",
        "values": "yes",
        "reason_da": "x",
        "reason_en": "x",
        "order": 5,
        "is_active": "on",
    }
    assert admin_client.post(url, data).status_code == 200  # error: no such question
    data["question"] = "newly_educated"
    data["values"] = "maybe"
    assert admin_client.post(url, data).status_code == 200  # error: no such answer
    data["values"] = "yes"
    assert admin_client.post(url, data).status_code == 302
    rule.refresh_from_db()
    assert rule.order == 5


def test_admin_screenings_are_read_only_and_audited(admin_client, citizen, caseworker):
    screening = screen(citizen, caseworker)
    response = admin_client.get(f"/admin/screening/screening/{screening.pk}/change/")
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert AuditEvent.objects.filter(object_id=str(screening.pk), purpose="admin").exists()
    assert admin_client.get("/admin/screening/screening/").status_code == 200


def test_a_questionnaire_in_use_is_frozen_in_admin(admin_client, citizen, caseworker):
    screen(citizen, caseworker)
    questionnaire = Questionnaire.objects.get(version=1)
    response = admin_client.get(f"/admin/screening/questionnaire/{questionnaire.pk}/change/")
    assert response.status_code == 200
    assert b'name="definition"' not in response.content


def test_demo_seed_is_idempotent():
    jobcenter, teams = demo_jobcenter()
    users = demo_users(teams, "pw")
    demo_citizens(jobcenter, teams, [users["caseworker1"]], 30)
    context = {"jobcenter": jobcenter, "teams": teams, "users": users}

    def progress(label, total):
        return contextlib.nullcontext(type("Bar", (), {"update": lambda self, n: None})())

    demo.seed(context, {}, progress)
    count = Screening.objects.count()
    assert 0 < count < 30
    demo.seed(context, {}, progress)
    assert Screening.objects.count() == count
    assert Screening.objects.filter(status="declined").exists() or count < 10
