"""Forms of the compensation pages; they turn input into domain values."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from compensation.limits import fields_for
from compensation.models import Payee, Scheme

DETAIL_PREFIX = "detail_"


def _detail_form_field(field) -> forms.Field:
    common = {"label": field.label, "required": field.required and field.kind != "bool"}
    if field.kind == "decimal":
        return forms.DecimalField(min_value=0, decimal_places=2, **common)
    if field.kind == "int":
        return forms.IntegerField(min_value=0, **common)
    if field.kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if field.kind == "bool":
        return forms.BooleanField(**common)
    if field.kind == "choice":
        return forms.ChoiceField(choices=field.choices, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, **common)


class ApplicationForm(forms.Form):
    fast_track = forms.BooleanField(
        label=_("Fast track"),
        required=False,
        help_text=_("When a hiring is imminent: decided within a few working days."),
    )
    fast_track_reason = forms.CharField(
        label=_("Reason for fast track"),
        required=False,
        max_length=300,
        help_text=_("For example the hiring date."),
    )
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=None, required=False)
    justification = forms.CharField(
        label=_("Justification"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, scheme: Scheme, employers, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.fields["employer"].queryset = employers
        if not scheme.has_employer:
            del self.fields["employer"]
        elif (scheme.limits or {}).get("employer_required"):
            self.fields["employer"].required = True
        if not scheme.fast_track_eligible:
            del self.fields["fast_track"], self.fields["fast_track_reason"]
        for field in fields_for(scheme):
            self.fields[DETAIL_PREFIX + field.name] = _detail_form_field(field)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        data = super().clean()
        if data.get("fast_track") and not (data.get("fast_track_reason") or "").strip():
            self.add_error("fast_track_reason", _("Say why the application is fast-tracked."))
        return data

    def domain_values(self) -> dict:
        data = self.cleaned_data
        details = {
            name[len(DETAIL_PREFIX) :]: value
            for name, value in data.items()
            if name.startswith(DETAIL_PREFIX) and value not in (None, "")
        }
        return {
            "fast_track": bool(data.get("fast_track")),
            "fast_track_reason": data.get("fast_track_reason", ""),
            "employer": data.get("employer"),
            "details": details,
            "justification": data.get("justification", ""),
        }

    def add_detail_errors(self, by_field: dict[str, list[str]]) -> None:
        for name, messages in by_field.items():
            key = DETAIL_PREFIX + name
            self.add_error(key if key in self.fields else None, messages)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Attachment"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ApproveForm(forms.Form):
    start = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("End"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), required=False, min_value=0, decimal_places=2
    )
    amount = forms.DecimalField(
        label=_("Amount (DKK)"), required=False, min_value=0, decimal_places=2
    )
    payee = forms.ChoiceField(label=_("Paid to"), choices=Payee.choices)
    terms = forms.CharField(
        label=_("Terms"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        self.helper = FormHelper()
        self.helper.form_tag = False


class DelayNoticeForm(forms.Form):
    expected_date = forms.DateField(
        label=_("Expected decision date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
