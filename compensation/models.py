"""Compensation schemes (catalogue), applications, attachments and grants."""

from __future__ import annotations

import datetime as dt
import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from jobcenter.env import env_int
from jobcenter.models import Citizen, Jobcenter, Role, Team, User

DEFAULT_FAST_TRACK_DAYS = 2


@pghistory.track()
class Scheme(models.Model):
    """One compensation scheme; its rules are data that admins edit (laws change)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_da = models.CharField(_("Danish name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    who_applies = models.CharField(_("who applies"), max_length=200, blank=True)
    paid_to = models.CharField(_("who is paid"), max_length=200, blank=True)
    checklist = models.JSONField(_("eligibility checklist"), default=list, blank=True)
    limits = models.JSONField(_("limits"), default=dict, blank=True)
    has_employer = models.BooleanField(_("has an employer"), default=True)
    fast_track_eligible = models.BooleanField(_("may be fast-tracked"), default=True)
    fast_track_days = models.PositiveSmallIntegerField(
        _("fast-track deadline (working days)"), default=DEFAULT_FAST_TRACK_DAYS
    )
    decision_days = models.PositiveSmallIntegerField(
        _("processing deadline (working days)"), default=20
    )
    follow_up_rule = models.JSONField(_("follow-up rule"), default=dict, blank=True)
    follow_up_text = models.CharField(_("follow-up"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes")
        ordering = ["name_da"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("scheme_detail", args=[self.code])

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_da

    @property
    def description(self) -> str:
        english = translation.get_language() == "en" and self.description_en
        return self.description_en if english else self.description_da

    def legal_basis_on(self, day: dt.date | None = None) -> list[LegalBasis]:
        day = day or timezone.localdate()
        return [
            basis
            for basis in self.legal_bases.all()
            if basis.valid_from <= day and (basis.valid_to is None or day <= basis.valid_to)
        ]

    def legal_basis_text(self, day: dt.date | None = None) -> str:
        return "; ".join(str(basis) for basis in self.legal_basis_on(day))

    def days_for(self, jobcenter_id: int | None, *, fast_track: bool) -> int:
        """Working days to decide, the jobcenter's own setting first (retssikkerhedsloven § 3)."""
        setting = None
        if jobcenter_id is not None:
            setting = SchemeSetting.objects.filter(scheme=self, jobcenter_id=jobcenter_id).first()
        if fast_track:
            return (setting and setting.fast_track_days) or self.fast_track_days
        return (setting and setting.decision_days) or self.decision_days


@pghistory.track()
class LegalBasis(models.Model):
    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="legal_bases", verbose_name=_("scheme")
    )
    law = models.CharField(_("law"), max_length=200)
    paragraph = models.CharField(_("paragraph"), max_length=100)
    valid_from = models.DateField(_("valid from"), default=dt.date(2000, 1, 1))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["scheme", "valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="legal_basis_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.law} {self.paragraph}".strip()


