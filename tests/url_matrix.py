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
    # Compensation: the scheme guide for all; applications and grants for the citizen's
    # caseworkers and team leads (to a company consultant they do not exist); the queue and
    # decisions for team leads.
    "scheme_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "scheme_detail": ("get", "scheme", row(302, 200, 200, 200, 200, 200)),
    "application_create": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "application_detail": ("get", "application", row(302, 200, 404, 200, 404, 404)),
    "application_edit": ("get", "application", row(302, 200, 404, 200, 404, 404)),
    "application_letter": ("get", "decided", row(302, 200, 404, 200, 404, 404)),
    "attachment_upload": ("post", "application", row(302, 400, 404, 400, 404, 404)),
    "application_action": ("post", "submit", row(302, 302, 404, 302, 404, 404)),
    "attachment_download": ("get", "attachment", row(302, 200, 404, 200, 404, 404)),
    "queue": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "queue_claim_next": ("post", None, row(302, 403, 403, 302, 302, 302)),
    "grant_detail": ("get", "grant", row(302, 200, 404, 200, 404, 404)),
    "scheme-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "scheme-detail": ("get", "scheme", row(403, 200, 200, 200, 200, 200)),
    "application-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "application-detail": ("get", "application", row(403, 200, 403, 200, 404, 404)),
    "queue-list": ("get", None, row(403, 403, 403, 200, 200, 200)),
    "grant-list": ("get", None, row(403, 200, 403, 200, 200, 200)),
    "grant-detail": ("get", "grant", row(403, 200, 403, 200, 404, 404)),
    # Decisions with an empty body: 403 for those who may not decide, 400 for those who may.
    "application-submit": ("post", "application", row(403, 200, 403, 200, 404, 404)),
    "application-withdraw": ("post", "application", row(403, 200, 403, 200, 404, 404)),
    "application-claim": ("post", "submitted", row(403, 403, 403, 200, 404, 404)),
    "application-approve": ("post", "review", row(403, 403, 403, 400, 404, 404)),
    "application-reject": ("post", "review", row(403, 403, 403, 400, 404, 404)),
    "application-return-": ("post", "review", row(403, 403, 403, 400, 404, 404)),
    "queue-claim-next": ("post", None, row(403, 403, 403, 204, 204, 204)),
    "grant-end": ("post", "grant", row(403, 400, 403, 400, 404, 404)),
    "grant-revoke": ("post", "grant", row(403, 403, 403, 400, 404, 404)),
    # Matching: employers and vacancies for the jobcenter; profiles and matches by team.
    "employer_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "employer_create": ("get", None, row(302, 403, 200, 200, 200, 200)),
    "employer_detail": ("get", "employer", row(302, 200, 200, 200, 200, 404)),
    "employer_edit": ("get", "employer", row(302, 403, 200, 200, 200, 404)),
    "employer_contact_add": ("post", "employer", row(302, 403, 400, 400, 400, 404)),
    "employer_activity_add": ("post", "employer", row(302, 403, 400, 400, 400, 404)),
    "employer_action_done": ("post", "employer_action", row(302, 403, 302, 302, 302, 404)),
    "vacancy_create": ("get", "employer", row(302, 403, 200, 200, 200, 404)),
    "vacancy_list": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "vacancy_detail": ("get", "vacancy", row(302, 200, 200, 200, 200, 404)),
    "vacancy_edit": ("get", "vacancy", row(302, 403, 200, 200, 200, 404)),
    "vacancy_matches": ("get", "vacancy", row(302, 200, 200, 200, 200, 404)),
    "profile_edit": ("get", "citizen", row(302, 200, 200, 200, 404, 404)),
    "need_add": ("post", "citizen", row(302, 302, 403, 302, 404, 404)),
    "need_remove": ("post", "citizen_need", row(302, 302, 403, 302, 404, 404)),
    "citizen_matches": ("get", "citizen", row(302, 200, 200, 200, 404, 404)),
    "match_propose": ("post", "citizen_vacancy", row(302, 302, 302, 302, 404, 404)),
    "match_detail": ("get", "match", row(302, 200, 200, 200, 404, 404)),
    "match_advance": ("post", "match", row(302, 400, 400, 400, 404, 404)),
    "autocomplete_postcodes": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "autocomplete_skills": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "autocomplete_occupations": ("get", None, row(302, 200, 200, 200, 200, 200)),
    "api_citizen_matches": ("get", "citizen", row(403, 200, 200, 200, 404, 404)),
    "employer-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "employer-detail": ("get", "employer", row(403, 200, 200, 200, 200, 404)),
    "vacancy-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "vacancy-detail": ("get", "vacancy", row(403, 200, 200, 200, 200, 404)),
    "vacancy-matches": ("get", "vacancy", row(403, 200, 200, 200, 200, 404)),
    "match-list": ("get", None, row(403, 200, 200, 200, 200, 200)),
    "match-detail": ("get", "match", row(403, 200, 200, 200, 404, 404)),
    "match-advance": ("post", "match", row(403, 400, 400, 400, 404, 404)),
    # Reports: team leads (their teams, or their jobcenter's); the access review is for staff.
    "report": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "report_targets": ("get", None, row(302, 403, 403, 200, 200, 200)),
    "report_figure_export": ("get", "figure_export", row(302, 403, 403, 200, 200, 200)),
    "citizen_data_export": ("get", "citizen", row(302, 200, 403, 200, 404, 404)),
    "access_review": ("get", None, row(302, 403, 403, 403, 403, 403)),
}


