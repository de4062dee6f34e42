"""The screening pages: the one-page form, refusals, read-only detail, citizen section."""

import pytest
from django.urls import reverse

from jobcenter.models import AuditEvent
from screening.models import Screening, ScreeningStatus
from tests.factories import CitizenFactory
from tests.screening.factories import ALL_NONE, screen

pytestmark = pytest.mark.django_db


def _post_data(**overrides):
    return {**ALL_NONE, "hours_per_week": "20", **overrides}


def test_citizen_create_leads_to_the_screening(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post(
        reverse("citizen_create"),
        {
            "first_name": "Ida",
            "last_name": "Kragh",
            "cpr": "150585-1230",
            "benefit_type": "cash_benefit",
            "first_contact_date": "2026-11-23",
            "team": team.pk,
            "caseworker": caseworker.pk,
        },
    )
    assert response.status_code == 302
    assert response.url.startswith("/screening/citizen/")


def test_the_form_shows_the_preamble_and_radio_groups(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.get(reverse("screening_create", args=[citizen.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "helbredsproblem" in html  # the WG preamble, in Danish
    assert html.count('type="radio" name="seeing"') == 6
    assert "<legend" in html


def test_it_saves_and_shows_the_outcome_on_the_citizen_page(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.post(
        reverse("screening_create", args=[citizen.pk]),
        _post_data(hearing="a_lot", accommodations=["interpretation"], consent="on"),
    )
    assert response.status_code == 302
    assert response.url == citizen.get_absolute_url()
    screening = Screening.objects.get(citizen=citizen)
    assert screening.answers["hearing"] == "a_lot"
    assert screening.answers["hours_per_week"] == 20
    assert screening.consent is True
    page = client.get(citizen.get_absolute_url()).content.decode()
    assert 'data-code="assistive_aids"' in page
    assert "personlig assistance til tolkning" in page  # the rule's reason


def test_missing_domains_show_errors_and_store_nothing(client, caseworker, citizen):
    client.force_login(caseworker)
    data = _post_data()
    del data["hearing"]
    response = client.post(reverse("screening_create", args=[citizen.pk]), data)
    assert response.status_code == 200
    assert "hearing_error" in response.content.decode()
    assert not Screening.objects.exists()


def test_wrong_method(client, caseworker, citizen):
    client.force_login(caseworker)
    assert client.put(reverse("screening_create", args=[citizen.pk])).status_code == 405
    assert client.get(reverse("screening_decline", args=[citizen.pk])).status_code == 405


def test_outsiders_get_404_and_consultants_403(client, citizen, outsider, consultant):
    client.force_login(outsider)
    assert client.get(reverse("screening_create", args=[citizen.pk])).status_code == 404
    client.force_login(consultant)
    assert client.get(reverse("screening_create", args=[citizen.pk])).status_code == 403
    assert client.post(reverse("screening_decline", args=[citizen.pk])).status_code == 403


def test_declining(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.post(
        reverse("screening_decline", args=[citizen.pk]), {"note": "Vil ikke svare i dag"}
    )
    assert response.status_code == 302
    screening = Screening.objects.get(citizen=citizen)
    assert screening.status == ScreeningStatus.DECLINED
    assert screening.decline_note == "Vil ikke svare i dag"
    page = client.get(citizen.get_absolute_url()).content.decode()
    assert "afslog screeningen" in page


def test_the_detail_page_is_read_only_and_audited(client, caseworker, citizen):
    screening = screen(citizen, caseworker, mobility="cannot")
    client.force_login(caseworker)
    response = client.get(reverse("screening_detail", args=[screening.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<form" not in html.split('id="main"')[1].split("</main>")[0]
    assert AuditEvent.objects.filter(
        action="view", object_type="screening.screening", object_id=str(screening.pk)
    ).exists()


def test_a_superseded_screening_points_to_the_newer(client, caseworker, citizen):
    old = screen(citizen, caseworker, seeing="some")
    new = screen(citizen, caseworker)
    client.force_login(caseworker)
    html = client.get(reverse("screening_detail", args=[old.pk])).content.decode()
    assert new.get_absolute_url() in html
    assert "Erstattet" in html


@pytest.mark.parametrize("who", ["consultant", "other_lead", "outsider"])
def test_others_cannot_open_a_screening(client, request, caseworker, citizen, who):
    screening = screen(citizen, caseworker)
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("screening_detail", args=[screening.pk])).status_code == 404


def test_the_consultant_sees_only_consented_accommodation_needs(client, caseworker, consultant):
    citizen = CitizenFactory(team=caseworker.memberships.get().team, caseworker=caseworker)
    screen(
        citizen,
        caseworker,
        cognition="a_lot",
        accommodations=["quiet_workspace"],
        barriers="Angst for store rum",
        consent=True,
    )
    client.force_login(consultant)
    html = client.get(citizen.get_absolute_url()).content.decode()
    assert "Roligt arbejdsmiljø" in html
    assert "Angst for store rum" not in html
    assert "disability3" not in html
    assert "Foreslåede ordninger" not in html
    assert "/screening/" not in html  # no links to the screening itself
    assert AuditEvent.objects.filter(
        user=consultant, object_type="screening.screening", purpose="consented accommodations"
    ).exists()


def test_the_consultant_sees_nothing_without_consent(client, caseworker, consultant, citizen):
    screen(citizen, caseworker, accommodations=["quiet_workspace"], consent=False)
    client.force_login(consultant)
    html = client.get(citizen.get_absolute_url()).content.decode()
    assert "Ingen behov for tilpasning delt" in html


def test_citizen_page_reads_are_audited(client, caseworker, citizen):
    screening = screen(citizen, caseworker)
    client.force_login(caseworker)
    client.get(citizen.get_absolute_url())
    assert AuditEvent.objects.filter(
        user=caseworker, object_id=str(screening.pk), purpose="citizen page"
    ).exists()


def test_timeline_entries(client, caseworker, citizen):
    screening = screen(citizen, caseworker)
    client.force_login(caseworker)
    html = client.get(citizen.get_absolute_url()).content.decode()
    assert "Screening gennemført" in html
    assert screening.get_absolute_url() in html
