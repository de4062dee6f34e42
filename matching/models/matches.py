"""The match pipeline: proposed → contacted → interview → hired | declined | withdrawn."""

from __future__ import annotations

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen, User
from matching.models.vacancies import Vacancy


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONTACTED = "contacted", _("Employer contacted")
    INTERVIEW = "interview", _("Interview")
    HIRED = "hired", _("Hired")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


TRANSITIONS: dict[str, tuple[str, ...]] = {
    MatchStatus.PROPOSED: (MatchStatus.CONTACTED, MatchStatus.DECLINED, MatchStatus.WITHDRAWN),
    MatchStatus.CONTACTED: (MatchStatus.INTERVIEW, MatchStatus.DECLINED, MatchStatus.WITHDRAWN),
    MatchStatus.INTERVIEW: (MatchStatus.HIRED, MatchStatus.DECLINED, MatchStatus.WITHDRAWN),
    MatchStatus.HIRED: (),
    MatchStatus.DECLINED: (),
    MatchStatus.WITHDRAWN: (),
}
ACTIVE_STATUSES = (MatchStatus.PROPOSED, MatchStatus.CONTACTED, MatchStatus.INTERVIEW)


class MatchQuerySet(models.QuerySet):
    def visible_to(self, user) -> MatchQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(citizen__team_id__in=user.team_ids())


@pghistory.track()
class Match(models.Model):
    citizen = models.ForeignKey(
        Citizen, on_delete=models.CASCADE, related_name="matches", verbose_name=_("citizen")
    )
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="matches", verbose_name=_("vacancy")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    score = models.PositiveSmallIntegerField(_("score when proposed"), default=0)
    explanation = models.JSONField(_("explanation when proposed"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by")
    )
    contacted_on = models.DateField(_("employer contacted"), null=True, blank=True)
    interview_on = models.DateField(_("interview"), null=True, blank=True)
    hired_on = models.DateField(_("hired"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    # The hired job's last day, when it ended: job retention is counted from this.
    employment_ended_on = models.DateField(_("employment ended"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["citizen", "vacancy"], name="match_once_per_vacancy")
        ]

    def __str__(self) -> str:
        return f"{self.citizen} – {self.vacancy}"

    def get_absolute_url(self) -> str:
        return reverse("match_detail", args=[self.pk])

    @property
    def team_id(self) -> int:
        return self.citizen.team_id

    def allowed_next(self) -> tuple[str, ...]:
        return TRANSITIONS[self.status]


@pghistory.track()
class MatchStep(models.Model):
    """One step of a match, with its date and note."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="steps", verbose_name=_("match")
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=MatchStatus.choices)
    on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("match step")
        verbose_name_plural = _("match steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