@pghistory.track()
class SchemeSetting(models.Model):
    """A jobcenter's own processing deadlines for a scheme (the scheme's are the default)."""

    jobcenter = models.ForeignKey(Jobcenter, on_delete=models.CASCADE, related_name="+")
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="settings")
    decision_days = models.PositiveSmallIntegerField(
        _("processing deadline (working days)"), null=True, blank=True
    )
    fast_track_days = models.PositiveSmallIntegerField(
        _("fast-track deadline (working days)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("jobcenter deadline")
        verbose_name_plural = _("jobcenter deadlines")
        constraints = [
            models.UniqueConstraint(fields=["jobcenter", "scheme"], name="scheme_setting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.jobcenter} – {self.scheme}"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    RETURNED = "returned", _("Returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW)
DECIDED_STATUSES = (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ApplicationQuerySet:
        """Applications of the teams where the user is a caseworker or team lead."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(team_id__in=user.team_ids(Role.CASEWORKER, Role.TEAM_LEAD))

    def queue(self, *, fast_track: bool = True) -> ApplicationQuerySet:
        return self.filter(status__in=OPEN_STATUSES, fast_track=fast_track)


@pghistory.track()
class Application(models.Model):
    citizen = models.ForeignKey(
        Citizen, on_delete=models.PROTECT, related_name="applications", verbose_name=_("citizen")
    )
    # The citizen's team when the application was made: the queue and scope read it directly.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="applications", verbose_name=_("scheme")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    fast_track = models.BooleanField(_("fast track"), default=False)
    fast_track_reason = models.CharField(_("reason for fast track"), max_length=300, blank=True)
    employer = models.ForeignKey(
        "matching.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("employer"),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    # Snapshot of the citizen's personal job broker, refreshed on submission and decision,
    # so that the database can enforce four-eyes (see the constraint below).
    citizen_caseworker = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"), null=True, blank=True)
    claimed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reasons"), blank=True)
    decision_working_days = models.IntegerField(null=True, blank=True, editable=False)
    decided_in_time = models.BooleanField(null=True, blank=True, editable=False)
    return_reason = models.TextField(_("what is missing"), blank=True)
    delay_notice_sent_at = models.DateTimeField(
        _("§ 3 notice of delay sent"), null=True, blank=True
    )
    delay_expected_date = models.DateField(_("expected decision date"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Four-eyes: nobody decides an application they made or whose citizen they broker.
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | (
                    ~Q(decided_by=F("created_by"))
                    & (Q(citizen_caseworker__isnull=True) | ~Q(decided_by=F("citizen_caseworker")))
                ),
                name="application_four_eyes",
            ),
            models.CheckConstraint(
                condition=Q(status__in=DECIDED_STATUSES, decided_by__isnull=False)
                | (~Q(status__in=DECIDED_STATUSES) & Q(decided_by__isnull=True)),
                name="application_decided_has_decider",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=OPEN_STATUSES) | Q(decision_due__isnull=False),
                name="application_open_has_due_date",
            ),
        ]
        indexes = [
            # The queue: open applications of a team, most urgent first.
            models.Index(
                fields=["team", "fast_track", "decision_due", "id"],
                condition=Q(status__in=OPEN_STATUSES),
                name="application_queue",
            ),
            models.Index(fields=["team", "scheme", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.citizen}"

    def get_absolute_url(self) -> str:
        return reverse("application_detail", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATUSES

    def claim_is_fresh(self, now: dt.datetime | None = None) -> bool:
        if self.status != ApplicationStatus.IN_REVIEW or self.claimed_at is None:
            return False
        return self.claimed_at >= claim_cutoff(now)


def claim_expiry() -> dt.timedelta:
    """How long a lead's claim holds; a setting, else the environment variable, else an hour."""
    default = env_int("COMPENSATION_CLAIM_EXPIRY_MINUTES", 60)
    return dt.timedelta(minutes=getattr(settings, "COMPENSATION_CLAIM_EXPIRY_MINUTES", default))


def claim_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Claims made before this moment have expired and may be taken by another lead."""
    return (now or timezone.now()) - claim_expiry()


def attachment_path(instance: Attachment, filename: str) -> str:
    # Never the uploaded name: it could hold a CPR number or a path.
    return f"compensation/{instance.application_id}/{uuid.uuid4().hex}"


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> AttachmentQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(application__team_id__in=user.team_ids(Role.CASEWORKER, Role.TEAM_LEAD))


@pghistory.track()
class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("attachment_download", args=[self.pk])


class GrantStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    REVOKED = "revoked", _("Revoked")


class Payee(models.TextChoices):
    CITIZEN = "citizen", _("The citizen")
    EMPLOYER = "employer", _("The employer")
    MENTOR_EMPLOYER = "mentor_employer", _("The mentor's employer")
    OTHER = "other", _("Other")


class GrantQuerySet(models.QuerySet):
    def visible_to(self, user) -> GrantQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(team_id__in=user.team_ids(Role.CASEWORKER, Role.TEAM_LEAD))


@pghistory.track()
class Grant(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="grant", verbose_name=_("application")
    )
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="grants")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="grants")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(
        _("amount (DKK)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    payee = models.CharField(_("paid to"), max_length=20, choices=Payee.choices)
    terms = models.TextField(_("terms"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.ACTIVE
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-start", "-pk"]
        constraints = [
            # Exactly one grant per application (also the OneToOne's unique index).
            models.UniqueConstraint(fields=["application"], name="grant_one_per_application"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="grant_period"
            ),
            models.CheckConstraint(
                condition=Q(status=GrantStatus.ACTIVE) | ~Q(end_reason=""),
                name="grant_end_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.citizen} ({self.start:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("grant_detail", args=[self.pk])
