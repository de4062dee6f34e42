"""Demo data for matching: employers with inclusion profiles, vacancies, match profiles.

Idempotent: tops up to the requested counts. Also used by bench/matching_ranking.py for CVRs.
"""

from __future__ import annotations

import random

from faker import Faker

from jobcenter.models import Citizen
from jobcenter.vocab import Accommodation
from matching.models import (
    Employer,
    EmployerConcern,
    MatchProfile,
    Occupation,
    Postcode,
    Skill,
    Vacancy,
)

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
NEARBY = ["8000", "8200", "8210", "8220", "8240", "8260", "8270", "8300", "8380", "8600", "8700"]


def fake_cvr(rng: random.Random) -> str:
    """A CVR number that passes the check digit (weights 2,7,6,5,4,3,2,1; sum divisible by 11)."""
    while True:
        head = f"{rng.randrange(1, 10)}{rng.randrange(0, 10**6):06d}"
        total = sum(int(d) * w for d, w in zip(head, CVR_WEIGHTS[:7], strict=True))
        check = (-total) % 11
        if check < 10:
            return head + str(check)


def seed(context, options, progress) -> None:
    jobcenter = context["jobcenter"]
    consultant = context["users"].get("consultant1")
    rng = random.Random(5)
    fake = Faker("da_DK")
    Faker.seed(5)
    groups = list(Occupation.objects.filter(level=4).values_list("code", flat=True))
    skills = list(Skill.objects.values_list("pk", flat=True))
    postcodes = [code for code in NEARBY if Postcode.objects.filter(pk=code).exists()]
    if not groups or not skills or not postcodes:
        return
    accommodations = Accommodation.values
    missing = options.get("employers", 15) - Employer.objects.filter(jobcenter=jobcenter).count()
    taken = set(Employer.objects.filter(jobcenter=jobcenter).values_list("cvr", flat=True))
    with progress("employers", max(missing, 0)) as bar:
        for _index in range(max(missing, 0)):
            cvr = fake_cvr(rng)
            while cvr in taken:
                cvr = fake_cvr(rng)
            taken.add(cvr)
            Employer.objects.create(
                jobcenter=jobcenter,
                cvr=cvr,
                name=fake.company(),
                sector=rng.choice(["private", "private", "public"]),
                address=fake.street_address(),
                postcode=rng.choice(postcodes),
                employees=rng.choice([5, 12, 40, 120, 800]),
                consultant=consultant,
                open_to_hiring=rng.choice([True, True, None, False]),
                knows_schemes=rng.random() < 0.3,
                knows_social_chapters=rng.random() < 0.25,
                needs_accommodation_help=rng.random() < 0.4,
                concerns=rng.sample(EmployerConcern.values, rng.randrange(0, 3)),
                offered_accommodations=rng.sample(accommodations, rng.randrange(0, 5)),
            )
            bar.update(1)
    employers = list(Employer.objects.filter(jobcenter=jobcenter))
    missing = (
        options.get("vacancies", 30) - Vacancy.objects.filter(employer__jobcenter=jobcenter).count()
    )
    titles = dict(Occupation.objects.filter(pk__in=groups).values_list("code", "title_da"))
    with progress("vacancies", max(missing, 0)) as bar:
        batch: list[Vacancy] = []
        for index in range(max(missing, 0)):
            code = rng.choice(groups)
            low = rng.choice([10, 15, 20, 25, 30, 37])
            batch.append(
                Vacancy(
                    employer=rng.choice(employers),
                    title=titles[code],
                    occupation_id=code,
                    required_skills=rng.sample(skills, rng.randrange(1, 5)),
                    wanted_skills=rng.sample(skills, rng.randrange(0, 3)),
                    hours_min=low,
                    hours_max=max(low, rng.choice([20, 30, 37])),
                    flex_job_possible=rng.random() < 0.3,
                    postcode_id=rng.choice(postcodes),
                    accommodations=rng.sample(accommodations, rng.randrange(0, 4)),
                )
            )
            # In batches: one INSERT per 1000 rows instead of two queries per row.
            if len(batch) >= 1000 or index == missing - 1:
                Vacancy.objects.bulk_create(batch)
                bar.update(len(batch))
                batch = []
    citizens = Citizen.objects.filter(jobcenter=jobcenter, match_profile__isnull=True)
    for citizen in citizens[:500]:
        MatchProfile.objects.create(
            citizen=citizen,
            occupations=rng.sample(groups, 2),
            skills=rng.sample(skills, rng.randrange(2, 8)),
            hours_min=rng.choice([10, 15, 20]),
            hours_max=rng.choice([25, 30, 37]),
            max_commute_km=rng.choice([10, 20, 30, 50]),
            flex_job_eligible=rng.random() < 0.2,
        )
