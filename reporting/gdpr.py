"""Right of access (GDPR article 15): everything held about one citizen, in sections.

Apps add their own data with ``register_section`` in ``AppConfig.ready``; a section
function takes the citizen and returns JSON-serialisable rows (a list of dicts or a dict).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jobcenter.models import AuditEvent, Citizen

logger = logging.getLogger(__name__)
SectionFn = Callable[[Citizen], list[dict] | dict]
# The encrypted CPR and its lookup hash are never exported; the masked number is.
CITIZEN_FIELDS = (
    "id",
    "cpr_masked",
    "foreign_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "benefit_type",
    "status",
    "first_contact_date",
    "closed_at",
    "anonymised_at",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    collect: SectionFn
    order: int = 50


_sections: dict[str, Section] = {}


def register_section(key: str, title: str | Promise, collect: SectionFn, *, order: int = 50):
    _sections[key] = Section(key, title, collect, order)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def export(citizen: Citizen) -> list[dict]:
    """[{key, title, data}] for every registered section whose source is installed."""
    result = []
    for section in sections():
        try:
            data = section.collect(citizen)
        except LookupError:  # the source app is not installed
            continue
        except FieldError:
            logger.warning("Data-export section %s skipped, a field differs", section.key)
            continue
        result.append({"key": section.key, "title": str(section.title), "data": data})
    return result


def _values(obj: Model, fields) -> dict:
    return {field: getattr(obj, field) for field in fields}


def record(citizen: Citizen) -> dict:
    return {
        **_values(citizen, CITIZEN_FIELDS),
        "jobcenter": str(citizen.jobcenter),
        "team": str(citizen.team),
        "personal_job_broker": str(citizen.caseworker) if citizen.caseworker else None,
    }


def benefit_history(citizen: Citizen) -> list[dict]:
    return list(citizen.benefit_periods.order_by("start").values("benefit_type", "start", "end"))


def deadlines(citizen: Citizen) -> list[dict]:
    return list(citizen.deadlines.order_by("due_at").values("kind", "title", "due_at", "done_at"))


def change_history(citizen: Citizen) -> list[dict]:
    """pghistory's snapshots of the citizen and their benefit periods and deadlines, with the
    changed fields and who made each change."""
    result = []
    tracked = (
        ("jobcenter", "CitizenEvent", {"pgh_obj_id": citizen.pk}),
        ("jobcenter", "BenefitPeriodEvent", {"citizen_id": citizen.pk}),
        ("jobcenter", "DeadlineEvent", {"citizen_id": citizen.pk}),
    )
    hidden = {"cpr_encrypted", "cpr_hash"}
    for app_label, name, lookup in tracked:
        model = apps.get_model(app_label, name)
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if not f.name.startswith("pgh_") and f.attname not in hidden
        ]
        previous: dict[int, dict] = {}
        events = model.objects.filter(**lookup).select_related("pgh_context").order_by("pgh_id")
        for event in events:
            values = _values(event, fields)
            before = previous.get(event.pgh_obj_id, {})
            changed = {k: v for k, v in values.items() if before.get(k) != v}
            previous[event.pgh_obj_id] = values
            context = event.pgh_context.metadata if event.pgh_context_id else {}
            result.append(
                {
                    "object": name.removesuffix("Event"),
                    "object_id": event.pgh_obj_id,
                    "event": event.pgh_label,
                    "at": event.pgh_created_at,
                    "by_user_id": (context or {}).get("user"),
                    "changed": changed,
                }
            )
    return sorted(result, key=lambda row: row["at"])


def read_log(citizen: Citizen) -> list[dict]:
    """Who looked the citizen up, when and why (the audit trail)."""
    events = AuditEvent.objects.filter(citizen_id=citizen.pk).order_by("at", "pk")
    return [
        {
            "at": event.at,
            "user": event.username,
            "action": event.action,
            "action_label": str(event.get_action_display()),
            "purpose": event.purpose,
            "object": event.object_type,
        }
        for event in events
    ]


EXTRA_LABELS = {
    "id": _("Number"),
    "personal_job_broker": _("Personal job broker"),
    "object": _("Object"),
    "object_id": _("Object number"),
    "event": _("Event"),
    "at": _("Time"),
    "by_user_id": _("By user (number)"),
    "changed": _("Changed fields"),
    "user": _("User"),
    "action_label": _("Action"),
}


def field_label(key: str) -> str:
    """A readable heading for an export key: the model field's name where there is one."""
    if key in EXTRA_LABELS:
        return str(EXTRA_LABELS[key])
    for model in (Citizen, AuditEvent, apps.get_model("jobcenter", "Deadline")):
        try:
            return str(model._meta.get_field(key).verbose_name).capitalize()
        except FieldDoesNotExist:
            continue
    return key.replace("_", " ").capitalize()


def register_core_sections() -> None:
    register_section("record", _("Record"), record, order=0)
    register_section("benefit_history", _("Benefit history"), benefit_history, order=10)
    register_section("deadlines", _("Deadlines"), deadlines, order=20)
    register_section("change_history", _("Change history"), change_history, order=80)
    register_section("read_log", _("Who has looked the citizen up"), read_log, order=90)
