"""Forms of matching; they turn input into domain values."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db import models
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from stdnum.dk import cvr as stdnum_cvr

from jobcenter.models import Role, User
from jobcenter.vocab import Accommodation
from matching.models import (
    ContactPerson,
    Employer,
    EmployerActivity,
    EmployerConcern,
    MatchStatus,
    Occupation,
    Postcode,
    Skill,
    Vacancy,
)


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


def _autocomplete(url_name: str, list_id: str) -> dict:
    """An input that asks the server for suggestions (htmx) and shows them in a datalist."""
    return {
        "list": list_id,
        "autocomplete": "off",
        "hx-get": reverse_lazy(url_name),
        "hx-trigger": "input changed delay:250ms",
        "hx-target": f"#{list_id}",
        "hx-swap": "innerHTML",
    }


class PostcodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Postcode"))
        kwargs.setdefault("help_text", _("Type a postcode or town name."))
        super().__init__(
            max_length=60,
            widget=forms.TextInput(
                attrs=_autocomplete("autocomplete_postcodes", "postcode-options")
            ),
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        code = value.split()[0]
        place = Postcode.objects.filter(pk=code).first()
        if place is None:
            raise forms.ValidationError(_("Unknown postcode."))
        return place


class OccupationField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Occupation (DISCO-08)"))
        kwargs.setdefault("help_text", _("Type a job title or a DISCO-08 code."))
        super().__init__(
            max_length=200,
            widget=forms.TextInput(
                attrs=_autocomplete("autocomplete_occupations", "occupation-options")
            ),
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        code = value.split()[0]
        occupation = Occupation.objects.filter(pk=code, level=4).first()
        if occupation is None:
            raise forms.ValidationError(_("Choose an occupation from the list (a 4-digit code)."))
        return occupation


class SkillsField(forms.CharField):
    """Skills typed as a comma-separated list (names or ids), with htmx suggestions for the
    last one; cleans to a list of skill ids."""

    def __init__(self, list_id: str, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("Separate skills with commas; suggestions appear as you type.")
        )
        super().__init__(
            max_length=2000,
            widget=forms.TextInput(attrs=_autocomplete("autocomplete_skills", list_id)),
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            skills = Skill.objects.in_bulk(list(value))
            return ", ".join(skills[pk].title for pk in value if pk in skills)
        return value

    def clean(self, value) -> list[int]:
        value = super().clean(value)
        names = [part.strip() for part in (value or "").split(",") if part.strip()]
        found, unknown = [], []
        for name in names:
            skill = (
                Skill.objects.filter(pk=int(name)).first()
                if name.isdigit()
                else Skill.objects.filter(
                    models.Q(title_da__iexact=name) | models.Q(title_en__iexact=name)
                ).first()
            )
            if skill is None:
                unknown.append(name)
            elif skill.pk not in found:
                found.append(skill.pk)
        if unknown:
            raise forms.ValidationError(
                _("Unknown skills: %(names)s") % {"names": ", ".join(unknown)}
            )
        return found


def accommodation_field(label) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=Accommodation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class EmployerForm(forms.ModelForm):
    concerns = forms.MultipleChoiceField(
        label=_("Concerns"),
        choices=EmployerConcern.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    offered_accommodations = accommodation_field(_("Accommodations it can offer"))
    open_to_hiring = forms.NullBooleanField(
        label=_("Open to hiring people with disabilities"),
        required=False,
        widget=forms.NullBooleanSelect,
    )

    class Meta:
        model = Employer
        fields = [
            "cvr",
            "p_number",
            "name",
            "industry",
            "sector",
            "address",
            "postcode",
            "employees",
            "consultant",
            "open_to_hiring",
            "knows_schemes",
            "knows_social_chapters",
            "needs_accommodation_help",
            "concerns",
            "offered_accommodations",
        ]
        widgets = {"cvr": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultant"].queryset = User.objects.filter(
            memberships__role=Role.COMPANY_CONSULTANT,
            memberships__team__jobcenter_id__in=user.jobcenter_ids(),
        ).distinct()
        self.helper = _helper(_("Save"))

    def clean_cvr(self) -> str:
        value = stdnum_cvr.compact(self.cleaned_data["cvr"] or "")
        if not stdnum_cvr.is_valid(value):
            raise forms.ValidationError(
                _("A CVR number has 8 digits, does not start with 0 and passes the check digit.")
            )
        return value

    def _post_clean(self):
        # The service validates the model (with the jobcenter); skip the instance checks here.
        pass


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "title", "email", "phone", "is_primary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add contact person"))


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[c for c in EmployerActivity.Kind.choices if c[0] != EmployerActivity.Kind.SYSTEM],
    )
    text = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add to the log"))


class VacancyForm(forms.ModelForm):
    occupation = OccupationField()
    postcode = PostcodeField(required=False)
    required_skills = SkillsField("required-skill-options", label=_("Required skills"))
    wanted_skills = SkillsField("wanted-skill-options", label=_("Wanted skills"))
    accommodations = accommodation_field(_("Accommodations available"))

    class Meta:
        model = Vacancy
        fields = [
            "title",
            "occupation",
            "description",
            "required_skills",
            "wanted_skills",
            "hours_min",
            "hours_max",
            "flex_job_possible",
            "postcode",
            "accommodations",
            "start_date",
            "positions",
            "status",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["occupation"] = self.instance.occupation_id
            self.initial["postcode"] = self.instance.postcode_id or ""
        self.helper = _helper(_("Save"))

    def clean(self):
        data = super().clean()
        low, high = data.get("hours_min"), data.get("hours_max")
        if low is not None and high is not None and low > high:
            self.add_error("hours_max", _("The upper limit must not be below the lower."))
        return data

    def domain_values(self) -> dict:
        data = dict(self.cleaned_data)
        return data

    def _post_clean(self):
        pass


class ProfileForm(forms.Form):
    occupations = forms.ModelMultipleChoiceField(
        label=_("Desired occupations"),
        queryset=Occupation.objects.filter(level=4),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    skills = SkillsField("skill-options", label=_("Skills"))
    hours_min = forms.IntegerField(label=_("Hours per week, from"), min_value=0, max_value=60)
    hours_max = forms.IntegerField(label=_("Hours per week, to"), min_value=1, max_value=60)
    max_commute_km = forms.IntegerField(label=_("Longest commute (km)"), min_value=1, max_value=300)
    available_from = forms.DateField(
        label=_("Available from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    flex_job_eligible = forms.BooleanField(label=_("Eligible for a flex job"), required=False)
    excluded_occupations = forms.ModelMultipleChoiceField(
        label=_("Occupations to exclude"),
        queryset=Occupation.objects.filter(level=4),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    exclusion_note = forms.CharField(
        label=_("Other exclusions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save profile"))

    def clean(self):
        data = super().clean()
        low, high = data.get("hours_min"), data.get("hours_max")
        if low is not None and high is not None and low > high:
            self.add_error("hours_max", _("The upper limit must not be below the lower."))
        return data

    def domain_values(self) -> dict:
        data = dict(self.cleaned_data)
        data["occupations"] = [o.code for o in data["occupations"]]
        data["excluded_occupations"] = [o.code for o in data["excluded_occupations"]]
        return data


class NeedForm(forms.Form):
    code = forms.ChoiceField(label=_("Accommodation"), choices=Accommodation.choices)
    necessary = forms.BooleanField(
        label=_("Necessary (only match vacancies that offer it)"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add need"))


class EmploymentEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Last day of the job"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Record that the job ended"))


class AdvanceForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MatchStatus.choices)
    on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, allowed: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(MatchStatus.choices)
        self.fields["status"].choices = [(code, labels[code]) for code in allowed]
        self.helper = _helper(_("Move the match"))


class RankFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All")), ("private", _("Private")), ("public", _("Public"))],
    )
    flex_job = forms.BooleanField(label=_("Flex jobs only"), required=False)
