"""Yearly targets per jobcenter, and the log of the data-protection jobs."""

from __future__ import annotations

import pghistory
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobcenter.models import Jobcenter


class TargetQuerySet(models.QuerySet):
    def visible_to(self, user) -> TargetQuerySet:
        """Targets of the jobcenters the user works in; superusers see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(jobcenter_id__in=user.jobcenter_ids())


@pghistory.track()
class Target(models.Model):
    """A yearly goal, e.g. 40 hirings of citizens with disabilities, or 90 % screened."""

    jobcenter = models.ForeignKey(
        Jobcenter, on_delete=models.CASCADE, related_name="targets", verbose_name=_("jobcenter")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    metric = models.CharField(_("metric"), max_length=50)
    value = models.DecimalField(
        _("target value"),
        max_digits=10,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("A number for counts; a percentage (0–100) for shares."),
    )

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["-year", "jobcenter__name", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["jobcenter", "year", "metric"], name="target_unique_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jobcenter} {self.year}: {self.metric_label} {self.value}"

    @property
    def metric_label(self) -> str:
        from reporting.targets import get_metric

        metric = get_metric(self.metric)
        return str(metric.label) if metric else self.metric

    def clean(self) -> None:
        from reporting.targets import get_metric

        metric = get_metric(self.metric)
        if metric is None:
            raise ValidationError({"metric": _("Unknown metric.")})
        if metric.is_share and self.value is not None and self.value > 100:
            raise ValidationError({"value": _("A share is at most 100 %.")})


class MaintenanceJob(models.TextChoices):
    ANONYMISE = "anonymise_citizens", _("Anonymise closed citizens")
    READ_LOG = "purge_read_log", _("Delete old read-log entries")


class MaintenanceRun(models.Model):
    """One run of a data-protection job with its counts (the 'each run is logged' rule)."""

    job = models.CharField(_("job"), max_length=40, choices=MaintenanceJob.choices)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), auto_now_add=True)
    cutoff = models.DateTimeField(_("cut-off"))
    counts = models.JSONField(_("counts"), default=dict)

    class Meta:
        verbose_name = _("data-protection job run")
        verbose_name_plural = _("data-protection job runs")
        ordering = ["-finished_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_job_display()} {self.finished_at:%Y-%m-%d %H:%M}"
