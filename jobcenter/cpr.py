"""CPR numbers: validation, masking, encryption at rest and keyed lookup.

A CPR number never appears in a URL, a log line or an audit record; pages show it masked.
"""

import hashlib
import hmac
import re
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError as StdnumError

_CPR_SHAPE = re.compile(r"^\s*(\d{6})-?(\d{4})\s*$")


def looks_like_cpr(value: str) -> bool:
    return bool(_CPR_SHAPE.match(value or ""))


def normalise_cpr(value: str) -> str:
    """Return the ten digits of a valid CPR number or raise ValidationError.

    Follows stdnum: the date must be real and not in the future; the old
    modulus-11 check is deliberately not applied (numbers without it exist since 2007).
    """
    match = _CPR_SHAPE.match(value or "")
    if not match:
        raise ValidationError(
            _("Enter the CPR number as DDMMYY-SSSS (10 digits)."), code="cpr_format"
        )
    digits = match.group(1) + match.group(2)
    try:
        birth = stdnum_cpr.get_birth_date(digits)
    except StdnumError as exc:
        raise ValidationError(
            _("The CPR number does not contain a valid date of birth."), code="cpr_date"
        ) from exc
    if birth > timezone.localdate():
        raise ValidationError(
            _("The CPR number's date of birth lies in the future."), code="cpr_future"
        )
    return digits


def mask_cpr(digits: str) -> str:
    return f"{digits[:6]}-XXXX"


def format_cpr(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}"


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.FIELD_ENCRYPTION_KEYS])


def encrypt_cpr(digits: str) -> str:
    return _fernet().encrypt(digits.encode()).decode()


def decrypt_cpr(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def cpr_lookup_hash(digits: str) -> str:
    """A keyed hash: equal CPR numbers give equal hashes, without storing the number."""
    key = settings.CPR_LOOKUP_KEY.encode()
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()
