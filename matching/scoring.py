"""The one scoring function: hard filters, then a 0–100 score explained per component.

``score_match`` is pure (no database). ``matching.ranking`` computes the very same formula
in SQL to rank thousands of rows, then calls this function on the top rows for their
explanations; tests check that both give the same score. Keep the two in step: every float
operation below has its twin in ``ranking.SCORE_SQL``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matching.masks import codes_of, popcount

DEFAULT_WEIGHTS: dict[str, float] = {
    "skills": 35,
    "occupation": 20,
    "distance": 15,
    "hours": 10,
    "accommodation": 10,
    "employer": 10,
}
COMPONENTS = tuple(DEFAULT_WEIGHTS)
COMPONENT_LABELS = {
    "skills": gettext_lazy("Skills"),
    "occupation": gettext_lazy("Occupation"),
    "distance": gettext_lazy("Distance"),
    "hours": gettext_lazy("Hours"),
    "accommodation": gettext_lazy("Accommodation"),
    "employer": gettext_lazy("Employer readiness"),
}
# Distances on a flat map of Denmark: a degree of latitude is 111.2 km, a degree of longitude
# 111.2 km × cos 56° (the country's middle latitude; off by at most 3 % east–west at the
# northern and southern tips, well within the postcode centroids' own precision). No
# trigonometry per row, and the SQL twin uses the very same literals.
KM_PER_DEGREE = 111.2
KM_PER_DEGREE_LONGITUDE = 62.18225086594705


def weights() -> dict[str, float]:
    """Weights from ``settings.MATCH_WEIGHTS`` (partial dicts allowed), else the defaults."""
    configured = getattr(settings, "MATCH_WEIGHTS", DEFAULT_WEIGHTS)
    merged = {key: float(configured.get(key, DEFAULT_WEIGHTS[key])) for key in COMPONENTS}
    if sum(merged.values()) <= 0 or min(merged.values()) < 0:
        raise ValueError("MATCH_WEIGHTS must be non-negative with a positive sum.")
    return merged


@dataclass(frozen=True)
class CitizenFeatures:
    skills: frozenset[int] = frozenset()
    occupation_groups: frozenset[int] = frozenset()
    excluded_groups: frozenset[int] = frozenset()
    excluded_employers: frozenset[int] = frozenset()
    hours_min: int = 0
    hours_max: int = 37
    max_commute_km: int = 25
    flex_job_eligible: bool = False
    needs_mask: int = 0
    necessary_mask: int = 0
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class VacancyFeatures:
    employer_id: int = 0
    occupation_group: int = 0
    occupation_title: str = ""
    required_skills: frozenset[int] = frozenset()
    wanted_skills: frozenset[int] = frozenset()
    hours_min: int = 37
    hours_max: int = 37
    flex_job_possible: bool = False
    offered_mask: int = 0
    readiness: int = 0
    latitude: float | None = None
    longitude: float | None = None
    is_open: bool = True


@dataclass(frozen=True)
class Component:
    key: str
    fraction: float
    weight: float
    text: str

    @property
    def points(self) -> float:
        return round(self.weight * self.fraction, 1)

    def as_dict(self) -> dict:
        return {
            "component": self.key,
            "label": str(COMPONENT_LABELS[self.key]),
            "points": self.points,
            "max_points": self.weight,
            "text": self.text,
        }


@dataclass(frozen=True)
class MatchResult:
    failed_filters: list[tuple[str, str]] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    score: int | None = None

    @property
    def passed(self) -> bool:
        return not self.failed_filters

    def explanation(self) -> list[dict]:
        return [component.as_dict() for component in self.components]


def distance_km(citizen: CitizenFeatures, vacancy: VacancyFeatures) -> float | None:
    if None in (citizen.latitude, citizen.longitude, vacancy.latitude, vacancy.longitude):
        return None
    north = (vacancy.latitude - citizen.latitude) * KM_PER_DEGREE
    east = (vacancy.longitude - citizen.longitude) * KM_PER_DEGREE_LONGITUDE
    return math.sqrt(north * north + east * east)


def _share(hit: int, total: int) -> float:
    return 1.0 if total == 0 else hit / total


def _hard_filters(c: CitizenFeatures, v: VacancyFeatures, km: float | None) -> list:
    failed = []
    if not v.is_open:
        failed.append(("open", _("The vacancy is not open.")))
    hours_overlap = max(c.hours_min, v.hours_min) <= min(c.hours_max, v.hours_max)
    if not hours_overlap and not (v.flex_job_possible and c.flex_job_eligible):
        failed.append(("hours", _("The hours do not fit and it cannot be a flex job.")))
    if km is not None and km > max(c.max_commute_km, 1):
        failed.append(
            (
                "distance",
                _("%(km)d km is beyond the longest commute of %(max)d km.")
                % {"km": round(km), "max": c.max_commute_km},
            )
        )
    missing = c.necessary_mask & ~v.offered_mask
    if missing:
        from jobcenter.vocab import Accommodation

        names = ", ".join(str(Accommodation(code).label) for code in codes_of(missing))
        failed.append(("accommodation", _("Lacks a necessary accommodation: %s.") % names))
    if v.occupation_group in c.excluded_groups:
        failed.append(("excluded_occupation", _("The occupation is excluded.")))
    if v.employer_id in c.excluded_employers:
        failed.append(("excluded_employer", _("The employer is excluded.")))
    return failed


def score_match(
    citizen: CitizenFeatures, vacancy: VacancyFeatures, weights_: dict[str, float] | None = None
) -> MatchResult:
    w = weights_ or weights()
    c, v = citizen, vacancy
    km = distance_km(c, v)
    failed = _hard_filters(c, v, km)
    if failed:
        return MatchResult(failed_filters=failed)

    req_hit = len(v.required_skills & c.skills)
    wanted_hit = len(v.wanted_skills & c.skills)
    skills = 0.75 * _share(req_hit, len(v.required_skills)) + 0.25 * _share(
        wanted_hit, len(v.wanted_skills)
    )
    if v.required_skills:
        skills_text = _("Covers %(hit)d of %(total)d required skills") % {
            "hit": req_hit,
            "total": len(v.required_skills),
        }
    else:
        skills_text = _("The vacancy requires no particular skills")
    if v.wanted_skills:
        skills_text += _(" and %(hit)d of %(total)d wanted") % {
            "hit": wanted_hit,
            "total": len(v.wanted_skills),
        }

    if not c.occupation_groups:
        occupation, occupation_text = 0.5, _("No desired occupation given")
    elif v.occupation_group in c.occupation_groups:
        occupation = 1.0
        occupation_text = _("A desired occupation: %s") % (v.occupation_title or v.occupation_group)
    elif v.occupation_group // 100 in {group // 100 for group in c.occupation_groups}:
        occupation, occupation_text = 0.5, _("Related to a desired occupation (same field)")
    else:
        occupation, occupation_text = 0.0, _("Not among the desired occupations")

    if km is None:
        distance, distance_text = 0.5, _("Distance unknown (postcode missing)")
    else:
        distance = max(0.0, 1.0 - km / max(c.max_commute_km, 1))
        distance_text = _("%(km)d km from home") % {"km": round(km)}

    if max(c.hours_min, v.hours_min) <= min(c.hours_max, v.hours_max):
        hours = 1.0
        hours_text = _("%(vmin)d–%(vmax)d hours a week fits the wish of %(cmin)d–%(cmax)d") % {
            "vmin": v.hours_min,
            "vmax": v.hours_max,
            "cmin": c.hours_min,
            "cmax": c.hours_max,
        }
    else:
        hours, hours_text = 0.5, _("The hours fit only as a flex job")

    needed = popcount(c.needs_mask)
    met = popcount(c.needs_mask & v.offered_mask)
    accommodation = _share(met, needed)
    if needed:
        accommodation_text = _("Offers %(hit)d of %(total)d accommodations needed") % {
            "hit": met,
            "total": needed,
        }
    else:
        accommodation_text = _("No accommodation needed")

    employer = v.readiness / 100.0
    employer_text = _("Employer readiness %(readiness)d of 100") % {"readiness": v.readiness}

    components = [
        Component("skills", skills, w["skills"], skills_text),
        Component("occupation", occupation, w["occupation"], occupation_text),
        Component("distance", distance, w["distance"], distance_text),
        Component("hours", hours, w["hours"], hours_text),
        Component("accommodation", accommodation, w["accommodation"], accommodation_text),
        Component("employer", employer, w["employer"], employer_text),
    ]
    raw = 0.0
    for component in components:
        raw = raw + component.weight * component.fraction
    total_weight = sum(w[key] for key in COMPONENTS)
    score = math.floor(raw * 100.0 / total_weight + 0.5)
    return MatchResult(components=components, score=int(score))
