"""The guarded figures computed against stand-in models with the announced field names.

The real models live on other branches; these stand-ins (created for one test and removed
after) check that the SQL runs and the numbers are right. If a real model differs, adjust
the source module in reporting/sources/ and these stand-ins together.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.db import connection, models
from django.utils import timezone

from reporting.figures import Period, ReportScope, compute, get_figure
from reporting.sources.matching import retention
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db
PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
TZ = timezone.get_current_timezone()


def _stand_ins():
    class Meta:
        app_label = "screening"

    screening = type(
        "Screening",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": Meta,
            "citizen": models.ForeignKey("jobcenter.Citizen", models.CASCADE, related_name="+"),
            "status": models.CharField(max_length=20, default="completed"),
            "created_at": models.DateTimeField(),
            "superseded_at": models.DateTimeField(null=True),
            "disability3": models.BooleanField(null=True),
            "answers": models.JSONField(default=dict),
            "outcome": models.JSONField(default=dict),
            "summary": models.CharField(max_length=20, default="unknown"),
        },
    )

    def meta(label):
        return type("Meta", (), {"app_label": label})

    scheme = type(
        "Scheme",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": meta("compensation"),
            "code": models.CharField(max_length=40),
        },
    )
    application = type(
        "Application",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": meta("compensation"),
            "citizen": models.ForeignKey("jobcenter.Citizen", models.CASCADE, related_name="+"),
            "scheme": models.ForeignKey(scheme, models.CASCADE),
            "status": models.CharField(max_length=20, default="submitted"),
            "fast_track": models.BooleanField(default=False),
            "submitted_at": models.DateTimeField(null=True),
            "decided_at": models.DateTimeField(null=True),
            "decision_due": models.DateTimeField(null=True),
        },
    )
    grant = type(
        "Grant",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": meta("compensation"),
            "application": models.ForeignKey(application, models.CASCADE),
        },
    )
    match = type(
        "Match",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": meta("matching"),
            "citizen": models.ForeignKey("jobcenter.Citizen", models.CASCADE, related_name="+"),
            "status": models.CharField(max_length=20, default="proposed"),
            "created_at": models.DateTimeField(),
            "hired_on": models.DateField(null=True),
            "employment_ended_on": models.DateField(null=True),
        },
    )
    return {
        "screening": screening,
        "scheme": scheme,
        "application": application,
        "grant": grant,
        "match": match,
    }


@pytest.fixture
def stand_ins(db):
    existing = [
        (label, name)
        for label, name in (
            ("screening", "screening"),
            ("compensation", "scheme"),
            ("compensation", "application"),
            ("compensation", "grant"),
            ("matching", "match"),
        )
        if name in apps.all_models[label]
    ]
    if existing:
        pytest.skip(f"the real models are installed: {existing}")
    created = _stand_ins()
    with connection.schema_editor() as editor:
        for model in created.values():
            editor.create_model(model)
    yield created
    for model in created.values():
        apps.all_models[model._meta.app_label].pop(model._meta.model_name, None)
    apps.clear_cache()


def at(day, hour=10):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TZ)


def test_screened_within_14_days_and_disability3(stand_ins, team, other_team):
    Screening = stand_ins["screening"]
    first = dt.date(2026, 2, 2)
    in_time = CitizenFactory(team=team, first_contact_date=first)
    Screening.objects.create(
        citizen=in_time, created_at=at(first + dt.timedelta(days=14), 23), disability3=True
    )
    late = CitizenFactory(team=team, first_contact_date=first)
    Screening.objects.create(citizen=late, created_at=at(first + dt.timedelta(days=15), 1))
    declined = CitizenFactory(team=team, first_contact_date=first)
    Screening.objects.create(citizen=declined, created_at=at(first), status="declined")
    superseded = CitizenFactory(team=team, first_contact_date=first)  # identified earlier only
    Screening.objects.create(
        citizen=superseded, created_at=at(first), disability3=True, superseded_at=at(first, 12)
    )
    Screening.objects.create(citizen=superseded, created_at=at(first, 12), disability3=False)
    CitizenFactory(team=team, first_contact_date=first)  # not screened
    old = CitizenFactory(team=team, first_contact_date=dt.date(2025, 6, 1))
    Screening.objects.create(citizen=old, created_at=at(dt.date(2025, 6, 2)))

    data = compute(get_figure("screened_within_14_days"), ReportScope([team, other_team], PERIOD))

    # 5 first contacts; 2 screened in time (40 %); 1 identified now (20 %).
    assert data.rows == [["Team 1", 5, 2, 40.0, 1, 20.0], ["Team 2", 0, 0, None, 0, None]]


def test_screenings_are_in_the_citizens_data(stand_ins, citizen):
    from reporting import gdpr

    stand_ins["screening"].objects.create(
        citizen=citizen, created_at=at(dt.date(2026, 2, 2)), answers={"seeing": "a_lot"}
    )

    sections = {section["key"]: section["data"] for section in gdpr.export(citizen)}

    assert sections["screenings"][0]["answers"] == {"seeing": "a_lot"}


def test_applications_grants_and_decision_times(stand_ins, team):
    Scheme, Application, Grant = (stand_ins[k] for k in ("scheme", "application", "grant"))
    mentor, aids = (
        Scheme.objects.create(code="mentor"),
        Scheme.objects.create(code="assistive_aids"),
    )
    citizen = CitizenFactory(team=team)
    monday = dt.date(2026, 3, 2)

    def application(scheme, fast_track, decided_days, due_days):
        return Application.objects.create(
            citizen=citizen,
            scheme=scheme,
            fast_track=fast_track,
            submitted_at=at(monday),
            decided_at=at(monday + dt.timedelta(days=decided_days))
            if decided_days is not None
            else None,
            decision_due=at(monday + dt.timedelta(days=due_days), 16),
        )

    Grant.objects.create(application=application(mentor, False, 2, 14))  # 2 working days, in time
    application(mentor, False, 7, 3)  # Monday to Monday: 5 working days, late
    Grant.objects.create(application=application(aids, True, 1, 2))  # 1 working day, in time
    application(aids, True, None, 2)  # undecided
    scope = ReportScope([team], PERIOD)

    per_scheme = compute(get_figure("applications_per_scheme"), scope)
    times = compute(get_figure("decision_times"), scope)

    assert per_scheme.rows == [["assistive_aids", 2, 1, 50.0], ["mentor", 2, 1, 50.0]]
    assert times.rows == [["Almindelig", 2, 3.5, 50.0], ["Hurtigspor", 1, 1.0, 100.0]]


def test_matching_pipeline_and_retention(stand_ins, team):
    Match = stand_ins["match"]
    citizen = CitizenFactory(team=team)
    created = at(dt.date(2026, 2, 1))
    Match.objects.create(citizen=citizen, created_at=created)
    Match.objects.create(citizen=citizen, created_at=created, status="interview")
    Match.objects.create(
        citizen=citizen, created_at=created, status="hired", hired_on=dt.date(2026, 1, 10)
    )
    Match.objects.create(  # hired in the period, ended after 2 months
        citizen=citizen,
        created_at=at(dt.date(2025, 12, 1)),
        status="hired",
        hired_on=dt.date(2026, 1, 5),
        employment_ended_on=dt.date(2026, 3, 5),
    )
    Match.objects.create(  # hired too recently to count at 3 months
        citizen=citizen, created_at=created, status="hired", hired_on=dt.date(2026, 6, 1)
    )
    scope = ReportScope([team], PERIOD)

    pipeline = compute(get_figure("matching_pipeline"), scope)
    kept = retention(scope, today=dt.date(2026, 7, 20))

    # Proposed in the period: 4; of those at interview or hired: 3; hired in the period: 3.
    assert pipeline.rows == [["Team 1", 4, 3, 3]]
    # 3 months: hirings on or before 20 April: 2, one kept. 6 months: before 20 January: 2.
    assert kept.rows[0][1:] == [2, 1, 50.0]
    assert kept.rows[1][1:] == [2, 1, 50.0]
