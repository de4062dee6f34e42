"""Reads shared by pages and the API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from jobcenter.models import Citizen, Deadline, User

CITIZEN_SORTS = {
    "name": ("last_name", "first_name", "pk"),
    "-name": ("-last_name", "-first_name", "-pk"),
    "first_contact": ("first_contact_date", "pk"),
    "-first_contact": ("-first_contact_date", "-pk"),
    "status": ("status", "last_name", "pk"),
    "-status": ("-status", "last_name", "pk"),
}


def citizen_list(
    *,
    user: User,
    query: str = "",
    team: int | None = None,
    caseworker: int | None = None,
    status: str = "",
    benefit_type: str = "",
    sort: str = "name",
) -> QuerySet[Citizen]:
    citizens = Citizen.objects.visible_to(user).search(query)
    if team:
        citizens = citizens.filter(team_id=team)
    if caseworker:
        citizens = citizens.filter(caseworker_id=caseworker)
    if status:
        citizens = citizens.filter(status=status)
    if benefit_type:
        citizens = citizens.filter(benefit_type=benefit_type)
    return citizens.select_related("team", "caseworker").order_by(
        *CITIZEN_SORTS.get(sort, CITIZEN_SORTS["name"])
    )


@dataclass
class Dashboard:
    my_citizens: QuerySet[Citizen]
    my_citizen_count: int
    overdue: list[Deadline]
    today: list[Deadline]
    this_week: list[Deadline]


def dashboard_for(user: User, *, citizen_limit: int = 10) -> Dashboard:
    now = timezone.now()
    today = timezone.localdate()
    end_of_today = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=1), dt.time()))
    end_of_week = end_of_today + dt.timedelta(days=6 - today.weekday())
    mine = Citizen.objects.visible_to(user).filter(caseworker=user).exclude(status="closed")
    deadlines = list(
        Deadline.objects.visible_to(user)
        .open()
        .filter(owner=user, due_at__lt=end_of_week)
        .select_related("citizen")
        .order_by("due_at", "pk")[:200]
    )
    return Dashboard(
        my_citizens=mine.select_related("team").order_by("-first_contact_date", "pk")[
            :citizen_limit
        ],
        my_citizen_count=mine.count(),
        overdue=[d for d in deadlines if d.due_at < now],
        today=[d for d in deadlines if now <= d.due_at < end_of_today],
        this_week=[d for d in deadlines if end_of_today <= d.due_at],
    )


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    title: str
    detail: str = ""
    url: str = ""
    icon: str = "circle"


TimelineProvider = Callable[[Citizen, User], list[TimelineEntry]]
_timeline_providers: list[TimelineProvider] = []


def register_timeline_provider(provider: TimelineProvider) -> TimelineProvider:
    """Apps add what they know about a citizen to the citizen's timeline (in AppConfig.ready)."""
    _timeline_providers.append(provider)
    return provider


def citizen_timeline(citizen: Citizen, user: User) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for provider in _timeline_providers:
        entries.extend(provider(citizen, user))
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
