"""What compensation adds to the dashboard, the citizen page and the citizen's timeline."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from compensation import selectors
from compensation.models import Application, ApplicationStatus, Grant
from compensation.services import needs_delay_notice
from jobcenter.selectors import TimelineEntry


def dashboard_panel(request) -> dict | None:
    """Team leads: the queue's head count and the figures per team and scheme (last year)."""
    user = request.user
    if not user.has_perm("compensation.view_queue"):
        return None
    since = timezone.localdate() - dt.timedelta(days=365)
    waiting = selectors.queue(user=user, fast_track=True)
    return {
        "rows": selectors.figures(user=user, since=since),
        "since": since,
        "fast_track_waiting": waiting.count(),
        "overdue": waiting.filter(decision_due__lt=timezone.localdate()).count(),
        "statuses": ApplicationStatus.choices,
    }


def _suggested_codes(citizen) -> list[str]:
    try:
        from screening.selectors import suggested_scheme_codes
    except ImportError:
        return []
    try:
        return list(suggested_scheme_codes(citizen))
    except Exception:  # screening must never break the citizen page
        return []


def citizen_section(request, citizen) -> dict | None:
    user = request.user
    if not user.has_perm("compensation.add_application", citizen) and not user.is_superuser:
        return None
    applications = selectors.applications_of(citizen, user)
    for application in applications:
        application.prompt_delay_notice = (
            application.decision_due is not None and needs_delay_notice(application)
        )
    from compensation.models import Scheme

    codes = _suggested_codes(citizen)
    suggested = list(Scheme.objects.filter(code__in=codes, active=True)) if codes else []
    return {
        "citizen": citizen,
        "applications": applications,
        "grants": selectors.grants_of(citizen, user),
        "suggested": suggested,
        "new_url": reverse("application_create", args=[citizen.pk]),
    }


def timeline_entries(citizen, user) -> list[TimelineEntry]:
    if not user.has_perm("jobcenter.view_health_data", citizen) and not user.is_superuser:
        return []
    entries = []
    applications = Application.objects.visible_to(user).filter(citizen=citizen)
    for application in applications.select_related("scheme")[:100]:
        name = application.scheme.name
        url = application.get_absolute_url()
        entries.append(
            TimelineEntry(
                application.created_at,
                _("Application created: %(scheme)s") % {"scheme": name},
                url=url,
                icon="file-earmark-plus",
            )
        )
        if application.submitted_at:
            entries.append(
                TimelineEntry(
                    application.submitted_at,
                    _("Application submitted: %(scheme)s") % {"scheme": name},
                    detail=_("Decision due %(date)s")
                    % {"date": f"{application.decision_due:%d.%m.%Y}"},
                    url=url,
                    icon="send",
                )
            )
        if application.decided_at:
            entries.append(
                TimelineEntry(
                    application.decided_at,
                    _("Application %(status)s: %(scheme)s")
                    % {"status": application.get_status_display().lower(), "scheme": name},
                    url=reverse("application_letter", args=[application.pk]),
                    icon="check2-square",
                )
            )
    for grant in Grant.objects.visible_to(user).filter(citizen=citizen).exclude(ended_at=None):
        entries.append(
            TimelineEntry(
                grant.ended_at,
                _("Grant %(status)s") % {"status": grant.get_status_display().lower()},
                detail=grant.end_reason,
                url=grant.get_absolute_url(),
                icon="x-circle",
            )
        )
    return entries
