"""Receivers of cross-app events and of core changes that matching depends on."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from jobcenter import events
from jobcenter.models import Citizen


@receiver(events.screening_completed)
def on_screening_completed(sender, screening, citizen, consented_accommodations, by, **kwargs):
    from matching.services import needs_from_screening

    needs_from_screening(citizen=citizen, codes=list(consented_accommodations or []), by=by)


@receiver(post_save, sender=Citizen)
def on_citizen_saved(sender, instance: Citizen, **kwargs):
    """The profile's home location, team and status follow the citizen."""
    from matching.models import MatchProfile

    profile = MatchProfile.objects.filter(citizen=instance).first()
    if profile is not None:
        profile.citizen = instance
        profile.refresh_derived()
        sync_profile(profile)


def sync_profile(profile) -> None:
    from matching.models import MatchProfile

    MatchProfile.objects.filter(pk=profile.pk).update(
        latitude=profile.latitude,
        longitude=profile.longitude,
        jobcenter_id=profile.jobcenter_id,
        team_id=profile.team_id,
        citizen_active=profile.citizen_active,
    )
