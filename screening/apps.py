from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        from jobcenter.dashboard import Panel, register_citizen_section, register_dashboard_panel
        from jobcenter.selectors import register_timeline_provider
        from screening import panels, permissions  # noqa: F401 (rules registration)

        register_citizen_section(
            Panel("screening/_citizen_section.html", panels.citizen_section, order=10)
        )
        register_dashboard_panel(
            Panel("screening/_dashboard_panel.html", panels.dashboard_panel, order=20)
        )
        register_timeline_provider(panels.timeline_entries)
