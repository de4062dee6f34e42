"""A moved deadline restarts the reminders of the stages it has not reached any more."""

from django.db.models.signals import post_init, post_save
from django.dispatch import receiver

from jobcenter.models import Deadline
from jobcenter.reminders import deadline_reset_reminders


@receiver(post_init, sender=Deadline)
def remember_due_at(sender, instance: Deadline, **kwargs) -> None:
    # __dict__ so that a deferred due_at is not loaded just for this.
    instance._reminders_due_at = instance.__dict__.get("due_at")


@receiver(post_save, sender=Deadline)
def reset_reminders_when_moved(sender, instance: Deadline, created: bool, **kwargs) -> None:
    old, new = getattr(instance, "_reminders_due_at", None), instance.__dict__.get("due_at")
    instance._reminders_due_at = new
    if not created and old is not None and new is not None and old != new:
        deadline_reset_reminders(deadline=instance)
