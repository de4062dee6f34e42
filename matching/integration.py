"""Matching's entries in the core's navigation, citizen page, dashboard and timeline."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobcenter.dashboard import Panel, register_citizen_section, register_dashboard_panel
from jobcenter.navigation import NavItem, register_nav_item
from jobcenter.selectors import TimelineEntry, register_timeline_provider


def _works_here(user) -> bool:
    return user.is_superuser or bool(user.team_ids())


def citizen_section(request, citizen) -> dict | None:
    from matching.models import Match, MatchProfile

    user = request.user
    if not user.has_perm("matching.view_match_profile", citizen):
        return None
    profile = MatchProfile.objects.filter(citizen=citizen).first()
    matches = list(
        Match.objects.filter(citizen=citizen)
        .select_related("vacancy", "vacancy__employer")
        .order_by("-updated_at")[:5]
    )
    return {
        "citizen": citizen,
        "profile": profile,
        "matches": matches,
        "can_change": user.has_perm("matching.change_match_profile", citizen),
    }


def consultant_panel(request) -> dict | None:
    from matching.models import Employer, Match
    from matching.models.matches import ACTIVE_STATUSES

    user = request.user
    if not user.is_authenticated or user.is_superuser:
        return None
    employers = Employer.objects.filter(consultant=user)
    if not employers.exists():
        return None
    open_matches = (
        Match.objects.visible_to(user)
        .filter(vacancy__employer__consultant=user, status__in=ACTIVE_STATUSES)
        .select_related("citizen", "vacancy", "vacancy__employer")
        .order_by("updated_at")[:10]
    )
    return {"matches": list(open_matches)}


def timeline(citizen, user) -> list[TimelineEntry]:
    from matching.models import MatchStep

    if not user.has_perm("matching.view_match_profile", citizen):
        return []
    steps = (
        MatchStep.objects.filter(match__citizen=citizen)
        .select_related("match__vacancy__employer")
        .order_by("-at")[:100]
    )
    return [
        TimelineEntry(
            step.at,
            _("Match %(status)s: %(vacancy)s at %(employer)s")
            % {
                "status": step.get_to_status_display().lower(),
                "vacancy": step.match.vacancy.title,
                "employer": step.match.vacancy.employer.name,
            },
            detail=step.note,
            url=reverse("match_detail", args=[step.match_id]),
            icon="briefcase",
        )
        for step in steps
    ]


def register() -> None:
    register_nav_item(
        NavItem(gettext_lazy("Employers"), "employer_list", "building", _works_here, order=40)
    )
    register_nav_item(
        NavItem(gettext_lazy("Vacancies"), "vacancy_list", "briefcase", _works_here, order=41)
    )
    register_citizen_section(Panel("matching/_citizen_section.html", citizen_section, order=40))
    register_dashboard_panel(Panel("matching/_dashboard_panel.html", consultant_panel, order=40))
    register_timeline_provider(timeline)
