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


SEEDED_APPS = ("jobcenter", "screening", "compensation", "matching", "reporting")
# Filled once per run. A module global, not an attribute of the connection: browser tests may
# get another connection object (Playwright's greenlets), which would not carry it.
_seed_contents: list[str] = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep what our data migrations wrote (schemes, questionnaire, reference data, reminder
    stages), so that tests after a transactional test's flush can have it back."""
    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        _seed_contents[:] = [
            serializers.serialize("json", model._default_manager.order_by("pk"))
            for app in SEEDED_APPS
            for model in apps.get_app_config(app).get_models()
            if model._default_manager.exists()
        ]


@pytest.fixture(autouse=True)
def seed_data_after_flush(request):
    """Transactional tests (browser, worker, races) start from the migrated content."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        return
    from django.core import serializers

    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType

    from compensation.models import Scheme

    # A flush re-creates the content types with new ids; forget the cached ones.
    ContentType.objects.clear_cache()
    if not Scheme.objects.exists():
        for contents in _seed_contents:
            for item in serializers.deserialize("json", contents):
                item.save()
