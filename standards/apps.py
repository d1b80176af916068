from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.history import record_history


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = _("Service standards")

    def ready(self):
        from .models import Commitment, Pledge, PolicyArea, Sector

        record_history(Sector, _("sector history"))
        record_history(PolicyArea, _("policy area history"))
        record_history(Commitment, _("commitment history"))
        record_history(Pledge, _("pledge history"))
