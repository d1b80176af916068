"""HSDS ids: UUIDs derived from each record's natural key, never its pk.

Two fresh deployments of the same standard load the same rows under other
primary keys; a referral system that imports from both, or imports again
after a reinstall, must still find each record under its id. So every id is
a UUID 5 of a fixed namespace and the record's natural key (the one stated
on its model: sector, area and service name; a number's digits). The API
and the tabular package both take their ids from here.
"""

import uuid

from django.conf import settings
from django.utils import translation

from standards.models import natural_keys

from .. import phones

# Never change it: every id published so far is derived from it.
NAMESPACE = uuid.UUID("7a1d1f0e-4f3b-5d8e-9c41-2b6f0e3a9d10")
# A unit separator cannot occur in a name, so no two keys join to one text.
SEPARATOR = "\x1f"


def derived_id(kind, *parts):
    """The UUID of a ``kind`` of record whose natural key is ``parts``."""
    text = SEPARATOR.join([kind, *map(str, parts)])
    return str(uuid.uuid5(NAMESPACE, text))


def record_id(obj):
    """The UUID of a model row, from its model's ``natural_key()``."""
    return derived_id(obj._meta.label_lower, *obj.natural_key())


def record_ids(queryset):
    """{UUID: pk} of the queryset's rows, their natural keys read as values
    (``record_id`` of each row, without the row)."""
    kind = queryset.model._meta.label_lower
    return {derived_id(kind, *key): pk for pk, key in natural_keys(queryset)}


def organization_id():
    # The province is the one organization; it has no row of its own. Its
    # name is read in Korean, whatever language the answer is in.
    with translation.override(settings.LANGUAGE_CODE):
        return derived_id("organization", str(settings.SITE_ORGANIZATION))


def contact_digits(contact):
    """A stored number's digits as Koreans dial it: 03180304652."""
    return phones.dialled_digits(contact.number)


def line_digits(line):
    """A help line's digits as dialled: 1345, 15771366."""
    return "".join(ch for ch in line.number if ch.isdigit())


def phone_id(service_id, digits):
    # One id per number of a service: a shared number is one row per service
    # in HSDS (its service_id differs), and ids are unique in the package.
    return derived_id("phone", service_id, digits)


def contact_id(service_id, division):
    return derived_id("contact", service_id, *division.natural_key())


def language_id(owner_id, code):
    return derived_id("language", owner_id, code)


def schedule_id(owner_id, index):
    return derived_id("schedule", owner_id, index)


def attribute_id(link_id, term_id):
    return derived_id("attribute", link_id, term_id)


def taxonomy_id(sector):
    return derived_id("taxonomy", *sector.natural_key())


def profile_taxonomy_id():
    return derived_id("taxonomy", "profile")


def extension_term_id():
    return derived_id("taxonomy_term", "profile", "extension")
