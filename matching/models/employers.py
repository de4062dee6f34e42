"""Employers (shared with compensation): inclusion profile, contacts, next actions, activity."""

from __future__ import annotations

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from stdnum.dk import cvr as stdnum_cvr

from jobcenter.models import Jobcenter, User, postcode_validator
from jobcenter.vocab import Accommodation
from matching.masks import mask_of


def validate_cvr(value: str) -> None:
    if not stdnum_cvr.is_valid(value or ""):
        raise ValidationError(
            _("A CVR number has 8 digits, does not start with 0 and passes the check digit."),
            code="cvr",
        )


class EmployerSector(models.TextChoices):
    PRIVATE = "private", _("Private")
    PUBLIC = "public", _("Public")


class EmployerConcern(models.TextChoices):
    SLOWER_PACE = "slower_pace", _("A slower pace of work")
    ACCOMMODATION_COST = "accommodation_cost", _("The cost of accommodation")
    SICKNESS_ABSENCE = "sickness_absence", _("Sickness absence")
    PAPERWORK = "paperwork", _("Paperwork and applications")
    COLLEAGUES = "colleagues", _("How colleagues will react")
    SAFETY = "safety", _("Health and safety")
    SUPERVISION = "supervision", _("Time for supervision")


class NextAction(models.TextChoices):
    """What a company consultant should do next, proposed from the inclusion profile."""

    SEND_SCHEME_GUIDE = "send_scheme_guide", _("Send the guide to the compensation schemes")
    OFFER_ACCOMMODATION_HELP = "offer_accommodation_help", _("Offer help arranging accommodation")
    EXPLAIN_MENTOR = "explain_mentor", _("Explain the mentor scheme")
    EXPLAIN_SOCIAL_CHAPTERS = "explain_social_chapters", _("Explain the social chapters")
    EXPLAIN_SICKNESS_REFUND = (
        "explain_sickness_refund",
        _("Explain the § 56 agreement on sickness refund"),
    )
    DISCUSS_HIRING = "discuss_hiring", _("Talk about hiring people with disabilities")


class EmployerQuerySet(models.QuerySet):
    def visible_to(self, user) -> EmployerQuerySet:
        """Employers of the jobcenters the user works in; superusers see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(jobcenter_id__in=user.jobcenter_ids())


@pghistory.track()
class Employer(models.Model):
    jobcenter = models.ForeignKey(
        Jobcenter, on_delete=models.PROTECT, related_name="employers", verbose_name=_("jobcenter")
    )
    cvr = models.CharField(_("CVR number"), max_length=8, validators=[validate_cvr])
    p_number = models.CharField(
        _("P-number"),
        max_length=10,
        blank=True,
        validators=[RegexValidator(r"^\d{10}$", _("A P-number has 10 digits."))],
    )
    name = models.CharField(_("name"), max_length=200)
    industry = models.CharField(
        _("industry (DB07)"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("A DB07 code has 6 digits."))],
    )
    sector = models.CharField(
        _("sector"), max_length=10, choices=EmployerSector.choices, default=EmployerSector.PRIVATE
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=4, blank=True, validators=[postcode_validator]
    )
    employees = models.PositiveIntegerField(_("number of employees"), null=True, blank=True)
    consultant = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employers",
        verbose_name=_("responsible company consultant"),
    )
    # Inclusion profile (DOMAIN.md, Employers).
    open_to_hiring = models.BooleanField(
        _("open to hiring people with disabilities"), null=True, blank=True
    )
    knows_schemes = models.BooleanField(_("knows the compensation schemes"), default=False)
    knows_social_chapters = models.BooleanField(_("knows the social chapters"), default=False)
    needs_accommodation_help = models.BooleanField(
        _("needs help arranging accommodation"), default=False
    )
    concerns = ArrayField(
        models.CharField(max_length=40, choices=EmployerConcern.choices),
        verbose_name=_("concerns"),
        default=list,
        blank=True,
    )
    offered_accommodations = ArrayField(
        models.CharField(max_length=40, choices=Accommodation.choices),
        verbose_name=_("accommodations it can offer"),
        default=list,
        blank=True,
    )
    # Derived from the profile on save; the SQL scoring reads these.
    offered_mask = models.IntegerField(default=0, editable=False)
    readiness = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["jobcenter", "cvr"], name="employer_cvr_unique"),
            models.CheckConstraint(
                condition=Q(cvr__regex=r"^[1-9][0-9]{7}$"), name="employer_cvr_shape"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (CVR {self.cvr})"

    def save(self, *args, **kwargs):
        self.offered_mask = mask_of(self.offered_accommodations)
        self.readiness = self.compute_readiness()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "offered_mask", "readiness"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("employer_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.sector == EmployerSector.PUBLIC

    def compute_readiness(self) -> int:
        """0–100: how ready the employer is to hire someone who needs accommodation."""
        points = {True: 40, None: 15, False: 0}[self.open_to_hiring]
        points += 20 if self.knows_schemes else 0
        points += 20 if self.knows_social_chapters else 0
        points += 0 if self.needs_accommodation_help else 20
        return points

    def proposed_actions(self) -> list[str]:
        """Next actions the profile calls for (done or not)."""
        actions = []
        if self.open_to_hiring is not True:
            actions.append(NextAction.DISCUSS_HIRING)
        if not self.knows_schemes:
            actions.append(NextAction.SEND_SCHEME_GUIDE)
        if self.needs_accommodation_help or EmployerConcern.ACCOMMODATION_COST in self.concerns:
            actions.append(NextAction.OFFER_ACCOMMODATION_HELP)
        if not self.knows_social_chapters:
            actions.append(NextAction.EXPLAIN_SOCIAL_CHAPTERS)
            actions.append(NextAction.EXPLAIN_MENTOR)
        elif EmployerConcern.SUPERVISION in self.concerns:
            actions.append(NextAction.EXPLAIN_MENTOR)
        if EmployerConcern.SICKNESS_ABSENCE in self.concerns:
            actions.append(NextAction.EXPLAIN_SICKNESS_REFUND)
        return actions


@pghistory.track()
class ContactPerson(models.Model):
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("employer")
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["-is_primary", "name", "pk"]

    def __str__(self) -> str:
        return self.name


@pghistory.track()
class EmployerAction(models.Model):
    """A proposed next action that the consultant has done."""

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="actions", verbose_name=_("employer")
    )
    code = models.CharField(_("action"), max_length=40, choices=NextAction.choices)
    done_at = models.DateTimeField(_("done"), auto_now_add=True)
    done_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("done by")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("next action done")
        verbose_name_plural = _("next actions done")
        ordering = ["-done_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "code"], name="employer_action_once")
        ]

    def __str__(self) -> str:
        return self.get_code_display()


@pghistory.track()
class EmployerActivity(models.Model):
    """The employer's activity log: calls, meetings, notes and what the system did."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        CALL = "call", _("Phone call")
        MEETING = "meeting", _("Meeting")
        EMAIL = "email", _("E-mail")
        SYSTEM = "system", _("Recorded by the system")

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="activities", verbose_name=_("employer")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOTE)
    text = models.TextField(_("text"))
    at = models.DateTimeField(_("time"), auto_now_add=True)
    by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("employer activity")
        verbose_name_plural = _("employer activities")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["employer", "at"])]

    def __str__(self) -> str:
        return self.text[:60]
