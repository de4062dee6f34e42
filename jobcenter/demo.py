"""Demo and benchmark data that looks Danish and never holds a real person's CPR number."""

from __future__ import annotations

import datetime as dt
import random

from django.conf import settings
from django.utils import timezone
from faker import Faker

from jobcenter.models import (
    BenefitPeriod,
    BenefitType,
    Citizen,
    Deadline,
    DeadlineKind,
    Jobcenter,
    Membership,
    Role,
    Team,
    User,
)

DEMO_USERS = [
    # username, first, last, team index, role, superuser
    ("caseworker1", "Mette", "Jensen", 0, Role.CASEWORKER),
    ("caseworker2", "Lars", "Nielsen", 0, Role.CASEWORKER),
    ("consultant1", "Sofie", "Hansen", 0, Role.COMPANY_CONSULTANT),
    ("lead1", "Anders", "Pedersen", 0, Role.TEAM_LEAD),
    ("lead2", "Hanne", "Andersen", 1, Role.TEAM_LEAD),
]
DEMO_POSTCODES = [
    ("8000", "Aarhus C"),
    ("8200", "Aarhus N"),
    ("8210", "Aarhus V"),
    ("8220", "Brabrand"),
    ("8230", "Åbyhøj"),
    ("8240", "Risskov"),
    ("8260", "Viby J"),
    ("8270", "Højbjerg"),
    ("8300", "Odder"),
    ("8380", "Trige"),
]


def fake_cpr(rng: random.Random) -> str:
    """A valid-format CPR number (born 1950–1990) that fails the modulus-11 check.

    Every number the CPR office issued for those birth dates before 2007 passes
    modulus 11, so these belong to no real person, yet our validator accepts them.
    """
    while True:
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
        serial = f"{rng.randrange(0, 4)}{rng.randrange(0, 1000):03d}"
        digits = born.strftime("%d%m%y") + serial
        weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11:
            return digits


def demo_jobcenter() -> tuple[Jobcenter, list[Team]]:
    jobcenter, _ = Jobcenter.objects.get_or_create(
        municipality_code="751",
        defaults={
            "name": "Jobcenter Aarhus",
            "municipality": "Aarhus Kommune",
            "address": "Værkmestergade 15, 8000 Aarhus C",
            "phone": "89 40 20 00",
            "email": "jobcenter@aarhus.dk",
            "website": "https://www.aarhus.dk/jobcenter",
        },
    )
    teams = [
        Team.objects.get_or_create(jobcenter=jobcenter, name=name)[0]
        for name in ("Team 1 – Handicap og job", "Team 2 – Virksomhedsservice")
    ]
    return jobcenter, teams


def demo_users(teams: list[Team], password: str) -> dict[str, User]:
    users = {}
    for username, first, last, team_index, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.dk"},
        )
        user.set_password(password)
        user.save()
        Membership.objects.update_or_create(
            user=user, team=teams[team_index], defaults={"role": role}
        )
        users[username] = user
    admin, _ = User.objects.get_or_create(
        username="admin", defaults={"email": "admin@example.dk", "first_name": "Admin"}
    )
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    users["admin"] = admin
    return users


def demo_citizens(
    jobcenter: Jobcenter, teams: list[Team], brokers: list[User], count: int, progress=None
) -> int:
    """Add citizens until the jobcenter has ``count``; returns how many were created."""
    missing = count - Citizen.objects.filter(jobcenter=jobcenter).count()
    if missing <= 0:
        return 0
    fake = Faker("da_DK")
    rng = random.Random(settings.SECRET_KEY[:8] + str(missing))
    Faker.seed(missing)
    today = dt.date.today()
    # Random CPR numbers collide (about 50 million of them; ~100 repeats in 100,000 draws), and
    # a CPR number is unique per jobcenter: draw again on a repeat.
    used = set(Citizen.objects.filter(jobcenter=jobcenter).values_list("cpr_hash", flat=True))
    batch: list[Citizen] = []
    created = 0
    benefits = [
        BenefitType.CASH_BENEFIT,
        BenefitType.UNEMPLOYMENT_BENEFIT,
        BenefitType.SICKNESS_BENEFIT,
        BenefitType.RESOURCE_PROGRAMME,
        BenefitType.FLEX_JOB_BENEFIT,
    ]
    for index in range(missing):
        postcode, city = rng.choice(DEMO_POSTCODES)
        citizen = Citizen(
            jobcenter=jobcenter,
            team=teams[0] if index % 4 else teams[1],
            caseworker=brokers[index % len(brokers)] if index % 4 else None,
            first_name=fake.first_name(),
            last_name=fake.last_name(),
            email=f"borger{index}@example.dk",
            phone=f"2{rng.randrange(0, 10**7):07d}",
            address=fake.street_address(),
            postcode=postcode,
            city=city,
            benefit_type=rng.choice(benefits),
            first_contact_date=today - dt.timedelta(days=rng.randrange(0, 720)),
        )
        citizen.set_cpr(fake_cpr(rng))
        while citizen.cpr_hash in used:
            citizen.set_cpr(fake_cpr(rng))
        used.add(citizen.cpr_hash)
        batch.append(citizen)
        if len(batch) >= 2000 or index == missing - 1:
            created += _save_citizens(batch)
            if progress:
                progress(len(batch))
            batch = []
    return created


def _save_citizens(batch: list[Citizen]) -> int:
    saved = Citizen.objects.bulk_create(batch, ignore_conflicts=False)
    BenefitPeriod.objects.bulk_create(
        BenefitPeriod(citizen=c, benefit_type=c.benefit_type, start=c.first_contact_date)
        for c in saved
    )
    return len(saved)


def demo_deadlines(brokers: list[User]) -> int:
    """A few follow-ups per broker: one overdue, one today, two later this week or next."""
    if Deadline.objects.filter(kind=DeadlineKind.FOLLOW_UP, owner__in=brokers).exists():
        return 0
    now = timezone.now()
    offsets = [
        dt.timedelta(days=-2),
        dt.timedelta(hours=2),
        dt.timedelta(days=2),
        dt.timedelta(days=9),
    ]
    titles = ["Opfølgningssamtale", "Ring til borgeren", "Send jobplan", "Status på afklaring"]
    created = 0
    for broker in brokers:
        citizens = Citizen.objects.filter(caseworker=broker).order_by("pk")[: len(offsets)]
        for citizen, offset, title in zip(citizens, offsets, titles, strict=False):
            Deadline.objects.create(
                team=citizen.team,
                citizen=citizen,
                owner=broker,
                kind=DeadlineKind.FOLLOW_UP,
                title=title,
                due_at=now + offset,
                subject=citizen,
            )
            created += 1
    return created