# Answers that are not whole pages: htmx fragments and file downloads.
NOT_PAGES = {
    "notification_bell",
    "report_figure_export",
    "reminder_health_json",
    "attachment_download",  # a file download, not a page
    "autocomplete_postcodes",  # htmx <option> fragments for datalists
    "autocomplete_skills",
    "autocomplete_occupations",
}


MATCHING_KINDS = {
    "employer",
    "employer_action",
    "vacancy",
    "citizen_need",
    "citizen_vacancy",
    "match",
}


def matching_args(kind: str, *, citizen, cast) -> list:
    from matching.services.pipeline import match_propose
    from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for

    employer = EmployerFactory(jobcenter=citizen.jobcenter)
    if kind == "employer":
        return [employer.pk]
    if kind == "employer_action":
        return [employer.pk, "send_scheme_guide"]
    if kind == "citizen_need":
        return [citizen.pk, "quiet_workspace"]
    vacancy = VacancyFactory(employer=employer)
    if kind == "vacancy":
        return [vacancy.pk]
    if not hasattr(citizen, "match_profile"):
        profile_for(citizen)
    if kind == "citizen_vacancy":
        return [citizen.pk, vacancy.pk]
    match = match_propose(citizen=citizen, vacancy=vacancy, proposed_by=cast["caseworker"])
    return [match.pk]


COMPENSATION_KINDS = {
    "scheme",
    "application",
    "submitted",
    "review",
    "decided",
    "submit",
    "attachment",
    "grant",
}


def compensation_args(kind: str, *, citizen, cast) -> list:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from compensation import services
    from compensation.attachments import attachment_add
    from tests.compensation.factories import in_review, make_application, submitted, terms

    caseworker, lead = cast["caseworker"], cast["team_lead"]
    if kind == "scheme":
        return ["mentor"]
    if kind == "submitted":
        return [submitted(citizen, caseworker).pk]
    if kind == "review":
        return [in_review(citizen, caseworker, lead).pk]
    if kind in ("decided", "grant"):
        decided = in_review(citizen, caseworker, lead)
        grant = services.application_approve(
            application=decided, decided_by=lead, grant_terms=terms()
        )
        return [decided.pk] if kind == "decided" else [grant.pk]
    application = make_application(citizen=citizen, created_by=caseworker)
    if kind == "submit":
        return [application.pk, "submit"]
    if kind == "attachment":
        upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")
        return [attachment_add(application=application, uploaded_by=caseworker, upload=upload).pk]
    return [application.pk]


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
    if kind in MATCHING_KINDS:
        return matching_args(kind, citizen=citizen, cast=cast)
    if kind in COMPENSATION_KINDS:
        return compensation_args(kind, citizen=citizen, cast=cast)
    if kind == "figure_export":
        return ["first_contacts", "csv"]
    if kind == "screening":
        from tests.screening.factories import screen

        return [screen(citizen, cast["caseworker"]).pk]
    raise KeyError(f"no sample object for URL argument kind {kind!r}")
