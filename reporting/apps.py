from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from jobcenter.dashboard import Panel, register_citizen_section
        from jobcenter.navigation import NavItem, register_nav_item
        from reporting import core_figures, gdpr, permissions  # noqa: F401 (registration)
        from reporting.selectors import can_view_reports
        from reporting.sources import compensation, employers, matching, screening

        core_figures.register()
        for source in (screening, compensation, matching, employers):
            source.register()
        gdpr.register_core_sections()
        register_nav_item(NavItem(_("Reports"), "report", "bar-chart", can_view_reports, order=60))
        register_nav_item(
            NavItem(
                _("Access review"), "access_review", "shield-check", lambda u: u.is_staff, order=85
            )
        )
        register_citizen_section(
            Panel("reporting/_citizen_data_section.html", citizen_data_section, order=95)
        )


def citizen_data_section(request, citizen) -> dict | None:
    if not request.user.has_perm("reporting.export_citizen_data", citizen):
        return None
    return {"citizen": citizen}
