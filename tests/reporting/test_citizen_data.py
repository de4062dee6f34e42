"""The citizen's right of access: JSON and page, who may export, audited."""

import json

import pytest
from django.urls import reverse

from jobcenter.audit import audit
from jobcenter.models import AuditAction, AuditEvent, BenefitPeriod
from reporting import gdpr

pytestmark = pytest.mark.django_db


def _url(citizen, **query):
    url = reverse("citizen_data_export", args=[citizen.pk])
    return url + ("?format=json" if query.get("json") else "")


def test_caseworker_downloads_everything_as_json(client, caseworker, citizen, team_lead):
    BenefitPeriod.objects.create(citizen=citizen, benefit_type="cash_benefit", start="2026-01-05")
    citizen.phone = "12345678"
    citizen.save()
    audit(action=AuditAction.VIEW, user=team_lead, citizen=citizen, purpose="follow-up")
    client.force_login(caseworker)

    response = client.get(_url(citizen, json=True))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="citizen-{citizen.pk}.json"'
    data = json.loads(response.content)["sections"]
    assert data["record"]["first_name"] == "Karen" and data["record"]["phone"] == "12345678"
    assert "cpr_encrypted" not in data["record"] and "cpr_hash" not in data["record"]
    assert data["benefit_history"] == [
        {"benefit_type": "cash_benefit", "start": "2026-01-05", "end": None}
    ]
    changes = [row for row in data["change_history"] if row["object"] == "Citizen"]
    assert changes[0]["event"] == "insert" and changes[-1]["event"] == "update"
    assert changes[-1]["changed"]["phone"] == "12345678"
    reads = data["read_log"]
    assert reads[0]["user"] == "lead" and reads[0]["purpose"] == "follow-up"
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, citizen_id=citizen.pk)
    assert event.user == caseworker and event.purpose == "GDPR article 15"


def test_team_lead_sees_the_readable_page(client, team_lead, citizen):
    client.force_login(team_lead)

    response = client.get(_url(citizen))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Karen" in html and "<caption" in html
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, citizen_id=citizen.pk).exists()


def test_consultant_of_the_team_gets_403(client, consultant, citizen):
    client.force_login(consultant)
    assert client.get(_url(citizen, json=True)).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_other_team_and_other_jobcenter_get_404(client, other_lead, outsider, citizen):
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get(_url(citizen, json=True)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, citizen):
    assert client.get(_url(citizen)).status_code == 302


def test_post_is_not_allowed(client, caseworker, citizen):
    client.force_login(caseworker)
    assert client.post(_url(citizen)).status_code == 405


def test_other_apps_add_sections(citizen):
    gdpr.register_section("test_extra", "Extra", lambda c: [{"n": c.pk}], order=99)
    try:
        sections = {section["key"]: section["data"] for section in gdpr.export(citizen)}
    finally:
        gdpr._sections.pop("test_extra")
    assert sections["test_extra"] == [{"n": citizen.pk}]


def test_citizen_page_links_to_the_export_for_case_roles(client, caseworker, consultant, citizen):
    client.force_login(caseworker)
    assert _url(citizen) in client.get(citizen.get_absolute_url()).content.decode()
    client.force_login(consultant)
    assert _url(citizen) not in client.get(citizen.get_absolute_url()).content.decode()
