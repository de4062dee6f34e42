"""Attachment checks: the type comes from the file's first bytes, never from its name."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

OFFICE_ZIP_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF_PREFIX = b"mimetypeapplication/vnd.oasis.opendocument."


def max_bytes() -> int:
    return getattr(settings, "COMPENSATION_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


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
