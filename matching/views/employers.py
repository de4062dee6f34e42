"""Employers and vacancies, and the autocomplete endpoints of the reference data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobcenter.permissions import require_perm
from jobcenter.services import DomainError
from matching import selectors, services
from matching.forms import ActivityForm, ContactForm, EmployerForm, VacancyForm
from matching.models import EmployerConcern, Occupation, Postcode, Skill, VacancyStatus
from matching.views.common import apply_errors, get_employer_for_user, get_vacancy_for_user

PAGE_SIZE = 25


@login_required
@require_GET
def employer_list(request):
    query = request.GET.get("q", "")[:100]
    employers = selectors.employer_list(user=request.user, query=query)
    page = Paginator(employers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "matching/employer_list.html",
        {
            "page": page,
            "q": query,
            "can_add": request.user.has_perm("matching.add_employer"),
            "query_string": f"q={query}" if query else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_create(request):
    require_perm(request.user, "matching.add_employer")
    form = EmployerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        jobcenters = sorted(request.user.jobcenter_ids())
        try:
            employer = services.employer_create(
                created_by=request.user,
                jobcenter_id=jobcenters[0] if jobcenters else 0,
                request=request,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The employer has been registered."))
            return redirect(employer)
    return render(request, "matching/employer_form.html", {"form": form, "employer": None})


@login_required
@require_http_methods(["GET", "POST"])
def employer_edit(request, pk: int):
    employer = get_employer_for_user(request.user, pk)
    require_perm(request.user, "matching.change_employer", employer)
    form = EmployerForm(request.POST or None, instance=employer, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.employer_update(
                employer=employer, changed_by=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The employer has been saved."))
            return redirect(employer)
    return render(request, "matching/employer_form.html", {"form": form, "employer": employer})


def _employer_context(request, employer, **extra) -> dict:
    return {
        "employer": employer,
        "contacts": employer.contacts.all(),
        "next_actions": selectors.employer_next_actions(employer),
        "activities": employer.activities.select_related("by")[:50],
        "vacancies": selectors.vacancy_list(user=request.user, employer=employer),
        "can_change": request.user.has_perm("matching.change_employer", employer),
        "concern_labels": [
            EmployerConcern(code).label
            for code in employer.concerns
            if code in EmployerConcern.values
        ],
        "contact_form": ContactForm(),
        "activity_form": ActivityForm(),
        **extra,
    }


@login_required
@require_GET
def employer_detail(request, pk: int):
    employer = get_employer_for_user(request.user, pk)
    return render(request, "matching/employer_detail.html", _employer_context(request, employer))


@login_required
@require_POST
def employer_contact_add(request, pk: int):
    employer = get_employer_for_user(request.user, pk)
    require_perm(request.user, "matching.change_employer", employer)
    form = ContactForm(request.POST)
    if form.is_valid():
        services.employer_contact_add(employer=employer, added_by=request.user, **form.cleaned_data)
        messages.success(request, _("The contact person has been added."))
        return redirect(employer)
    context = _employer_context(request, employer, contact_form=form)
    return render(request, "matching/employer_detail.html", context, status=400)


@login_required
@require_POST
def employer_activity_add(request, pk: int):
    employer = get_employer_for_user(request.user, pk)
    require_perm(request.user, "matching.change_employer", employer)
    form = ActivityForm(request.POST)
    if form.is_valid():
        services.employer_activity_add(employer=employer, by=request.user, **form.cleaned_data)
        messages.success(request, _("Added to the activity log."))
        return redirect(employer)
    context = _employer_context(request, employer, activity_form=form)
    return render(request, "matching/employer_detail.html", context, status=400)


@login_required
@require_POST
def employer_action_done(request, pk: int, code: str):
    employer = get_employer_for_user(request.user, pk)
    require_perm(request.user, "matching.change_employer", employer)
    try:
        services.employer_action_done(
            employer=employer, code=code, done_by=request.user, note=request.POST.get("note", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The action is recorded as done."))
    return redirect(employer)


@login_required
@require_GET
def vacancy_list(request):
    status = request.GET.get("status", VacancyStatus.OPEN)
    if status not in VacancyStatus.values:
        status = ""
    vacancies = selectors.vacancy_list(user=request.user, status=status)
    page = Paginator(vacancies, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "matching/vacancy_list.html",
        {
            "page": page,
            "status": status,
            "statuses": VacancyStatus.choices,
            "query_string": f"status={status}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_create(request, employer_pk: int):
    employer = get_employer_for_user(request.user, employer_pk)
    require_perm(request.user, "matching.add_vacancy")
    require_perm(request.user, "matching.change_employer", employer)
    initial = {"postcode": employer.postcode}
    form = VacancyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.vacancy_create(
                created_by=request.user, employer=employer, request=request, **form.domain_values()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The vacancy has been added."))
            return redirect(vacancy)
    return render(
        request, "matching/vacancy_form.html", {"form": form, "employer": employer, "vacancy": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_edit(request, pk: int):
    vacancy = get_vacancy_for_user(request.user, pk)
    require_perm(request.user, "matching.change_vacancy", vacancy)
    form = VacancyForm(request.POST or None, instance=vacancy)
    if request.method == "POST" and form.is_valid():
        try:
            services.vacancy_update(
                vacancy=vacancy, changed_by=request.user, request=request, **form.domain_values()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The vacancy has been saved."))
            return redirect(vacancy)
    return render(
        request,
        "matching/vacancy_form.html",
        {"form": form, "employer": vacancy.employer, "vacancy": vacancy},
    )


@login_required
@require_GET
def vacancy_detail(request, pk: int):
    vacancy = get_vacancy_for_user(request.user, pk)
    skills = selectors.skills_by_id([*vacancy.required_skills, *vacancy.wanted_skills])
    return render(
        request,
        "matching/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "required": [skills[i] for i in vacancy.required_skills if i in skills],
            "wanted": [skills[i] for i in vacancy.wanted_skills if i in skills],
            "can_change": request.user.has_perm("matching.change_vacancy", vacancy),
        },
    )


@login_required
@require_GET
def autocomplete_postcodes(request):
    term = (request.GET.get("postcode") or request.GET.get("q") or "").strip()[:40]
    places = Postcode.objects.none()
    if term:
        places = Postcode.objects.filter(Q(code__startswith=term) | Q(name__istartswith=term))[:15]
    return render(
        request, "matching/_options.html", {"options": [(p.code, str(p)) for p in places]}
    )


@login_required
@require_GET
def autocomplete_skills(request):
    """Suggestions for the last of comma-separated skills; each keeps what came before."""
    typed = next(
        (
            request.GET[k]
            for k in ("skills", "required_skills", "wanted_skills", "q")
            if k in request.GET
        ),
        "",
    )[:2000]
    done, _sep, term = typed.rpartition(",")
    term = term.strip()
    prefix = f"{done.strip()}, " if done.strip() else ""
    found = Skill.objects.none()
    if term:
        found = Skill.objects.filter(Q(title_da__icontains=term) | Q(title_en__icontains=term))[:15]
    options = [(skill.pk, f"{prefix}{skill.title}") for skill in found]
    return render(request, "matching/_options.html", {"options": options})


@login_required
@require_GET
def autocomplete_occupations(request):
    term = (request.GET.get("occupation") or request.GET.get("q") or "").strip()[:60]
    found = Occupation.objects.none()
    if term:
        found = Occupation.objects.filter(level=4).filter(
            Q(code__startswith=term) | Q(title_da__icontains=term) | Q(title_en__icontains=term)
        )[:15]
    return render(request, "matching/_options.html", {"options": [(o.code, str(o)) for o in found]})
