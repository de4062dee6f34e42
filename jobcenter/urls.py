from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from jobcenter import api, reminder_api, views

router = SimpleRouter()
router.register("citizens", api.CitizenViewSet, basename="citizen")
router.register("deadlines", reminder_api.DeadlineViewSet, basename="deadline")
router.register("notifications", reminder_api.NotificationViewSet, basename="notification")

api_v1 = [
    path("auth/token/", api.ObtainTokenView.as_view(), name="api_token"),
    path("", include(router.urls)),
    path("", include("screening.api_urls")),
    path("", include("compensation.api_urls")),
    path("", include("matching.api_urls")),
]

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("citizens/", views.citizen_list, name="citizen_list"),
    path("citizens/new/", views.citizen_create, name="citizen_create"),
    path("citizens/<int:pk>/", views.citizen_detail, name="citizen_detail"),
    path("citizens/<int:pk>/edit/", views.citizen_edit, name="citizen_edit"),
    path("citizens/<int:pk>/reassign/", views.citizen_reassign, name="citizen_reassign"),
    path("citizens/<int:pk>/reveal-cpr/", views.citizen_reveal_cpr, name="citizen_reveal_cpr"),
    path("deadlines/<int:pk>/done/", views.deadline_done, name="deadline_done"),
    path("screening/", include("screening.urls")),
    path("compensation/", include("compensation.urls")),
    path("matching/", include("matching.urls")),
    path("reports/", include("reporting.urls")),
    path("notifications/", include("jobcenter.notification_urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/setlang/", views.change_language, name="set_language"),
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path(
        "api/docs/",
        # Swagger UI sets inline styles; only this page allows them (scripts stay 'self').
        csp_update({"style-src": [UNSAFE_INLINE]})(
            login_required(SpectacularSwaggerSplitView.as_view(url_name="api_schema"))
        ),
        name="api_docs",
    ),
]

handler500 = "jobcenter.views.server_error"
