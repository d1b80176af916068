"""Every signal receiver of the app.

Any change empties the page cache, and keeps the search entries current.
Fixtures and seeding save with ``raw=True``, which skips ``save()`` but not
these signals, so every way a row reaches the database is covered.
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core.cache import invalidate_public_pages
from standards.models import Commitment, Pledge, PolicyArea

from .models import (
    Contact,
    Division,
    SearchEntry,
    SearchGram,
    Service,
    ServicePhone,
)
from .search.indexing import search_index, search_index_division, search_rebuild

PUBLIC_APPS = {"standards", "directory"}
Kind = SearchEntry.Kind


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def data_changed(sender, **kwargs):
    """Any change to what the public pages show makes cached pages stale."""
    if sender._meta.app_label in PUBLIC_APPS:
        invalidate_public_pages()


@receiver(post_save, sender=Service)
def index_service(sender, instance, **kwargs):
    search_index(Kind.SERVICE, [instance.pk])


@receiver(post_save, sender=Division)
def index_division(sender, instance, **kwargs):
    search_index_division(instance)


@receiver(post_save, sender=Contact)
def index_contact(sender, instance, **kwargs):
    users = Service.objects.filter(
        Q(service_phones__contact=instance) | Q(fax=instance)
    )
    search_index(Kind.SERVICE, users.values_list("pk", flat=True).distinct())


@receiver(post_save, sender=Commitment)
def index_commitment(sender, instance, **kwargs):
    search_index(Kind.COMMITMENT, [instance.pk])


@receiver(post_save, sender=PolicyArea)
def index_area(sender, instance, **kwargs):
    search_index(Kind.AREA, [instance.pk])


@receiver(post_save, sender=ServicePhone)
@receiver(post_delete, sender=ServicePhone)
def index_service_phone(sender, instance, origin=None, **kwargs):
    # When the service itself is being deleted, its entries go with it;
    # indexing it again here would leave entries pointing at a deleted row.
    if _started_here(origin, sender):
        search_index(Kind.SERVICE, [instance.service_id])


@receiver(post_save, sender=Pledge)
@receiver(post_delete, sender=Pledge)
def index_pledge(sender, instance, origin=None, **kwargs):
    if _started_here(origin, sender):
        search_index(Kind.COMMITMENT, [instance.commitment_id])


def _started_here(origin, model):
    """Whether a save, or a deletion of this model itself (not a cascade)."""
    return origin is None or getattr(origin, "model", type(origin)) is model


def index_existing_rows(sender, using, **kwargs):
    """Fill an empty index for rows that were there before search was added.

    Entries indexed before their pieces of syllables were (or whose pieces a
    migration dropped) are indexed anew as well.
    """
    indexed = SearchEntry.objects.using(using).exists()
    pieced = SearchGram.objects.using(using).exists()
    if not (indexed and pieced) and (
        Service.objects.using(using).exists() or Division.objects.using(using).exists()
    ):
        search_rebuild()
