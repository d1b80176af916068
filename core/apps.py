from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)


class CoreAdminConfig(admin_apps.AdminConfig):
    """The admin, with an index page that lists what needs attention."""

    default = False
    default_site = "core.sites.SiteAdmin"
