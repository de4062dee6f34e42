"""Every URL pattern is classified; each is walked as anonymous, each role and an outsider.

Codes: 200 ok, 302 redirect (to sign-in for anonymous), 403 forbidden action, 404 outside
the user's scope, 405 wrong method. Apps add their own patterns to MATRIX when they add pages.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jobcenter.models import Citizen
from tests.factories import CitizenFactory, DeadlineFactory

ROLES = ["anonymous", "caseworker", "consultant", "team_lead", "other_lead", "outsider"]


def row(anonymous, caseworker, consultant, team_lead, other_lead, outsider):
    return dict(
        zip(
            ROLES, (anonymous, caseworker, consultant, team_lead, other_lead, outsider), strict=True
        )
    )


# url name -> (method, argument kind, expected status per role)
MATRIX = {
    "dashboard": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen_create": ("get", None, row(302, 200, 403, 200, 200, 200)),
    "citizen_detail": ("get", "citizen", row(302, 200, 200, 200, 404, 404)),
    "citizen_edit": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "citizen_reassign": ("get", "citizen", row(302, 403, 403, 200, 404, 404)),
    "citizen_reveal_cpr": ("post", "citizen", row(302, 200, 403, 200, 404, 404)),
    "deadline_done": ("post", "deadline", row(302, 302, 403, 302, 404, 404)),
    "login": ("get", None, row(200, 200, 200, 200, 200, 200)),
    "logout": ("post", None, row(302, 302, 302, 302, 302, 302)),
    "password_change": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "password_change_done": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "set_language": ("post", None, row(302, 302, 302, 302, 302, 302)),
    "healthz": ("get", None, row(200, 200, 200, 200, 200, 200)),
    "api_token": ("post", None, row(400, 400, 400, 400, 400, 400)),
    "api_schema": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "api_docs": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "citizen-detail": ("get", "citizen", row(403, 200, 403, 200, 404, 404)),
}
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


def _target(kind, citizen, caseworker):
    if kind == "citizen":
        return [citizen.pk]
    if kind == "deadline":
        # A fresh deadline each time: marking one done changes it.
        deadline = DeadlineFactory(team=citizen.team, citizen=citizen, owner=caseworker)
        return [deadline.pk]
    return []


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, users, citizen, name):
    method, kind, expected = MATRIX[name]
    results = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        url = reverse(name, args=_target(kind, citizen, users["caseworker"]))
        response = getattr(client, method)(url)
        results[role] = response.status_code
        if role == "anonymous" and response.status_code == 302 and name != "logout":
            assert response["Location"].startswith(reverse("login")) or name == "set_language"
    assert results == expected


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
