"""Report pages: who sees them, team scope, exports (audited, scoped), query counts."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from jobcenter.models import AuditAction, AuditEvent
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}


def _citizens(team, other_team, n):
    for _ in range(n):
        CitizenFactory(team=team, first_contact_date=dt.date(2026, 3, 1))
    CitizenFactory(team=other_team, first_contact_date=dt.date(2026, 3, 1))


def test_team_lead_sees_the_report_with_charts_and_tables(client, team_lead, team, other_team):
    _citizens(team, other_team, 2)
    client.force_login(team_lead)

    response = client.get(reverse("report"), PERIOD)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "<desc" in html and "<caption" in html
    keys = [item["figure"].key for item in response.context["figures"]]
    assert {"first_contacts", "caseload", "overdue_deadlines", "employer_inclusion"} <= set(keys)
    # By default a team lead sees the teams they lead.
    assert [team.name for team in response.context["scope"].teams] == ["Team 1"]


def test_team_lead_may_choose_the_jobcenter_wide_view(client, team_lead, team, other_team):
    client.force_login(team_lead)

    response = client.get(reverse("report"), {**PERIOD, "teams": [team.pk, other_team.pk]})

    assert [t.name for t in response.context["scope"].teams] == ["Team 1", "Team 2"]


def test_caseworker_and_consultant_get_403(client, caseworker, consultant):
    for user in (caseworker, consultant):
        client.force_login(user)
        assert client.get(reverse("report")).status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(reverse("report")).status_code == 302


def test_post_is_not_allowed(client, team_lead):
    client.force_login(team_lead)
    assert client.post(reverse("report")).status_code == 405


def test_invalid_period_falls_back_to_default_with_message(client, team_lead):
    client.force_login(team_lead)

    response = client.get(reverse("report"), {"start": "2026-12-31", "end": "2026-01-01"})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_csv_export_is_audited_and_scoped(client, team_lead, team, other_team):
    _citizens(team, other_team, 2)
    client.force_login(team_lead)

    url = reverse("report_figure_export", args=["first_contacts", "csv"])
    response = client.get(url, PERIOD)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Team", "Førstegangskontakter"], ["Team 1", "2"]]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.user == team_lead
    assert event.detail["figure"] == "first_contacts" and event.detail["teams"] == [team.pk]


def test_outsider_cannot_export_another_jobcenters_team(client, outsider, team, other_team):
    _citizens(team, other_team, 2)
    client.force_login(outsider)

    url = reverse("report_figure_export", args=["first_contacts", "xlsx"])
    response = client.get(url, {**PERIOD, "teams": [team.pk]})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Team 1" not in names and "Team 2" not in names
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, user=outsider).count() == 1


def test_xlsx_export_has_the_numbers(client, superuser, team, other_team):
    _citizens(team, other_team, 3)
    client.force_login(superuser)

    url = reverse("report_figure_export", args=["first_contacts", "xlsx"])
    response = client.get(url, PERIOD)

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Team", "Førstegangskontakter")
    assert ("Team 1", 3) in rows and ("Team 2", 1) in rows


def test_export_of_unknown_figure_or_type_is_404(client, team_lead):
    client.force_login(team_lead)
    assert client.get(reverse("report_figure_export", args=["nope", "csv"])).status_code == 404
    url = reverse("report_figure_export", args=["first_contacts", "pdf"])
    assert client.get(url).status_code == 404


def test_export_forbidden_for_caseworker(client, caseworker):
    client.force_login(caseworker)
    url = reverse("report_figure_export", args=["first_contacts", "csv"])
    assert client.get(url).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_report_query_count_is_constant_in_citizens(
    client, team_lead, team, other_team, caseworker, django_assert_num_queries
):
    # session, user, the user's memberships (read once), the team choices; one query per
    # figure: first contacts, screening, applications, grants, decision times (two),
    # matches, retention, employers (and their jobcenters), caseload (counts, broker
    # names), overdue; the team choices' cursor; the session save (savepoint, update, release).
    client.force_login(team_lead)
    for size in (1, 15):
        for _ in range(size):
            CitizenFactory(team=team, caseworker=caseworker, first_contact_date=dt.date(2026, 5, 1))
        CitizenFactory(team=other_team, first_contact_date=dt.date(2026, 3, 1))
        with django_assert_num_queries(21):
            assert client.get(reverse("report"), PERIOD).status_code == 200


def test_csv_cells_never_start_a_formula():
    from reporting.exports import to_csv
    from reporting.figures import FigureData

    content = to_csv(FigureData(columns=["Team"], rows=[["=HYPERLINK(1)"], ["-"], [5]]))

    assert content.decode("utf-8-sig").splitlines() == ["Team", "'=HYPERLINK(1)", "'-", "5"]


def test_targets_query_count_is_constant_in_citizens(
    client, team_lead, team, jobcenter, django_assert_num_queries
):
    from reporting.models import Target

    year = dt.date.today().year
    Target.objects.create(jobcenter=jobcenter, year=year, metric="first_contacts", value=10)
    client.force_login(team_lead)
    # session, user, the user's memberships (read once for permissions, jobcenters and the
    # navigation), the user's jobcenters (targets visible), the targets, one query per
    # target's monthly counts, session save (savepoint, update, release).
    for size in (1, 12):
        for _ in range(size):
            CitizenFactory(team=team, first_contact_date=dt.date(year, 1, 2))
        with django_assert_num_queries(9):
            assert client.get(reverse("report_targets")).status_code == 200


def test_xlsx_sheet_title_is_made_valid():
    from reporting.exports import to_xlsx
    from reporting.figures import FigureData

    content = to_xlsx(FigureData(columns=["A"], rows=[[1]]), "Mål: 2026/27 [alle]?")

    assert load_workbook(io.BytesIO(content)).active.title == "Mål  2026 27  alle"
