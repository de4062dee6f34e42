"""API routes of this app, mounted under /api/v1/ by jobcenter/urls.py."""

from rest_framework.routers import SimpleRouter

from screening.api import ScreeningViewSet

router = SimpleRouter()
router.register("screenings", ScreeningViewSet, basename="screening")

urlpatterns = router.urls
