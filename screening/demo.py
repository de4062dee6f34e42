"""Demo screenings for most demo citizens (idempotent: citizens with a screening are skipped)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from jobcenter.models import Citizen
from screening.models import Questionnaire, Screening, ScreeningStatus
from screening.outcome import DECLINED_OUTCOME, compute_outcome
from screening.services import active_rules

LEVELS = ["none"] * 14 + ["some"] * 4 + ["a_lot"] * 2 + ["cannot", "refused", "dont_know"]
DOMAINS = ("seeing", "hearing", "mobility", "cognition", "self_care", "communication")
NEEDS = ["flexible_hours", "extra_breaks", "quiet_workspace", "adapted_workstation", "mentor"]


def _answers(rng: random.Random) -> dict:
    # Most citizens report no difficulty (STAR: 13 % reported an impairment that mattered).
    levels = LEVELS if rng.random() < 0.35 else ["none"] * 9 + ["some", "dont_know"]
    answers = {domain: rng.choice(levels) for domain in DOMAINS}
    answers["upper_body_lift"] = rng.choice(levels)
    answers["anxiety_frequency"] = rng.choice(["daily", "weekly", "monthly", "never"])
    answers["anxiety_level"] = rng.choice(["a_little", "in_between", "a_lot"])
    answers["impairment_matters"] = rng.choice(["yes", "no", "no"])
    answers["hours_per_week"] = rng.choice([10, 15, 20, 25, 30, 37])
    answers["newly_educated"] = rng.choice(["yes", "no", "no", "no"])
    answers["expects_sickness_absence"] = rng.choice(["yes", "no", "no"])
    answers["seeks_public_jobs"] = rng.choice(["yes", "no"])
    answers["accommodations"] = sorted(rng.sample(NEEDS, rng.randrange(0, 3)))
    answers["consent"] = rng.random() < 0.7
    return answers


def seed(context, options, progress) -> None:
    questionnaire = Questionnaire.objects.current()
    if questionnaire is None:
        return
    rules = active_rules()
    citizens = list(
        Citizen.objects.filter(jobcenter=context["jobcenter"], screenings__isnull=True)
        .select_related("caseworker")
        .order_by("pk")
    )
    fallback = context["users"]["caseworker1"]
    batch = []
    with progress("screenings", len(citizens)) as bar:
        for citizen in citizens:
            bar.update(1)
            # Seeded by the citizen, so a re-run makes the same choice (idempotent).
            rng = random.Random(citizen.pk)
            roll = rng.random()
            if roll < 0.2:
                continue  # not screened (yet)
            at = timezone.make_aware(
                dt.datetime.combine(
                    citizen.first_contact_date + dt.timedelta(days=rng.randrange(0, 25)),
                    dt.time(10, 0),
                )
            )
            at = min(at, timezone.now())
            common = {
                "citizen": citizen,
                "questionnaire": questionnaire,
                "created_by": citizen.caseworker or fallback,
                "created_at": at,
            }
            if roll < 0.27:
                batch.append(
                    Screening(
                        **common,
                        status=ScreeningStatus.DECLINED,
                        outcome=DECLINED_OUTCOME,
                        summary="declined",
                    )
                )
                continue
            answers = _answers(rng)
            outcome = compute_outcome(answers, rules)
            batch.append(
                Screening(
                    **common,
                    status=ScreeningStatus.COMPLETED,
                    answers=answers,
                    outcome=outcome,
                    disability1=outcome["disability1"],
                    disability2=outcome["disability2"],
                    disability3=outcome["disability3"],
                    disability4=outcome["disability4"],
                    summary=outcome["summary"],
                    referral=outcome["next_steps"]["referral"],
                    consent=answers["consent"],
                    accommodations=outcome["next_steps"]["share_accommodations"],
                )
            )
            if len(batch) >= 2000:
                Screening.objects.bulk_create(batch)
                batch = []
    Screening.objects.bulk_create(batch)
