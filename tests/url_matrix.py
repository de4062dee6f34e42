"""Every URL pattern of the product, classified: method, what its arguments point at, and the
status each role gets. The permission matrix and the accessibility walk both read it, so a
new page is covered by both as soon as it is classified (and the matrix fails until it is).

Codes: 200 ok, 302 redirect (to sign-in for anonymous), 403 forbidden action, 404 outside
the user's scope, 405 wrong method.
"""

from tests.factories import DeadlineFactory

ROLES = ["anonymous", "caseworker", "consultant", "team_lead", "other_lead", "outsider"]


def row(anonymous, caseworker, consultant, team_lead, other_lead, outsider):
    return dict(
        zip(
            ROLES, (anonymous, caseworker, consultant, team_lead, other_lead, outsider), strict=True
        )
    )


# url name -> (method, argument kind, expected status per role)
MATRIX = {
    "dashboard": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen_create": ("get", None, row(302, 200, 403, 200, 200, 200)),
    "citizen_detail": ("get", "citizen", row(302, 200, 200, 200, 404, 404)),
    "citizen_edit": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "citizen_reassign": ("get", "citizen", row(302, 403, 403, 200, 404, 404)),
    "citizen_reveal_cpr": ("post", "citizen", row(302, 200, 403, 200, 404, 404)),
    "deadline_done": ("post", "deadline", row(302, 302, 403, 302, 404, 404)),
    "login": ("get", None, row(200, 200, 200, 200, 200, 200)),
    "logout": ("post", None, row(302, 302, 302, 302, 302, 302)),
    "password_change": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "password_change_done": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "set_language": ("post", None, row(302, 302, 302, 302, 302, 302)),
    "healthz": ("get", None, row(200, 200, 200, 200, 200, 200)),
    "api_token": ("post", None, row(400, 400, 400, 400, 400, 400)),
    "api_schema": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "api_docs": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "citizen-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "citizen-detail": ("get", "citizen", row(403, 200, 403, 200, 404, 404)),
    # Screening: health data, for the citizen's caseworkers and team leads only; to a company
    # consultant a screening record does not exist (404), its consented needs show elsewhere.
    "screening_create": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "screening_decline": ("post", "citizen", row(302, 302, 403, 302, 404, 404)),
    "screening_detail": ("get", "screening", row(302, 200, 404, 200, 404, 404)),
    "screening-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "screening-detail": ("get", "screening", row(403, 200, 403, 200, 404, 404)),
    # Notifications and reminders: each user's own; deadlines of the user's teams.
    "notification_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "notification_bell": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "notification_read_all": ("post", None, row(302, 302, 302, 302, 302, 302)),
    "notification_read": ("post", "notification", row(302, 302, 404, 404, 404, 404)),
    "notification_open": ("get", "notification", row(302, 302, 404, 404, 404, 404)),
    "notification_preferences": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "deadline_open": ("get", "deadline", row(302, 302, 302, 302, 404, 404)),
    "reminder_health": ("get", None, row(302, 403, 403, 403, 403, 403)),
    "reminder_health_json": ("get", None, row(302, 403, 403, 403, 403, 403)),
    "deadline-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "deadline-detail": ("get", "deadline", row(403, 200, 200, 200, 404, 404)),
    "deadline-done": ("post", "deadline", row(403, 200, 403, 200, 404, 404)),
    "notification-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "notification-detail": ("get", "notification", row(403, 200, 404, 404, 404, 404)),
    "notification-read": ("post", "notification", row(403, 200, 404, 404, 404, 404)),
    # Reports: team leads (their teams, or their jobcenter's); the access review is for staff.
    "report": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "report_targets": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "report_figure_export": ("get", "figure_export", row(302, 403, 403, 200, 200, 200)),
    "citizen_data_export": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "access_review": ("get", None, row(302, 403, 403, 403, 403, 403)),
}


# Answers that are not whole pages: htmx fragments and file downloads.
NOT_PAGES = {"notification_bell", "report_figure_export", "reminder_health_json"}


def url_args(kind: str | None, *, citizen, cast) -> list:
    """Arguments for a pattern whose object is of ``kind``, all in team 1 of the jobcenter."""
    if kind is None:
        return []
    if kind == "citizen":
        return [citizen.pk]
    if kind == "deadline":
        # A fresh deadline each time: marking one done changes it.
        deadline = DeadlineFactory(team=citizen.team, citizen=citizen, owner=cast["caseworker"])
        return [deadline.pk]
    if kind == "notification":
        # The caseworker's own notification about a fresh deadline.
        from django.utils import timezone

        from jobcenter.models import Notification

        deadline = DeadlineFactory(team=citizen.team, citizen=citizen, owner=cast["caseworker"])
        notification = Notification.objects.create(
            recipient=cast["caseworker"], deadline=deadline, stage="due", created_at=timezone.now()
        )
        return [notification.pk]
    if kind == "figure_export":
        return ["first_contacts", "csv"]
    if kind == "screening":
        from tests.screening.factories import screen

        return [screen(citizen, cast["caseworker"]).pk]
    raise KeyError(f"no sample object for URL argument kind {kind!r}")
