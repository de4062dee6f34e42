"""The whole journey in Chromium, in Danish and in English.

A caseworker registers a citizen at the first interview, screens them (consent to share
accommodation needs), builds a match profile, finds the ranked vacancies, proposes a match and
moves it to hired, and files a fast-track application from the hire's link; a team lead (a
second browser context) claims and approves it within the deadline; the caseworker sees the
grant, the decision letter and the retention deadlines on the citizen page; a reminder arrives
in the app. axe (WCAG 2.1 A/AA) runs on each new page. The English run switches the language
with the footer switcher and checks English headings and buttons.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from compensation.models import Application, Grant
from jobcenter import reminder_sending, reminders
from jobcenter.models import Citizen, DeadlineKind, Notification
from jobcenter.services import date_to_deadline, deadline_create
from jobcenter.workdays import add_working_days
from matching.models import Match
from tests.browser import PASSWORD, assert_accessible
from tests.matching.factories import EmployerFactory, VacancyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The questionnaire is data (both languages stored), not gettext: (English, Danish).
ANSWERS = {
    ("seeing, even", "at se,"): ("No – no difficulty", "Nej – ingen vanskeligheder"),
    ("hearing, even", "at høre,"): ("Yes – a lot of difficulty", "Ja – store vanskeligheder"),
    ("walking or", "at gå eller"): ("No – no difficulty", "Nej – ingen vanskeligheder"),
    ("remembering or", "huske eller"): ("No – no difficulty", "Nej – ingen vanskeligheder"),
    ("self-care", "personlig pleje"): ("No – no difficulty", "Nej – ingen vanskeligheder"),
    ("communicating", "kommunikere"): ("No – no difficulty", "Nej – ingen vanskeligheder"),
    ("which jobs or", "betydning for, hvilke job"): ("Yes", "Ja"),
    ("public employers", "offentlige arbejdsgivere"): ("Yes", "Ja"),
}
INTERPRETATION = ("Sign-language or written interpretation", "Tegnsprogs- eller skrivetolkning")
CONSENT = ("The citizen consents", "Borgeren giver samtykke")


def both(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "en" else pair[1]


def tr(lang: str, msgid: str) -> str:
    """The app's own text in ``lang`` (the same catalogues the pages use)."""
    with translation.override(lang):
        return gettext(msgid)


def switch_language(page, lang: str) -> None:
    """The footer's language switcher, as a user would use it."""
    footer = page.get_by_role("contentinfo")
    footer.get_by_label(re.compile("Sprog|Language")).select_option(lang)
    footer.get_by_role("button", name=re.compile("^(Skift|Change)$")).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang


