from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import invalidate_public_pages

PUBLIC_APPS = {"standards", "directory"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def data_changed(sender, **kwargs):
    """Any change to what the public pages show makes cached pages stale."""
    if sender._meta.app_label in PUBLIC_APPS:
        invalidate_public_pages()
