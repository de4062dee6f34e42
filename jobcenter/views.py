"""Pages of the shared core: dashboard, citizens, deadlines, language, health."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language

from jobcenter import selectors, services
from jobcenter.audit import audit
from jobcenter.cpr import looks_like_cpr
from jobcenter.dashboard import citizen_sections_for, panels_for
from jobcenter.forms import CitizenFilterForm, CitizenForm, ReassignForm
from jobcenter.models import AuditAction, Citizen, Deadline
from jobcenter.permissions import get_visible_or_404, require_perm

logger = logging.getLogger(__name__)
PAGE_SIZE = 25
# The first interview continues in the screening when that app provides this page.
AFTER_CREATE_URL_NAME = "screening_create"


def get_citizen_for_user(user, pk: int) -> Citizen:
    citizen = get_visible_or_404(Citizen.objects.select_related("team", "caseworker"), user, pk=pk)
    require_perm(user, "jobcenter.view_citizen", citizen)
    return citizen


def _apply_form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def dashboard(request):
    return render(
        request,
        "jobcenter/dashboard.html",
        {"dashboard": selectors.dashboard_for(request.user), "panels": panels_for(request)},
    )


@login_required
@require_GET
def citizen_list(request):
    form = CitizenFilterForm(request.GET or None, user=request.user)
    criteria = form.cleaned_data if form.is_valid() else {}
    citizens = selectors.citizen_list(
        user=request.user,
        query=criteria.get("q", ""),
        team=getattr(criteria.get("team"), "pk", None),
        caseworker=getattr(criteria.get("caseworker"), "pk", None),
        status=criteria.get("status", ""),
        benefit_type=criteria.get("benefit_type", ""),
        sort=criteria.get("sort") or "name",
    )
    page = Paginator(citizens, PAGE_SIZE).get_page(request.GET.get("page"))
    searched = {key: value for key, value in criteria.items() if value and key != "sort"}
    if searched:
        terms = {key: str(getattr(value, "pk", value)) for key, value in searched.items()}
        if looks_like_cpr(terms.get("q", "")):
            terms["q"] = "<CPR>"  # the number itself never goes into a log
        audit(action=AuditAction.SEARCH, request=request, detail={"criteria": terms})
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return render(
        request,
        "jobcenter/citizen_list.html",
        {
            "form": form,
            "page": page,
            "sort": criteria.get("sort") or "name",
            "query_string": query.urlencode(),
            "can_add": request.user.has_perm("jobcenter.add_citizen"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def citizen_create(request):
    require_perm(request.user, "jobcenter.add_citizen")
    form = CitizenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.domain_values()
        try:
            citizen = services.citizen_create(
                created_by=request.user,
                team=form.cleaned_data["team"],
                caseworker=form.cleaned_data.get("caseworker"),
                request=request,
                **data,
            )
        except ValidationError as error:
            _apply_form_errors(form, error)
        else:
            messages.success(request, _("The citizen has been registered."))
            return redirect(next_step_after_create(citizen))
    return render(request, "jobcenter/citizen_form.html", {"form": form, "citizen": None})


def next_step_after_create(citizen: Citizen) -> str:
    try:
        return reverse(AFTER_CREATE_URL_NAME, args=[citizen.pk])
    except NoReverseMatch:
        return citizen.get_absolute_url()


@login_required
@require_GET
def citizen_detail(request, pk: int):
    citizen = get_citizen_for_user(request.user, pk)
    audit(action=AuditAction.VIEW, request=request, citizen=citizen, obj=citizen)
    return render(request, "jobcenter/citizen_detail.html", _detail_context(request, citizen))


def _detail_context(request, citizen: Citizen, **extra) -> dict:
    user = request.user
    return {
        "citizen": citizen,
        "timeline": selectors.citizen_timeline(citizen, user),
        "benefit_periods": citizen.benefit_periods.all(),
        "open_deadlines": citizen.deadlines.open().select_related("owner"),
        "sections": citizen_sections_for(request, citizen),
        "can_change": user.has_perm("jobcenter.change_citizen", citizen),
        "can_reveal": bool(citizen.cpr_encrypted)
        and user.has_perm("jobcenter.reveal_cpr", citizen),
        "can_reassign": user.has_perm("jobcenter.reassign_citizen", citizen),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def citizen_edit(request, pk: int):
    citizen = get_citizen_for_user(request.user, pk)
    require_perm(request.user, "jobcenter.change_citizen", citizen)
    form = CitizenForm(request.POST or None, instance=citizen, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.citizen_update(
                citizen=citizen, changed_by=request.user, request=request, **form.domain_values()
            )
        except ValidationError as error:
            _apply_form_errors(form, error)
        else:
            messages.success(request, _("The citizen's record has been saved."))
            return redirect(citizen)
    # The form mutated the instance while validating; show the stored name in the heading.
    citizen.refresh_from_db()
    return render(request, "jobcenter/citizen_form.html", {"form": form, "citizen": citizen})


@login_required
@require_http_methods(["GET", "POST"])
def citizen_reassign(request, pk: int):
    citizen = get_citizen_for_user(request.user, pk)
    require_perm(request.user, "jobcenter.reassign_citizen", citizen)
    form = ReassignForm(request.POST or None, citizen=citizen)
    if request.method == "POST" and form.is_valid():
        try:
            services.citizen_reassign(
                citizen=citizen,
                reassigned_by=request.user,
                team=form.cleaned_data["team"],
                caseworker=form.cleaned_data["caseworker"],
                request=request,
            )
        except ValidationError as error:
            _apply_form_errors(form, error)
        else:
            messages.success(request, _("The citizen has been reassigned."))
            return redirect(citizen)
    return render(request, "jobcenter/citizen_reassign.html", {"form": form, "citizen": citizen})


@login_required
@require_POST
def citizen_reveal_cpr(request, pk: int):
    citizen = get_citizen_for_user(request.user, pk)
    revealed = services.citizen_reveal_cpr(citizen=citizen, user=request.user, request=request)
    if request.htmx:
        response = render(request, "jobcenter/_cpr_revealed.html", {"revealed_cpr": revealed})
    else:
        context = _detail_context(request, citizen, revealed_cpr=revealed)
        response = render(request, "jobcenter/citizen_detail.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def deadline_done(request, pk: int):
    deadline = get_visible_or_404(Deadline.objects.all(), request.user, pk=pk)
    require_perm(request.user, "jobcenter.complete_deadline", deadline)
    try:
        services.deadline_complete(deadline=deadline, completed_by=request.user)
    except services.DomainError as error:
        messages.warning(request, error.message)
    else:
        messages.success(request, _("Deadline marked as done."))
    return redirect(request.POST.get("next") or "dashboard")


@require_POST
def change_language(request):
    response = set_language(request)
    language = request.POST.get("language")
    user = request.user
    known = dict(settings.LANGUAGES)
    if user.is_authenticated and language in known and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


def server_error(request) -> HttpResponse:
    """handler500: a lost database is a 503 "try again", anything else a 500 page.

    Django calls this inside its exception handler, so the exception is at hand; the
    templates need no database (no user, no navigation).
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.error("Database unavailable: %s", error.__class__.__name__)
        response = render(None, "503.html", status=503)
        response["Retry-After"] = "30"
        return response
    return render(None, "500.html", status=500)


@require_GET
def healthz(request) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
