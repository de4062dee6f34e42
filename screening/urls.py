"""Pages of this app (mounted at /screening/ by jobcenter/urls.py)."""

from django.urls import path

from screening import views

urlpatterns = [
    path("citizen/<int:citizen_pk>/new/", views.screening_create, name="screening_create"),
    path("citizen/<int:citizen_pk>/declined/", views.screening_decline, name="screening_decline"),
    path("<int:pk>/", views.screening_detail, name="screening_detail"),
]
