import pytest
from django.db import OperationalError

from jobcenter import selectors

pytestmark = pytest.mark.django_db


def test_a_lost_database_is_a_503_page(client, caseworker, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(selectors, "dashboard_for", unreachable)
    client.force_login(caseworker)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Midlertidigt utilgængelig" in response.content.decode()


def test_other_errors_are_a_500_page(client, caseworker, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("bug")

    monkeypatch.setattr(selectors, "dashboard_for", broken)
    client.force_login(caseworker)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Noget gik galt" in response.content.decode()
