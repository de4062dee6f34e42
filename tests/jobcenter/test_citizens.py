import pytest
from django.core.exceptions import ValidationError

from jobcenter import services
from jobcenter.models import AuditEvent, Citizen
from jobcenter.views import next_step_after_create
from tests.factories import CitizenFactory, DeadlineFactory, JobcenterFactory, TeamFactory, member

pytestmark = pytest.mark.django_db


def form_data(team, **overrides):
    data = {
        "first_name": "Ida",
        "last_name": "Kragh",
        "cpr": "150585-1230",
        "benefit_type": "cash_benefit",
        "first_contact_date": "2026-11-02",
        "team": team.pk,
        "postcode": "8000",
        "city": "Aarhus C",
    }
    data.update(overrides)
    return data


def test_it_registers_a_citizen(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post("/citizens/new/", form_data(team, caseworker=caseworker.pk))
    citizen = Citizen.objects.get()
    assert response.status_code == 302
    assert (citizen.cpr_masked, citizen.caseworker, citizen.jobcenter) == (
        "150585-XXXX",
        caseworker,
        team.jobcenter,
    )
    assert list(citizen.benefit_periods.values_list("benefit_type", flat=True)) == ["cash_benefit"]
    assert AuditEvent.objects.filter(action="create", citizen=citizen).exists()


def test_a_bad_cpr_is_refused_with_a_danish_message_and_nothing_is_stored(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post("/citizens/new/", form_data(team, cpr="310285-1230"))
    assert response.status_code == 200
    assert "CPR-nummeret indeholder ikke en gyldig fødselsdato." in response.content.decode()
    assert Citizen.objects.count() == 0


def test_the_error_is_in_english_for_english_users(client, caseworker, team):
    client.force_login(caseworker)
    client.cookies["django_language"] = "en"
    response = client.post("/citizens/new/", form_data(team, cpr="310285-1230"))
    assert "The CPR number does not contain a valid date of birth." in response.content.decode()


def test_the_same_cpr_twice_in_one_jobcenter_is_refused(client, caseworker, team, other_team):
    CitizenFactory(team=other_team, cpr="1505851230")
    client.force_login(caseworker)
    response = client.post("/citizens/new/", form_data(team))
    assert "allerede registreret en borger med dette CPR-nummer" in response.content.decode()
    assert Citizen.objects.count() == 1


def test_the_same_cpr_in_another_jobcenter_is_allowed(caseworker, team):
    elsewhere = TeamFactory(jobcenter=JobcenterFactory())
    CitizenFactory(team=elsewhere, cpr="1505851230")
    services.citizen_create(
        created_by=caseworker, team=team, cpr="1505851230", first_name="A", last_name="B"
    )
    assert Citizen.objects.filter(cpr_hash=Citizen.objects.first().cpr_hash).count() == 2


def test_a_citizen_without_cpr_needs_another_identification(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post("/citizens/new/", form_data(team, cpr=""))
    assert "Angiv et CPR-nummer eller" in response.content.decode()
    response = client.post("/citizens/new/", form_data(team, cpr="", foreign_id="P1234567"))
    assert response.status_code == 302
    assert Citizen.objects.get().identifier_display == "P1234567"


def test_wrong_method_is_refused(client, caseworker, citizen):
    client.force_login(caseworker)
    assert client.delete(f"/citizens/{citizen.pk}/").status_code == 405
    assert client.get(f"/citizens/{citizen.pk}/reveal-cpr/").status_code == 405


def test_a_benefit_change_keeps_its_history(caseworker, team):
    citizen = services.citizen_create(
        created_by=caseworker, team=team, foreign_id="X1", first_name="A", last_name="B"
    )
    services.citizen_update(citizen=citizen, changed_by=caseworker, benefit_type="sickness_benefit")
    services.citizen_update(citizen=citizen, changed_by=caseworker, benefit_type="cash_benefit")
    periods = list(citizen.benefit_periods.order_by("pk").values_list("benefit_type", "end"))
    assert [p[0] for p in periods] == ["none", "sickness_benefit", "cash_benefit"]
    assert [p[1] is None for p in periods] == [False, False, True]


def test_closing_a_citizen_records_when(caseworker, citizen):
    services.citizen_update(citizen=citizen, changed_by=caseworker, status="closed")
    citizen.refresh_from_db()
    assert citizen.closed_at is not None


def test_reassigning_moves_open_deadlines(team_lead, citizen, other_team):
    other_broker = member(other_team)
    deadline = DeadlineFactory(team=citizen.team, citizen=citizen, owner=citizen.caseworker)
    services.citizen_reassign(
        citizen=citizen, reassigned_by=team_lead, team=other_team, caseworker=other_broker
    )
    deadline.refresh_from_db()
    assert (deadline.team, deadline.owner) == (other_team, other_broker)


def test_the_broker_must_belong_to_the_team(team_lead, citizen, other_team, caseworker):
    with pytest.raises(ValidationError):
        services.citizen_reassign(
            citizen=citizen, reassigned_by=team_lead, team=other_team, caseworker=caseworker
        )


def test_reassign_page(client, team_lead, citizen, other_team):
    broker = member(other_team)
    client.force_login(team_lead)
    response = client.post(
        f"/citizens/{citizen.pk}/reassign/", {"team": other_team.pk, "caseworker": broker.pk}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.team == other_team


def test_search_by_name_and_by_cpr(client, caseworker, team):
    ida = CitizenFactory(team=team, first_name="Ida", last_name="Kragh", cpr="1505851230")
    CitizenFactory(team=team, first_name="Bo", last_name="Lund")
    client.force_login(caseworker)
    by_name = client.get("/citizens/", {"q": "ida krag"}).context["page"]
    by_cpr = client.get("/citizens/", {"q": "1505851230"}).context["page"]
    assert [c.pk for c in by_name] == [c.pk for c in by_cpr] == [ida.pk]


def test_list_sorts_and_paginates(client, caseworker, team):
    for name in ["Ahmed", "Bech", "Carlsen"] * 10:
        CitizenFactory(team=team, last_name=name)
    client.force_login(caseworker)
    page = client.get("/citizens/", {"sort": "-name"}).context["page"]
    assert page.paginator.count == 30 and len(page) == 25
    assert page[0].last_name == "Carlsen"
    assert len(client.get("/citizens/", {"sort": "-name", "page": 2}).context["page"]) == 5


def test_create_leads_on_to_the_next_step_of_the_first_interview(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post("/citizens/new/", form_data(team))
    citizen = Citizen.objects.get()
    assert response["Location"] == next_step_after_create(citizen)


def test_no_cpr_in_urls_or_logs(client, caseworker, citizen, caplog):
    client.force_login(caseworker)
    full = citizen.reveal_cpr()
    client.get("/citizens/", {"q": full})
    client.post(f"/citizens/{citizen.pk}/reveal-cpr/")
    assert full not in caplog.text and full.replace("-", "") not in caplog.text
    assert all(full not in str(e.detail) for e in AuditEvent.objects.all())
