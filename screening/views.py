"""Pages: the one-page screening, recording a refusal, and a read-only screening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobcenter.permissions import get_visible_or_404, require_perm
from jobcenter.views import get_citizen_for_user
from screening import selectors, services
from screening.display import present_outcome
from screening.forms import DeclineForm, ScreeningForm
from screening.models import Screening


def get_screening_for_user(user, pk: int) -> Screening:
    screening = get_visible_or_404(
        Screening.objects.select_related(
            "citizen", "citizen__team", "questionnaire", "created_by", "supersedes"
        ),
        user,
        pk=pk,
    )
    require_perm(user, "screening.view_screening", screening)
    return screening


def _render_create(request, citizen, form, decline_form, questionnaire):
    return render(
        request,
        "screening/screening_form.html",
        {
            "citizen": citizen,
            "form": form,
            "decline_form": decline_form,
            "questionnaire": questionnaire,
            "current": selectors.current_screening(citizen),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def screening_create(request, citizen_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk)
    require_perm(request.user, "screening.add_screening", citizen)
    try:
        questionnaire = services.current_questionnaire()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(citizen)
    form = ScreeningForm(request.POST or None, definition=questionnaire.definition)
    if request.method == "POST" and form.is_valid():
        try:
            services.screening_complete(
                citizen=citizen,
                answers=form.answers(),
                screened_by=request.user,
                questionnaire=questionnaire,
                request=request,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The screening has been saved."))
            return redirect(citizen)
    return _render_create(request, citizen, form, DeclineForm(), questionnaire)


@login_required
@require_POST
def screening_decline(request, citizen_pk: int):
    citizen = get_citizen_for_user(request.user, citizen_pk)
    require_perm(request.user, "screening.add_screening", citizen)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        questionnaire = services.current_questionnaire()
        screening_form = ScreeningForm(definition=questionnaire.definition)
        return _render_create(request, citizen, screening_form, form, questionnaire)
    services.screening_decline(
        citizen=citizen, declined_by=request.user, note=form.cleaned_data["note"], request=request
    )
    messages.success(request, _("It has been recorded that the citizen declined the screening."))
    return redirect(citizen)


@login_required
@require_GET
def screening_detail(request, pk: int):
    screening = get_screening_for_user(request.user, pk)
    selectors.audit_reads([screening], user=request.user, request=request)
    return render(
        request,
        "screening/screening_detail.html",
        {
            "screening": screening,
            "citizen": screening.citizen,
            "outcome": present_outcome(screening),
            "sections": selectors.answer_sections(screening),
            "superseded_by": getattr(screening, "superseded_by", None)
            if screening.superseded_at
            else None,
            "can_screen": request.user.has_perm("screening.add_screening", screening.citizen),
        },
    )
