"""Citizens' match profiles, ranked matches both ways, and the match pipeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen
from jobcenter.permissions import require_perm
from jobcenter.services import DomainError
from matching import ranking, selectors, services
from matching.forms import AdvanceForm, EmploymentEndForm, NeedForm, ProfileForm, RankFilterForm
from matching.models import MatchProfile, MatchStatus, Occupation, Vacancy
from matching.views.common import (
    apply_errors,
    get_citizen_for_user,
    get_match_for_user,
    get_vacancy_for_user,
)

RANK_LIMIT = 20


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, citizen_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk)
    can_change = request.user.has_perm("matching.change_match_profile", citizen)
    profile = selectors.profile_for(citizen) or MatchProfile(citizen=citizen)
    if request.method == "POST":
        require_perm(request.user, "matching.change_match_profile", citizen)
    initial = {
        "occupations": Occupation.objects.filter(code__in=profile.occupations),
        "skills": list(profile.skills),
        "hours_min": profile.hours_min,
        "hours_max": profile.hours_max,
        "max_commute_km": profile.max_commute_km,
        "available_from": profile.available_from,
        "flex_job_eligible": profile.flex_job_eligible,
        "excluded_occupations": Occupation.objects.filter(code__in=profile.excluded_occupations),
        "exclusion_note": profile.exclusion_note,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(
                citizen=citizen, changed_by=request.user, request=request, **form.domain_values()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The match profile has been saved."))
            return redirect("profile_edit", citizen_pk=citizen.pk)
    if profile.pk:
        audit(action=AuditAction.VIEW, request=request, citizen=citizen, obj=profile)
    return render(
        request,
        "matching/profile.html",
        {
            "citizen": citizen,
            "profile": profile,
            "needs": profile.needs.all() if profile.pk else [],
            "form": form,
            "need_form": NeedForm(),
            "can_change": can_change,
        },
    )


@login_required
@require_POST
def need_add(request, citizen_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk, "matching.change_match_profile")
    form = NeedForm(request.POST)
    if form.is_valid():
        services.need_set(
            citizen=citizen,
            code=form.cleaned_data["code"],
            necessary=form.cleaned_data["necessary"],
            added_by=request.user,
        )
        messages.success(request, _("The accommodation need has been added."))
    else:
        messages.error(request, _("Choose an accommodation."))
    return redirect("profile_edit", citizen_pk=citizen.pk)


@login_required
@require_POST
def need_remove(request, citizen_pk: int, code: str):
    citizen = get_citizen_for_user(request.user, citizen_pk, "matching.change_match_profile")
    services.need_remove(citizen=citizen, code=code, removed_by=request.user)
    messages.success(request, _("The accommodation need has been removed."))
    return redirect("profile_edit", citizen_pk=citizen.pk)


@login_required
@require_GET
def citizen_matches(request, citizen_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk, "matching.view_matches")
    form = RankFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    profile = MatchProfile.objects.filter(citizen=citizen).first()
    ranked = []
    if profile is not None:
        ranked = ranking.vacancies_for_profile(
            profile,
            limit=RANK_LIMIT,
            sector=criteria.get("sector", ""),
            flex_job_only=criteria.get("flex_job", False),
        )
    vacancies = Vacancy.objects.select_related("employer", "postcode").in_bulk(
        [item.vacancy_id for item in ranked]
    )
    proposed = set(citizen.matches.values_list("vacancy_id", flat=True))
    audit(
        action=AuditAction.VIEW,
        request=request,
        citizen=citizen,
        purpose="ranked vacancies for citizen",
        detail={"vacancies": [item.vacancy_id for item in ranked]},
    )
    rows = [
        {
            "vacancy": vacancies[item.vacancy_id],
            "result": item.result,
            "score": item.score,
            "proposed": item.vacancy_id in proposed,
        }
        for item in ranked
    ]
    return render(
        request,
        "matching/citizen_matches.html",
        {
            "citizen": citizen,
            "profile": profile,
            "rows": rows,
            "form": form,
            "can_propose": request.user.has_perm("matching.propose_match", citizen),
        },
    )


@login_required
@require_GET
def vacancy_matches(request, pk: int):
    vacancy = get_vacancy_for_user(request.user, pk)
    user = request.user
    flex_only = request.GET.get("flex_job") in ("on", "1", "true")
    ranked = ranking.citizens_for_vacancy(
        vacancy,
        team_ids=None if user.is_superuser else sorted(user.team_ids()),
        limit=RANK_LIMIT,
        flex_job_only=flex_only,
    )
    citizens = Citizen.objects.select_related("team").in_bulk([item.citizen_id for item in ranked])
    proposed = set(vacancy.matches.values_list("citizen_id", flat=True))
    audit(
        action=AuditAction.VIEW,
        request=request,
        obj=vacancy,
        purpose="ranked citizens for vacancy",
        detail={"citizens": [item.citizen_id for item in ranked]},
    )
    rows = [
        {
            "citizen": citizens[item.citizen_id],
            "result": item.result,
            "score": item.score,
            "proposed": item.citizen_id in proposed,
        }
        for item in ranked
    ]
    return render(
        request,
        "matching/vacancy_matches.html",
        {"vacancy": vacancy, "rows": rows, "flex_only": flex_only},
    )


@login_required
@require_POST
def match_propose(request, citizen_pk: int, vacancy_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk, "matching.propose_match")
    vacancy = get_vacancy_for_user(request.user, vacancy_pk)
    try:
        match = services.match_propose(
            citizen=citizen,
            vacancy=vacancy,
            proposed_by=request.user,
            note=request.POST.get("note", "")[:2000],
            request=request,
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("citizen_matches", citizen_pk=citizen.pk)
    messages.success(request, _("The match has been proposed."))
    return redirect(match)


@login_required
@require_GET
def match_detail(request, pk: int):
    match = get_match_for_user(request.user, pk)
    require_perm(request.user, "matching.view_matches", match.citizen)
    audit(action=AuditAction.VIEW, request=request, citizen=match.citizen, obj=match)
    return render(request, "matching/match_detail.html", _match_context(request, match))


def _match_context(request, match, form=None, end_form=None) -> dict:
    allowed = match.allowed_next()
    return {
        "match": match,
        "steps": match.steps.select_related("by"),
        "form": form or (AdvanceForm(allowed=allowed) if allowed else None),
        "can_advance": bool(allowed) and request.user.has_perm("matching.advance_match", match),
        "fast_track_links": selectors.fast_track_links(match),
        "can_end": match.status == MatchStatus.HIRED
        and not match.employment_ended_on
        and request.user.has_perm("matching.advance_match", match),
        "end_form": end_form or EmploymentEndForm(),
    }


@login_required
@require_POST
def match_advance(request, pk: int):
    match = get_match_for_user(request.user, pk)
    require_perm(request.user, "matching.advance_match", match)
    form = AdvanceForm(request.POST, allowed=match.allowed_next())
    if not form.is_valid():
        context = _match_context(request, match, form)
        return render(request, "matching/match_detail.html", context, status=400)
    try:
        services.match_advance(match=match, by=request.user, request=request, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The match has moved on."))
    return redirect(match)


@login_required
@require_POST
def match_employment_end(request, pk: int):
    match = get_match_for_user(request.user, pk)
    require_perm(request.user, "matching.advance_match", match)
    form = EmploymentEndForm(request.POST)
    if form.is_valid():
        try:
            services.match_employment_end(
                match=match, by=request.user, request=request, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(match)
        except ValidationError as error:
            form.add_error("ended_on", error.message_dict.get("ended_on"))
        else:
            messages.success(request, _("The end of the job has been recorded."))
            return redirect(match)
    context = _match_context(request, match, end_form=form)
    return render(request, "matching/match_detail.html", context, status=400)
