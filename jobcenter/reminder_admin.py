"""Admin for the reminder stages (editable) and the delivery records (read only)."""

from django.contrib import admin

from jobcenter.models import Heartbeat, Notification, NotificationPreference, Reminder, StageConfig


@admin.register(StageConfig)
class StageConfigAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "stage",
        "active",
        "offset_days",
        "working_days",
        "send_time",
        "to_owner",
        "to_caseworker",
        "to_team_leads",
    ]
    list_filter = ["kind", "stage", "active"]
    list_editable = ["active", "offset_days", "working_days", "send_time"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser


class ReadOnlyAdmin(admin.ModelAdmin):
    """Delivery records for superusers; nobody edits them by hand."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["deadline", "stage", "recipient", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "stage", "digest"]
    list_select_related = ["deadline", "recipient"]
    raw_id_fields = ["deadline", "recipient"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "stage", "deadline", "created_at", "read_at"]
    list_select_related = ["deadline", "recipient"]
    raw_id_fields = ["deadline", "recipient", "reminder"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["user", "email", "digest_hour", "last_digest_on"]


@admin.register(Heartbeat)
class HeartbeatAdmin(ReadOnlyAdmin):
    list_display = ["name", "last_run_at", "last_duration_ms", "last_created", "failures"]
