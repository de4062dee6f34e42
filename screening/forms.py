"""The one-page screening form, built from the questionnaire version's definition."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.questionnaire import CHOICE_KINDS, MAX_HOURS, MAX_TEXT, questions, text


def _field(question: dict) -> forms.Field:
    label = text(question["text"])
    required = bool(question.get("required"))
    kind = question["kind"]
    if kind in CHOICE_KINDS:
        return forms.ChoiceField(
            label=label,
            required=required,
            choices=[(choice["value"], text(choice)) for choice in question["choices"]],
            widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        )
    if kind == "multi":
        return forms.MultipleChoiceField(
            label=label,
            required=False,
            choices=[(choice["value"], text(choice)) for choice in question["choices"]],
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        )
    if kind == "hours":
        return forms.IntegerField(
            label=label,
            required=False,
            min_value=0,
            max_value=MAX_HOURS,
            widget=forms.NumberInput(attrs={"class": "form-control hours-input"}),
        )
    if kind == "consent":
        return forms.BooleanField(
            label=label,
            required=False,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


class ScreeningForm(forms.Form):
    def __init__(self, *args, definition: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        for question in questions(definition):
            self.fields[question["key"]] = _field(question)

    def sections(self) -> list[dict]:
        """Bound fields grouped as the questionnaire's sections, for the template."""
        grouped = []
        for section in self.definition.get("sections", []):
            grouped.append(
                {
                    "key": section["key"],
                    "title": text(section["title"]),
                    "preamble": text(section.get("preamble", "")),
                    "fields": [self[question["key"]] for question in section["questions"]],
                }
            )
        return grouped

    def answers(self) -> dict:
        """The answers as the service (and the API) take them."""
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "", []) or isinstance(value, bool)
        }


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
