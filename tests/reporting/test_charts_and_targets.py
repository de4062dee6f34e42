"""SVG charts, progress toward targets, and the access review."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jobcenter.audit import audit
from jobcenter.models import AuditAction
from reporting.charts import bar_chart
from reporting.figures import FigureData
from reporting.models import Target
from reporting.targets import progress
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_bar_chart_scales_bars_to_the_largest_value():
    data = FigureData(columns=["Team", "Count"], rows=[["A", 10], ["B", 5], ["C", None]])

    chart = bar_chart(data)

    widths = [group.bars[0].width for group in chart["groups"]]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert chart["summary"] == "A: Count 10; B: Count 5; C: Count —"


def test_bar_chart_of_an_empty_table_is_none():
    assert bar_chart(FigureData(columns=["Team", "Count"], rows=[])) is None
    assert bar_chart(FigureData(columns=["A"], rows=[["x"]], chart=None)) is None


def test_progress_of_a_count_target_is_cumulative_per_month(jobcenter, team):
    for day in ("2025-01-10", "2025-01-20", "2025-03-01", "2025-12-31"):
        CitizenFactory(team=team, first_contact_date=day)
    CitizenFactory(team=team, first_contact_date="2024-12-31")  # other year
    target = Target.objects.create(
        jobcenter=jobcenter, year=2025, metric="first_contacts", value=Decimal("12")
    )

    data = progress(target, today=dt.date(2026, 2, 1))

    # month, in month, so far, target pro rata (12 / 12 per month), share of the year's 12
    assert data.rows[0][1:] == [2, 2, 1.0, 16.7]
    assert data.rows[1][1:] == [0, 2, 2.0, 16.7]
    assert data.rows[2][1:] == [1, 3, 3.0, 25.0]
    assert data.rows[11][1:] == [1, 4, 12.0, 33.3]
    assert len(data.rows) == 12


def test_progress_stops_at_the_current_month(jobcenter):
    target = Target.objects.create(jobcenter=jobcenter, year=2026, metric="first_contacts", value=5)
    assert len(progress(target, today=dt.date(2026, 3, 15)).rows) == 3


def test_target_metric_must_be_known(jobcenter):
    target = Target(jobcenter=jobcenter, year=2026, metric="nonsense", value=1)
    with pytest.raises(ValidationError):
        target.full_clean()


def test_targets_page_shows_own_jobcenter_only(client, team_lead, outsider, jobcenter):
    year = timezone.localdate().year
    Target.objects.create(jobcenter=jobcenter, year=year, metric="first_contacts", value=10)
    client.force_login(team_lead)
    response = client.get(reverse("report_targets"))
    assert response.status_code == 200 and len(response.context["progress"]) == 1
    client.force_login(outsider)
    assert client.get(reverse("report_targets")).context["progress"] == []


def test_targets_page_is_for_team_leads(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("report_targets")).status_code == 403


def _read_at(user, citizen, when):
    event = audit(action=AuditAction.VIEW, user=user, citizen=citizen)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE jobcenter_auditevent DISABLE TRIGGER USER")
        cursor.execute("UPDATE jobcenter_auditevent SET at = %s WHERE id = %s", [when, event.pk])
        cursor.execute("ALTER TABLE jobcenter_auditevent ENABLE TRIGGER USER")


def test_access_review_lists_unusual_reads(client, superuser, caseworker, caseworker2, team):
    own = CitizenFactory(team=team, caseworker=caseworker)
    others = [CitizenFactory(team=team, caseworker=caseworker2) for _ in range(3)]
    tz = timezone.get_current_timezone()
    weekday_noon = dt.datetime(2026, 3, 4, 12, tzinfo=tz)  # a Wednesday
    for citizen in others:
        _read_at(caseworker, citizen, weekday_noon)
    _read_at(caseworker, own, weekday_noon)
    _read_at(caseworker2, others[0], dt.datetime(2026, 3, 4, 22, 30, tzinfo=tz))  # late
    _read_at(caseworker2, others[1], dt.datetime(2026, 3, 7, 10, tzinfo=tz))  # Saturday
    _read_at(caseworker2, others[2], dt.datetime(2026, 3, 5, 5, 59, tzinfo=tz))  # early
    _read_at(caseworker2, others[2], dt.datetime(2026, 3, 5, 6, 0, tzinfo=tz))  # fine
    client.force_login(superuser)

    response = client.get(
        reverse("access_review"), {"start": "2026-03-01", "end": "2026-03-31", "threshold": 2}
    )

    assert response.status_code == 200
    outside = {row["username"]: row["citizens"] for row in response.context["outside"]}
    assert outside == {"caseworker": 3}
    odd = {row["username"]: row["reads"] for row in response.context["odd"]}
    assert odd == {"caseworker2": 3}


def test_access_review_is_staff_only(client, team_lead):
    client.force_login(team_lead)
    assert client.get(reverse("access_review")).status_code == 403
