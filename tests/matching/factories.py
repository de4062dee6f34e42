"""Factories for matching: employers (valid CVRs), vacancies and match profiles."""

import random

import factory

from matching.demo import fake_cvr
from matching.models import Employer, MatchProfile, Vacancy

_rng = random.Random(11)


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    cvr = factory.LazyFunction(lambda: fake_cvr(_rng))
    name = factory.Faker("company", locale="da_DK")
    postcode = "8000"
    open_to_hiring = True
    knows_schemes = True
    knows_social_chapters = True


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    employer = factory.SubFactory(EmployerFactory)
    title = "Lagermedarbejder"
    occupation_id = "9333"
    required_skills = factory.LazyFunction(lambda: [4, 5, 6])
    hours_min = 20
    hours_max = 37
    postcode_id = "8000"


def profile_for(citizen, **fields) -> MatchProfile:
    values = {
        "occupations": ["9333"],
        "skills": [4, 5],
        "hours_min": 20,
        "hours_max": 37,
        "max_commute_km": 30,
        **fields,
    }
    return MatchProfile.objects.create(citizen=citizen, **values)
