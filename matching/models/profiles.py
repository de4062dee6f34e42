"""A citizen's match profile: what they look for and which accommodations they need."""

from __future__ import annotations

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen, CitizenStatus, Jobcenter, Team, User
from jobcenter.vocab import Accommodation
from matching.masks import mask_of
from matching.models.reference import Postcode


class MatchProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> MatchProfileQuerySet:
        """Profiles of the citizens of the user's teams (consultants included)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(citizen__team_id__in=user.team_ids())


def _groups(codes: list[str]) -> list[int]:
    return sorted({int(code[:4]) for code in codes if len(code) >= 4 and code[:4].isdigit()})


@pghistory.track()
class MatchProfile(models.Model):
    citizen = models.OneToOneField(
        Citizen, on_delete=models.CASCADE, related_name="match_profile", verbose_name=_("citizen")
    )
    occupations = ArrayField(
        models.CharField(max_length=6),
        verbose_name=_("desired occupations"),
        default=list,
        blank=True,
    )
    skills = ArrayField(
        models.PositiveIntegerField(), verbose_name=_("skills"), default=list, blank=True
    )
    hours_min = models.PositiveSmallIntegerField(_("hours per week, from"), default=15)
    hours_max = models.PositiveSmallIntegerField(_("hours per week, to"), default=37)
    max_commute_km = models.PositiveSmallIntegerField(_("longest commute (km)"), default=25)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    flex_job_eligible = models.BooleanField(_("eligible for a flex job"), default=False)
    excluded_occupations = ArrayField(
        models.CharField(max_length=6),
        verbose_name=_("occupations to exclude"),
        default=list,
        blank=True,
    )
    excluded_employers = ArrayField(
        models.BigIntegerField(), verbose_name=_("employers to exclude"), default=list, blank=True
    )
    exclusion_note = models.TextField(_("other exclusions"), blank=True)
    # Derived for the SQL scoring (save() and refresh_needs() keep them current).
    occupation_groups = ArrayField(models.IntegerField(), default=list, editable=False)
    occupation_submajors = ArrayField(models.IntegerField(), default=list, editable=False)
    excluded_groups = ArrayField(models.IntegerField(), default=list, editable=False)
    needs_mask = models.IntegerField(default=0, editable=False)
    necessary_mask = models.IntegerField(default=0, editable=False)
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)
    # Copies of the citizen's scope and status, so that ranking citizens for a vacancy reads
    # one table (kept in step by save() and matching.receivers; ranking re-checks the top).
    # No indexes: the ranking reads the whole jobcenter anyway, and an index here only tempts
    # the planner into 100,000 random heap reads.
    jobcenter = models.ForeignKey(
        Jobcenter,
        on_delete=models.CASCADE,
        null=True,
        editable=False,
        related_name="+",
        db_index=False,
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, editable=False, related_name="+", db_index=False
    )
    citizen_active = models.BooleanField(default=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MatchProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("match profile")
        verbose_name_plural = _("match profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_min__lte=models.F("hours_max")), name="profile_hours_range"
            ),
        ]

    def __str__(self) -> str:
        return str(self.citizen)

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        self.skills = sorted(set(self.skills))
        self.occupation_groups = _groups(self.occupations)
        self.occupation_submajors = sorted({group // 100 for group in self.occupation_groups})
        self.excluded_groups = _groups(self.excluded_occupations)
        self.jobcenter_id = self.citizen.jobcenter_id
        self.team_id = self.citizen.team_id
        self.citizen_active = self.citizen.status == CitizenStatus.ACTIVE
        place = Postcode.objects.filter(pk=self.citizen.postcode).first()
        self.latitude = place.latitude if place else None
        self.longitude = place.longitude if place else None

    def refresh_needs(self) -> None:
        needs = list(self.needs.values_list("code", "necessary"))
        self.needs_mask = mask_of(code for code, _necessary in needs)
        self.necessary_mask = mask_of(code for code, necessary in needs if necessary)
        MatchProfile.objects.filter(pk=self.pk).update(
            needs_mask=self.needs_mask, necessary_mask=self.necessary_mask
        )


class NeedSource(models.TextChoices):
    SCREENING = "screening", _("From the screening (with consent)")
    CASEWORKER = "caseworker", _("Added by the caseworker")


@pghistory.track()
class AccommodationNeed(models.Model):
    profile = models.ForeignKey(
        MatchProfile, on_delete=models.CASCADE, related_name="needs", verbose_name=_("profile")
    )
    code = models.CharField(_("accommodation"), max_length=40, choices=Accommodation.choices)
    necessary = models.BooleanField(
        _("necessary"),
        default=True,
        help_text=_("Only vacancies that offer a necessary accommodation are matched."),
    )
    source = models.CharField(_("source"), max_length=20, choices=NeedSource.choices)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("accommodation need")
        verbose_name_plural = _("accommodation needs")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="accommodation_need_once")
        ]

    def __str__(self) -> str:
        return self.get_code_display()
