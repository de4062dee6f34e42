"""The shared core: organisation, people, citizens, deadlines and the audit trail."""

from __future__ import annotations

import pghistory
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobcenter import cpr

postcode_validator = RegexValidator(
    r"^[1-9]\d{3}$", _("A Danish postcode has four digits (1000–9990).")
)


@pghistory.track()
class Jobcenter(models.Model):
    name = models.CharField(_("name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    municipality_code = models.CharField(
        _("municipality code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("The municipality code has three digits."))],
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("jobcenter")
        verbose_name_plural = _("jobcenters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@pghistory.track()
class Team(models.Model):
    jobcenter = models.ForeignKey(
        Jobcenter, on_delete=models.PROTECT, related_name="teams", verbose_name=_("jobcenter")
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["jobcenter__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jobcenter", "name"], name="team_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    COMPANY_CONSULTANT = "company_consultant", _("Company consultant")
    TEAM_LEAD = "team_lead", _("Team lead")


@pghistory.track(exclude=["password", "last_login"])
class User(AbstractUser):
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="da"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def _memberships(self) -> list[tuple[int, str]]:
        """(team, role) pairs, read once per user object: scoping asks often."""
        cached = self.__dict__.get("_memberships_cache")
        if cached is None:
            cached = list(self.memberships.values_list("team_id", "role")) if self.pk else []
            self.__dict__["_memberships_cache"] = cached
        return cached

    def team_ids(self, *roles: str) -> set[int]:
        """The teams this user belongs to, with one of ``roles`` if given."""
        return {team for team, role in self._memberships() if not roles or role in roles}

    def roles(self) -> set[str]:
        return {role for _, role in self._memberships()}

    def jobcenter_ids(self) -> set[int]:
        return set(
            Team.objects.filter(pk__in=self.team_ids()).values_list("jobcenter_id", flat=True)
        )


@pghistory.track()
class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.team} ({self.get_role_display()})"


class BenefitType(models.TextChoices):
    CASH_BENEFIT = "cash_benefit", _("Cash benefit (kontanthjælp)")
    EDUCATION_BENEFIT = "education_benefit", _("Education benefit (uddannelseshjælp)")
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit", _("Unemployment benefit (dagpenge)")
    SICKNESS_BENEFIT = "sickness_benefit", _("Sickness benefit (sygedagpenge)")
    FLEX_JOB_BENEFIT = "flex_job_benefit", _("Flex-job benefit (ledighedsydelse)")
    RESOURCE_PROGRAMME = "resource_programme", _("Resource programme (ressourceforløb)")
    JOB_CLARIFICATION = "job_clarification", _("Job clarification (jobafklaringsforløb)")
    DISABILITY_PENSION = "disability_pension", _("Disability pension (førtidspension)")
    NONE = "none", _("No public benefit (selvforsørgende)")


class CitizenStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EMPLOYED = "employed", _("In employment")
    CLOSED = "closed", _("Closed")


class CitizenQuerySet(models.QuerySet):
    def visible_to(self, user) -> CitizenQuerySet:
        """Citizens of the teams the user belongs to; superusers see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(team_id__in=user.team_ids())

    def search(self, query: str) -> CitizenQuerySet:
        query = (query or "").strip()
        if not query:
            return self
        if cpr.looks_like_cpr(query):
            digits = query.replace("-", "").strip()
            return self.filter(cpr_hash=cpr.cpr_lookup_hash(digits))
        condition = Q()
        for term in query.split():
            condition &= (
                Q(first_name__icontains=term)
                | Q(last_name__icontains=term)
                | Q(foreign_id__iexact=term)
            )
        return self.filter(condition)


@pghistory.track(exclude=["cpr_encrypted", "cpr_hash"])
class Citizen(models.Model):
    jobcenter = models.ForeignKey(
        Jobcenter, on_delete=models.PROTECT, related_name="citizens", verbose_name=_("jobcenter")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="citizens", verbose_name=_("team")
    )
    caseworker = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name=_("personal job broker"),
    )
    cpr_encrypted = models.TextField(blank=True, editable=False)
    cpr_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    cpr_masked = models.CharField(_("CPR number"), max_length=11, blank=True, editable=False)
    foreign_id = models.CharField(
        _("other identification"),
        max_length=50,
        blank=True,
        help_text=_("For citizens without a CPR number, e.g. a foreign passport number."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=4, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    benefit_type = models.CharField(
        _("benefit type"), max_length=30, choices=BenefitType.choices, default=BenefitType.NONE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CitizenStatus.choices, default=CitizenStatus.ACTIVE
    )
    first_contact_date = models.DateField(_("first contact"), default=timezone.localdate)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CitizenQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen")
        verbose_name_plural = _("citizens")
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jobcenter", "cpr_hash"],
                condition=~Q(cpr_hash=""),
                name="citizen_cpr_unique_per_jobcenter",
            )
        ]
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["caseworker"])]
        permissions = [("reveal_cpr", "Can reveal a citizen's full CPR number")]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("citizen_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def identifier_display(self) -> str:
        return self.cpr_masked or self.foreign_id or "—"

    def set_cpr(self, digits: str | None) -> None:
        if digits:
            self.cpr_encrypted = cpr.encrypt_cpr(digits)
            self.cpr_hash = cpr.cpr_lookup_hash(digits)
            self.cpr_masked = cpr.mask_cpr(digits)
        else:
            self.cpr_encrypted = self.cpr_hash = self.cpr_masked = ""

    def reveal_cpr(self) -> str:
        return cpr.format_cpr(cpr.decrypt_cpr(self.cpr_encrypted)) if self.cpr_encrypted else ""


@pghistory.track()
class BenefitPeriod(models.Model):
    """The citizen's benefit type over time; the open period has no end."""

    citizen = models.ForeignKey(
        Citizen, on_delete=models.CASCADE, related_name="benefit_periods", verbose_name=_("citizen")
    )
    benefit_type = models.CharField(_("benefit type"), max_length=30, choices=BenefitType.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("benefit period")
        verbose_name_plural = _("benefit periods")
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["citizen"], condition=Q(end__isnull=True), name="one_open_benefit_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_benefit_type_display()} {self.start}–{self.end or ''}"


class DeadlineKind(models.TextChoices):
    """Every kind any app writes; the reminder stages per kind are data (see reminders)."""

    FOLLOW_UP = "follow_up", _("Follow-up")
    SCREENING_FOLLOW_UP = "screening_follow_up", _("Screening follow-up")
    APPLICATION_DECISION = "application_decision", _("Decision on application")
    GRANT_END = "grant_end", _("Grant ends")
    GRANT_FOLLOW_UP = "grant_follow_up", _("Grant follow-up")
    LOAN_RETURN = "loan_return", _("Return of loaned aid")
    RETENTION_FOLLOW_UP = "retention_follow_up", _("Job retention follow-up")
    EMPLOYER_RESPONSE = "employer_response", _("Employer's answer to a proposal")
    OTHER = "other", _("Other")


class DeadlineQuerySet(models.QuerySet):
    def visible_to(self, user) -> DeadlineQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(team_id__in=user.team_ids()) | Q(owner=user))

    def open(self) -> DeadlineQuerySet:
        return self.filter(done_at__isnull=True)


@pghistory.track()
class Deadline(models.Model):
    """The one table every app writes its deadlines to."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("team")
    )
    citizen = models.ForeignKey(
        Citizen,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("citizen"),
    )
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("kind"), max_length=40, default=DeadlineKind.FOLLOW_UP)
    title = models.CharField(_("title"), max_length=200)
    due_at = models.DateTimeField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_at", "pk"]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(done_at__isnull=True), name="deadline_open_due"
            ),
            models.Index(fields=["owner", "done_at", "due_at"]),
            models.Index(fields=["content_type", "object_id"]),
            # The reminder pass reads open deadlines in due_at windows from this index alone.
            models.Index(
                fields=["due_at"],
                include=["id", "kind", "owner", "citizen", "team"],
                condition=Q(done_at__isnull=True),
                name="deadline_open_due_covering",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        try:
            return DeadlineKind(self.kind).label
        except ValueError:
            return self.kind

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_at < timezone.now()


# The audit trail and the reminders live in their own modules to keep this one small.
from jobcenter.audit_models import AuditAction, AuditEvent  # noqa: E402, F401
from jobcenter.reminder_models import (  # noqa: E402, F401
    Heartbeat,
    Notification,
    NotificationPreference,
    Reminder,
    ReminderStatus,
    Stage,
    StageConfig,
)
