"""Deadline reminders and in-app notifications (imported by ``jobcenter.models``).

Reminder, Notification and the heartbeat are delivery bookkeeping with a high churn and
are not tracked by pghistory; the stage configuration and the preferences are.
"""

from __future__ import annotations

import datetime as dt

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    UPCOMING = "upcoming", _("Deadline approaching")
    DUE = "due", _("Due today")
    OVERDUE = "overdue", _("Overdue")
    ESCALATED = "escalated", _("Overdue, escalated")


STAGE_ORDER = [Stage.UPCOMING, Stage.DUE, Stage.OVERDUE, Stage.ESCALATED]

# Defaults seeded for every deadline kind: (offset, working days?, owner, caseworker, leads).
DEFAULT_STAGES = {
    Stage.UPCOMING: (-2, True, True, True, False),
    Stage.DUE: (0, False, True, True, False),
    Stage.OVERDUE: (1, True, True, True, False),
    Stage.ESCALATED: (2, True, False, False, True),
}


@pghistory.track()
class StageConfig(models.Model):
    """When a stage of a deadline kind fires and who gets it (admins edit these)."""

    kind = models.CharField(_("deadline kind"), max_length=40)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    active = models.BooleanField(_("active"), default=True)
    offset_days = models.SmallIntegerField(
        _("offset in days"),
        help_text=_("Days relative to the due date: negative before, positive after."),
    )
    working_days = models.BooleanField(
        _("count working days"),
        default=True,
        help_text=_("Skip weekends and Danish public holidays when counting the offset."),
    )
    send_time = models.TimeField(
        _("time of day"),
        default=dt.time(7, 0),
        help_text=_("The stage fires at this local time on its day."),
    )
    to_owner = models.BooleanField(_("to the deadline's owner"), default=True)
    to_caseworker = models.BooleanField(_("to the citizen's caseworker"), default=True)
    to_team_leads = models.BooleanField(_("to the team leads"), default=False)

    class Meta:
        verbose_name = _("reminder stage")
        verbose_name_plural = _("reminder stages")
        ordering = ["kind", "offset_days"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "stage"], name="stage_config_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.get_stage_display()}"

    def clean(self) -> None:
        if not (self.to_owner or self.to_caseworker or self.to_team_leads):
            raise ValidationError(_("Choose at least one recipient."))


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Being sent")
    DIGEST = "digest", _("Waiting for the daily digest")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")


class Reminder(models.Model):
    """One stage of one deadline for one recipient: the unique row makes it go out once."""

    deadline = models.ForeignKey(
        "jobcenter.Deadline",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("deadline"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    digest = models.BooleanField(_("in the daily digest"), default=False)
    emailed = models.BooleanField(_("e-mailed"), default=False)
    created_at = models.DateTimeField(_("created"))
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True, default="")

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "stage", "recipient"], name="reminder_once_per_recipient"
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "queued_at"],
                condition=Q(status__in=["pending", "sending"]),
                name="reminder_in_flight",
            ),
            models.Index(
                fields=["recipient"], condition=Q(status="digest"), name="reminder_digest"
            ),
            models.Index(fields=["sent_at"], name="reminder_sent_at"),
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id}/{self.stage} → {self.recipient_id} ({self.status})"


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user) -> NotificationQuerySet:
        """Everyone sees their own notifications only (superusers too)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """The in-app side of a reminder; its text is rendered in the reader's language."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    deadline = models.ForeignKey(
        "jobcenter.Deadline",
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("deadline"),
    )
    reminder = models.OneToOneField(
        Reminder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notification",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_list"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.deadline_id}"


class EmailChoice(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DIGEST = "digest", _("As a daily digest")
    NONE = "none", _("Not at all (in the app only)")


@pghistory.track(exclude=["last_digest_on"])
class NotificationPreference(models.Model):
    """How a user wants reminder e-mails; users without a row get them immediately."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email = models.CharField(
        _("reminder e-mails"),
        max_length=20,
        choices=EmailChoice.choices,
        default=EmailChoice.IMMEDIATELY,
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("digest hour"),
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
        help_text=_("The daily digest is sent at this hour (local time)."),
    )
    last_digest_on = models.DateField(_("last digest"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email}"


class Heartbeat(models.Model):
    """Health record of a periodic job: when it last ran, what it did, its last failure."""

    name = models.CharField(max_length=50, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(default=0)
    last_created = models.PositiveIntegerField(default=0)
    last_queued = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")
    last_error_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return self.name
