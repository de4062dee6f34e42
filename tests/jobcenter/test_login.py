import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _fail(client, username="caseworker"):
    return client.post("/accounts/login/", {"username": username, "password": "wrong"})


def test_it_signs_in_and_out(client, caseworker):
    response = client.post(
        "/accounts/login/", {"username": "caseworker", "password": "pw-for-tests-1"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_locks_out_after_repeated_failures(client, caseworker):
    for _ in range(2):
        assert _fail(client).status_code == 200
    assert _fail(client).status_code == 429
    # Even the right password is refused while locked out.
    response = client.post(
        "/accounts/login/", {"username": "caseworker", "password": "pw-for-tests-1"}
    )
    assert response.status_code == 429
    assert "For mange mislykkede login" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_api_token_endpoint_shares_the_lockout(client, caseworker):
    for _ in range(3):
        _fail(client)
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "caseworker", "password": "pw-for-tests-1"},
        content_type="application/json",
    )
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"


def test_the_api_token_signs_in_scripts(client, caseworker, citizen):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "caseworker", "password": "pw-for-tests-1"},
        content_type="application/json",
    )
    token = response.json()["token"]
    listed = client.get("/api/v1/citizens/", HTTP_AUTHORIZATION=f"Token {token}")
    assert listed.status_code == 200 and listed.json()["count"] == 1


def test_a_wrong_password_gets_no_token(client, caseworker):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "caseworker", "password": "nope"},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)


def test_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
