"""Requests sent to a team to confirm its own services and numbers."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .divisions import Division


def new_nonce():
    return secrets.token_urlsafe(16)


class VerificationRequestQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False)

    def failed(self):
        """Requests the mail server refused; the next run sends them again."""
        return self.filter(sent_at__isnull=True).exclude(error="")

    def answered(self):
        return self.filter(used_at__isnull=False)

    def sent_since(self, when):
        return self.sent().filter(sent_at__gte=when)


class VerificationRequest(models.Model):
    """One e-mail to one of a team's addresses, with its one-time link.

    The link carries ``nonce``: a link is honoured once (``used_at``), and a
    request whose sending failed keeps the server's answer in ``error``.
    """

    division = models.ForeignKey(
        Division,
        verbose_name=_("division"),
        on_delete=models.CASCADE,
        related_name="verification_requests",
    )
    address = models.EmailField(verbose_name=_("e-mail address"))
    nonce = models.CharField(
        verbose_name=_("link id"), max_length=32, unique=True, default=new_nonce
    )
    created_at = models.DateTimeField(
        verbose_name=_("created at"), default=timezone.now
    )
    sent_at = models.DateTimeField(verbose_name=_("sent at"), null=True, blank=True)
    used_at = models.DateTimeField(verbose_name=_("used at"), null=True, blank=True)
    error = models.TextField(verbose_name=_("sending error"), blank=True)

    objects = VerificationRequestQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("verification request history"),
        verbose_name_plural=_("verification request history"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("verification request")
        verbose_name_plural = _("verification requests")

    def __str__(self):
        return f"{self.division} · {self.address}"
