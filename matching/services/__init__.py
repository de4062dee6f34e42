"""Writes in matching. Pages, the API, the admin and receivers all call these."""

from matching.services.pipeline import (  # noqa: F401
    EMPLOYER_RESPONSE_DAYS,
    RETENTION_MONTHS,
    match_advance,
    match_employment_end,
    match_propose,
)
from matching.services.records import (  # noqa: F401
    employer_action_done,
    employer_activity_add,
    employer_contact_add,
    employer_create,
    employer_update,
    need_remove,
    need_set,
    needs_from_screening,
    profile_update,
    vacancy_create,
    vacancy_update,
)
