"""Attachment checks: the type comes from the file's first bytes, never from its name."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from compensation.models import Application, ApplicationStatus, Attachment
from jobcenter.audit import audit
from jobcenter.env import env_int
from jobcenter.models import AuditAction, User
from jobcenter.services import DomainError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

OFFICE_ZIP_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF_PREFIX = b"mimetypeapplication/vnd.oasis.opendocument."


def max_bytes() -> int:
    default = env_int("COMPENSATION_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)
    return getattr(settings, "COMPENSATION_ATTACHMENT_MAX_BYTES", default)


def sniff(upload) -> str | None:
    """The content type the bytes say, or None when it is not an allowed kind."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, .xls
        return "application/vnd.ms-office"
    if head.startswith(b"PK\x03\x04"):
        if head[30:].startswith(ODF_PREFIX):
            kind = head[30 + len(ODF_PREFIX) :].split(b"PK")[0].decode("ascii", "ignore")
            return f"application/vnd.oasis.opendocument.{kind}"
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for prefix, content_type in OFFICE_ZIP_TYPES.items():
                if any(name.startswith(prefix) for name in names):
                    return content_type
    return None


def validate_upload(upload) -> str:
    """Return the sniffed content type or raise ValidationError."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    content_type = sniff(upload)
    if content_type is None:
        raise ValidationError(
            _("Only PDF, images (PNG, JPEG, GIF) and office documents can be attached."),
            code="file_type",
        )
    return content_type


OPEN_FOR_ATTACHMENTS = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.RETURNED,
    ApplicationStatus.SUBMITTED,
)


@transaction.atomic
def attachment_add(
    *, application: Application, uploaded_by: User, upload, request: HttpRequest | None = None
) -> Attachment:
    if not uploaded_by.has_perm("compensation.change_application", application):
        raise PermissionDenied
    if application.status not in OPEN_FOR_ATTACHMENTS:
        raise DomainError(
            _("An application that is %(status)s cannot be %(action)s.")
            % {
                "status": application.get_status_display().lower(),
                "action": pgettext("transition", "given attachments"),
            },
            code="invalid_transition",
        )
    try:
        content_type = validate_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    attachment = Attachment(
        application=application,
        original_name=(upload.name or "file")[-255:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=uploaded_by,
    )
    attachment.file.save("upload", upload, save=False)
    attachment.save()
    audit(
        action=AuditAction.CREATE,
        user=uploaded_by,
        request=request,
        citizen=application.citizen,
        obj=attachment,
    )
    return attachment
