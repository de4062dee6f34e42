"""Admin: suggestion rules and questionnaire versions are edited here; screenings are read-only."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from jobcenter.admin import ScopedAdmin
from screening.models import Questionnaire, Screening, SuggestionRule
from screening.questionnaire import question_map
from screening.selectors import audit_reads


class SuggestionRuleForm(forms.ModelForm):
    class Meta:
        model = SuggestionRule
        fields = [
            "scheme_code",
            "question",
            "values",
            "reason_da",
            "reason_en",
            "order",
            "is_active",
        ]

    def clean(self):
        cleaned = super().clean()
        questionnaire = Questionnaire.objects.current()
        key = cleaned.get("question")
        if questionnaire is None or not key:
            return cleaned
        question = question_map(questionnaire.definition).get(key)
        if question is None:
            self.add_error("question", _("The current questionnaire has no such question."))
            return cleaned
        allowed = {choice["value"] for choice in question.get("choices", [])}
        unknown = [value for value in cleaned.get("values") or [] if value not in allowed]
        if unknown:
            self.add_error("values", _("Unknown answer values: %s") % ", ".join(unknown))
        return cleaned


@admin.register(SuggestionRule)
class SuggestionRuleAdmin(admin.ModelAdmin):
    form = SuggestionRuleForm
    list_display = ["scheme_code", "question", "values", "reason_da", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["scheme_code", "is_active"]
    search_fields = ["question", "reason_da", "reason_en"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["version", "name", "is_active", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # A version that screenings were taken with is frozen (version pinning).
        if obj is not None and obj.screenings.exists():
            return ["version", "name", "definition", "created_at"]
        return ["created_at"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Screening)
class ScreeningAdmin(ScopedAdmin):
    list_display = ["citizen", "status", "summary", "disability3", "created_at", "superseded_at"]
    list_filter = ["status", "summary", "disability3"]
    list_select_related = ["citizen"]
    raw_id_fields = ["citizen", "supersedes"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        screening = self.get_queryset(request).filter(pk=object_id).first()
        if screening is not None:
            audit_reads([screening], user=request.user, request=request, purpose="admin")
        return super().change_view(request, object_id, form_url, extra_context)
