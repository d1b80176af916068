from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Service directory")


class DirectoryAdminConfig(admin_apps.AdminConfig):
    """The admin, with an index page that lists what needs attention."""

    default = False
    default_site = "directory.sites.DirectoryAdminSite"
