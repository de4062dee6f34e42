"""Every compensation URL as each role: 302 to sign-in, 200, 403 forbidden action, 404 outside
the user's scope. (The same rows belong in main's tests/url_matrix.py after the merge.)"""

import pytest
from django.urls import reverse

from compensation import services
from compensation.models import Attachment
from tests.compensation.factories import in_review, make_application, terms

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "caseworker", "consultant", "team_lead", "other_lead", "outsider"]


def row(*codes):
    return dict(zip(ROLES, codes, strict=True))


MATRIX = {
    "scheme_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "scheme_detail": ("get", "scheme", row(302, 200, 200, 200, 200, 200)),
    "application_create": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "application_detail": ("get", "application", row(302, 200, 404, 200, 404, 404)),
    "application_edit": ("get", "application", row(302, 200, 404, 200, 404, 404)),
    "application_letter": ("get", "decided", row(302, 200, 404, 200, 404, 404)),
    "attachment_upload": ("post", "application", row(302, 400, 404, 400, 404, 404)),
    "application_action": ("post", "submit", row(302, 302, 404, 302, 404, 404)),
    "attachment_download": ("get", "attachment", row(302, 200, 404, 200, 404, 404)),
    "queue": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "queue_claim_next": ("post", None, row(302, 403, 403, 302, 302, 302)),
    "grant_detail": ("get", "grant", row(302, 200, 404, 200, 404, 404)),
    "scheme-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "scheme-detail": ("get", "scheme", row(403, 200, 200, 200, 200, 200)),
    "application-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "application-detail": ("get", "application", row(403, 200, 403, 200, 404, 404)),
    "queue-list": ("get", None, row(403, 403, 403, 200, 200, 200)),
    "grant-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "grant-detail": ("get", "grant", row(403, 200, 403, 200, 404, 404)),
}


@pytest.fixture
def world(cast, citizen, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from compensation.attachments import attachment_add

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    caseworker, lead = cast["caseworker"], cast["team_lead"]
    application = make_application(citizen=citizen, created_by=caseworker)
    attachment_add(
        application=application,
        uploaded_by=caseworker,
        upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    decided = in_review(citizen, caseworker, lead)
    grant = services.application_approve(application=decided, decided_by=lead, grant_terms=terms())
    return {
        "citizen": [citizen.pk],
        "scheme": ["mentor"],
        "application": [application.pk],
        "decided": [decided.pk],
        "submit": [application.pk, "submit"],
        "attachment": [Attachment.objects.get().pk],
        "grant": [grant.pk],
    }


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, cast, world, name, role):
    method, kind, expected = MATRIX[name]
    url = reverse(name, args=world[kind] if kind else [])
    if role != "anonymous":
        client.force_login(cast[role])
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], (name, role, response.status_code)
