from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from directory.models import SearchEntry
from directory.search.indexing import search_rebuild


class Command(BaseCommand):
    help = (
        "Index every service, division, commitment and policy area for search "
        "anew, after rows were loaded in bulk without the model signals."
    )

    def handle(self, *args, **options):
        search_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                _("Search index rebuilt: %(count)d entries.")
                % {"count": SearchEntry.objects.count()}
            )
        )
