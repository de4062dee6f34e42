from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reporting.figures import Period
from reporting.selectors import default_period, default_team_ids, report_teams


class ReportFilterForm(forms.Form):
    """The period and teams of a report, limited to the teams the user may report on."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: the teams you lead (administrators: all teams)."),
    )

    def __init__(self, data=None, *, user, **kwargs):
        self.user = user
        period = default_period()
        if data is not None and not any(key in data for key in ("start", "end", "teams")):
            data = None
        initial = {
            "start": period.start,
            "end": period.end,
            "teams": sorted(default_team_ids(user)),
        }
        super().__init__(data, initial=initial, **kwargs)
        self.fields["teams"].queryset = report_teams(user).order_by("jobcenter__name", "name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must be before its end."))
        return cleaned

    def scope_values(self) -> tuple[list, Period]:
        """The chosen (or default) teams, as a list, and the period."""
        allowed = list(self.fields["teams"].queryset)
        period = default_period()
        chosen: set[int] = set()
        if self.is_bound and self.is_valid():
            period = Period(self.cleaned_data["start"], self.cleaned_data["end"])
            chosen = {team.pk for team in self.cleaned_data["teams"]}
        if not chosen:
            chosen = default_team_ids(self.user) or {team.pk for team in allowed}
        return [team for team in allowed if team.pk in chosen], period


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class AccessReviewForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    threshold = forms.IntegerField(
        label=_("Citizens outside own caseload"),
        min_value=1,
        required=False,
        help_text=_("Show users who read at least this many citizens who are not their own."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The start of the period must be before its end."))
        return cleaned
