"""Attachments: type by content, size limit, private, only for users who may see the citizen."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from compensation.models import Attachment
from tests.compensation.factories import make_application

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _docx() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def application(citizen, caseworker, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return make_application(citizen=citizen, created_by=caseworker)


def upload(client, application, name, content):
    return client.post(
        f"/compensation/applications/{application.pk}/attachments/",
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("attest.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("aftale.docx", _docx(), None),
    ],
)
def test_allowed_files_are_stored_privately(
    client, caseworker, application, name, content, content_type
):
    client.force_login(caseworker)
    response = upload(client, application, name, content)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == name
    assert name not in attachment.file.name  # stored under a random name
    if content_type:
        assert attachment.content_type == content_type
    download = client.get(f"/compensation/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["X-Content-Type-Options"] == "nosniff"


def test_wrong_type_renamed_to_pdf_is_refused(client, caseworker, application):
    client.force_login(caseworker)
    response = upload(client, application, "virus.pdf", b"MZ\x90\x00 this is an exe")
    assert response.status_code == 400
    assert Attachment.objects.count() == 0
    assert "PDF" in response.content.decode()


def test_html_renamed_to_pdf_is_refused(client, caseworker, application):
    client.force_login(caseworker)
    response = upload(client, application, "brev.pdf", b"<html><script>alert(1)</script>")
    assert response.status_code == 400
    assert Attachment.objects.count() == 0


def test_too_large_is_refused(client, caseworker, application, settings):
    settings.COMPENSATION_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(caseworker)
    response = upload(client, application, "stor.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400
    assert Attachment.objects.count() == 0


def test_other_team_and_other_jobcenter_get_404(
    client, caseworker, other_lead, outsider, consultant, application
):
    client.force_login(caseworker)
    upload(client, application, "attest.pdf", PDF)
    attachment = Attachment.objects.get()
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get(f"/compensation/attachments/{attachment.pk}/").status_code == 404
        assert upload(client, application, "x.pdf", PDF).status_code == 404
    assert Attachment.objects.count() == 1


def test_anonymous_is_sent_to_sign_in(client, caseworker, application):
    client.force_login(caseworker)
    upload(client, application, "attest.pdf", PDF)
    client.logout()
    response = client.get(f"/compensation/attachments/{Attachment.objects.get().pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
