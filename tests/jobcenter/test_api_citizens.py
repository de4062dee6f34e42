import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobcenter.models import Citizen
from tests.factories import CitizenFactory, JobcenterFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_list_is_paginated_filtered_and_scoped(client, caseworker, team, other_team):
    mine = CitizenFactory(team=team, caseworker=caseworker, last_name="Holm")
    CitizenFactory(team=team, last_name="Lund", status="closed")
    CitizenFactory(team=TeamFactory(jobcenter=JobcenterFactory()))
    client.force_login(caseworker)
    body = client.get("/api/v1/citizens/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    filtered = client.get("/api/v1/citizens/", {"caseworker": caseworker.pk}).json()
    assert [c["id"] for c in filtered["results"]] == [mine.pk]
    assert client.get("/api/v1/citizens/", {"status": "closed"}).json()["count"] == 1
    assert client.get("/api/v1/citizens/", {"q": "holm"}).json()["count"] == 1


def test_cpr_is_write_only_and_reads_are_masked(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post(
        "/api/v1/citizens/",
        {"cpr": "150585-1230", "first_name": "Ida", "last_name": "Kragh", "team": team.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["cpr_masked"] == "150585-XXXX" and "cpr" not in body
    detail = client.get(f"/api/v1/citizens/{body['id']}/").json()
    assert "1230" not in str(detail)


def test_invalid_input_is_a_400_with_field_errors_and_stores_nothing(client, caseworker, team):
    client.force_login(caseworker)
    response = client.post(
        "/api/v1/citizens/",
        {"cpr": "999999-9999", "first_name": "", "team": team.pk, "postcode": "12"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"cpr", "first_name", "last_name"} <= set(response.json())
    assert Citizen.objects.count() == 0


def test_patch_changes_the_record(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.patch(
        f"/api/v1/citizens/{citizen.pk}/", {"phone": "12345678"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["phone"] == "12345678"


def test_another_jobcenters_citizen_is_a_404_and_a_consultant_a_403(
    client, outsider, consultant, citizen
):
    client.force_login(outsider)
    assert client.get(f"/api/v1/citizens/{citizen.pk}/").status_code == 404
    assert client.patch(f"/api/v1/citizens/{citizen.pk}/", {}).status_code == 404
    client.force_login(consultant)
    assert client.get("/api/v1/citizens/").status_code == 403


def test_creating_in_someone_elses_team_is_refused(client, caseworker, outsider):
    client.force_login(caseworker)
    response = client.post(
        "/api/v1/citizens/",
        {
            "foreign_id": "X1",
            "first_name": "A",
            "last_name": "B",
            "team": outsider.memberships.get().team_id,
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Citizen.objects.count() == 0


def test_list_query_count_is_constant(client, caseworker, team):
    client.force_login(caseworker)
    for _ in range(5):
        CitizenFactory(team=team)
    with CaptureQueriesContext(connection) as small:
        client.get("/api/v1/citizens/")
    for _ in range(60):
        CitizenFactory(team=team)
    with CaptureQueriesContext(connection) as large:
        client.get("/api/v1/citizens/")
    assert len(large) == len(small)


def test_the_schema_and_docs_are_behind_sign_in(client, caseworker):
    assert client.get("/api/schema/").status_code == 403
    assert client.get("/api/docs/").status_code == 302
    client.force_login(caseworker)
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and "cdn" not in docs.content.decode().lower()
