"""In Chromium: the bell shows the unread count (htmx, no inline script), the list, mark read,
the settings page; axe on each page."""

import pytest
from django.utils import timezone

from jobcenter.models import Notification
from tests.browser import assert_accessible, sign_in
from tests.factories import DeadlineFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bell_list_mark_read_and_settings(page, live_server, caseworker, team):
    for title in ("Opfølgning Ida", "Opfølgning Bo"):
        Notification.objects.create(
            recipient=caseworker,
            deadline=DeadlineFactory(team=team, owner=caseworker, title=title),
            stage="due",
            created_at=timezone.now(),
        )
    sign_in(page, live_server, caseworker.username)
    bell = page.locator("#notification-bell")
    bell.locator(".badge").wait_for()
    assert bell.locator(".badge").inner_text().startswith("2")
    bell.click()
    page.wait_for_url(f"{live_server.url}/notifications/")
    assert_accessible(page)
    page.get_by_role("button", name="Opfølgning Ida").click()
    page.wait_for_url(f"{live_server.url}/notifications/")
    assert page.locator("#notification-bell .badge").inner_text().startswith("1")
    page.get_by_role("link", name="Indstillinger for påmindelser").click()
    assert_accessible(page)
    page.get_by_label("Som en daglig oversigt").check()
    page.get_by_role("button", name="Gem").click()
    assert page.get_by_text("Dine indstillinger for påmindelser er gemt.").is_visible()
