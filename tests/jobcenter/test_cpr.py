import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection

from jobcenter import cpr
from jobcenter.models import AuditAction, AuditEvent
from tests.factories import CitizenFactory


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("010190-1234", "0101901234"),
        ("0101901234", "0101901234"),
        (" 311299-4003 ", "3112994003"),
        # Fails the old modulus-11 check, yet valid: such numbers are issued since 2007.
        ("010180-0001", "0101800001"),
    ],
)
def test_valid_cpr_numbers_are_normalised(raw, digits):
    assert cpr.normalise_cpr(raw) == digits


def test_modulus_11_is_not_required():
    digits = "0101800001"
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    assert sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 != 0
    assert cpr.normalise_cpr(digits) == digits


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("310290-1234", "cpr_date"),  # 31 February
        ("320190-1234", "cpr_date"),
        ("011390-1234", "cpr_date"),
        ("12345", "cpr_format"),
        ("010190-12345", "cpr_format"),
        ("abcdef-ghij", "cpr_format"),
        ("", "cpr_format"),
    ],
)
def test_invalid_cpr_numbers_are_refused(raw, code):
    with pytest.raises(ValidationError) as info:
        cpr.normalise_cpr(raw)
    assert info.value.code == code


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC))
def test_future_birth_dates_are_refused():
    # 7th digit 4 with YY <= 36 means 2000-2036: 01.01.2030 lies in the future.
    with pytest.raises(ValidationError) as info:
        cpr.normalise_cpr("010130-4000")
    assert info.value.code == "cpr_future"
    # ... while 01.01.2020 does not.
    assert cpr.normalise_cpr("010120-4000") == "0101204000"


def test_century_from_seventh_digit():
    # 5-8 with YY > 57: 1858-1899.
    assert cpr.normalise_cpr("010170-5000") == "0101705000"


def test_masking_shows_only_the_birth_date():
    assert cpr.mask_cpr("0101901234") == "010190-XXXX"


@pytest.mark.django_db
def test_the_raw_column_holds_no_cpr(team):
    citizen = CitizenFactory(team=team, cpr="0101901234")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM jobcenter_citizen WHERE id = %s", [citizen.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "0101901234" not in row
    assert "010190-1234" not in row
    assert "010190-XXXX" in row
    citizen.refresh_from_db()
    assert citizen.reveal_cpr() == "010190-1234"


@pytest.mark.django_db
def test_reveal_is_logged(client, citizen, caseworker):
    client.force_login(caseworker)
    response = client.post(f"/citizens/{citizen.pk}/reveal-cpr/")
    assert response.status_code == 200
    assert citizen.reveal_cpr() in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.REVEAL_CPR)
    assert event.citizen_id == citizen.pk and event.user == caseworker
    assert citizen.reveal_cpr().replace("-", "") not in str(event.detail)


@pytest.mark.django_db
def test_consultant_may_not_reveal(client, citizen, consultant):
    client.force_login(consultant)
    assert client.post(f"/citizens/{citizen.pk}/reveal-cpr/").status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL_CPR).exists()
