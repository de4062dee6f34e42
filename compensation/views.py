"""Pages: scheme guide, applications, the team leads' queue, decision letters, grants."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compensation import grants as grant_services
from compensation import selectors, services
from compensation.attachments import attachment_add
from compensation.forms import (
    ApplicationForm,
    ApproveForm,
    AttachmentForm,
    DelayNoticeForm,
    ReasonForm,
)
from compensation.limits import DetailsInvalid
from compensation.models import Application, ApplicationStatus, Attachment, Grant, Scheme
from compensation.permissions import four_eyes_conflict
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen
from jobcenter.permissions import get_visible_or_404, require_perm
from jobcenter.services import DomainError

QUEUE_PAGE_SIZE = 25


def _employers_for(citizen: Citizen):
    from matching.models import Employer

    return Employer.objects.filter(jobcenter_id=citizen.jobcenter_id).order_by("name", "pk")


def get_application_for_user(user, pk: int) -> Application:
    application = get_visible_or_404(
        Application.objects.select_related("citizen", "scheme", "employer", "team"), user, pk=pk
    )
    require_perm(user, "compensation.view_application", application)
    return application


def _apply_errors(form, error: ValidationError) -> None:
    if isinstance(error, DetailsInvalid):
        form.add_detail_errors(error.by_field)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@require_GET
def scheme_list(request):
    return render(request, "compensation/scheme_list.html", {"schemes": selectors.schemes()})


@login_required
@require_GET
def scheme_detail(request, code: str):
    scheme = get_object_or_404(selectors.schemes(), code=code)
    return render(request, "compensation/scheme_detail.html", {"scheme": scheme})


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request, citizen_pk: int):
    citizen = get_visible_or_404(
        Citizen.objects.select_related("team"), request.user, pk=citizen_pk
    )
    require_perm(request.user, "compensation.add_application", citizen)
    code = request.GET.get("scheme") or request.POST.get("scheme")
    scheme = Scheme.objects.filter(code=code, active=True).first() if code else None
    if scheme is None:
        query = request.GET.copy()
        query.pop("scheme", None)
        return render(
            request,
            "compensation/application_choose_scheme.html",
            {"citizen": citizen, "schemes": selectors.schemes(), "query": query.urlencode()},
        )
    initial = {
        "fast_track": request.GET.get("fast_track") == "1",
        "fast_track_reason": request.GET.get("fast_track_reason", "")[:300],
        "employer": request.GET.get("employer") or None,
    }
    form = ApplicationForm(
        request.POST or None,
        initial=initial,
        scheme=scheme,
        employers=_employers_for(citizen),
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                created_by=request.user,
                citizen=citizen,
                scheme=scheme,
                request=request,
                **form.domain_values(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The application has been saved as a draft."))
            return redirect(application)
    return render(
        request,
        "compensation/application_form.html",
        {"form": form, "citizen": citizen, "scheme": scheme, "application": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request, pk: int):
    application = get_application_for_user(request.user, pk)
    require_perm(request.user, "compensation.change_application", application)
    initial = {
        "fast_track": application.fast_track,
        "fast_track_reason": application.fast_track_reason,
        "employer": application.employer_id,
        "justification": application.justification,
        **{f"detail_{key}": value for key, value in application.details.items()},
    }
    form = ApplicationForm(
        request.POST or None,
        initial=initial,
        scheme=application.scheme,
        employers=_employers_for(application.citizen),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=application,
                changed_by=request.user,
                request=request,
                **form.domain_values(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(application)
        else:
            messages.success(request, _("The application has been saved."))
            return redirect(application)
    return render(
        request,
        "compensation/application_form.html",
        {
            "form": form,
            "citizen": application.citizen,
            "scheme": application.scheme,
            "application": application,
        },
    )


def _detail_context(request, application: Application, **forms) -> dict:
    user = request.user
    can_lead = user.has_perm("compensation.claim_application", application)
    conflicted = four_eyes_conflict(user, application)
    in_review = application.status == ApplicationStatus.IN_REVIEW
    return {
        "application": application,
        "citizen": application.citizen,
        "scheme": application.scheme,
        "attachments": application.attachments.all(),
        "grant": Grant.objects.filter(application=application).first(),
        "urgency": selectors.urgency(application) if application.decision_due else None,
        "can_change": user.has_perm("compensation.change_application", application),
        "can_claim": can_lead and not conflicted,
        "four_eyes_conflict": can_lead and conflicted,
        "can_decide": can_lead and not conflicted and in_review,
        "needs_delay_notice": services.needs_delay_notice(application)
        if application.decision_due
        else False,
        "approve_form": forms.get("approve_form") or ApproveForm(prefix="approve"),
        "reject_form": forms.get("reject_form") or ReasonForm(prefix="reject"),
        "return_form": forms.get("return_form")
        or ReasonForm(prefix="return", label=_("What is missing")),
        "delay_form": forms.get("delay_form") or DelayNoticeForm(prefix="delay"),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
    }


@login_required
@require_GET
def application_detail(request, pk: int):
    application = get_application_for_user(request.user, pk)
    audit(
        action=AuditAction.VIEW,
        request=request,
        citizen=application.citizen,
        obj=application,
    )
    return render(
        request, "compensation/application_detail.html", _detail_context(request, application)
    )


@login_required
@require_POST
def application_action(request, pk: int, action: str):
    """Submit, withdraw, claim, approve, reject, return, or record a § 3 notice."""
    application = get_application_for_user(request.user, pk)
    if action == "claim" and request.htmx:
        return _claim_row(request, application)
    user, forms = request.user, {}
    try:
        if action == "submit":
            services.application_submit(application=application, submitted_by=user, request=request)
            messages.success(request, _("The application has been submitted."))
        elif action == "withdraw":
            services.application_withdraw(
                application=application, withdrawn_by=user, request=request
            )
            messages.success(request, _("The application has been withdrawn."))
        elif action == "claim":
            services.application_claim(application=application, lead=user, request=request)
            messages.success(request, _("You are now reviewing the application."))
        elif action == "approve":
            form = forms["approve_form"] = ApproveForm(request.POST, prefix="approve")
            if form.is_valid():
                data = dict(form.cleaned_data)
                reason = data.pop("reason")
                services.application_approve(
                    application=application,
                    decided_by=user,
                    grant_terms=data,
                    reason=reason,
                    request=request,
                )
                messages.success(request, _("The application has been approved."))
                return redirect("application_letter", pk=pk)
        elif action in ("reject", "return"):
            form = forms[f"{action}_form"] = ReasonForm(request.POST, prefix=action)
            if form.is_valid():
                service = (
                    services.application_reject
                    if action == "reject"
                    else services.application_return
                )
                key = "decided_by" if action == "reject" else "returned_by"
                service(
                    application=application,
                    reason=form.cleaned_data["reason"],
                    request=request,
                    **{key: user},
                )
                if action == "reject":
                    messages.success(request, _("The application has been rejected."))
                    return redirect("application_letter", pk=pk)
                messages.success(request, _("The application has been returned."))
        elif action == "delay-notice":
            form = forms["delay_form"] = DelayNoticeForm(request.POST, prefix="delay")
            if form.is_valid():
                services.application_record_delay_notice(
                    application=application,
                    sent_by=user,
                    expected_date=form.cleaned_data["expected_date"],
                    request=request,
                )
                messages.success(request, _("The notice of delay has been recorded."))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    except PermissionDenied as error:
        if not str(error):
            raise
        messages.error(request, str(error))
    except ValidationError as error:
        target = next(iter(forms.values()), None)
        if target is None:
            messages.error(request, " ".join(error.messages))
        else:
            _apply_errors(target, error)
    if any(form.errors for form in forms.values()):
        application.refresh_from_db()
        context = _detail_context(request, application, **forms)
        return render(request, "compensation/application_detail.html", context, status=400)
    if action == "claim" and request.POST.get("next") == "queue":
        return redirect("queue")
    return redirect(application)


def _claim_row(request, application: Application):
    """Claim from the queue with htmx: answer with the queue's row, showing any refusal."""
    error = ""
    try:
        services.application_claim(application=application, lead=request.user, request=request)
    except DomainError as exc:
        error = exc.message
    except PermissionDenied as exc:
        error = str(exc) or _("You may not claim this application.")
    row = selectors.queue(user=request.user, fast_track=application.fast_track).filter(
        pk=application.pk
    )
    row = selectors.annotate_urgency(row)
    if not row:  # decided or withdrawn meanwhile
        return HttpResponse(status=204)
    return render(request, "compensation/_queue_row.html", {"application": row[0], "error": error})


