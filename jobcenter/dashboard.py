"""Extension points for the dashboard and the citizen page.

Apps register panels (team-lead figures, queues) and citizen-page sections (screening,
applications, matches) in AppConfig.ready, so the core never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    # Returns the template context, or None when the panel is not for this user.
    context: Callable[..., dict | None]
    order: int = 50


_dashboard_panels: list[Panel] = []
_citizen_sections: list[Panel] = []


def register_dashboard_panel(panel: Panel) -> None:
    _dashboard_panels.append(panel)
    _dashboard_panels.sort(key=lambda p: p.order)


def register_citizen_section(panel: Panel) -> None:
    _citizen_sections.append(panel)
    _citizen_sections.sort(key=lambda p: p.order)


def _render(panels: list[Panel], *args) -> list[dict]:
    shown = []
    for panel in panels:
        context = panel.context(*args)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


def panels_for(request: HttpRequest) -> list[dict]:
    return _render(_dashboard_panels, request)


def citizen_sections_for(request: HttpRequest, citizen) -> list[dict]:
    return _render(_citizen_sections, request, citizen)
