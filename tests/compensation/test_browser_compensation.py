"""In Chromium: a caseworker submits, a team lead claims from the queue and approves; axe on
the queue, the decision page and the decision letter."""

import pytest

from compensation.models import Application, Grant
from tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_claim_approve(page, live_server, citizen, caseworker, team_lead):
    sign_in(page, live_server, caseworker.username)
    page.goto(f"{live_server.url}{citizen.get_absolute_url()}")
    page.get_by_role("link", name="Ny ansøgning").click()
    page.get_by_role("link", name="Mentorstøtte", exact=True).click()
    assert_accessible(page)  # the application form with the scheme guide
    page.get_by_label("Hurtigspor", exact=True).check()
    page.get_by_label("Begrundelse for hurtigspor").fill("Ansættelse 1. maj")
    page.get_by_label("Periode (måneder)").fill("6")
    page.get_by_label("Mentortimer om ugen").fill("3")
    page.get_by_label("Begrundelse", exact=True).fill("Mentor i opstarten")
    page.get_by_role("button", name="Gem kladde").click()
    page.wait_for_url(f"{live_server.url}/compensation/applications/*/")
    application = Application.objects.get()
    page.get_by_role("button", name="Indsend").click()
    page.wait_for_load_state()
    assert page.get_by_text("Ansøgningen er indsendt.").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, live_server, team_lead.username)
    page.goto(f"{live_server.url}/compensation/queue/")
    assert page.get_by_role("heading", name="Afgørelseskø").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Tag den næste").click()
    page.wait_for_url(f"{live_server.url}{application.get_absolute_url()}")
    assert_accessible(page)  # the decision page with approve, reject and return

    page.locator("#id_approve-start").fill("2026-05-01")
    page.locator("#id_approve-end").fill("2026-10-31")
    page.locator("#id_approve-hours_per_week").fill("3")
    page.locator("#id_approve-payee").select_option("mentor_employer")
    page.locator("#id_approve-reason").fill("Borgeren opfylder betingelserne.")
    page.get_by_role("button", name="Bevilg").click()
    page.wait_for_url(f"{live_server.url}/compensation/applications/{application.pk}/letter/")
    assert page.get_by_role("heading", name="Klagevejledning").is_visible()
    assert_accessible(page)
    assert Application.objects.get(pk=application.pk).status == "approved"
    assert Grant.objects.filter(application_id=application.pk).count() == 1
    # The other pages once each: grant, scheme guide, the lead's dashboard figures.
    for url in (
        Grant.objects.get().get_absolute_url(),
        "/compensation/schemes/",
        "/compensation/schemes/icebreaker/",
        "/",
        citizen.get_absolute_url(),
    ):
        page.goto(f"{live_server.url}{url}")
        assert_accessible(page)
