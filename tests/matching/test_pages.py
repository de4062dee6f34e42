"""Pages: employers, vacancies, profile, ranking, pipeline; and who sees what."""

import pytest
from django.urls import reverse

from jobcenter.models import AuditEvent
from matching.models import Employer, Match, MatchProfile, Vacancy
from tests.factories import CitizenFactory
from tests.matching.factories import EmployerFactory, VacancyFactory, profile_for


def test_consultant_registers_employer_and_vacancy(client, consultant, jobcenter):
    client.force_login(consultant)
    response = client.post(
        reverse("employer_create"),
        {
            "cvr": "13585628",
            "name": "Bageriet ApS",
            "sector": "private",
            "open_to_hiring": "true",
            "needs_accommodation_help": "on",
        },
    )
    employer = Employer.objects.get()
    assert response.status_code == 302
    page = client.get(employer.get_absolute_url())
    assert "Offer help arranging accommodation" in page.content.decode() or page.status_code == 200
    response = client.post(
        reverse("vacancy_create", args=[employer.pk]),
        {
            "title": "Bager",
            "occupation": "7512 Bagere og konditorer",
            "hours_min": 20,
            "hours_max": 37,
            "postcode": "8000 Aarhus C",
            "positions": 1,
            "status": "open",
            "required_skills": "bagning, 11",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    vacancy = Vacancy.objects.get()
    assert vacancy.occupation_id == "7512"
    assert vacancy.required_skills == [11, 16]
    assert vacancy.latitude is not None
    assert client.get(vacancy.get_absolute_url()).status_code == 200


def test_bad_cvr_on_the_page(client, consultant, jobcenter):
    client.force_login(consultant)
    response = client.post(
        reverse("employer_create"), {"cvr": "13585627", "name": "X", "sector": "private"}
    )
    assert response.status_code == 200
    assert "cvr" in response.context["form"].errors


def test_caseworker_cannot_register_employers(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("employer_create")).status_code == 403


def test_next_action_done_is_recorded(client, consultant, jobcenter):
    employer = EmployerFactory(jobcenter=jobcenter, knows_schemes=False)
    client.force_login(consultant)
    url = reverse("employer_action_done", args=[employer.pk, "send_scheme_guide"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert employer.actions.get().code == "send_scheme_guide"
    client.post(url)  # twice: a message, not an error
    assert employer.actions.count() == 1
    client.post(
        reverse("employer_activity_add", args=[employer.pk]),
        {"kind": "call", "text": "Ringede til HR"},
    )
    assert employer.activities.filter(kind="call").exists()


def test_employer_of_another_jobcenter_is_404(client, outsider, jobcenter):
    employer = EmployerFactory(jobcenter=jobcenter)
    client.force_login(outsider)
    assert client.get(employer.get_absolute_url()).status_code == 404


def test_caseworker_edits_profile_and_takes_a_match_to_hired(
    client, caseworker, citizen, jobcenter
):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    client.force_login(caseworker)
    response = client.post(
        reverse("profile_edit", args=[citizen.pk]),
        {
            "occupations": ["9333"],
            "skills": "Lagerstyring, Truckkørsel",
            "hours_min": 20,
            "hours_max": 37,
            "max_commute_km": 30,
        },
    )
    assert response.status_code == 302
    assert MatchProfile.objects.get(citizen=citizen).skills == [4, 5]
    client.post(reverse("need_add", args=[citizen.pk]), {"code": "extra_breaks", "necessary": "on"})
    page = client.get(reverse("citizen_matches", args=[citizen.pk]))
    assert page.status_code == 200
    assert page.context["rows"] == []  # extra breaks are necessary and not offered
    client.post(reverse("need_remove", args=[citizen.pk, "extra_breaks"]))
    page = client.get(reverse("citizen_matches", args=[citizen.pk]))
    assert [row["vacancy"] for row in page.context["rows"]] == [vacancy]
    assert "Dækker 2 af 3 krævede kompetencer" in page.content.decode()
    client.post(reverse("match_propose", args=[citizen.pk, vacancy.pk]))
    match = Match.objects.get()
    for status in ("contacted", "interview", "hired"):
        response = client.post(reverse("match_advance", args=[match.pk]), {"status": status})
        assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == "hired"
    assert client.get(match.get_absolute_url()).status_code == 200
    bad = client.post(reverse("match_advance", args=[match.pk]), {"status": "contacted"})
    assert bad.status_code == 400


def test_consultant_sees_profile_and_matches_but_cannot_change_the_profile(
    client, consultant, citizen, jobcenter
):
    profile_for(citizen)
    VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    client.force_login(consultant)
    page = client.get(reverse("profile_edit", args=[citizen.pk]))
    assert page.status_code == 200
    assert page.context["can_change"] is False
    assert (
        "<form" not in page.content.decode().split('id="wishes-heading"')[1].split("</section>")[0]
    )
    assert client.get(reverse("citizen_matches", args=[citizen.pk])).status_code == 200
    response = client.post(
        reverse("profile_edit", args=[citizen.pk]),
        {"hours_min": 1, "hours_max": 2, "max_commute_km": 5},
    )
    assert response.status_code == 403
    assert (
        client.post(reverse("need_add", args=[citizen.pk]), {"code": "mentor"}).status_code == 403
    )
    # Consultants never get the health-data permission (screening answers).
    assert not consultant.has_perm("jobcenter.view_health_data", citizen)
    assert AuditEvent.objects.filter(user=consultant, citizen=citizen, action="view").exists()


def test_other_team_cannot_see_the_profile(client, other_lead, citizen):
    profile_for(citizen)
    client.force_login(other_lead)
    assert client.get(reverse("profile_edit", args=[citizen.pk])).status_code == 404


def test_autocomplete(client, caseworker):
    client.force_login(caseworker)
    body = client.get(reverse("autocomplete_postcodes"), {"postcode": "80"}).content.decode()
    assert "8000 Aarhus C" in body
    body = client.get(reverse("autocomplete_occupations"), {"occupation": "bager"}).content.decode()
    assert "7512" in body
    body = client.get(reverse("autocomplete_skills"), {"skills": "Kundeservice, kasse"}).content
    assert "Kundeservice, Kassebetjening" in body.decode()


def test_unknown_skill_is_a_form_error(client, caseworker, citizen):
    client.force_login(caseworker)
    response = client.post(
        reverse("profile_edit", args=[citizen.pk]),
        {
            "skills": "Lagerstyring, Tryllekunst",
            "hours_min": 20,
            "hours_max": 37,
            "max_commute_km": 30,
        },
    )
    assert response.status_code == 200
    assert "Tryllekunst" in str(response.context["form"].errors["skills"])


@pytest.mark.parametrize("rows", [2, 10])
def test_vacancy_ranking_page_query_count(
    client, consultant, team, jobcenter, rows, django_assert_num_queries
):
    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter))
    for _ in range(rows):
        profile_for(CitizenFactory(team=team))
    client.force_login(consultant)
    # session, user, team ids, jobcenter ids, vacancy, ranking (one statement), re-check of
    # the citizens, citizens with teams, proposed ones, audit, session save, and two more
    # from the navigation and messages: constant in the number of rows.
    with django_assert_num_queries(13):
        response = client.get(reverse("vacancy_matches", args=[vacancy.pk]))
    assert len(response.context["rows"]) == rows


@pytest.mark.parametrize("rows", [2, 10])
def test_employer_list_query_count(client, consultant, jobcenter, rows, django_assert_num_queries):
    EmployerFactory.create_batch(rows, jobcenter=jobcenter)
    client.force_login(consultant)
    # session, user, memberships (read once), jobcenter ids, count, page, and the session
    # save (savepoint, update, release): constant in the number of rows.
    with django_assert_num_queries(9):
        response = client.get(reverse("employer_list"))
    assert len(response.context["page"]) == rows


def test_citizen_page_section_timeline_and_consultant_dashboard(
    client, caseworker, consultant, citizen, jobcenter
):
    from matching import services

    vacancy = VacancyFactory(employer=EmployerFactory(jobcenter=jobcenter, consultant=consultant))
    profile_for(citizen)
    services.match_propose(citizen=citizen, vacancy=vacancy, proposed_by=caseworker)
    client.force_login(caseworker)
    body = client.get(citizen.get_absolute_url()).content.decode()
    assert "Jobmatch" in body
    assert vacancy.title in body
    assert "Match foreslået" in body  # the timeline entry
    client.force_login(consultant)
    body = client.get(reverse("dashboard")).content.decode()
    assert "Åbne forslag til mine virksomheder" in body
    assert citizen.full_name in body
