"""Vocabularies shared by several apps (screening, matching, compensation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Accommodation(models.TextChoices):
    """Workplace accommodations a citizen may need and an employer may offer."""

    FLEXIBLE_HOURS = "flexible_hours", _("Flexible hours")
    REDUCED_HOURS = "reduced_hours", _("Reduced hours")
    EXTRA_BREAKS = "extra_breaks", _("Extra breaks")
    QUIET_WORKSPACE = "quiet_workspace", _("Quiet workspace")
    STEP_FREE_ACCESS = "step_free_access", _("Step-free access")
    ADAPTED_WORKSTATION = "adapted_workstation", _("Adapted workstation")
    ASSISTIVE_TECHNOLOGY = "assistive_technology", _("Assistive technology")
    INTERPRETATION = "interpretation", _("Sign-language or written interpretation")
    PERSONAL_ASSISTANCE = "personal_assistance", _("Personal assistance")
    MENTOR = "mentor", _("Mentor")
    WRITTEN_INSTRUCTIONS = "written_instructions", _("Clear written instructions")
    OTHER = "other", _("Other")
