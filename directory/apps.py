from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.history import record_history


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Service directory")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.roles import roles_applier

        from . import signals
        from .admin.roles import ROLES
        from .models import Division, HelpLine, Service
        from .search.fts import restore_after_migrate

        record_history(Division, _("division history"))
        record_history(Service, _("service history"), m2m_fields=["commitments"])
        record_history(HelpLine, _("help line history"))

        # Before the index is filled: SQLite's FTS mirror needs its triggers.
        post_migrate.connect(restore_after_migrate, sender=self)
        post_migrate.connect(signals.index_existing_rows, sender=self)
        post_migrate.connect(roles_applier(ROLES), weak=False, dispatch_uid="roles")
