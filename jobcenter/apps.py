from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobcenterConfig(AppConfig):
    name = "jobcenter"
    verbose_name = _("Jobcenter")

    def ready(self) -> None:
        from jobcenter import (  # noqa: F401 (registration)
            permissions,
            reminder_admin,
            reminder_signals,
            signals,
            timeline,
        )
        from jobcenter.navigation import NavItem, register_nav_item

        register_nav_item(NavItem(_("Dashboard"), "dashboard", "house", lambda u: True, order=0))
        register_nav_item(
            NavItem(
                _("Citizens"),
                "citizen_list",
                "people",
                lambda u: u.is_superuser or bool(u.team_ids()),
                order=10,
            )
        )
        register_nav_item(
            NavItem(_("Admin"), "admin:index", "gear", lambda u: u.is_staff, order=90)
        )
