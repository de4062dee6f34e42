"""The one e-mail helper: subject, text and HTML templates, in the recipient's language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# Anything shaped like a CPR number (DDMMYY-XXXX or ten digits) never leaves in a mail.
_CPR_LIKE = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")


def scrub(text: str) -> str:
    """Free text written by people (titles) may carry a CPR number: mask it."""
    return _CPR_LIKE.sub("XXXXXX-XXXX", text or "")


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def message_id(kind: str, key: str) -> str:
    """A stable Message-ID, so that a mail sent twice can be recognised as one."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<{kind}-{key}@{domain}>"


def send_email(
    *,
    template: str,
    to: str,
    language: str,
    context: dict,
    headers: dict | None = None,
) -> None:
    """Render ``<template>_subject.txt``, ``_body.txt`` and ``_body.html`` and send them.

    Raises whatever the mail backend raises (the callers decide about retries).
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}_body.txt", context)
        html = render_to_string(f"{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    message.send(fail_silently=False)
