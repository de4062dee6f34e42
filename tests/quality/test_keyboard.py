"""Keyboard-only use of the screening form and the team lead's decision queue, in Chromium.

Tab reaches every radio group and then the submit button, in the page's order; arrow keys
choose within a group; Space ticks checkboxes; Enter submits; every focused control shows a
visible focus indicator; after the htmx claim in the queue, focus is on the new row's next step
(not lost to <body>).
"""

from __future__ import annotations

import re

import pytest

from compensation.models import Application
from screening.models import Screening
from tests.browser import sign_in
from tests.compensation.factories import submitted

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the focused element is, and whether the user can see where focus is.
FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "",
    value: el.value || "", text: (el.innerText || "").trim(),
    focusVisible: el.matches(":focus-visible"), indicator: outline || shadow,
  };
}"""

# Answers chosen from the keyboard: how many ArrowRight presses from the first option.
ARROWS = {"hearing": 2}  # "Yes – a lot of difficulty"
REQUIRED_NONE = ("seeing", "mobility", "cognition", "self_care", "communication")


def focused(page) -> dict:
    state = page.evaluate(FOCUS_JS)
    assert state["tag"] != "body", "focus was lost to <body>"
    return state


def assert_focus_visible(state: dict) -> None:
    assert state["focusVisible"] and state["indicator"], f"no visible focus on {state}"


def test_the_screening_form_from_the_keyboard(page, live_server, caseworker, citizen):
    sign_in(page, live_server, caseworker.username)
    page.goto(f"{live_server.url}/screening/citizen/{citizen.pk}/new/")
    groups = page.evaluate(
        """() => [...new Set([...document.querySelectorAll("main form input[type=radio]")]
                 .map(el => el.name))]"""
    )
    assert len(groups) >= 8
    # Start where a keyboard user starts: the decline form's button comes before the questions.
    page.get_by_role("button", name="Registrér at borgeren sagde nej").focus()

    reached, submit_at = [], None
    for presses in range(200):
        page.keyboard.press("Tab")
        state = focused(page)
        assert_focus_visible(state)
        if state["type"] == "radio":
            name = state["name"]
            assert name not in reached, f"Tab came back to the group {name}"
            reached.append(name)
            # Focus enters an unanswered group on its first option; arrows move and choose.
            assert state["value"] == page.locator(f"input[name='{name}']").first.get_attribute(
                "value"
            )
            key = name.rsplit("-", 1)[-1]
            if key in ARROWS:
                for _ in range(ARROWS[key]):
                    page.keyboard.press("ArrowRight")
                assert page.locator(f"input[name='{name}']").nth(ARROWS[key]).is_checked()
                assert_focus_visible(focused(page))
            elif key in REQUIRED_NONE:
                page.keyboard.press("Space")
                assert page.locator(f"input[name='{name}']").first.is_checked()
        elif state["type"] == "checkbox" and (
            state["value"] == "interpretation" or state["name"].endswith("consent")
        ):
            page.keyboard.press("Space")
        elif state["tag"] == "button" and state["text"] == "Gem screening":
            submit_at = presses
            break
    assert submit_at is not None, "Tab never reached the submit button"
    assert reached == groups, "the radio groups were not reached in the page's order"

    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{citizen.get_absolute_url()}")
    screening = Screening.objects.get(citizen=citizen)
    assert screening.consent is True
    assert "interpretation" in screening.accommodations
    assert page.locator("#screening-section").is_visible()


def test_the_queue_from_the_keyboard(page, live_server, citizen, caseworker, team_lead):
    application = submitted(citizen, caseworker)
    sign_in(page, live_server, team_lead.username)
    page.goto(f"{live_server.url}/compensation/queue/")
    # From the top of the page: the skip link first, then on to the row's claim button.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert_focus_visible(skip)
    for _ in range(60):
        page.keyboard.press("Tab")
        state = focused(page)
        assert_focus_visible(state)
        if state["tag"] == "button" and state["text"].startswith("Tag sagen"):
            break
    else:
        pytest.fail("Tab never reached the claim button")

    page.keyboard.press("Enter")  # htmx swaps the row in place
    page.get_by_role("link", name=re.compile(r"^Afgør\s*:\s*Karen Holm$")).wait_for()
    state = focused(page)
    assert state["tag"] == "a" and state["text"].startswith("Afgør"), state
    assert_focus_visible(state)
    assert Application.objects.get(pk=application.pk).status == "in_review"

    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{application.get_absolute_url()}")
