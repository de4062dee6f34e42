"""The core's own entries on the citizen timeline: record history, benefits and deadlines."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from jobcenter.models import Citizen, User
from jobcenter.selectors import TimelineEntry, register_timeline_provider


@register_timeline_provider
def core_entries(citizen: Citizen, user: User) -> list[TimelineEntry]:
    entries = []
    for event in citizen.events.order_by("pgh_id")[:200]:
        if event.pgh_label == "insert":
            entries.append(TimelineEntry(event.pgh_created_at, _("Registered"), icon="person-plus"))
        else:
            entries.append(
                TimelineEntry(event.pgh_created_at, _("Record changed"), icon="pencil-square")
            )
    for period in citizen.benefit_periods.all():
        entries.append(
            TimelineEntry(
                citizen.created_at
                if period.start == citizen.first_contact_date
                else _start_of(period.start),
                _("Benefit: %(benefit)s") % {"benefit": period.get_benefit_type_display()},
                icon="cash-coin",
            )
        )
    for deadline in citizen.deadlines.all()[:200]:
        entries.append(
            TimelineEntry(
                deadline.done_at or deadline.created_at,
                (
                    _("Deadline done: %(title)s")
                    if deadline.done_at
                    else _("Deadline set: %(title)s")
                )
                % {"title": deadline.title},
                detail=_("Due %(date)s") % {"date": f"{deadline.due_at:%d.%m.%Y}"},
                icon="calendar-check" if deadline.done_at else "calendar",
            )
        )
    return entries


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))
