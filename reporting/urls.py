"""Pages of this app (mounted at /reports/ by jobcenter/urls.py)."""

from django.urls import path

from reporting import views

urlpatterns = [
    path("", views.report, name="report"),
    path(
        "figures/<slug:key>.<str:file_type>",
        views.figure_export,
        name="report_figure_export",
    ),
    path("targets/", views.target_progress, name="report_targets"),
    path("citizens/<int:pk>/data/", views.citizen_data, name="citizen_data_export"),
    path("access-review/", views.access_review_page, name="access_review"),
]
