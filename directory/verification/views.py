"""The team's page, reached only through the link in its e-mail."""

import datetime

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ..models import Contact, Division, Report, VerificationRequest
from ..models.contacts import verification_cutoff
from .forms import TeamReportForm, service_contacts
from .links import RENEWABLE, Problem, read_token
from .mail import send_request, site_url

# A fresh link goes to the same address at most this often.
FRESH_LINK_EVERY = datetime.timedelta(minutes=15)
# A link is not a way to fill the staff queue.
REPORTS_PER_LINK = 30

STATUS = {
    Problem.TAMPERED: 400,
    Problem.OTHER_TEAM: 400,
    Problem.USED: 410,
    Problem.EXPIRED: 410,
    Problem.ADDRESS_REMOVED: 403,
}


def refused(request, link, token):
    context = {"link": link, "token": token, "renewable": link.problem in RENEWABLE}
    return render(
        request,
        "directory/verification/refused.html",
        context,
        status=STATUS[link.problem],
    )


@method_decorator(never_cache, name="dispatch")
class VerificationView(TemplateView):
    """Everything the public sees of the team, to confirm or to correct."""

    template_name = "directory/verification/team.html"

    def dispatch(self, request, token):
        self.token, self.link = token, read_token(token)
        if self.link.problem:
            return refused(request, self.link, token)
        self.request_record = self.link.request
        self.division = Division.objects.for_page().get(
            pk=self.request_record.division_id
        )
        return super().dispatch(request, token)

    def report_form(self, data=None):
        return TeamReportForm(
            data, division=self.division, address=self.request_record.address
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("report_form", self.report_form())
        kwargs.update(division=self.division, address=self.request_record.address)
        return super().get_context_data(**kwargs)

    def team_reports(self):
        return Report.objects.open().filter(
            source=Report.Source.TEAM,
            team_email=self.request_record.address,
            service__division=self.division,
            created_at__gte=self.request_record.created_at,
        )

    def post(self, request, token):
        if "confirm" in request.POST:
            return self.confirm()
        if self.team_reports().count() >= REPORTS_PER_LINK:
            messages.error(request, _("Too many reports from this link."))
            return self.render_to_response(self.get_context_data(), status=429)
        form = self.report_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(report_form=form), status=400
            )
        form.save()
        messages.success(
            request,
            _("Thank you. Staff will correct it; the public page has not changed yet."),
        )
        return redirect(request.path)

    def confirm(self):
        """Confirm every item the team has not just reported as wrong."""
        reports = list(self.team_reports())
        reported = {r.contact_id for r in reports if r.contact_id}
        skipped = {r.service_id for r in reports if not r.contact_id}
        services = [s for s in self.division.services.all() if s.pk not in skipped]
        contacts = {
            c.pk for s in services for c in service_contacts(s) if c.pk not in reported
        }
        address = self.request_record.address
        with transaction.atomic():
            claimed = VerificationRequest.objects.filter(
                pk=self.request_record.pk, used_at__isnull=True
            ).update(used_at=timezone.now())
            if not claimed:
                return redirect(self.request.path)
            self.division.services.filter(
                pk__in=[s.pk for s in services]
            ).mark_confirmed_by_team(address)
            Contact.objects.filter(
                pk__in=confirmed_by_every_team(contacts, self.division)
            ).mark_confirmed_by_team(address)
        return redirect("directory:verify-done", token=self.token)


def confirmed_by_every_team(contact_pks, division):
    """The numbers among ``contact_pks`` that every other team using them has
    also confirmed within the period: a number shared by two teams is not
    shown as confirmed on the other team's pages on one team's word."""
    cutoff = timezone.make_aware(
        datetime.datetime.combine(verification_cutoff(), datetime.time())
    )
    answered = Division.objects.filter(verification_requests__used_at__gte=cutoff)
    unconfirmed_elsewhere = (
        Division.objects.exclude(pk=division.pk)
        .exclude(pk__in=answered)
        .filter(
            Q(services__service_phones__contact=OuterRef("pk"))
            | Q(services__fax=OuterRef("pk"))
        )
    )
    return (
        Contact.objects.filter(pk__in=contact_pks)
        .exclude(Exists(unconfirmed_elsewhere))
        .values_list("pk", flat=True)
    )


@method_decorator(never_cache, name="dispatch")
class ConfirmedView(View):
    """Where "everything is correct" leads: the link is used, and says so."""

    def get(self, request, token):
        link = read_token(token)
        if link.problem != Problem.USED:
            return redirect("directory:verify", token=token)
        return render(request, "directory/verification/done.html", {"link": link})


@method_decorator(never_cache, name="dispatch")
class FreshLinkView(View):
    """Send a new link to the address of a used or expired one, and only there."""

    http_method_names = ["post"]

    def post(self, request, token):
        link = read_token(token)
        if not link.problem:
            # The link still works: there is nothing to renew.
            return redirect("directory:verify", token=token)
        if link.problem not in RENEWABLE:
            return refused(request, link, token)
        division, address = link.request.division, link.request.address
        if address not in division.email_addresses:
            return refused(
                request, type(link)(link.request, Problem.ADDRESS_REMOVED), token
            )
        since = timezone.now() - FRESH_LINK_EVERY
        recent = VerificationRequest.objects.filter(
            division=division, address=address, created_at__gte=since
        )
        if recent.exists():
            outcome, status = "recent", 429
        elif send_request(division, address, base=site_url(request)):
            outcome, status = "sent", 200
        else:
            outcome, status = "failed", 503
        context = {"outcome": outcome, "address": address, "division": division}
        return render(
            request, "directory/verification/fresh_link.html", context, status=status
        )
