from django.urls import path

from jobcenter import notification_views as views

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("bell/", views.bell, name="notification_bell"),
    path("read-all/", views.notification_read_all, name="notification_read_all"),
    path("<int:pk>/read/", views.notification_read, name="notification_read"),
    path("<int:pk>/open/", views.notification_open, name="notification_open"),
    path("deadlines/<int:pk>/", views.deadline_open, name="deadline_open"),
    path("settings/", views.preferences, name="notification_preferences"),
    path("health/", views.health, name="reminder_health"),
    path("health.json", views.health_json, name="reminder_health_json"),
]
