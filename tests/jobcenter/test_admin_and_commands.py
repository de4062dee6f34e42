import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import override_settings

from jobcenter.models import Citizen, Membership, User
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_staff_without_superuser_see_only_their_teams_in_admin(client, team, other_team):
    staff = User.objects.create_user("staff", password="x", is_staff=True)
    Membership.objects.create(user=staff, team=team, role="team_lead")
    staff.user_permissions.add(Permission.objects.get(codename="view_citizen"))
    mine = CitizenFactory(team=team)
    CitizenFactory(team=other_team)
    client.force_login(staff)
    response = client.get("/admin/jobcenter/citizen/")
    assert response.status_code == 200
    assert [c.pk for c in response.context["cl"].queryset] == [mine.pk]


@override_settings(DEBUG=True)
def test_seed_demo_is_idempotent():
    call_command("seed_demo", citizens=12, stdout=_Null(), stderr=_Null())
    call_command("seed_demo", citizens=12, stdout=_Null(), stderr=_Null())
    assert Citizen.objects.count() == 12
    assert set(User.objects.values_list("username", flat=True)) >= {
        "caseworker1",
        "caseworker2",
        "consultant1",
        "lead1",
        "lead2",
        "admin",
    }
    assert User.objects.get(username="caseworker1").check_password("demo-password-1")


def test_seed_demo_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", citizens=1)


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_preflight_says_how_to_start_an_unreachable_redis():
    with pytest.raises(CommandError, match="redis-server --daemonize yes"):
        call_command("preflight", no_create=True, stdout=_Null())


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
