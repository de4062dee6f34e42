import pytest
from django.core.exceptions import ValidationError

from matching.forms import EmployerForm
from matching.models import validate_cvr


@pytest.mark.parametrize("value", ["13585628"])
def test_valid_cvr_passes(value):
    validate_cvr(value)


@pytest.mark.parametrize(
    "value",
    [
        "13585627",  # bad check digit
        "1358562",  # too short
        "135856280",  # too long
        "03585628",  # leading zero
        "1358562a",
        "",
    ],
)
def test_invalid_cvr_is_refused(value):
    with pytest.raises(ValidationError):
        validate_cvr(value)


def _form(cvr, user):
    return EmployerForm(
        {"cvr": cvr, "name": "Testfirma ApS", "sector": "private", "open_to_hiring": "unknown"},
        user=user,
    )


def test_form_accepts_valid_and_refuses_bad_checksum(consultant):
    assert _form("13585628", consultant).is_valid()
    form = _form("13585627", consultant)
    assert not form.is_valid()
    assert "cvr" in form.errors


def test_form_refuses_wrong_length_and_leading_zero(consultant):
    assert "cvr" in _form("1358562", consultant).errors
    assert "cvr" in _form("03585628", consultant).errors
