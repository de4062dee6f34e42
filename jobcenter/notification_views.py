"""Pages of the in-app notifications: the bell, the list, mark read, preferences, health."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobcenter import notification_services as services
from jobcenter.models import Deadline, Notification
from jobcenter.notification_forms import PreferenceForm
from jobcenter.permissions import get_visible_or_404
from jobcenter.reminder_health import reminder_health


@login_required
@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The header bell, refreshed by htmx: one COUNT query on the partial unread index."""
    unread = Notification.objects.visible_to(request.user).unread().count()
    # Rendered without the request's context processors: they would cost queries every minute.
    html = render_to_string("jobcenter/notifications/_bell.html", {"unread": unread})
    return HttpResponse(html)


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = (
        Notification.objects.visible_to(request.user)
        .select_related("deadline")
        .only(
            "pk",
            "stage",
            "created_at",
            "read_at",
            "deadline__title",
            "deadline__kind",
            "deadline__due_at",
            "deadline__done_at",
        )
    )
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(request, "jobcenter/notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_visible_or_404(Notification.objects.all(), request.user, pk=pk)
    services.notification_mark_read(notification=notification, user=request.user)
    return redirect("notification_list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notification_list")


@login_required
@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_visible_or_404(Notification.objects.all(), request.user, pk=pk)
    services.notification_mark_read(notification=notification, user=request.user)
    return redirect("deadline_open", notification.deadline_id)


@login_required
@require_GET
def deadline_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a reminder links to: the deadline's object, else its citizen, else the dashboard."""
    deadline = get_visible_or_404(Deadline.objects.all(), request.user, pk=pk)
    target = None
    subject = deadline.subject if deadline.content_type_id else None
    if subject is not None and hasattr(subject, "get_absolute_url"):
        target = subject.get_absolute_url()
    elif deadline.citizen_id:
        target = deadline.citizen.get_absolute_url()
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = "dashboard"
    return redirect(target)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    preference = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.preference_update(
            user=request.user,
            email=form.cleaned_data["email"],
            digest_hour=form.cleaned_data["digest_hour"],
        )
        messages.success(request, _("Your reminder settings were saved."))
        return redirect("notification_preferences")
    return render(request, "jobcenter/notifications/preferences.html", {"form": form})


def _require_staff(request: HttpRequest) -> None:
    if not request.user.is_staff:
        raise PermissionDenied


@login_required
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    return render(request, "jobcenter/notifications/health.html", {"health": reminder_health()})


@login_required
@require_GET
def health_json(request: HttpRequest) -> JsonResponse:
    _require_staff(request)
    data = reminder_health()
    status = 200 if data["ok"] else 503
    return JsonResponse(data, status=status, json_dumps_params={"default": str})
