from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompensationConfig(AppConfig):
    name = "compensation"
    verbose_name = _("Compensation")

    def ready(self) -> None:
        from compensation import panels, permissions  # noqa: F401 (registration)
        from jobcenter.dashboard import Panel, register_citizen_section, register_dashboard_panel
        from jobcenter.navigation import NavItem, register_nav_item
        from jobcenter.selectors import register_timeline_provider

        register_nav_item(
            NavItem(
                _("Decision queue"),
                "queue",
                "inboxes",
                lambda u: u.is_superuser or u.has_perm("compensation.view_queue"),
                order=30,
            )
        )
        register_nav_item(NavItem(_("Schemes"), "scheme_list", "book", lambda u: True, order=35))
        register_dashboard_panel(
            Panel("compensation/_dashboard_panel.html", panels.dashboard_panel, order=30)
        )
        register_citizen_section(
            Panel("compensation/_citizen_section.html", panels.citizen_section, order=30)
        )
        register_timeline_provider(panels.timeline_entries)
