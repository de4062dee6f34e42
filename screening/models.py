"""Screening at the first interview: versioned questionnaires, screenings, suggestion rules."""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Citizen, Role


class SchemeCode(models.TextChoices):
    """The scheme codes of docs/DOMAIN.md; stored as strings, never a FK to compensation."""

    PERSONAL_ASSISTANCE = "personal_assistance", _("Personal assistance")
    PERSONAL_ASSISTANCE_EDUCATION = (
        "personal_assistance_education",
        _("Personal assistance in continuing education"),
    )
    ASSISTIVE_AIDS = "assistive_aids", _("Assistive aids and workplace adaptation")
    ICEBREAKER = "icebreaker", _("Icebreaker scheme")
    PRIORITY_ACCESS = "priority_access", _("Priority access")
    MENTOR = "mentor", _("Mentor support")
    DISABILITY_PENSIONER_SUBSIDY = (
        "disability_pensioner_subsidy",
        _("Wage subsidy for disability pensioners"),
    )
    FLEX_JOB = "flex_job", _("Flex job")
    SICKNESS_REFUND_56 = "sickness_refund_56", _("§ 56 agreement")
    TRANSPORT = "transport", _("Transport costs")


class QuestionnaireQuerySet(models.QuerySet):
    def current(self) -> Questionnaire | None:
        return self.filter(is_active=True).order_by("-version").first()


@pghistory.track()
class Questionnaire(models.Model):
    """One version of the questionnaire. A version that screenings use is never edited:
    changes are a new version, so old screenings keep the questions they were asked."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.JSONField(_("definition"))
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("New screenings use the newest version in use.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class ScreeningStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined by the citizen")


class ScreeningQuerySet(models.QuerySet):
    def visible_to(self, user) -> ScreeningQuerySet:
        """Health data: only caseworkers and team leads of the citizen's team (and superusers)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(citizen__team_id__in=user.team_ids(Role.CASEWORKER, Role.TEAM_LEAD))

    def current(self) -> ScreeningQuerySet:
        return self.filter(superseded_at__isnull=True)


class Summary(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    NONE = "none", _("No difficulty")
    SOME = "some", _("Some difficulty")
    A_LOT_OR_CANNOT = "a_lot_or_cannot", _("A lot of difficulty or cannot do at all")
    DECLINED = "declined", _("Declined")


@pghistory.track()
class Screening(models.Model):
    """One screening of a citizen. Read-only once saved (a database trigger refuses changes
    except marking it superseded); a correction is a new screening that supersedes it."""

    citizen = models.ForeignKey(
        Citizen, on_delete=models.CASCADE, related_name="screenings", verbose_name=_("citizen")
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="screenings",
        verbose_name=_("questionnaire"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ScreeningStatus.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    decline_note = models.CharField(_("note"), max_length=500, blank=True)
    outcome = models.JSONField(_("outcome"), default=dict)
    # Copied out of ``outcome`` for figures and filters.
    disability1 = models.BooleanField(null=True)
    disability2 = models.BooleanField(null=True)
    disability3 = models.BooleanField(null=True)
    disability4 = models.BooleanField(null=True)
    summary = models.CharField(_("summary"), max_length=20, choices=Summary.choices)
    referral = models.BooleanField(_("referral for specialised assessment"), default=False)
    consent = models.BooleanField(_("consent to share accommodation needs"), default=False)
    accommodations = ArrayField(
        models.CharField(max_length=40), default=list, blank=True, verbose_name=_("needs")
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("screened by"),
    )
    created_at = models.DateTimeField(
        _("screened"), default=timezone.now, editable=False, db_index=True
    )

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["citizen"],
                condition=Q(superseded_at__isnull=True),
                name="one_current_screening_per_citizen",
            )
        ]
        indexes = [models.Index(fields=["citizen", "created_at"])]
        triggers = [
            pgtrigger.ReadOnly(name="screening_read_only", exclude=["superseded_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.citizen} {self.created_at:%d.%m.%Y}" if self.created_at else "screening"

    def get_absolute_url(self) -> str:
        return reverse("screening_detail", args=[self.pk])

    @property
    def team_id(self) -> int:
        return self.citizen.team_id

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def is_declined(self) -> bool:
        return self.status == ScreeningStatus.DECLINED


@pghistory.track()
class SuggestionRule(models.Model):
    """If the answer to a question is (or contains) one of the values, suggest a scheme."""

    scheme_code = models.CharField(_("scheme"), max_length=40, choices=SchemeCode.choices)
    question = models.CharField(
        _("question key"),
        max_length=40,
        help_text=_("A question key of the questionnaire, e.g. hearing or newly_educated."),
    )
    values = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("answers"),
        help_text=_("Comma-separated answer values that trigger the rule, e.g. a_lot,cannot."),
    )
    reason_da = models.CharField(_("reason (Danish)"), max_length=300)
    reason_en = models.CharField(_("reason (English)"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("suggestion rule")
        verbose_name_plural = _("suggestion rules")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.question} ∈ {','.join(self.values)} → {self.scheme_code}"

    @property
    def reason(self) -> str:
        return self.reason_en if (get_language() or "da").startswith("en") else self.reason_da
