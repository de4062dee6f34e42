"""Main navigation, by role. Each app registers its own entries in AppConfig.ready."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    icon: str
    visible: Callable[[object], bool]
    order: int = 50


_items: list[NavItem] = []


def register_nav_item(item: NavItem) -> None:
    _items.append(item)
    _items.sort(key=lambda entry: entry.order)


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    return [item for item in _items if item.visible(user)]
