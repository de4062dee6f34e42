from __future__ import annotations

from django.core.exceptions import ValidationError

from jobcenter.models import Citizen
from jobcenter.permissions import get_visible_or_404, require_perm
from matching.models import Employer, Match, Vacancy


def apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def get_employer_for_user(user, pk: int) -> Employer:
    return get_visible_or_404(Employer.objects.select_related("consultant"), user, pk=pk)


def get_vacancy_for_user(user, pk: int) -> Vacancy:
    return get_visible_or_404(
        Vacancy.objects.select_related("employer", "occupation", "postcode"), user, pk=pk
    )


def get_citizen_for_user(user, pk: int, perm: str = "matching.view_match_profile") -> Citizen:
    citizen = get_visible_or_404(Citizen.objects.select_related("team", "caseworker"), user, pk=pk)
    require_perm(user, perm, citizen)
    return citizen


def get_match_for_user(user, pk: int) -> Match:
    return get_visible_or_404(
        Match.objects.select_related("citizen", "citizen__team", "vacancy", "vacancy__employer"),
        user,
        pk=pk,
    )