@login_required
@require_POST
def attachment_upload(request, pk: int):
    application = get_application_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(
                application=application,
                uploaded_by=request.user,
                upload=form.cleaned_data["file"],
                request=request,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(application)
        else:
            messages.success(request, _("The attachment has been added."))
            return redirect(application)
    context = _detail_context(request, application, attachment_form=form)
    return render(request, "compensation/application_detail.html", context, status=400)


@login_required
@require_GET
def attachment_download(request, pk: int):
    attachment = get_visible_or_404(
        Attachment.objects.select_related("application__citizen"), request.user, pk=pk
    )
    require_perm(request.user, "compensation.view_application", attachment.application)
    audit(
        action=AuditAction.VIEW,
        request=request,
        citizen=attachment.application.citizen,
        obj=attachment,
    )
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def application_letter(request, pk: int):
    application = get_application_for_user(request.user, pk)
    if not application.is_decided:
        raise Http404
    from compensation.letters import letter_context

    audit(
        action=AuditAction.VIEW,
        request=request,
        citizen=application.citizen,
        obj=application,
        purpose="decision_letter",
    )
    return render(request, "compensation/decision_letter.html", letter_context(application))


@login_required
@require_GET
def queue(request):
    tab = "normal" if request.GET.get("tab") == "normal" else "fast_track"
    if not (request.user.is_superuser or request.user.has_perm("compensation.view_queue")):
        raise PermissionDenied
    applications = selectors.queue(user=request.user, fast_track=tab == "fast_track")
    page = Paginator(applications, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.annotate_urgency(page.object_list)
    return render(
        request,
        "compensation/queue.html",
        {"page": page, "rows": rows, "tab": tab, "query": urlencode({"tab": tab})},
    )


@login_required
@require_POST
def queue_claim_next(request):
    if not request.user.has_perm("compensation.view_queue"):
        raise PermissionDenied
    fast_track = request.POST.get("tab") != "normal"
    application = services.application_claim_next(
        lead=request.user, fast_track=fast_track, request=request
    )
    if application is None:
        messages.info(request, _("There is nothing left to claim."))
        return redirect(reverse("queue") + ("?tab=normal" if not fast_track else ""))
    messages.success(request, _("You are now reviewing the application."))
    return redirect(application)


@login_required
@require_http_methods(["GET", "POST"])
def grant_detail(request, pk: int):
    grant = get_visible_or_404(
        Grant.objects.select_related("application", "citizen", "scheme"), request.user, pk=pk
    )
    require_perm(request.user, "compensation.view_grant", grant)
    form = ReasonForm(request.POST or None, label=_("Reason"))
    if request.method == "POST" and form.is_valid():
        revoke = request.POST.get("action") == "revoke"
        try:
            if revoke:
                grant_services.grant_revoke(
                    grant=grant,
                    revoked_by=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            else:
                grant_services.grant_end(
                    grant=grant,
                    ended_by=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The grant has been revoked.") if revoke else _("The grant has been ended."),
            )
        return redirect(grant)
    return render(
        request,
        "compensation/grant_detail.html",
        {
            "grant": grant,
            "form": form,
            "can_end": request.user.has_perm("compensation.end_grant", grant),
            "can_revoke": request.user.has_perm("compensation.revoke_grant", grant),
        },
    )
