"""Forms of the shared core; they turn input into domain values."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from jobcenter import cpr as cpr_lib
from jobcenter.models import BenefitType, Citizen, CitizenStatus, Role, Team, User


def case_teams_for(user: User):
    if user.is_superuser:
        return Team.objects.all()
    return Team.objects.filter(pk__in=user.team_ids(Role.CASEWORKER, Role.TEAM_LEAD))


def brokers_for(teams) -> forms.ModelChoiceField:
    return (
        User.objects.filter(
            memberships__team__in=teams,
            memberships__role__in=(Role.CASEWORKER, Role.TEAM_LEAD),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class CitizenForm(forms.ModelForm):
    cpr = forms.CharField(
        label=_("CPR number"),
        required=False,
        max_length=11,
        help_text=_("DDMMYY-SSSS. Leave empty for citizens without a CPR number."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    class Meta:
        model = Citizen
        fields = [
            "first_name",
            "last_name",
            "cpr",
            "foreign_id",
            "email",
            "phone",
            "address",
            "postcode",
            "city",
            "benefit_type",
            "first_contact_date",
            "team",
            "caseworker",
        ]
        widgets = {"first_contact_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        editing = self.instance.pk is not None
        if editing:
            # Team and broker change through "reassign"; the CPR only when retyped.
            del self.fields["team"], self.fields["caseworker"]
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=CitizenStatus.choices, initial=self.instance.status
            )
            if self.instance.cpr_masked:
                self.fields["cpr"].help_text = _(
                    "Registered: %(masked)s. Leave empty to keep it."
                ) % {"masked": self.instance.cpr_masked}
        else:
            teams = case_teams_for(user)
            self.fields["team"].queryset = teams
            self.fields["caseworker"].queryset = brokers_for(teams)
            if teams.count() == 1:
                self.fields["team"].initial = teams.first()
            self.fields["caseworker"].initial = user.pk
        self.fields["benefit_type"].choices = BenefitType.choices
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("first_name"), Column("last_name")),
            Row(Column("cpr"), Column("foreign_id")),
            Row(Column("email"), Column("phone")),
            Row(Column("address", css_class="col-md-6"), Column("postcode"), Column("city")),
            Row(Column("benefit_type"), Column("first_contact_date")),
            *([Row(Column("status"))] if editing else [Row(Column("team"), Column("caseworker"))]),
            Submit("submit", _("Save")),
        )

    def clean_cpr(self) -> str:
        value = self.cleaned_data.get("cpr", "").strip()
        return cpr_lib.normalise_cpr(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        has_cpr = cleaned.get("cpr") or (self.instance.pk and self.instance.cpr_hash)
        if not has_cpr and not cleaned.get("foreign_id") and "cpr" not in self.errors:
            self.add_error(
                "foreign_id",
                _("Enter a CPR number or, for citizens without one, another identification."),
            )
        return cleaned

    def domain_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("team", None)
        data.pop("caseworker", None)
        return data


class ReassignForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    caseworker = forms.ModelChoiceField(
        label=_("Personal job broker"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, citizen: Citizen, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Team.objects.filter(jobcenter_id=citizen.jobcenter_id)
        self.fields["team"].queryset = teams
        self.fields["team"].initial = citizen.team_id
        self.fields["caseworker"].queryset = brokers_for(teams)
        self.fields["caseworker"].initial = citizen.caseworker_id
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Reassign")))


class CitizenFilterForm(forms.Form):
    q = forms.CharField(label=_("Search name or CPR"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + CitizenStatus.choices
    )
    benefit_type = forms.ChoiceField(
        label=_("Benefit type"), required=False, choices=[("", _("All"))] + BenefitType.choices
    )
    team = forms.ModelChoiceField(
        label=_("Team"), required=False, queryset=Team.objects.none(), empty_label=_("All")
    )
    caseworker = forms.ModelChoiceField(
        label=_("Personal job broker"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("All"),
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        teams = (
            Team.objects.all() if user.is_superuser else Team.objects.filter(pk__in=user.team_ids())
        )
        self.fields["team"].queryset = teams
        self.fields["caseworker"].queryset = brokers_for(teams)
