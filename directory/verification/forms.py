"""The team's note that one of its items is wrong."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Contact, Report


class TeamReportForm(forms.ModelForm):
    """A report from the team itself; only its own services and numbers."""

    class Meta:
        model = Report
        fields = ["service", "contact", "problem", "correction"]
        labels = {
            "service": _("Which service?"),
            "contact": _("Which number is wrong?"),
            "problem": _("What is wrong?"),
            "correction": _("What is right"),
        }
        widgets = {"problem": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, division, address, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.instance.source = Report.Source.TEAM
        self.instance.team_email = address
        self.fields["service"].queryset = division.services.all()
        self.fields["contact"].queryset = Contact.objects.filter(
            pk__in=[c.pk for c in division.phones + division.faxes]
        )
        self.fields["contact"].empty_label = _("No number: something else is wrong")
        self.fields["correction"].required = True

    def clean(self):
        cleaned = super().clean()
        service, contact = cleaned.get("service"), cleaned.get("contact")
        if service and contact and contact not in service_contacts(service):
            self.add_error("contact", _("This number is not one of the service's."))
        return cleaned


def service_contacts(service):
    return service.phones_in_order + ([service.fax] if service.fax else [])
