"""Pages of this app (mounted at /matching/ by jobcenter/urls.py)."""

from django.urls import path

from matching.views import employers, matches

urlpatterns = [
    path("employers/", employers.employer_list, name="employer_list"),
    path("employers/new/", employers.employer_create, name="employer_create"),
    path("employers/<int:pk>/", employers.employer_detail, name="employer_detail"),
    path("employers/<int:pk>/edit/", employers.employer_edit, name="employer_edit"),
    path(
        "employers/<int:pk>/contacts/", employers.employer_contact_add, name="employer_contact_add"
    ),
    path(
        "employers/<int:pk>/activity/",
        employers.employer_activity_add,
        name="employer_activity_add",
    ),
    path(
        "employers/<int:pk>/actions/<str:code>/done/",
        employers.employer_action_done,
        name="employer_action_done",
    ),
    path(
        "employers/<int:employer_pk>/vacancies/new/",
        employers.vacancy_create,
        name="vacancy_create",
    ),
    path("vacancies/", employers.vacancy_list, name="vacancy_list"),
    path("vacancies/<int:pk>/", employers.vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:pk>/edit/", employers.vacancy_edit, name="vacancy_edit"),
    path("vacancies/<int:pk>/matches/", matches.vacancy_matches, name="vacancy_matches"),
    path("citizens/<int:citizen_pk>/profile/", matches.profile_edit, name="profile_edit"),
    path("citizens/<int:citizen_pk>/needs/", matches.need_add, name="need_add"),
    path(
        "citizens/<int:citizen_pk>/needs/<str:code>/remove/",
        matches.need_remove,
        name="need_remove",
    ),
    path("citizens/<int:citizen_pk>/matches/", matches.citizen_matches, name="citizen_matches"),
    path(
        "citizens/<int:citizen_pk>/propose/<int:vacancy_pk>/",
        matches.match_propose,
        name="match_propose",
    ),
    path("matches/<int:pk>/", matches.match_detail, name="match_detail"),
    path("matches/<int:pk>/advance/", matches.match_advance, name="match_advance"),
    path(
        "matches/<int:pk>/employment-ended/",
        matches.match_employment_end,
        name="match_employment_end",
    ),
    path(
        "autocomplete/postcodes/", employers.autocomplete_postcodes, name="autocomplete_postcodes"
    ),
    path("autocomplete/skills/", employers.autocomplete_skills, name="autocomplete_skills"),
    path(
        "autocomplete/occupations/",
        employers.autocomplete_occupations,
        name="autocomplete_occupations",
    ),
]
