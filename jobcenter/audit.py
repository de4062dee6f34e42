"""Writing the append-only audit trail. Never pass a CPR number in ``detail``."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest

from jobcenter.models import AuditAction, AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit(
    *,
    action: AuditAction | str,
    user=None,
    request: HttpRequest | None = None,
    citizen=None,
    obj: Model | None = None,
    purpose: str = "",
    detail: dict | None = None,
) -> AuditEvent:
    if user is None and request is not None:
        user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    return AuditEvent.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else (detail or {}).get("username", ""),
        action=action,
        citizen=citizen,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        purpose=purpose[:200],
        detail=detail or {},
        ip_address=client_ip(request),
    )
