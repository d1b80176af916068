"""Every signal receiver of the app.

A change to what the public pages show empties the page cache, and keeps the
search entries current. ``loaddata`` saves with ``raw=True``, which skips
``save()`` but not these signals; seeding and imports save normally. Either
way every row that reaches the database passes through here.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core.cache import invalidate_public_pages
from standards.models import Commitment, Pledge, PolicyArea

from .models import (
    PUBLISHED_MODELS,
    Contact,
    DeclaredHoliday,
    Division,
    HelpLine,
    SearchEntry,
    SearchWord,
    Service,
    ServicePhone,
    Synonym,
)
from .search.indexing import search_index, search_rebuild

# What the public pages show: help lines and synonyms (which change search
# results) besides the published records. Reports from the public wait for
# staff, and search entries, history and seeding records are derived from these
# rows or kept beside them: saving those leaves every page as it was.
SHOWN_MODELS = {
    *PUBLISHED_MODELS,
    Service.commitments.through,
    HelpLine,
    Synonym,
    SearchWord,
    # Numbers open or close by it.
    DeclaredHoliday,
}
Kind = SearchEntry.Kind
# The records that ``indexing_deferred`` indexes at its end, by kind; None
# outside it.
_deferred = ContextVar("deferred_indexing", default=None)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def data_changed(sender, action="post_", **kwargs):
    """A change to what the public pages show makes every cached page stale.

    Nearly every page shows a service's numbers (its own, its team's, its
    area's, the index, search, the API and the downloads), so the cache is
    emptied as a whole rather than page by page. Of the changes to a
    many-to-many relation (which carry an ``action``), only the finished ones
    count.
    """
    if sender in SHOWN_MODELS and action.startswith("post_"):
        invalidate_public_pages()


@contextmanager
def indexing_deferred():
    """Index each record that the block's saves touch once, at its end.

    A seed saves a record's search words one by one, each of which would
    index the record anew. A block inside another one defers to the outer.
    """
    if _deferred.get() is not None:
        yield
        return
    pending = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    services = pending.pop(Kind.SERVICE, set())
    if services:
        index_services(services)
    for kind, pks in pending.items():
        search_index(kind, pks)


def _index_later(kind, pks):
    """Whether a deferring block takes these records (else index them now)."""
    pending = _deferred.get()
    if pending is not None:
        pending.setdefault(kind, set()).update(pks)
    return pending is not None


def index(kind, pks):
    """Index these records now, or at the end of a deferring block."""
    if not _index_later(kind, pks):
        search_index(kind, pks)


def index_services(pks):
    """Index these services anew, holding their rows while it is done.

    Two saves that re-index the same service (a number and a service that
    uses it, saved at the same moment) would otherwise delete and insert the
    same search rows in different orders and deadlock. Locking the services
    first, in key order, makes the second wait for the first to commit.
    """
    pks = list(pks)
    if _index_later(Kind.SERVICE, pks):
        return
    with transaction.atomic():
        locked = Service.objects.select_for_update().filter(pk__in=pks)
        list(locked.order_by("pk").values_list("pk", flat=True))
        search_index(Kind.SERVICE, pks)


@receiver(post_save, sender=Service)
def index_service(sender, instance, **kwargs):
    index_services([instance.pk])


@receiver(post_save, sender=Division)
def index_division(sender, instance, **kwargs):
    # Its entries alone: its services borrow its names, and it answers for
    # their numbers through their own entries (search/sql/teams.py).
    index(Kind.DIVISION, [instance.pk])


@receiver(post_save, sender=Contact)
def index_contact(sender, instance, **kwargs):
    users = Service.objects.filter(
        Q(service_phones__contact=instance) | Q(fax=instance)
    )
    index_services(users.values_list("pk", flat=True).distinct())


@receiver(post_save, sender=Commitment)
def index_commitment(sender, instance, **kwargs):
    index(Kind.COMMITMENT, [instance.pk])


@receiver(post_save, sender=PolicyArea)
def index_area(sender, instance, **kwargs):
    index(Kind.AREA, [instance.pk])


@receiver(post_save, sender=HelpLine)
def index_helpline(sender, instance, **kwargs):
    index(Kind.HELPLINE, [instance.pk])


@receiver(post_save, sender=SearchWord)
@receiver(post_delete, sender=SearchWord)
def index_search_words(sender, instance, origin=None, **kwargs):
    """Re-index the record the words belong to (unless it is being deleted)."""
    if not _started_here(origin, sender):
        return
    for kind, pk in [
        (Kind.SERVICE, instance.service_id),
        (Kind.DIVISION, instance.division_id),
        (Kind.HELPLINE, instance.helpline_id),
    ]:
        if pk is not None:
            index(kind, [pk])


@receiver(post_save, sender=ServicePhone)
@receiver(post_delete, sender=ServicePhone)
def index_service_phone(sender, instance, origin=None, **kwargs):
    # When the service itself is being deleted, its entries go with it;
    # indexing it again here would leave entries pointing at a deleted row.
    if _started_here(origin, sender):
        index_services([instance.service_id])


@receiver(post_save, sender=Pledge)
@receiver(post_delete, sender=Pledge)
def index_pledge(sender, instance, origin=None, **kwargs):
    if _started_here(origin, sender):
        index(Kind.COMMITMENT, [instance.commitment_id])


def _started_here(origin, model):
    """Whether a save, or a deletion of this model itself (not a cascade)."""
    return origin is None or getattr(origin, "model", type(origin)) is model


def index_existing_rows(sender, using, **kwargs):
    """Fill an empty index for rows that were there before search was added.

    Help lines indexed before they were searched are indexed anew as well.
    """
    indexed = SearchEntry.objects.using(using).exists()
    lines = SearchEntry.objects.using(using).filter(kind=Kind.HELPLINE).exists()
    if not (indexed and (lines or not HelpLine.objects.using(using).exists())) and (
        Service.objects.using(using).exists() or Division.objects.using(using).exists()
    ):
        search_rebuild()
