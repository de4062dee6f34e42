"""Reads of the screening app, shared by pages, the API and other apps.

Other apps import ``suggested_scheme_codes`` and ``consented_accommodations`` lazily.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
)
from django.http import HttpRequest

from jobcenter.audit import client_ip
from jobcenter.models import AuditAction, AuditEvent, Citizen, User
from screening.models import Screening, ScreeningStatus
from screening.questionnaire import choice_label, text

SCREENED_WITHIN_DAYS = 14


def current_screening(citizen: Citizen) -> Screening | None:
    return (
        Screening.objects.filter(citizen=citizen, superseded_at__isnull=True)
        .select_related("questionnaire", "created_by")
        .first()
    )


def suggested_scheme_codes(citizen: Citizen) -> list[str]:
    """Scheme codes suggested by the citizen's current, non-superseded screening."""
    screening = (
        Screening.objects.filter(
            citizen=citizen, superseded_at__isnull=True, status=ScreeningStatus.COMPLETED
        )
        .only("outcome")
        .first()
    )
    if screening is None:
        return []
    return [entry["code"] for entry in screening.outcome.get("suggested_schemes", [])]


def consented_accommodations(citizen: Citizen) -> list[str]:
    """Accommodation codes the citizen consented to share (empty without consent)."""
    values = (
        Screening.objects.filter(
            citizen=citizen,
            superseded_at__isnull=True,
            status=ScreeningStatus.COMPLETED,
            consent=True,
        )
        .values_list("accommodations", flat=True)
        .first()
    )
    return list(values or [])


def screening_list(*, user: User, citizen: int | None = None) -> QuerySet[Screening]:
    screenings = Screening.objects.visible_to(user).select_related(
        "questionnaire", "citizen", "created_by"
    )
    if citizen:
        screenings = screenings.filter(citizen_id=citizen)
    return screenings.order_by("-created_at", "-pk")


def audit_reads(
    screenings: list[Screening], *, user: User, request: HttpRequest | None, purpose: str = ""
) -> None:
    """Every read of a screening is an audit event (one INSERT for any number of rows)."""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            user=user,
            username=user.get_username(),
            action=AuditAction.VIEW,
            citizen_id=screening.citizen_id,
            object_type=Screening._meta.label_lower,
            object_id=str(screening.pk),
            purpose=purpose,
            ip_address=client_ip(request),
        )
        for screening in screenings
    )


@dataclass(frozen=True)
class AnswerRow:
    key: str
    question: str
    answer: str


def answer_sections(screening: Screening) -> list[dict]:
    """The questions of the screening's own questionnaire version with the given answers."""
    sections = []
    for section in screening.questionnaire.definition.get("sections", []):
        rows = []
        for question in section.get("questions", []):
            value = screening.answers.get(question["key"])
            if value is None or value == "" or value == []:
                shown = "—"
            elif isinstance(value, list):
                shown = ", ".join(choice_label(question, item) for item in value)
            elif isinstance(value, bool):
                shown = "✓" if value else "✗"
            elif question.get("choices"):
                shown = choice_label(question, value)
            else:
                shown = str(value)
            rows.append(AnswerRow(question["key"], text(question["text"]), shown))
        sections.append({"title": text(section["title"]), "rows": rows})
    return sections


@dataclass(frozen=True)
class Figures:
    start: dt.date
    end: dt.date
    first_contacts: int
    screened_in_time: int
    screened_known: int
    identified: int

    @property
    def screened_share(self) -> float | None:
        return self.screened_in_time / self.first_contacts if self.first_contacts else None

    @property
    def identified_share(self) -> float | None:
        return self.identified / self.screened_known if self.screened_known else None


def screening_figures(*, team_ids: set[int] | None, start: dt.date, end: dt.date) -> Figures:
    """Of the citizens with a first contact in [start, end]: how many had a completed
    screening within 14 days of it, and how many of those whose current screening gives
    ``disability3`` a value were identified by it.

    One query: citizens LEFT JOIN screenings, counted with DISTINCT and FILTER. (Correlated
    subqueries per citizen cost ten times more at 50,000 citizens, mostly in PostgreSQL's JIT.)
    """
    citizens = Citizen.objects.filter(first_contact_date__range=(start, end))
    if team_ids is not None:
        citizens = citizens.filter(team_id__in=team_ids)
    deadline = ExpressionWrapper(
        F("first_contact_date") + dt.timedelta(days=SCREENED_WITHIN_DAYS),
        output_field=DateField(),
    )
    completed = Q(screenings__status=ScreeningStatus.COMPLETED)
    current = completed & Q(screenings__superseded_at__isnull=True)
    counts = citizens.aggregate(
        total=Count("pk", distinct=True),
        screened=Count(
            "pk", distinct=True, filter=completed & Q(screenings__created_at__date__lte=deadline)
        ),
        known=Count("pk", distinct=True, filter=current & Q(screenings__disability3__isnull=False)),
        identified=Count("pk", distinct=True, filter=current & Q(screenings__disability3=True)),
    )
    return Figures(
        start=start,
        end=end,
        first_contacts=counts["total"],
        screened_in_time=counts["screened"],
        screened_known=counts["known"],
        identified=counts["identified"],
    )
