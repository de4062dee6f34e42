"""In Chromium: sign in, register a citizen, find them on the dashboard; axe on each page."""

import re

import pytest

from tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_register_citizen_and_see_it_on_the_dashboard(page, live_server, caseworker):
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    sign_in(page, live_server, caseworker.username)
    assert_accessible(page)

    page.goto(f"{live_server.url}/citizens/new/")
    assert_accessible(page)
    page.get_by_label("Fornavn").fill("Ida")
    page.get_by_label("Efternavn").fill("Kragh")
    page.get_by_label("CPR-nummer").fill("150585-1230")
    page.get_by_role("button", name="Gem").click()
    # The citizen page, or the screening that follows registration when that app is present.
    page.wait_for_url(re.compile(r".*/(citizens|screening/citizen)/\d+/.*"))
    assert_accessible(page)

    page.goto(f"{live_server.url}/")
    assert page.get_by_role("link", name="Ida Kragh").is_visible()

    page.goto(f"{live_server.url}/citizens/")
    assert page.get_by_role("link", name="Kragh, Ida").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Kragh, Ida").click()
    assert page.get_by_text("150585-XXXX").is_visible()
    assert_accessible(page)
