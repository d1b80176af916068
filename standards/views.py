from django.views.generic import DetailView

from .models import PolicyArea, Sector

# The directory app owns services; these pages reach them through the reverse
# relations by name, because standards never imports from directory.
SERVICE_TABLE = [
    "services__division",
    "services__fax",
    "services__service_phones__contact",
]


class SectorDetailView(DetailView):
    """The whole standard on one printable page, as the document reads."""

    def get_queryset(self):
        return Sector.objects.prefetch_related(
            "areas__commitments__pledges",
            *(f"areas__{lookup}" for lookup in SERVICE_TABLE),
        )


class AreaDetailView(DetailView):
    def get_queryset(self):
        return PolicyArea.objects.select_related("sector").prefetch_related(
            "commitments__pledges", *SERVICE_TABLE
        )
