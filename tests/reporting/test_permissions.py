"""Reporting permissions beyond the URL matrix (tests/url_matrix.py has the per-role rows)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_superuser_sees_the_access_review(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("access_review")).status_code == 200
