"""Reads for matching pages and the API."""

from __future__ import annotations

from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from jobcenter.models import Citizen, User
from matching.models import (
    Employer,
    EmployerAction,
    Match,
    MatchProfile,
    MatchStatus,
    Occupation,
    Skill,
    Vacancy,
)
from matching.scoring import CitizenFeatures, MatchResult, VacancyFeatures, score_match


def citizen_features(profile: MatchProfile) -> CitizenFeatures:
    return CitizenFeatures(
        skills=frozenset(profile.skills),
        occupation_groups=frozenset(profile.occupation_groups),
        excluded_groups=frozenset(profile.excluded_groups),
        excluded_employers=frozenset(profile.excluded_employers),
        hours_min=profile.hours_min,
        hours_max=profile.hours_max,
        max_commute_km=profile.max_commute_km,
        flex_job_eligible=profile.flex_job_eligible,
        needs_mask=profile.needs_mask,
        necessary_mask=profile.necessary_mask,
        latitude=profile.latitude,
        longitude=profile.longitude,
    )


def vacancy_features(vacancy: Vacancy) -> VacancyFeatures:
    return VacancyFeatures(
        employer_id=vacancy.employer_id,
        occupation_group=vacancy.occupation_group,
        occupation_title=vacancy.occupation.title if vacancy.occupation_id else "",
        required_skills=frozenset(vacancy.required_skills),
        wanted_skills=frozenset(vacancy.wanted_skills),
        hours_min=vacancy.hours_min,
        hours_max=vacancy.hours_max,
        flex_job_possible=vacancy.flex_job_possible,
        offered_mask=vacancy.accommodation_mask | vacancy.employer.offered_mask,
        readiness=vacancy.employer.readiness,
        latitude=vacancy.latitude,
        longitude=vacancy.longitude,
        is_open=vacancy.is_open,
    )


def score_pair(profile: MatchProfile, vacancy: Vacancy) -> MatchResult:
    return score_match(citizen_features(profile), vacancy_features(vacancy))


def employer_list(*, user: User, query: str = "") -> QuerySet[Employer]:
    employers = Employer.objects.visible_to(user).select_related("consultant")
    query = (query or "").strip()
    if query:
        if query.isdigit():
            employers = employers.filter(cvr__startswith=query)
        else:
            employers = employers.filter(name__icontains=query)
    return employers.order_by("name", "pk")


def employer_next_actions(employer: Employer) -> list[dict]:
    """Proposed actions with the record of when they were done (if they were)."""
    done = {action.code: action for action in employer.actions.select_related("done_by")}
    labels = dict(EmployerAction._meta.get_field("code").choices)
    return [
        {"code": code, "label": labels[code], "done": done.get(code)}
        for code in employer.proposed_actions()
    ]


def vacancy_list(*, user: User, employer: Employer | None = None, status: str = ""):
    vacancies = Vacancy.objects.visible_to(user).select_related(
        "employer", "occupation", "postcode"
    )
    if employer is not None:
        vacancies = vacancies.filter(employer=employer)
    if status:
        vacancies = vacancies.filter(status=status)
    return vacancies


def skills_by_id(ids) -> dict[int, Skill]:
    return {skill.pk: skill for skill in Skill.objects.filter(pk__in=list(ids))}


def profile_for(citizen: Citizen) -> MatchProfile | None:
    return (
        MatchProfile.objects.filter(citizen=citizen)
        .prefetch_related("needs")
        .select_related("citizen")
        .first()
    )


def occupation_titles(codes) -> list[Occupation]:
    return list(Occupation.objects.filter(code__in=list(codes)))


def match_list(*, user: User, citizen: Citizen | None = None, vacancy: Vacancy | None = None):
    matches = Match.objects.visible_to(user).select_related(
        "citizen", "vacancy", "vacancy__employer"
    )
    if citizen is not None:
        matches = matches.filter(citizen=citizen)
    if vacancy is not None:
        matches = matches.filter(vacancy=vacancy)
    return matches.prefetch_related(Prefetch("steps"))


def _scheme_names(codes: list[str]) -> dict[str, str]:
    """The schemes' names in the current language (compensation's), by code; none without it."""
    try:
        scheme_model = apps.get_model("compensation", "Scheme")
    except LookupError:
        return {}
    return {scheme.code: scheme.name for scheme in scheme_model.objects.filter(code__in=codes)}


def fast_track_links(match: Match) -> list[dict]:
    """Links to a fast-track application for each scheme the screening suggested."""
    if match.status != MatchStatus.HIRED:
        return []
    try:
        from screening.selectors import suggested_scheme_codes
    except ImportError:
        return []
    codes = suggested_scheme_codes(match.citizen)
    links = []
    names = _scheme_names(codes)
    for code in codes:
        try:
            base = reverse("application_create", args=[match.citizen_id])
        except NoReverseMatch:
            return []
        query = urlencode(
            {
                "scheme": code,
                "fast_track": 1,
                "employer": match.vacancy.employer_id,
                "fast_track_reason": _("Hired by %(employer)s from %(date)s")
                % {
                    "employer": match.vacancy.employer.name,
                    "date": match.hired_on.strftime("%d.%m.%Y") if match.hired_on else "",
                },
            }
        )
        links.append({"scheme": code, "name": names.get(code, code), "url": f"{base}?{query}"})
    return links
