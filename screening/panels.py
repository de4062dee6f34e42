"""What the screening app adds to the citizen page, the timeline and the dashboard."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from jobcenter.models import Citizen, Role, User
from jobcenter.selectors import TimelineEntry
from screening import selectors
from screening.display import accommodation_labels, present_outcome
from screening.models import Screening

DEFAULT_PERIOD_DAYS = 90


def citizen_section(request: HttpRequest, citizen: Citizen) -> dict | None:
    user = request.user
    can_screen = user.has_perm("screening.add_screening", citizen)
    if user.has_perm("jobcenter.view_health_data", citizen):
        screening = selectors.current_screening(citizen)
        if screening is not None:
            selectors.audit_reads([screening], user=user, request=request, purpose="citizen page")
        return {
            "mode": "full",
            "citizen_pk": citizen.pk,
            "screening": screening,
            "outcome": present_outcome(screening) if screening else None,
            "can_screen": can_screen,
        }
    if user.has_perm("screening.view_accommodations", citizen):
        screening = (
            Screening.objects.filter(citizen=citizen, superseded_at__isnull=True, consent=True)
            .only("pk", "citizen_id", "accommodations")
            .first()
        )
        if screening is not None:
            # Even the narrow view reads the screening: log it.
            selectors.audit_reads(
                [screening], user=user, request=request, purpose="consented accommodations"
            )
        return {
            "mode": "accommodations",
            "accommodations": accommodation_labels(screening.accommodations if screening else []),
        }
    return None


def timeline_entries(citizen: Citizen, user: User) -> list[TimelineEntry]:
    may_open = user.has_perm("jobcenter.view_health_data", citizen)
    entries = []
    for screening in citizen.screenings.all().order_by("pk")[:50]:
        title = _("Screening declined") if screening.is_declined else _("Screening completed")
        entries.append(
            TimelineEntry(
                screening.created_at,
                title,
                detail=_("Superseded") if screening.superseded_at else "",
                url=screening.get_absolute_url() if may_open else "",
                icon="clipboard-check",
            )
        )
    return entries


def _date(value: str) -> dt.date | None:
    try:
        return parse_date(value or "")
    except ValueError:  # well formed but impossible, e.g. 2026-13-45
        return None


def _period(request: HttpRequest) -> tuple[dt.date, dt.date]:
    end = _date(request.GET.get("screening_to", "")) or timezone.localdate()
    start = _date(request.GET.get("screening_from", "")) or (
        end - dt.timedelta(days=DEFAULT_PERIOD_DAYS)
    )
    return (start, end) if start <= end else (end, start)


def _percent(share: float | None) -> str | None:
    return None if share is None else f"{share * 100:.0f}"


def dashboard_panel(request: HttpRequest) -> dict | None:
    user = request.user
    team_ids = user.team_ids(Role.TEAM_LEAD)
    if not team_ids and not user.is_superuser:
        return None
    start, end = _period(request)
    figures = selectors.screening_figures(
        team_ids=None if user.is_superuser and not team_ids else team_ids, start=start, end=end
    )
    return {
        "figures": figures,
        "screened_pct": _percent(figures.screened_share),
        "identified_pct": _percent(figures.identified_share),
    }
