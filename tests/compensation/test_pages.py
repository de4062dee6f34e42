"""Pages: scheme guide, application create (with pre-fill), detail, actions, letter, grant."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from compensation.models import Application, Grant
from jobcenter.models import Deadline, DeadlineKind
from tests.compensation.factories import in_review, make_application, make_employer, submitted

pytestmark = pytest.mark.django_db


def test_scheme_guide(client, caseworker):
    client.force_login(caseworker)
    response = client.get("/compensation/schemes/")
    assert response.status_code == 200
    assert "Isbryderordning" in response.content.decode()
    page = client.get("/compensation/schemes/icebreaker/").content.decode()
    assert "LKH" in page and "18 måneder" in page
    assert client.get("/compensation/schemes/nope/").status_code == 404


def test_application_create_url_contract(client, caseworker, citizen, jobcenter):
    employer = make_employer(jobcenter)
    url = reverse("application_create", args=[citizen.pk])
    client.force_login(caseworker)
    # Without a scheme: the choice, keeping the other parameters.
    choose = client.get(f"{url}?fast_track=1&employer={employer.pk}")
    assert choose.status_code == 200
    assert f"scheme=mentor&amp;fast_track=1&amp;employer={employer.pk}" in choose.content.decode()
    response = client.get(
        url + f"?scheme=mentor&fast_track=1&fast_track_reason=Ansat+1.+maj&employer={employer.pk}"
    )
    form = response.context["form"]
    assert form.initial["fast_track"] is True
    assert form.initial["fast_track_reason"] == "Ansat 1. maj"
    assert str(form.initial["employer"]) == str(employer.pk)
    response = client.post(
        url + "?scheme=mentor",
        {
            "scheme": "mentor",
            "fast_track": "on",
            "fast_track_reason": "Ansat 1. maj",
            "employer": employer.pk,
            "detail_period_months": "6",
            "detail_hours_per_week": "3",
            "justification": "Mentor i opstarten",
        },
    )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert application.employer == employer and application.fast_track
    assert application.details == {"period_months": 6, "hours_per_week": "3"}


def test_create_shows_limit_errors_on_the_field(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.post(
        reverse("application_create", args=[citizen.pk]) + "?scheme=mentor",
        {"scheme": "mentor", "detail_period_months": "7", "detail_hours_per_week": "3"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["detail_period_months"]
    assert not Application.objects.exists()


def test_create_access(client, citizen, consultant, other_lead, outsider):
    url = reverse("application_create", args=[citizen.pk]) + "?scheme=mentor"
    client.force_login(consultant)
    assert client.get(url).status_code == 403
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_submit_claim_approve_letter_in_pages(client, citizen, caseworker, team_lead):
    application = make_application(citizen=citizen, created_by=caseworker)
    client.force_login(caseworker)
    client.post(f"/compensation/applications/{application.pk}/submit/")
    application.refresh_from_db()
    assert application.status == "submitted"
    # The caseworker has no decision buttons; a repeated submit is a message, not an error page.
    response = client.post(f"/compensation/applications/{application.pk}/submit/", follow=True)
    assert response.status_code == 200
    assert not response.context["can_decide"]

    client.force_login(team_lead)
    client.post(f"/compensation/applications/{application.pk}/claim/")
    response = client.post(
        f"/compensation/applications/{application.pk}/approve/",
        {"approve-start": "2026-05-01", "approve-end": "", "approve-payee": "employer"},
    )
    assert response.status_code == 400  # neither hours nor amount
    response = client.post(
        f"/compensation/applications/{application.pk}/approve/",
        {
            "approve-start": "2026-05-01",
            "approve-end": "2026-10-31",
            "approve-hours_per_week": "3",
            "approve-payee": "mentor_employer",
            "approve-reason": "Borgeren opfylder betingelserne.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/compensation/applications/{application.pk}/letter/"
    letter = client.get(response["Location"]).content.decode()
    assert "Afgørelse" in letter
    assert "LAB" in letter and "§§ 167–171" in letter
    assert "Ankestyrelsen" in letter and "forvaltningslovens § 25" in letter
    assert citizen.jobcenter.name in letter
    grant = Grant.objects.get()
    assert client.get(grant.get_absolute_url()).status_code == 200


def test_letter_only_for_decided(client, citizen, caseworker, team_lead):
    application = submitted(citizen, caseworker)
    client.force_login(team_lead)
    assert client.get(f"/compensation/applications/{application.pk}/letter/").status_code == 404


def test_reject_needs_reasons_on_the_page(client, citizen, caseworker, team_lead):
    application = in_review(citizen, caseworker, team_lead)
    client.force_login(team_lead)
    response = client.post(f"/compensation/applications/{application.pk}/reject/", {})
    assert response.status_code == 400
    response = client.post(
        f"/compensation/applications/{application.pk}/reject/", {"reject-reason": "Ikke varigt"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "rejected"


def test_detail_access_and_wrong_method(client, citizen, caseworker, other_lead, outsider):
    application = make_application(citizen=citizen, created_by=caseworker)
    url = application.get_absolute_url()
    client.force_login(caseworker)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}submit/").status_code == 405
    assert client.post(f"{url}explode/").status_code == 404
    for user in (other_lead, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(f"{url}submit/").status_code == 404


def test_delay_notice_prompt(client, citizen, caseworker):
    application = submitted(citizen, caseworker)
    client.force_login(caseworker)
    assert not client.get(application.get_absolute_url()).context["needs_delay_notice"]
    Application.objects.filter(pk=application.pk).update(decision_due=timezone.localdate())
    response = client.get(application.get_absolute_url())
    assert response.context["needs_delay_notice"]  # due today, still undecided
    assert "§ 3" in response.content.decode()
    page = client.get(citizen.get_absolute_url()).content.decode()
    assert "§ 3" in page
    expected = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    client.post(f"{application.get_absolute_url()}delay-notice/", {"delay-expected_date": expected})
    application.refresh_from_db()
    assert (
        application.delay_notice_sent_at and application.delay_expected_date.isoformat() == expected
    )
    assert not client.get(application.get_absolute_url()).context["needs_delay_notice"]


def test_citizen_page_section_and_timeline(client, citizen, caseworker, team_lead):
    application = in_review(citizen, caseworker, team_lead)
    client.force_login(caseworker)
    page = client.get(citizen.get_absolute_url()).content.decode()
    assert reverse("application_create", args=[citizen.pk]) in page
    assert application.get_absolute_url() in page
    assert "Ansøgning indsendt" in page or "Application submitted" in page


def test_grant_follow_up_deadlines(citizen, caseworker, team_lead):
    from compensation import services

    application = in_review(
        citizen,
        caseworker,
        team_lead,
        scheme="personal_assistance",
        fast_track=False,
        employer=make_employer(citizen.jobcenter),
    )
    grant = services.application_approve(
        application=application,
        decided_by=team_lead,
        grant_terms={
            "start": dt.date(2026, 5, 1),
            "end": dt.date(2027, 4, 30),
            "hours_per_week": "20",
            "payee": "employer",
        },
    )
    kinds = sorted(Deadline.objects.filter(object_id=grant.pk).values_list("kind", flat=True))
    assert kinds == [DeadlineKind.GRANT_END]


def test_pensioner_subsidy_follow_ups_at_6_then_every_12_months(citizen, caseworker, team_lead):
    from compensation import services

    application = in_review(
        citizen,
        caseworker,
        team_lead,
        scheme="disability_pensioner_subsidy",
        details={"hours_per_week": "15", "hourly_subsidy": "30.88"},
        employer=make_employer(citizen.jobcenter),
    )
    grant = services.application_approve(
        application=application,
        decided_by=team_lead,
        grant_terms={
            "start": dt.date(2026, 1, 1),
            "end": dt.date(2028, 12, 31),
            "amount": "30.88",
            "payee": "employer",
        },
    )
    follow_ups = Deadline.objects.filter(
        object_id=grant.pk, kind=DeadlineKind.GRANT_FOLLOW_UP
    ).order_by("due_at")
    days = [timezone.localdate(d.due_at) for d in follow_ups]
    assert days == [dt.date(2026, 7, 1), dt.date(2027, 7, 1), dt.date(2028, 7, 1)]


def test_team_lead_dashboard_figures(client, citizen, caseworker, team_lead):
    from compensation import services

    application = in_review(citizen, caseworker, team_lead)
    services.application_reject(application=application, decided_by=team_lead, reason="Nej")
    submitted(citizen, caseworker, fast_track=False)
    client.force_login(team_lead)
    response = client.get("/")
    panel = next(p for p in response.context["panels"] if "compensation" in p["template"])
    row = panel["context"]["rows"][0]
    assert row.total == 2
    assert row.by_status["rejected"] == 1 and row.by_status["submitted"] == 1
    assert row.median_days == 0 and row.in_time_share == 1 and row.fast_track_share == 0.5
    client.force_login(caseworker)
    panels = client.get("/").context["panels"]
    assert not any("compensation" in p["template"] for p in panels)