def sign_in(page, live_server, username: str, lang: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    if lang != "da":
        switch_language(page, lang)
    page.get_by_label(tr(lang, "Username")).fill(username)
    page.get_by_label(tr(lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=tr(lang, "Sign in")).click()
    page.wait_for_url(f"{live_server.url}/")


def action(lang: str, msgid: str, whom: str) -> re.Pattern:
    """A button or link named "<action>: <whom>" (the part after the colon is visually hidden)."""
    return re.compile(rf"^{re.escape(tr(lang, msgid))}\s*:\s*{re.escape(whom)}$")


def heading(page, lang: str, msgid: str, **values) -> None:
    text = tr(lang, msgid) % values if values else tr(lang, msgid)
    assert page.get_by_role("heading", name=text).first.is_visible(), text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_whole_journey(
    browser, browser_context_args, live_server, jobcenter, team, caseworker, team_lead, lang
):
    employer = EmployerFactory(
        jobcenter=jobcenter, name="Aarhus Kommune Lager", sector="public", open_to_hiring=True
    )
    vacancy = VacancyFactory(
        employer=employer, title="Lagermedarbejder", accommodations=["interpretation"]
    )
    worker = browser.new_context(**browser_context_args).new_page()
    lead = browser.new_context(**browser_context_args).new_page()
    server = live_server.url

    # The first interview: register the citizen; the screening follows.
    sign_in(worker, live_server, caseworker.username, lang)
    assert_accessible(worker)
    worker.goto(f"{server}/citizens/new/")
    assert_accessible(worker)
    worker.locator("#id_first_name").fill("Ida")
    worker.locator("#id_last_name").fill("Kragh")
    worker.locator("#id_cpr").fill("150585-1230")
    worker.locator("#id_postcode").fill("8000")
    worker.locator("#id_city").fill("Aarhus C")
    worker.get_by_role("button", name=tr(lang, "Save"), exact=True).click()
    worker.wait_for_url(re.compile(r".*/screening/citizen/\d+/new/$"))
    citizen = Citizen.objects.get(last_name="Kragh")
    heading(worker, lang, "Screening of %(name)s", name="Ida Kragh")
    assert_accessible(worker)

    for (en, da), answer in ANSWERS.items():
        group = worker.get_by_role("group", name=re.compile(en if lang == "en" else da))
        group.get_by_label(both(lang, answer), exact=True).check()
    worker.get_by_label(re.compile(both(lang, ("How many hours", "Hvor mange timer")))).fill("20")
    worker.get_by_label(both(lang, INTERPRETATION)).check()
    worker.get_by_label(re.compile(both(lang, CONSENT))).check()
    worker.get_by_role("button", name=tr(lang, "Save screening")).click()
    worker.wait_for_url(f"{server}{citizen.get_absolute_url()}")
    assert_accessible(worker)

    # The match profile: the consented need came over from the screening.
    worker.get_by_role("link", name=tr(lang, "Match profile"), exact=True).click()
    heading(worker, lang, "Match profile of %(name)s", name="Ida Kragh")
    needs = worker.get_by_role("region", name=tr(lang, "Accommodation needs"))
    need = needs.get_by_role("listitem").filter(
        has_text=tr(lang, "Sign-language or written interpretation")
    )
    assert need.is_visible()
    assert_accessible(worker)
    worker.locator("#id_occupations").select_option("9333")
    worker.locator("#id_skills").fill("4, 5")
    worker.locator("#id_hours_min").fill("15")
    worker.locator("#id_hours_max").fill("30")
    worker.locator("#id_max_commute_km").fill("25")
    worker.get_by_role("button", name=tr(lang, "Save profile")).click()
    assert worker.get_by_text(tr(lang, "The match profile has been saved.")).is_visible()

    # The ranked vacancies; propose the match and move it on to hired.
    worker.get_by_role("link", name=tr(lang, "Find vacancies")).click()
    heading(worker, lang, "Vacancies for %(name)s", name="Ida Kragh")
    assert worker.get_by_role("link", name=vacancy.title).is_visible()
    assert_accessible(worker)
    worker.get_by_role("button", name=action(lang, "Propose", vacancy.title)).click()
    assert worker.get_by_text(tr(lang, "The match has been proposed.")).is_visible()
    assert_accessible(worker)
    hired_on = timezone.localdate()
    for status in ("Employer contacted", "Interview", "Hired"):
        worker.get_by_label(tr(lang, "New status")).select_option(label=tr(lang, status))
        if status == "Hired":
            worker.get_by_label(tr(lang, "Date")).fill(hired_on.isoformat())
        worker.get_by_role("button", name=tr(lang, "Move the match")).click()
        assert worker.get_by_text(tr(lang, "The match has moved on.")).is_visible()
    assert Match.objects.get().status == "hired"

    # The fast-track application, from the link the hiring offers.
    offer = worker.get_by_role("region", name=tr(lang, "Apply on the fast track"))
    assert_accessible(worker)
    with translation.override(lang):
        scheme_name = gettext("Personal assistance")
    offer.get_by_role("link", name=re.compile(scheme_name, re.IGNORECASE)).click()
    assert_accessible(worker)
    assert worker.get_by_label(tr(lang, "Fast track"), exact=True).is_checked()
    worker.get_by_label(tr(lang, "Working hours per week")).fill("20")
    worker.get_by_label(tr(lang, "Assistance hours per week")).fill("8")
    worker.get_by_label(tr(lang, "Tasks the assistant helps with")).fill("Tolkning på møder")
    worker.get_by_label(tr(lang, "Justification"), exact=True).fill("Ansat, brug for tolk")
    worker.get_by_role("button", name=tr(lang, "Save draft")).click()
    worker.wait_for_url(re.compile(r".*/compensation/applications/\d+/$"))
    application = Application.objects.get()
    assert application.fast_track and application.employer_id == employer.pk
    worker.get_by_role("button", name=tr(lang, "Submit"), exact=True).click()
    assert worker.get_by_text(tr(lang, "The application has been submitted.")).is_visible()
    assert_accessible(worker)

    # The team lead, in a browser of their own: claim from the queue, approve in time.
    sign_in(lead, live_server, team_lead.username, lang)
    lead.goto(f"{server}/compensation/queue/")
    heading(lead, lang, "Decision queue")
    assert_accessible(lead)
    lead.get_by_role("button", name=action(lang, "Claim", "Ida Kragh")).click()
    lead.get_by_role("link", name=action(lang, "Decide", "Ida Kragh")).click()
    lead.wait_for_url(f"{server}{application.get_absolute_url()}")
    assert_accessible(lead)
    application.refresh_from_db()
    assert timezone.localdate() <= application.decision_due  # within the deadline
    start = add_working_days(hired_on, 5)
    lead.locator("#id_approve-start").fill(start.isoformat())
    lead.locator("#id_approve-end").fill((start + dt.timedelta(days=180)).isoformat())
    lead.locator("#id_approve-hours_per_week").fill("8")
    lead.locator("#id_approve-payee").select_option("employer")
    lead.locator("#id_approve-reason").fill("Betingelserne er opfyldt.")
    lead.get_by_role("button", name=tr(lang, "Approve")).click()
    lead.wait_for_url(f"{server}/compensation/applications/{application.pk}/letter/")
    # The letter goes to the citizen in Danish whatever the caseworker's language, marked so.
    heading(lead, "da", "How to complain")
    assert lead.locator("article.decision-letter").get_attribute("lang") == "da"
    assert_accessible(lead)
    assert Application.objects.get().status == "approved"
    grant = Grant.objects.get()

    # The caseworker sees the grant, the letter and the retention deadlines.
    worker.goto(f"{server}{citizen.get_absolute_url()}")
    schemes = worker.get_by_role("region", name=tr(lang, "Compensation schemes"))
    schemes.get_by_role("link", name=re.compile(scheme_name, re.IGNORECASE)).last.wait_for()
    assert worker.locator(f"a[href='{grant.get_absolute_url()}']").is_visible()
    deadlines = worker.get_by_role("region", name=tr(lang, "Open deadlines"))
    for months in (1, 3, 6):
        assert deadlines.get_by_text(re.compile(rf"\b{months}\b.*{employer.name}")).count() == 1
    assert_accessible(worker)
    worker.goto(f"{server}{grant.get_absolute_url()}")
    assert_accessible(worker)
    worker.goto(f"{server}/compensation/applications/{application.pk}/letter/")
    heading(worker, "da", "How to complain")

    # A reminder arrives: a follow-up falls due today; the reminder pass runs synchronously.
    deadline_create(
        team=team,
        title="Opfølgning Ida Kragh",
        due_at=date_to_deadline(timezone.localdate()),
        kind=DeadlineKind.FOLLOW_UP,
        citizen=citizen,
        owner=caseworker,
    )
    noon = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(12)))
    result = reminders.run_pass(
        now=noon,
        queue=lambda ids: reminder_sending.send_batch(ids) or len(ids),
        queue_digest=lambda user_ids: [reminder_sending.send_digest(u) for u in user_ids],
    )
    assert result.created
    assert Notification.objects.filter(recipient=caseworker).exists()
    worker.goto(f"{server}/")
    bell = worker.locator("#notification-bell")
    bell.locator(".badge").wait_for()
    assert bell.locator(".badge").inner_text().startswith("1")
    bell.click()
    worker.wait_for_url(f"{server}/notifications/")
    assert worker.get_by_role("button", name=re.compile("Opfølgning Ida Kragh")).is_visible()
    assert_accessible(worker)
