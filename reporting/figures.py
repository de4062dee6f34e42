"""The figure registry: each report figure is a pluggable, pure selector.

A selector takes the report scope (the teams and the period) and returns a small table
(columns and rows) plus a chart spec, or ``None`` when its data source is absent (another
app not installed). Apps register their figures in ``AppConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import FieldError
from django.utils import timezone
from django.utils.functional import Promise

from jobcenter.models import Team

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def end_exclusive(self) -> dt.date:
        return self.end + dt.timedelta(days=1)

    @property
    def start_at(self) -> dt.datetime:
        return day_start(self.start)

    @property
    def end_at(self) -> dt.datetime:
        """The first moment after the period."""
        return day_start(self.end_exclusive)


def day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


@dataclass(frozen=True)
class ReportScope:
    teams: Sequence[Team]
    period: Period

    @property
    def team_ids(self) -> list[int]:
        return [team.pk for team in self.teams]

    @property
    def jobcenter_ids(self) -> list[int]:
        return sorted({team.jobcenter_id for team in self.teams})

    def label(self, team: Team) -> str:
        """The team's name, with its jobcenter's when the scope spans several."""
        if len(self.jobcenter_ids) > 1:
            return f"{team.jobcenter.name}: {team.name}"
        return team.name


@dataclass(frozen=True)
class Chart:
    """A bar chart: one bar group per row, one bar per value column."""

    label_column: int = 0
    value_columns: tuple[int, ...] = (1,)
    unit: str | Promise = ""
    maximum: float | None = None  # e.g. 100 for percentages


@dataclass
class FigureData:
    columns: list[str | Promise]
    rows: list[list]
    chart: Chart | None = field(default_factory=Chart)
    note: str | Promise = ""


class FigureUnavailable(Exception):
    """Raised by a selector when its source app (or a field it needs) is absent."""


Selector = Callable[[ReportScope], FigureData | None]


@dataclass(frozen=True)
class Figure:
    key: str
    title: str | Promise
    selector: Selector
    description: str | Promise = ""
    order: int = 50


_figures: dict[str, Figure] = {}


def register_figure(
    key: str,
    title: str | Promise,
    selector: Selector,
    *,
    description: str | Promise = "",
    order: int = 50,
) -> Figure:
    figure = Figure(key, title, selector, description, order)
    _figures[key] = figure
    return figure


def all_figures() -> list[Figure]:
    return sorted(_figures.values(), key=lambda figure: (figure.order, figure.key))


def get_figure(key: str) -> Figure | None:
    return _figures.get(key)


def compute(figure: Figure, scope: ReportScope) -> FigureData | None:
    """Run one selector; a missing source app or field skips the figure instead of failing."""
    try:
        return figure.selector(scope)
    except (FigureUnavailable, LookupError) as error:
        logger.debug("Report figure %s skipped: %s", figure.key, error)
    except FieldError as error:
        # The source app is there but a field is not as announced: worth a warning.
        logger.warning("Report figure %s skipped, a field differs: %s", figure.key, error)
    return None


def share(part: int, whole: int) -> float | None:
    """A percentage with one decimal, or None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None
