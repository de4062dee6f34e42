"""factory_boy factories with Danish fake data.

CPR numbers come from ``fake_cpr``: valid in form, no real person's.
"""

import datetime as dt
import random

import factory
from django.utils import timezone

from jobcenter.demo import fake_cpr
from jobcenter.models import Citizen, Deadline, Jobcenter, Membership, Role, Team, User

_rng = random.Random(42)


class JobcenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jobcenter

    name = factory.Sequence(lambda n: f"Jobcenter {n}")
    municipality = factory.Sequence(lambda n: f"Kommune {n}")
    # 100-699: never the "751" of the jobcenter fixture, however long the run.
    municipality_code = factory.Sequence(lambda n: f"{100 + n % 600:03d}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    jobcenter = factory.SubFactory(JobcenterFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.dk")
    password = factory.django.Password("pw-for-tests-1")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.CASEWORKER


def member(team: Team, role: str = Role.CASEWORKER, **kwargs) -> User:
    """A user with one membership."""
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, team=team, role=role)
    return user


class CitizenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citizen
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    jobcenter = factory.LazyAttribute(lambda c: c.team.jobcenter)
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    postcode = "8000"
    city = "Aarhus C"
    first_contact_date = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def cpr(obj, create, extracted, **kwargs):
        obj.set_cpr(extracted if extracted is not None else fake_cpr(_rng))
        if create:
            obj.save()


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deadline

    team = factory.SubFactory(TeamFactory)
    title = factory.Sequence(lambda n: f"Opfølgning {n}")
    due_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=1))
