"""The UI shell in Chromium: no CSP violations, keyboard skip link, the API docs render offline."""

import pytest

from tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _collect_csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return errors


def test_the_shell_works_by_keyboard_and_within_the_csp(page, live_server, caseworker, citizen):
    errors = _collect_csp_errors(page)
    sign_in(page, live_server, caseworker.username)
    page.goto(f"{live_server.url}/citizens/{citizen.pk}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Gå til hovedindhold")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Revealing the CPR number by htmx, within the CSP.
    page.get_by_role("button", name="Vis fuldt CPR-nummer").click()
    page.get_by_text(citizen.reveal_cpr()).wait_for()
    assert_accessible(page)
    assert errors == []


def test_the_api_docs_render_from_the_apps_own_assets(page, live_server, caseworker):
    errors = _collect_csp_errors(page)
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    sign_in(page, live_server, caseworker.username)
    page.goto(f"{live_server.url}/api/docs/")
    page.get_by_text("Jobcenter API").first.wait_for()
    assert outside == []
    assert errors == []


def test_english_is_available(page, live_server, caseworker):
    sign_in(page, live_server, caseworker.username)
    page.get_by_label("Sprog").select_option("en")
    page.get_by_role("button", name="Skift").click()
    page.get_by_role("heading", name="My deadlines").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
