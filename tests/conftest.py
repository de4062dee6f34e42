"""The cast: a caseworker, a second caseworker, a company consultant, a team lead (all of
team 1), a lead of team 2 in the same jobcenter, and an outsider from another jobcenter."""

import os

import pytest

from jobcenter.models import Role
from tests.factories import CitizenFactory, JobcenterFactory, TeamFactory, UserFactory, member

# Playwright runs an event loop in the test thread; Django's ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def jobcenter(db):
    return JobcenterFactory(name="Jobcenter Testby", municipality_code="751")


@pytest.fixture
def team(jobcenter):
    return TeamFactory(jobcenter=jobcenter, name="Team 1")


@pytest.fixture
def other_team(jobcenter):
    return TeamFactory(jobcenter=jobcenter, name="Team 2")


@pytest.fixture
def caseworker(team):
    return member(team, Role.CASEWORKER, username="caseworker")


@pytest.fixture
def caseworker2(team):
    return member(team, Role.CASEWORKER, username="caseworker2")


@pytest.fixture
def consultant(team):
    return member(team, Role.COMPANY_CONSULTANT, username="consultant")


@pytest.fixture
def team_lead(team):
    return member(team, Role.TEAM_LEAD, username="lead")


@pytest.fixture
def other_lead(other_team):
    return member(other_team, Role.TEAM_LEAD, username="lead2")


@pytest.fixture
def outsider(db):
    other = TeamFactory(jobcenter=JobcenterFactory(name="Jobcenter Andetsteds"))
    return member(other, Role.TEAM_LEAD, username="outsider")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def citizen(team, caseworker):
    return CitizenFactory(team=team, caseworker=caseworker, first_name="Karen", last_name="Holm")


@pytest.fixture
def cast(caseworker, consultant, team_lead, other_lead, outsider):
    return {
        "caseworker": caseworker,
        "consultant": consultant,
        "team_lead": team_lead,
        "other_lead": other_lead,
        "outsider": outsider,
    }


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; Playwright's own browser download is impossible here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Danish first, as the product: the browser asks for Danish."""
    return {**browser_context_args, "locale": "da-DK"}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded attachments go to a temporary folder, never the project's private-media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private-media")},
        },
    }
