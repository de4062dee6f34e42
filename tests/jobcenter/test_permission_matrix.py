"""Every URL pattern is classified (tests/url_matrix.py); each is walked as anonymous, each
role and an outsider from another jobcenter, and the lists agree with the details."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jobcenter.models import Citizen
from tests.factories import CitizenFactory
from tests.url_matrix import MATRIX, ROLES, url_args

# Django admin checks staff status itself: everyone here but a superuser is sent to its login.
NAMESPACES_CHECKED_ELSEWHERE = {"admin"}


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern.name


def test_every_url_pattern_is_classified():
    unclassified = {
        name
        for namespace, name in _names(get_resolver().url_patterns)
        if namespace not in NAMESPACES_CHECKED_ELSEWHERE
        and name not in MATRIX
        and not name.endswith("-root")  # DRF's format-suffix duplicates
    }
    assert unclassified == set()


@pytest.fixture
def users(cast):
    return {"anonymous": None, **cast}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, users, citizen, name):
    method, kind, expected = MATRIX[name]
    results = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        url = reverse(name, args=url_args(kind, citizen=citizen, cast=users))
        response = getattr(client, method)(url)
        results[role] = response.status_code
        if role == "anonymous" and response.status_code == 302 and name != "logout":
            assert response["Location"].startswith(reverse("login")) or name == "set_language"
    assert results == expected, f"{name}: {results}"


@pytest.mark.django_db
def test_admin_is_for_staff_only(client, cast, superuser):
    for user in cast.values():
        client.force_login(user)
        assert client.get("/admin/").status_code == 302
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_lists_and_details_agree(client, cast, team, other_team):
    citizens = [CitizenFactory(team=team) for _ in range(3)] + [CitizenFactory(team=other_team)]
    for user in cast.values():
        client.force_login(user)
        listed = {c.pk for c in client.get("/citizens/").context["page"]}
        detail_ok = {c.pk for c in citizens if client.get(f"/citizens/{c.pk}/").status_code == 200}
        assert listed == detail_ok
        assert listed == set(Citizen.objects.visible_to(user).values_list("pk", flat=True))
