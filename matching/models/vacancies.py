"""Vacancies of an employer."""

from __future__ import annotations

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jobcenter.models import User
from jobcenter.vocab import Accommodation
from matching.masks import mask_of
from matching.models.employers import Employer
from matching.models.reference import Occupation, Postcode


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class VacancyQuerySet(models.QuerySet):
    def visible_to(self, user) -> VacancyQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(employer__jobcenter_id__in=user.jobcenter_ids())


@pghistory.track()
class Vacancy(models.Model):
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("employer")
    )
    title = models.CharField(_("title"), max_length=200)
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (DISCO-08)"),
        limit_choices_to={"level": 4},
    )
    description = models.TextField(_("description"), blank=True)
    required_skills = ArrayField(
        models.PositiveIntegerField(), verbose_name=_("required skills"), default=list, blank=True
    )
    wanted_skills = ArrayField(
        models.PositiveIntegerField(), verbose_name=_("wanted skills"), default=list, blank=True
    )
    hours_min = models.PositiveSmallIntegerField(_("hours per week, from"), default=37)
    hours_max = models.PositiveSmallIntegerField(_("hours per week, to"), default=37)
    flex_job_possible = models.BooleanField(_("can be a flex job"), default=False)
    postcode = models.ForeignKey(
        Postcode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("workplace postcode"),
    )
    accommodations = ArrayField(
        models.CharField(max_length=40, choices=Accommodation.choices),
        verbose_name=_("accommodations available"),
        default=list,
        blank=True,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    positions = models.PositiveSmallIntegerField(_("number of positions"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.OPEN
    )
    # Derived on save for the SQL scoring.
    occupation_group = models.PositiveSmallIntegerField(default=0, editable=False)
    accommodation_mask = models.IntegerField(default=0, editable=False)
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["latitude", "longitude"],
                condition=Q(status="open"),
                name="vacancy_open_location",
            ),
            models.Index(fields=["employer", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_min__lte=models.F("hours_max")), name="vacancy_hours_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.refresh_derived()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "occupation_group",
                "accommodation_mask",
                "latitude",
                "longitude",
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("vacancy_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        self.required_skills = sorted(set(self.required_skills))
        self.wanted_skills = sorted(set(self.wanted_skills) - set(self.required_skills))
        self.occupation_group = int(self.occupation_id[:4]) if self.occupation_id else 0
        self.accommodation_mask = mask_of(self.accommodations)
        place = Postcode.objects.filter(pk=self.postcode_id).first() if self.postcode_id else None
        self.latitude = place.latitude if place else None
        self.longitude = place.longitude if place else None

    @property
    def is_open(self) -> bool:
        return self.status == VacancyStatus.OPEN
