"""Matching: employers, reference data, vacancies, citizens' match profiles, the pipeline."""

from matching.models.employers import (  # noqa: F401
    ContactPerson,
    Employer,
    EmployerAction,
    EmployerActivity,
    EmployerConcern,
    EmployerQuerySet,
    EmployerSector,
    NextAction,
    validate_cvr,
)
from matching.models.matches import Match, MatchStatus, MatchStep  # noqa: F401
from matching.models.profiles import AccommodationNeed, MatchProfile, NeedSource  # noqa: F401
from matching.models.reference import Occupation, Postcode, Skill  # noqa: F401
from matching.models.vacancies import Vacancy, VacancyStatus  # noqa: F401
