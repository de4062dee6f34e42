"""Report pages, exports, targets, the citizen's data export and the access review."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen
from jobcenter.permissions import get_visible_or_404, require_perm
from reporting import access_review, exports, gdpr, targets
from reporting.charts import bar_chart, display
from reporting.figures import Period, ReportScope, all_figures, compute, get_figure
from reporting.forms import AccessReviewForm, ReportFilterForm, YearForm
from reporting.models import Target
from reporting.selectors import can_view_reports

EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def _require_reports(user) -> None:
    if not can_view_reports(user):
        raise PermissionDenied


def _scope(request) -> tuple[ReportFilterForm, ReportScope]:
    form = ReportFilterForm(request.GET, user=request.user)
    teams, period = form.scope_values()
    return form, ReportScope(teams=teams, period=period)


def display_rows(data) -> list[list[str]]:
    """Cells formatted for the locale; share columns say "(%)" in their heading."""
    return [[display(cell) for cell in row] for row in data.rows]


def _rendered(figure, data) -> dict:
    return {"figure": figure, "data": data, "chart": bar_chart(data), "rows": display_rows(data)}


@login_required
@require_GET
def report(request):
    _require_reports(request.user)
    form, scope = _scope(request)
    figures = []
    for figure in all_figures():
        data = compute(figure, scope)
        if data is not None:
            figures.append(_rendered(figure, data))
    return render(
        request,
        "reporting/report.html",
        {
            "form": form,
            "scope": scope,
            "figures": figures,
            "query_string": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def figure_export(request, key: str, file_type: str):
    _require_reports(request.user)
    figure = get_figure(key)
    if figure is None or file_type not in EXPORT_TYPES:
        raise Http404
    _form, scope = _scope(request)
    data = compute(figure, scope)
    if data is None:
        raise Http404
    content_type, extension = EXPORT_TYPES[file_type]
    if file_type == "csv":
        content = exports.to_csv(data)
    else:
        content = exports.to_xlsx(data, str(figure.title))
    audit(
        action=AuditAction.EXPORT,
        request=request,
        purpose="report",
        detail={
            "figure": key,
            "format": file_type,
            "teams": scope.team_ids,
            "start": scope.period.start.isoformat(),
            "end": scope.period.end.isoformat(),
        },
    )
    name = f"{slugify(key)}-{scope.period.start:%Y%m%d}-{scope.period.end:%Y%m%d}.{extension}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def target_progress(request):
    _require_reports(request.user)
    form = YearForm(request.GET or None, initial={"year": timezone.localdate().year})
    year = form.cleaned_data["year"] if form.is_valid() else form.initial["year"]
    rows = []
    for target in (
        Target.objects.visible_to(request.user).filter(year=year).select_related("jobcenter")
    ):
        data = targets.progress(target)
        if data is not None:
            rows.append(
                {
                    "target": target,
                    "data": data,
                    "chart": bar_chart(data),
                    "rows": display_rows(data),
                }
            )
    return render(request, "reporting/targets.html", {"form": form, "year": year, "progress": rows})


def get_citizen_for_export(user, pk: int) -> Citizen:
    citizen = get_visible_or_404(
        Citizen.objects.select_related("team", "jobcenter", "caseworker"), user, pk=pk
    )
    require_perm(user, "reporting.export_citizen_data", citizen)
    return citizen


@login_required
@require_GET
def citizen_data(request, pk: int):
    """Right of access: a readable page, or the JSON file with ``?format=json``."""
    citizen = get_citizen_for_export(request.user, pk)
    as_json = request.GET.get("format") == "json"
    sections = gdpr.export(citizen)
    audit(
        action=AuditAction.EXPORT,
        request=request,
        citizen=citizen,
        obj=citizen,
        purpose="GDPR article 15",
        detail={"format": "json" if as_json else "html"},
    )
    if as_json:
        payload = {
            "citizen": citizen.pk,
            "exported_at": timezone.now(),
            "sections": {section["key"]: section["data"] for section in sections},
        }
        response = HttpResponse(
            json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="citizen-{citizen.pk}.json"'
        return response
    return render(
        request, "reporting/citizen_data.html", {"citizen": citizen, "sections": sections}
    )


@login_required
@require_GET
def access_review_page(request):
    if not request.user.is_staff:
        raise PermissionDenied
    form = AccessReviewForm(request.GET or None)
    today = timezone.localdate()
    period = Period(today - dt.timedelta(days=30), today)
    threshold = 20
    if form.is_valid():
        period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
        threshold = form.cleaned_data["threshold"] or threshold
    criteria = access_review.ReviewCriteria(period=period, threshold=threshold)
    return render(
        request,
        "reporting/access_review.html",
        {
            "form": form,
            "criteria": criteria,
            "outside": access_review.outside_caseload(request.user, criteria),
            "odd": access_review.odd_hours(request.user, criteria),
        },
    )
