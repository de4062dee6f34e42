from django import forms
from django.contrib import admin

from jobcenter.models import Jobcenter
from reporting.models import MaintenanceRun, Target
from reporting.targets import metric_choices


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["jobcenter", "year", "metric", "value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"] = forms.ChoiceField(
            label=Target._meta.get_field("metric").verbose_name, choices=metric_choices()
        )


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    form = TargetForm
    list_display = ["jobcenter", "year", "metric", "value"]
    list_filter = ["year", "jobcenter"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "jobcenter" and not request.user.is_superuser:
            kwargs["queryset"] = Jobcenter.objects.filter(pk__in=request.user.jobcenter_ids())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(MaintenanceRun)
class MaintenanceRunAdmin(admin.ModelAdmin):
    list_display = ["job", "finished_at", "cutoff", "counts"]
    list_filter = ["job"]
    readonly_fields = ["job", "started_at", "finished_at", "cutoff", "counts"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
