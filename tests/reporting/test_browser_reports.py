"""In Chromium: the report's charts and tables, targets and the citizen's data pass axe."""

import datetime as dt

import pytest
from django.utils import timezone

from jobcenter.audit import audit
from jobcenter.models import AuditAction
from reporting.models import Target
from tests.browser import assert_accessible, sign_in
from tests.factories import CitizenFactory, DeadlineFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reports_targets_and_citizen_data_are_accessible(
    page, live_server, team_lead, caseworker, team, other_team, jobcenter
):
    today = timezone.localdate()
    citizen = CitizenFactory(team=team, caseworker=caseworker, first_contact_date=today)
    CitizenFactory(team=other_team, first_contact_date=today)
    DeadlineFactory(team=team, citizen=citizen, due_at=timezone.now() - dt.timedelta(days=2))
    audit(action=AuditAction.VIEW, user=caseworker, citizen=citizen, purpose="follow-up")
    Target.objects.create(jobcenter=jobcenter, year=today.year, metric="first_contacts", value=24)
    sign_in(page, live_server, team_lead.username)

    page.goto(f"{live_server.url}/reports/?teams={team.pk}&teams={other_team.pk}")
    assert page.get_by_role("heading", name="Førstegangskontakter pr. team").is_visible()
    assert page.locator("svg[role=img]").count() >= 3
    assert_accessible(page)

    page.goto(f"{live_server.url}/reports/targets/")
    assert page.locator("svg[role=img]").count() == 1
    assert_accessible(page)

    page.goto(f"{live_server.url}/reports/citizens/{citizen.pk}/data/")
    assert page.get_by_text("follow-up").is_visible()
    assert_accessible(page)
