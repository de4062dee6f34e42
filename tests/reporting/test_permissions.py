"""Who gets what on the reporting pages (rows for tests/url_matrix.py on main)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "caseworker", "consultant", "team_lead", "other_lead", "outsider"]
MATRIX = {
    ("report", ()): [302, 403, 403, 200, 200, 200],
    ("report_targets", ()): [302, 403, 403, 200, 200, 200],
    ("report_figure_export", ("first_contacts", "csv")): [302, 403, 403, 200, 200, 200],
    ("citizen_data_export", "citizen"): [302, 200, 403, 200, 404, 404],
    ("access_review", ()): [302, 403, 403, 403, 403, 403],
}


@pytest.mark.parametrize(("name", "args"), list(MATRIX))
def test_status_per_role(client, cast, citizen, name, args):
    url = reverse(name, args=[citizen.pk] if args == "citizen" else list(args))
    got = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(cast[role])
        got.append(client.get(url).status_code)
    assert got == MATRIX[(name, args)]


def test_superuser_sees_the_access_review(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("access_review")).status_code == 200
