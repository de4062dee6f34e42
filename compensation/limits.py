"""Scheme-specific application details and their validation against the scheme's limits.

The fields per scheme are code (they shape the form); the numbers they are checked against
are data on ``Scheme.limits`` that admins edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compensation.models import Scheme


@dataclass(frozen=True)
class DetailField:
    name: str
    kind: str  # "decimal", "int", "date", "bool", "choice", "text"
    label: object
    required: bool = True
    choices: tuple = ()


DETAIL_FIELDS: dict[str, list[DetailField]] = {
    "personal_assistance": [
        DetailField("work_hours_per_week", "decimal", gettext_lazy("Working hours per week")),
        DetailField(
            "assistance_hours_per_week", "decimal", gettext_lazy("Assistance hours per week")
        ),
        DetailField(
            "special_case", "bool", gettext_lazy("Special case (beyond pro rata)"), required=False
        ),
        DetailField("tasks", "text", gettext_lazy("Tasks the assistant helps with")),
    ],
    "personal_assistance_education": [
        DetailField(
            "assistance_hours_per_week", "decimal", gettext_lazy("Assistance hours per week")
        ),
        DetailField(
            "before_concrete_job", "bool", gettext_lazy("Before a concrete job"), required=False
        ),
        DetailField("education", "text", gettext_lazy("Education")),
    ],
    "assistive_aids": [
        DetailField("aid", "text", gettext_lazy("Aid or adjustment")),
        DetailField("cost", "decimal", gettext_lazy("Cost (DKK)")),
        DetailField(
            "form",
            "choice",
            gettext_lazy("Form"),
            choices=(("loan", gettext_lazy("Loan")), ("subsidy", gettext_lazy("Subsidy"))),
        ),
    ],
    "icebreaker": [
        DetailField("education_months", "int", gettext_lazy("Length of education (months)")),
        DetailField("education_end", "date", gettext_lazy("Education finished")),
        DetailField("job_start", "date", gettext_lazy("Job starts")),
        DetailField("subsidy_months", "int", gettext_lazy("Subsidy period (months)")),
        DetailField(
            "rate_level",
            "choice",
            gettext_lazy("Hourly rate level"),
            choices=tuple((str(n), str(n)) for n in range(1, 6)),
        ),
    ],
    "priority_access": [DetailField("vacancy", "text", gettext_lazy("The post applied for"))],
    "mentor": [
        DetailField("period_months", "int", gettext_lazy("Period (months)")),
        DetailField("hours_per_week", "decimal", gettext_lazy("Mentor hours per week")),
    ],
    "disability_pensioner_subsidy": [
        DetailField("hours_per_week", "decimal", gettext_lazy("Hours per week")),
        DetailField("hourly_subsidy", "decimal", gettext_lazy("Hourly subsidy (DKK)")),
    ],
    "flex_job": [
        DetailField("grant_years", "int", gettext_lazy("Grant period (years)")),
        DetailField("permanent", "bool", gettext_lazy("Permanent flex job"), required=False),
        DetailField("citizen_age", "int", gettext_lazy("Citizen's age")),
    ],
    "sickness_refund_56": [
        DetailField("expected_absence_days", "int", gettext_lazy("Expected absence days a year")),
        DetailField("agreement_months", "int", gettext_lazy("Agreement period (months)")),
        DetailField(
            "medical_certificate", "bool", gettext_lazy("Medical certificate LÆ 225 enclosed")
        ),
    ],
    "transport": [
        DetailField("round_trip_km", "decimal", gettext_lazy("Round trip (km)")),
        DetailField("monthly_cost", "decimal", gettext_lazy("Extra cost per month (DKK)")),
    ],
}


def fields_for(scheme: Scheme) -> list[DetailField]:
    return DETAIL_FIELDS.get(scheme.code, [])


def _coerce(field: DetailField, raw):
    if raw in (None, ""):
        return None
    if field.kind == "decimal":
        try:
            value = Decimal(str(raw).replace(",", "."))
        except InvalidOperation:
            raise ValidationError(_("Enter a number.")) from None
        if value < 0:
            raise ValidationError(_("Enter a positive number."))
        return str(value)
    if field.kind == "int":
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise ValidationError(_("Enter a whole number.")) from None
        if value < 0:
            raise ValidationError(_("Enter a positive number."))
        return value
    if field.kind == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(str(raw)).isoformat()
        except ValueError:
            raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from None
    if field.kind == "bool":
        return raw in (True, "true", "True", "1", "on", 1)
    if field.kind == "choice":
        if str(raw) not in {key for key, _label in field.choices}:
            raise ValidationError(_("Choose one of the options."))
        return str(raw)
    return str(raw).replace("\x00", "").strip()[:2000]


def validate_details(scheme: Scheme, details: dict, *, employer=None) -> dict:
    """Return the cleaned details; raise ``ValidationError({"details": {field: [..]}})``."""
    details = details or {}
    if not isinstance(details, dict):
        raise DetailsInvalid({"details": [_("Give the details as an object of fields.")]}, scheme)
    errors: dict[str, list[str]] = {}
    clean: dict = {}
    for field in fields_for(scheme):
        try:
            value = _coerce(field, details.get(field.name))
        except ValidationError as error:
            errors[field.name] = error.messages
            continue
        if value is None and field.required and field.kind != "bool":
            errors[field.name] = [_("This field is required.")]
        elif value is not None:
            clean[field.name] = value
    if not errors:
        for name, message in _check_limits(scheme, clean, employer):
            errors.setdefault(name, []).append(message)
    if errors:
        raise DetailsInvalid(errors, scheme)
    return clean


class DetailsInvalid(ValidationError):
    """Invalid details; ``by_field`` keeps the messages per detail field for forms and API."""

    def __init__(self, by_field: dict[str, list[str]], scheme: Scheme):
        labels = {field.name: str(field.label) for field in fields_for(scheme)}
        super().__init__(
            {
                "details": [
                    f"{labels.get(name, name)}: {message}"
                    for name, messages in by_field.items()
                    for message in messages
                ]
            }
        )
        self.by_field = by_field


def _num(value) -> Decimal:
    return Decimal(str(value or 0))


def _check_limits(scheme: Scheme, d: dict, employer) -> list[tuple[str, str]]:
    limits = scheme.limits or {}
    problems: list[tuple[str, str]] = []
    code = scheme.code
    if code == "personal_assistance":
        full = _num(limits.get("full_time_hours", 37))
        work = _num(d["work_hours_per_week"])
        allowed = _num(limits.get("max_hours_per_week", 20)) * min(work, full) / full
        if d.get("special_case"):
            allowed = work  # full time only in special cases
        if work > 0 and _num(d["assistance_hours_per_week"]) > allowed:
            problems.append(
                (
                    "assistance_hours_per_week",
                    _("At most %(hours)s hours a week at %(work)s working hours (pro rata).")
                    % {"hours": f"{allowed:.1f}", "work": work},
                )
            )
    elif code == "personal_assistance_education":
        cap = limits.get(
            "max_hours_before_job" if d.get("before_concrete_job") else "max_hours_per_week", 20
        )
        if _num(d["assistance_hours_per_week"]) > _num(cap):
            problems.append(
                ("assistance_hours_per_week", _("At most %(hours)s hours a week.") % {"hours": cap})
            )
    elif code == "icebreaker":
        minimum = limits.get("min_education_months", 18)
        if d["education_months"] < minimum:
            problems.append(
                (
                    "education_months",
                    _("The education must last at least %(months)s months.") % {"months": minimum},
                )
            )
        years = int(limits.get("max_years_after_education", 2))
        end = dt.date.fromisoformat(d["education_end"])
        start = dt.date.fromisoformat(d["job_start"])
        try:
            latest = end.replace(year=end.year + years)
        except ValueError:  # 29 February
            latest = end.replace(year=end.year + years, day=28)
        if not end <= start <= latest:
            problems.append(
                (
                    "job_start",
                    _("The job must start within %(years)s years after the education ended.")
                    % {"years": years},
                )
            )
        if d["subsidy_months"] > limits.get("max_months", 12) or d["subsidy_months"] < 1:
            problems.append(
                (
                    "subsidy_months",
                    _("From 1 to %(months)s months.") % {"months": limits.get("max_months", 12)},
                )
            )
    elif code == "priority_access":
        if limits.get("public_employer_only") and employer is not None and not employer.is_public:
            problems.append(("vacancy", _("Priority access applies to public employers only.")))
    elif code == "mentor":
        maximum = limits.get("max_period_months", 6)
        if not 1 <= d["period_months"] <= maximum:
            problems.append(
                ("period_months", _("From 1 to %(months)s months.") % {"months": maximum})
            )
    elif code == "disability_pensioner_subsidy":
        maximum = _num(limits.get("max_hourly_subsidy", "54.07"))
        if _num(d["hourly_subsidy"]) > maximum:
            problems.append(
                ("hourly_subsidy", _("At most %(amount)s DKK an hour.") % {"amount": maximum})
            )
    elif code == "flex_job":
        first = limits.get("first_grant_years", 5)
        if d.get("permanent"):
            if d["citizen_age"] <= limits.get("permanent_min_age", 40):
                problems.append(
                    (
                        "permanent",
                        _("A permanent flex job is only for citizens over %(age)s.")
                        % {"age": limits.get("permanent_min_age", 40)},
                    )
                )
        elif not 1 <= d["grant_years"] <= first:
            problems.append(
                ("grant_years", _("The first grant is at most %(years)s years.") % {"years": first})
            )
    elif code == "sickness_refund_56":
        minimum = limits.get("min_absence_days", 10)
        if d["expected_absence_days"] < minimum:
            problems.append(
                (
                    "expected_absence_days",
                    _("At least %(days)s expected absence days a year.") % {"days": minimum},
                )
            )
        maximum = limits.get("max_agreement_months", 24)
        if not 1 <= d["agreement_months"] <= maximum:
            problems.append(
                ("agreement_months", _("From 1 to %(months)s months.") % {"months": maximum})
            )
        if not d.get("medical_certificate"):
            problems.append(("medical_certificate", _("The medical certificate is required.")))
    elif code == "transport":
        minimum = _num(limits.get("min_round_trip_km", 24))
        if _num(d["round_trip_km"]) <= minimum:
            problems.append(
                ("round_trip_km", _("Only over %(km)s km round trip.") % {"km": minimum})
            )
    return problems
