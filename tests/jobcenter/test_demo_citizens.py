"""The demo seeder survives repeated random CPR numbers (they are unique per jobcenter)."""

import random

import pytest

from jobcenter import demo
from jobcenter.models import Citizen


@pytest.mark.django_db
def test_a_repeated_random_cpr_is_drawn_again(monkeypatch, jobcenter, team, other_team, caseworker):
    rng = random.Random(1)
    first, second, third = (demo.fake_cpr(rng) for _ in range(3))
    draws = iter([first, first, second, first, third])
    monkeypatch.setattr(demo, "fake_cpr", lambda _rng: next(draws))

    assert demo.demo_citizens(jobcenter, [team, other_team], [caseworker], 3) == 3

    assert Citizen.objects.filter(jobcenter=jobcenter).values("cpr_hash").distinct().count() == 3
