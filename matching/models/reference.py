"""Reference data shipped with the project (matching/data/*.csv, loaded by migration 0003)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _localised(obj) -> str:
    return obj.title_en if (get_language() or "da").startswith("en") else obj.title_da


class Postcode(models.Model):
    code = models.CharField(_("postcode"), max_length=4, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    municipality_code = models.CharField(_("municipality code"), max_length=3)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Occupation(models.Model):
    """A DISCO-08 group: major (1 digit), sub-major (2) or unit group (4 digits)."""

    code = models.CharField(_("DISCO-08 code"), max_length=6, primary_key=True)
    title_da = models.CharField(_("Danish title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"))

    class Meta:
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return _localised(self)

    @property
    def group(self) -> int:
        """The unit group as a number: 2512 → 2512; its sub-major group is group // 100."""
        return int(self.code[:4])


class Skill(models.Model):
    """A curated subset of ESCO skills with Danish labels; ids are stable (see the data file)."""

    id = models.PositiveIntegerField(primary_key=True)
    title_da = models.CharField(_("Danish label"), max_length=200)
    title_en = models.CharField(_("English label"), max_length=200)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["title_da"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _localised(self)
