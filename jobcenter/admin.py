"""Django admin for the shared core. Non-superuser staff see only their teams' data."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from jobcenter.models import (
    AuditEvent,
    BenefitPeriod,
    Citizen,
    Deadline,
    Jobcenter,
    Membership,
    Team,
    User,
)


class ScopedAdmin(admin.ModelAdmin):
    """Non-superusers see what ``visible_to`` (or the team filter) allows, nothing more."""

    team_path = "team"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        if hasattr(queryset, "visible_to"):
            return queryset.visible_to(request.user)
        return queryset.filter(**{f"{self.team_path}__in": request.user.team_ids()}).distinct()


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["team"]


@admin.register(Jobcenter)
class JobcenterAdmin(ScopedAdmin):
    list_display = ["name", "municipality", "municipality_code"]
    search_fields = ["name", "municipality", "municipality_code"]
    team_path = "teams"


@admin.register(Team)
class TeamAdmin(ScopedAdmin):
    list_display = ["name", "jobcenter"]
    list_filter = ["jobcenter"]
    search_fields = ["name", "jobcenter__name"]
    team_path = "pk"

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=request.user.team_ids())


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "memberships__role", "language"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Preferences"), {"fields": ["language"]}),)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(memberships__team__in=request.user.team_ids()).distinct()


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "team", "role"]
    list_filter = ["role", "team__jobcenter"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "team__name"]


class BenefitPeriodInline(admin.TabularInline):
    model = BenefitPeriod
    extra = 0


@admin.register(Citizen)
class CitizenAdmin(ScopedAdmin):
    list_display = ["last_name", "first_name", "cpr_masked", "team", "caseworker", "status"]
    list_filter = ["status", "benefit_type", "team__jobcenter", "team"]
    search_fields = ["first_name", "last_name", "foreign_id"]
    readonly_fields = ["cpr_masked", "anonymised_at", "created_at", "updated_at"]
    exclude = ["cpr_encrypted", "cpr_hash"]
    list_select_related = ["team", "caseworker"]
    inlines = [BenefitPeriodInline]
    raw_id_fields = ["caseworker"]


@admin.register(Deadline)
class DeadlineAdmin(ScopedAdmin):
    list_display = ["title", "kind", "due_at", "done_at", "owner", "team"]
    list_filter = ["kind", "team"]
    search_fields = ["title"]
    date_hierarchy = "due_at"
    raw_id_fields = ["citizen", "owner", "done_by"]
    list_select_related = ["owner", "team"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Browse and filter only: nobody edits or deletes the audit trail."""

    list_display = ["at", "username", "action", "citizen_id", "object_type", "ip_address"]
    list_filter = ["action", "object_type", ("at", admin.DateFieldListFilter)]
    search_fields = ["username", "object_id", "purpose"]
    date_hierarchy = "at"
    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        visible = Citizen.objects.visible_to(request.user).values("pk")
        return queryset.filter(citizen_id__in=visible)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
