import pytest
from django.db import DatabaseError, transaction

from jobcenter.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_viewing_a_citizen_is_logged(client, citizen, caseworker):
    client.force_login(caseworker)
    client.get(f"/citizens/{citizen.pk}/", REMOTE_ADDR="10.1.2.3")
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.user, event.citizen_id, event.ip_address) == (caseworker, citizen.pk, "10.1.2.3")
    assert event.object_type == "jobcenter.citizen"


def test_a_search_is_logged_with_its_terms(client, citizen, caseworker):
    client.force_login(caseworker)
    client.get("/citizens/", {"q": "Holm", "status": "active"})
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.detail == {"criteria": {"q": "Holm", "status": "active"}}


def test_a_cpr_search_logs_no_cpr(client, citizen, caseworker):
    client.force_login(caseworker)
    full = citizen.reveal_cpr()
    response = client.get("/citizens/", {"q": full})
    assert [c.pk for c in response.context["page"]] == [citizen.pk]
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.detail == {"criteria": {"q": "<CPR>"}}


def test_a_change_is_logged_with_the_fields_changed(client, citizen, caseworker):
    client.force_login(caseworker)
    data = {
        "first_name": "Karen",
        "last_name": "Holm-Madsen",
        "benefit_type": "cash_benefit",
        "first_contact_date": citizen.first_contact_date.isoformat(),
        "status": "active",
        "postcode": "8000",
        "city": "Aarhus C",
    }
    response = client.post(f"/citizens/{citizen.pk}/edit/", data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.CHANGE)
    assert event.detail == {"fields": ["benefit_type", "last_name"]}
    # The change history (pghistory) keeps the old name.
    names = list(citizen.events.order_by("pgh_id").values_list("last_name", flat=True))
    assert names[0] == "Holm" and names[-1] == "Holm-Madsen"


def test_sign_in_and_failed_sign_in_are_logged(client, caseworker):
    client.post("/accounts/login/", {"username": "caseworker", "password": "wrong"})
    client.post("/accounts/login/", {"username": "caseworker", "password": "pw-for-tests-1"})
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "username"))
    assert actions == [("login_failed", "caseworker"), ("login", "caseworker")]


def test_the_database_refuses_to_edit_or_delete_the_audit_trail(citizen, caseworker):
    event = AuditEvent.objects.create(action=AuditAction.VIEW, user=caseworker, citizen=citizen)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="change")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "view"


def test_admin_can_browse_but_not_change_the_audit_trail(client, superuser, citizen):
    event = AuditEvent.objects.create(action=AuditAction.VIEW, citizen=citizen)
    client.force_login(superuser)
    assert client.get("/admin/jobcenter/auditevent/").status_code == 200
    assert client.get("/admin/jobcenter/auditevent/?action__exact=view").status_code == 200
    assert client.get("/admin/jobcenter/auditevent/add/").status_code == 403
    assert client.post(f"/admin/jobcenter/auditevent/{event.pk}/delete/").status_code == 403
