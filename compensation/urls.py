"""Pages of this app (mounted at /compensation/ by jobcenter/urls.py)."""

from django.urls import path

from compensation import views

urlpatterns = [
    path("schemes/", views.scheme_list, name="scheme_list"),
    path("schemes/<slug:code>/", views.scheme_detail, name="scheme_detail"),
    path(
        "citizens/<int:citizen_pk>/applications/new/",
        views.application_create,
        name="application_create",
    ),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/letter/", views.application_letter, name="application_letter"),
    path(
        "applications/<int:pk>/attachments/",
        views.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "applications/<int:pk>/<slug:action>/",
        views.application_action,
        name="application_action",
    ),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("queue/", views.queue, name="queue"),
    path("queue/next/", views.queue_claim_next, name="queue_claim_next"),
    path("grants/<int:pk>/", views.grant_detail, name="grant_detail"),
]
