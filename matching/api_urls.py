"""API routes of this app, mounted under /api/v1/ by jobcenter/urls.py."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from matching import api

router = SimpleRouter()
router.register("employers", api.EmployerViewSet, basename="employer")
router.register("vacancies", api.VacancyViewSet, basename="vacancy")
router.register("matches", api.MatchViewSet, basename="match")

urlpatterns = [
    # Lives under the citizens prefix (API.md), so it is an explicit path, not a router route.
    path(
        "citizens/<int:pk>/matches/", api.CitizenMatchesView.as_view(), name="api_citizen_matches"
    ),
    *router.urls,
]
