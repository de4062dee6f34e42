from django.contrib import admin

from compensation.models import Application, Attachment, Grant, LegalBasis, Scheme, SchemeSetting


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


class SchemeSettingInline(admin.TabularInline):
    model = SchemeSetting
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name_da", "code", "fast_track_eligible", "fast_track_days", "decision_days"]
    list_filter = ["fast_track_eligible", "active"]
    search_fields = ["name_da", "name_en", "code"]
    inlines = [LegalBasisInline, SchemeSettingInline]


class ScopedAdmin(admin.ModelAdmin):
    """Non-superuser staff see only their own teams' rows."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(ScopedAdmin):
    list_display = ["pk", "scheme", "citizen", "status", "fast_track", "decision_due", "team"]
    list_filter = ["status", "fast_track", "scheme"]
    list_select_related = ["scheme", "citizen", "team"]
    raw_id_fields = [
        "citizen",
        "employer",
        "created_by",
        "citizen_caseworker",
        "claimed_by",
        "decided_by",
    ]
    readonly_fields = ["status", "decided_by", "decided_at", "submitted_at", "decision_due"]
    inlines = [AttachmentInline]


@admin.register(Grant)
class GrantAdmin(ScopedAdmin):
    list_display = ["pk", "scheme", "citizen", "start", "end", "status"]
    list_filter = ["status", "scheme"]
    list_select_related = ["scheme", "citizen"]
    raw_id_fields = ["application", "citizen", "created_by"]
    readonly_fields = ["application", "status"]
