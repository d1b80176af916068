"""Reports from the public that a page is wrong."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .contacts import Contact
from .services import Service


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def close(self, status, user=None):
        """Resolve or dismiss the open reports among these.

        Staff have checked each reported service and number with the team, so
        both count as verified today.
        """
        reports = list(self.open())
        for report in reports:
            report.status = status
            report.closed_at = timezone.now()
            report.save(update_fields=["status", "closed_at"])
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
    created_at = models.DateTimeField(verbose_name=_("reported at"), auto_now_add=True)
    closed_at = models.DateTimeField(verbose_name=_("closed at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("report history"), verbose_name_plural=_("report history")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report from the public")
        verbose_name_plural = _("reports from the public")

    def __str__(self):
        return _("Report %(pk)s on %(service)s") % {
            "pk": self.pk,
            "service": self.service,
        }
