"""Employers (shared with compensation). The matching issue adds vacancies, profiles, matches."""

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


def validate_cvr(value: str) -> None:
    if not stdnum_cvr.is_valid(value or ""):
        raise ValidationError(
            _("A CVR number has 8 digits, does not start with 0 and passes the check digit."),
            code="cvr",
        )


class EmployerSector(models.TextChoices):
    PRIVATE = "private", _("Private")
    PUBLIC = "public", _("Public")


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
    open_to_hiring = models.BooleanField(_("open to hiring people with disabilities"), null=True)
    knows_schemes = models.BooleanField(_("knows the compensation schemes"), default=False)
    knows_social_chapters = models.BooleanField(_("knows the social chapters"), default=False)
    needs_accommodation_help = models.BooleanField(
        _("needs help arranging accommodation"), default=False
    )
    concerns = ArrayField(
        models.CharField(max_length=40), verbose_name=_("concerns"), default=list, blank=True
    )
    offered_accommodations = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("accommodations it can offer"),
        default=list,
        blank=True,
    )
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

    def get_absolute_url(self) -> str:
        return reverse("employer_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.sector == EmployerSector.PUBLIC
