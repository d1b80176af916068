"""Reports from the public that a page is wrong."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .contacts import Contact
from .services import Service


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def close(self, status, user=None, verified=False):
        """Resolve or dismiss the open reports among these.

        Only when staff say they checked each reported service and number with
        the team (``verified``) do both count as verified today: closing a
        report alone proves nothing about the number.
        """
        reports = list(self.open())
        for report in reports:
            report.status = status
            report.closed_at = timezone.now()
            report.save(update_fields=["status", "closed_at"])
        if verified:
            Service.objects.filter(reports__in=reports).mark_verified(user=user)
            Contact.objects.filter(reports__in=reports).mark_verified(user=user)
        return len(reports)


class Report(models.Model):
    """A member of the public's note that something on a service page is wrong.

    A report never changes public data: staff check it, correct the record
    themselves and resolve or dismiss the report.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    class Source(models.TextChoices):
        PUBLIC = "public", _("The public")
        TEAM = "team", _("The team in charge")

    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("wrong number"),
        on_delete=models.SET_NULL,
        related_name="reports",
        null=True,
        blank=True,
    )
    problem = models.TextField(verbose_name=_("what is wrong"), max_length=1000)
    correction = models.CharField(
        verbose_name=_("correction"), max_length=500, blank=True
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=10, choices=Status, default=Status.OPEN
    )
    source = models.CharField(
        verbose_name=_("reported by"),
        max_length=10,
        choices=Source,
        default=Source.PUBLIC,
    )
    team_email = models.EmailField(
        verbose_name=_("team's e-mail address"),
        blank=True,
        help_text=_("The address of the team that sent the report, if a team did."),
    )
    language = models.CharField(
        verbose_name=_("page language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the page the report was sent from."),
    )
    created_at = models.DateTimeField(verbose_name=_("reported at"), auto_now_add=True)
    closed_at = models.DateTimeField(verbose_name=_("closed at"), null=True, blank=True)
    # What the hourly quota counts: never the address itself (core.clientip).
    client_hash = models.CharField(
        verbose_name=_("sender's address hash"),
        max_length=64,
        blank=True,
        editable=False,
    )

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("report history"),
        verbose_name_plural=_("report history"),
        excluded_fields=["client_hash"],
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report from the public")
        verbose_name_plural = _("reports from the public")
        indexes = [
            models.Index(fields=["client_hash", "created_at"], name="report_quota_idx"),
        ]

    def __str__(self):
        return _("Report %(pk)s on %(service)s") % {
            "pk": self.pk,
            "service": self.service,
        }
