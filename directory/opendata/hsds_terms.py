"""Policy areas and commitments as HSDS taxonomies, and the profile's own.

Each sector's standard is a taxonomy: its policy areas are the top terms and
each commitment a term under its area, described by its pledges. Services
carry their area and commitments as HSDS attributes, which is how
``taxonomy_term_id`` finds them. A second, small taxonomy names what our
profile adds to HSDS: a phone's extension as exact digits.
"""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from standards.models import Commitment, PolicyArea, Sector

from .hsds_ids import (
    attribute_id,
    extension_term_id,
    profile_taxonomy_id,
    record_id,
    taxonomy_id,
)
from .hsds_phones import iso_code


def sector_taxonomy(request, sector):
    return {
        "id": taxonomy_id(sector),
        "name": sector.title,
        "description": _("Policy areas and commitments of %(title)s.")
        % {"title": sector.title},
        "uri": request.build_absolute_uri(sector.get_absolute_url()),
    }


def profile_taxonomy(request):
    return {
        "id": profile_taxonomy_id(),
        "name": _("HSDS profile of the Gyeonggi public service directory"),
        "description": _("What this directory adds to HSDS 3.0."),
        "uri": request.build_absolute_uri(reverse("directory:hsds-profile")),
    }


def term(taxonomy, **fields):
    """A term of ``taxonomy`` (a taxonomy record), in the active language."""
    return {
        **fields,
        "taxonomy": taxonomy["name"],
        "taxonomy_detail": taxonomy,
        "taxonomy_id": taxonomy["id"],
        "language": iso_code(get_language()),
    }


def area_term(request, area, taxonomy):
    return term(
        taxonomy,
        id=record_id(area),
        code=str(area.number),
        name=area.title,
        description=str(area),
        term_uri=request.build_absolute_uri(area.get_absolute_url()),
    )


def commitment_term(request, commitment, taxonomy):
    pledges = " ".join(pledge.text for pledge in commitment.pledges.all())
    return term(
        taxonomy,
        id=record_id(commitment),
        code=f"{commitment.area.number}-{commitment.letter}",
        name=commitment.title,
        description=pledges or str(commitment),
        parent_id=record_id(commitment.area),
        term_uri=request.build_absolute_uri(commitment.get_absolute_url()),
    )


def extension_term(request):
    return term(
        profile_taxonomy(request),
        id=extension_term_id(),
        code="extension",
        name=_("extension"),
        description=_(
            "The extension exactly as callers ask for it, leading zeros included."
        ),
        term_uri=request.build_absolute_uri(
            reverse("directory:hsds-profile") + "#extension"
        ),
    )


def taxonomies(request):
    """Every taxonomy: one for each sector, then the profile's."""
    sectors = [sector_taxonomy(request, sector) for sector in Sector.objects.all()]
    return [*sectors, profile_taxonomy(request)]


def taxonomy_terms(request):
    """Every term in document order: each area followed by its commitments."""
    sectors = {}
    terms = []
    areas = PolicyArea.objects.with_sector().prefetch_related(
        "commitments__pledges", "commitments__area"
    )
    for area in areas:
        if area.sector_id not in sectors:
            sectors[area.sector_id] = sector_taxonomy(request, area.sector)
        taxonomy = sectors[area.sector_id]
        terms.append(area_term(request, area, taxonomy))
        terms += [
            commitment_term(request, commitment, taxonomy)
            for commitment in area.commitments.all()
        ]
    return [*terms, extension_term(request)]


def term_lookup(term_id):
    """The services filter a term id stands for, or None if it stands for none."""
    for area in PolicyArea.objects.select_related("sector"):
        if record_id(area) == term_id:
            return {"area": area}
    for commitment in Commitment.objects.select_related("area__sector"):
        if record_id(commitment) == term_id:
            return {"commitments": commitment}
    return None


def attribute(link_id, link_entity, term_record, value=None):
    """An HSDS attribute linking a record to a term (with a value, if any)."""
    record = {
        "id": attribute_id(link_id, term_record["id"]),
        "link_id": link_id,
        "link_entity": link_entity,
        "taxonomy_term_id": term_record["id"],
        "taxonomy_term": term_record,
    }
    if value is not None:
        record["value"] = value
    return record


def service_attributes(request, service, service_id, taxonomy):
    """A service's policy area and commitments as HSDS attributes."""
    terms = [area_term(request, service.area, taxonomy)]
    terms += [
        commitment_term(request, commitment, taxonomy)
        for commitment in service.commitments.all()
    ]
    return [attribute(service_id, "service", record) for record in terms]
