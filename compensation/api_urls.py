"""API routes of this app, mounted under /api/v1/ by jobcenter/urls.py."""

from rest_framework.routers import SimpleRouter

from compensation import api

router = SimpleRouter()
router.register("schemes", api.SchemeViewSet, basename="scheme")
router.register("applications", api.ApplicationViewSet, basename="application")
router.register("queue", api.QueueViewSet, basename="queue")
router.register("grants", api.GrantViewSet, basename="grant")

urlpatterns = router.urls
