"""Scheme-specific details are checked against the scheme's limits (data on the scheme)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from compensation.limits import DetailsInvalid, validate_details
from compensation.models import Scheme
from tests.compensation.factories import make_application, make_employer

pytestmark = pytest.mark.django_db


def check(code, details, employer=None):
    return validate_details(Scheme.objects.get(code=code), details, employer=employer)


def errors(code, details, employer=None) -> dict:
    with pytest.raises(DetailsInvalid) as error:
        check(code, details, employer)
    return error.value.by_field


PA = {"work_hours_per_week": "37", "assistance_hours_per_week": "20", "tasks": "Post"}


def test_personal_assistance_pro_rata():
    assert check("personal_assistance", PA)["assistance_hours_per_week"] == "20"
    assert "assistance_hours_per_week" in errors(
        "personal_assistance", {**PA, "assistance_hours_per_week": "21"}
    )
    half = {**PA, "work_hours_per_week": "18.5", "assistance_hours_per_week": "10.5"}
    assert "assistance_hours_per_week" in errors("personal_assistance", half)
    assert check("personal_assistance", {**half, "special_case": True})
    assert check("personal_assistance", {**half, "assistance_hours_per_week": "10"})


def test_limits_are_data_admins_edit():
    scheme = Scheme.objects.get(code="personal_assistance")
    scheme.limits = {**scheme.limits, "max_hours_per_week": 25}
    scheme.save()
    assert check("personal_assistance", {**PA, "assistance_hours_per_week": "25"})


ICE = {
    "education_months": 36,
    "education_end": "2025-06-30",
    "job_start": "2026-05-01",
    "subsidy_months": 12,
    "rate_level": "3",
}


def test_icebreaker():
    assert check("icebreaker", ICE)
    assert "education_months" in errors("icebreaker", {**ICE, "education_months": 17})
    assert check("icebreaker", {**ICE, "education_months": 18})
    assert "job_start" in errors("icebreaker", {**ICE, "job_start": "2027-07-01"})
    assert check("icebreaker", {**ICE, "job_start": "2027-06-30"})
    assert "subsidy_months" in errors("icebreaker", {**ICE, "subsidy_months": 13})
    assert "rate_level" in errors("icebreaker", {**ICE, "rate_level": "6"})


S56 = {"expected_absence_days": 10, "agreement_months": 24, "medical_certificate": True}


def test_sickness_refund_56():
    assert check("sickness_refund_56", S56)
    assert "expected_absence_days" in errors(
        "sickness_refund_56", {**S56, "expected_absence_days": 9}
    )
    assert "agreement_months" in errors("sickness_refund_56", {**S56, "agreement_months": 25})
    assert "medical_certificate" in errors(
        "sickness_refund_56", {**S56, "medical_certificate": False}
    )


def test_mentor_pensioner_flex_transport():
    assert "period_months" in errors("mentor", {"period_months": 7, "hours_per_week": "2"})
    assert "hourly_subsidy" in errors(
        "disability_pensioner_subsidy", {"hours_per_week": "20", "hourly_subsidy": "54.08"}
    )
    assert check(
        "disability_pensioner_subsidy", {"hours_per_week": "20", "hourly_subsidy": "54.07"}
    )
    assert "grant_years" in errors("flex_job", {"grant_years": 6, "citizen_age": 30})
    assert "permanent" in errors(
        "flex_job", {"grant_years": 5, "permanent": True, "citizen_age": 39}
    )
    assert check("flex_job", {"grant_years": 5, "permanent": True, "citizen_age": 45})
    assert "round_trip_km" in errors("transport", {"round_trip_km": "24", "monthly_cost": "100"})


def test_missing_and_malformed_values():
    found = errors("icebreaker", {"education_months": "mange", "education_end": "31-12-2025"})
    assert set(found) >= {"education_months", "education_end", "job_start", "subsidy_months"}


def test_priority_access_is_for_public_employers(jobcenter):
    private = make_employer(jobcenter, sector="private")
    assert "vacancy" in errors("priority_access", {"vacancy": "Kontorelev"}, employer=private)
    public = make_employer(jobcenter, cvr="29189927", sector="public", name="Kommunen")
    assert check("priority_access", {"vacancy": "Kontorelev"}, employer=public)


def test_service_refuses_and_reports_per_field(citizen, caseworker):
    with pytest.raises(ValidationError) as error:
        make_application(
            citizen=citizen,
            created_by=caseworker,
            scheme="sickness_refund_56",
            details={**S56, "expected_absence_days": 3},
        )
    assert "details" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_application(citizen=citizen, created_by=caseworker, scheme="icebreaker", details=ICE)
    assert "employer" in error.value.message_dict  # the icebreaker needs an employer
    with pytest.raises(ValidationError) as error:
        make_application(
            citizen=citizen,
            created_by=caseworker,
            scheme="flex_job",
            fast_track=True,
            details={"grant_years": 5, "citizen_age": 45},
        )
    assert "fast_track" in error.value.message_dict
    assert dt.date  # keep the import for readers of the icebreaker dates
