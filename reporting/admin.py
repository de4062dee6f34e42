from django import forms
from django.contrib import admin

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


@admin.register(MaintenanceRun)
class MaintenanceRunAdmin(admin.ModelAdmin):
    list_display = ["job", "finished_at", "cutoff", "counts"]
    list_filter = ["job"]
    readonly_fields = ["job", "started_at", "finished_at", "cutoff", "counts"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
