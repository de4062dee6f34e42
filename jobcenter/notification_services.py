"""Writes of the in-app notifications and the reminder preferences."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from jobcenter.models import Notification, NotificationPreference, User
from jobcenter.reminder_models import EmailChoice


def notification_mark_read(*, notification: Notification, user: User) -> Notification:
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def preference_for(user: User) -> NotificationPreference:
    """The user's preference (unsaved defaults if they never chose)."""
    try:
        return NotificationPreference.objects.get(user=user)
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(user=user)


@transaction.atomic
def preference_update(*, user: User, email: str, digest_hour: int) -> NotificationPreference:
    if email not in EmailChoice.values or not 0 <= digest_hour <= 23:
        raise ValueError("invalid preference")
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": email, "digest_hour": digest_hour}
    )
    return preference
