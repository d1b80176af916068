from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from core.paging import KeyPaginationMixin
from standards.models import Commitment, PolicyArea, Sector

from .forms import ReportForm, SearchFilter, SearchForm
from .hours import keep_in_cache_while_current
from .models import Division, HelpLine, Service
from .reports import report_allowed, report_save
from .search import INDEX_LETTERS, engine, ordering
from .sharing import division_vcard, service_structured_data, service_vcard


class OpenNowMixin:
    """Pages that say which numbers answer now: cached only while that holds."""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return keep_in_cache_while_current(response)


def lines_for_reader():
    """The help lines, those answering in the page's language and open now first."""
    return ordering.ordered(HelpLine.objects.all(), get_language())


def first_teams(shown=12):
    """The first teams' cards, and whether there are more (then the page
    links to the list of all teams instead of rendering thousands)."""
    divisions = list(Division.objects.for_cards()[: shown + 1])
    return {"divisions": divisions[:shown], "more": len(divisions) > shown}


class HomeView(OpenNowMixin, TemplateView):
    template_name = "directory/home.html"
    # At province scale there are thousands of teams and hundreds of
    # commitments: the home page shows the first teams and links to the full
    # list, and lists commitments under their areas only while they are few
    # (each area's page lists its own), instead of rendering megabytes.
    commitments_shown = 60

    def get_context_data(self, **kwargs):
        few = Commitment.objects.order_by()[: self.commitments_shown + 1].count()
        show_commitments = few <= self.commitments_shown
        return super().get_context_data(
            search_form=SearchForm(),
            sectors=Sector.objects.with_areas(commitments=show_commitments),
            show_commitments=show_commitments,
            teams=first_teams(),
            help_lines=lines_for_reader(),
            **kwargs,
        )


class ServiceListView(KeyPaginationMixin, ListView):
    """The 가나다 index of every service."""

    template_name = "directory/service_list.html"
    # Pages stay small at province scale (docs/benchmarks.md).
    paginate_by = 150

    def get_queryset(self):
        return Service.objects.with_contacts().in_name_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        present = {service.index_letter for service in context["object_list"]}
        context["index_letters"] = [
            (letter, letter in present) for letter in INDEX_LETTERS
        ]
        context["other_letters"] = sorted(present.difference(INDEX_LETTERS))
        return context


class ServiceDetailView(OpenNowMixin, DetailView):
    def get_queryset(self):
        return Service.objects.for_page()

    def get_context_data(self, **kwargs):
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(
            structured_data=service_structured_data(self.object, url),
            help_lines=ordering.ordered(
                HelpLine.objects.all().in_language(get_language()), get_language()
            ),
            service_help_lines=self.object.help_lines.all(),
            **kwargs,
        )


class HelpLineListView(OpenNowMixin, ListView):
    """The national help lines, with what each is for, its languages and hours:
    those answering in the reader's language and open now first."""

    model = HelpLine
    template_name = "directory/helpline_list.html"
    context_object_name = "helpline_list"

    def get_queryset(self):
        return lines_for_reader()


class VCardMixin:
    """Serve the object as a .vcf file that phones add to their contacts."""

    def render_to_response(self, context, **response_kwargs):
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        response = HttpResponse(
            self.make_vcard(self.object, url), content_type="text/vcard; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="contact-{self.object.pk}.vcf"'
        )
        return response


class ServiceVCardView(VCardMixin, ServiceDetailView):
    make_vcard = staticmethod(service_vcard)


@method_decorator(never_cache, name="dispatch")
class ServiceReportView(SingleObjectMixin, FormView):
    """Receive a report that a service page is wrong; it waits for staff.

    The service page itself only links here with a small GET form, so that it
    carries no CSRF token and stays in the shared page cache.
    """

    form_class = ReportForm
    template_name = "directory/service_report.html"
    # FormView answers PUT as if it were a POST.
    http_method_names = ["get", "post", "head", "options"]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"contact": self.request.GET.get("contact", "")}

    def get_queryset(self):
        return Service.objects.for_page()

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not report_allowed(request):
            messages.error(request, _("Too many reports from here. Try again later."))
            return self.render_to_response(self.get_context_data(), status=429)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "service": self.object}

    def get_context_data(self, **kwargs):
        kwargs["report_form"] = kwargs.pop("form", None) or self.get_form()
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        form.instance.language = get_language()
        if not form.is_spam and not report_save(form, self.request):
            messages.error(
                self.request, _("Too many reports from here. Try again later.")
            )
            return self.render_to_response(self.get_context_data(), status=429)
        return redirect("directory:service-report-sent", self.object.pk)


class ServiceReportSentView(OpenNowMixin, DetailView):
    """After a report: what happens next, and a line that answers in the
    reporter's language meanwhile (the team's number may be the wrong one)."""

    template_name = "directory/service_report_sent.html"
    context_object_name = "service"

    def get_queryset(self):
        return Service.objects.for_page()

    def get_context_data(self, **kwargs):
        lines = HelpLine.objects.all().in_language(get_language())
        answering = ordering.ordered(
            self.object.help_lines.all().in_language(get_language()) or lines,
            get_language(),
        )
        return super().get_context_data(help_lines=answering[:1], **kwargs)


class DivisionListView(KeyPaginationMixin, ListView):
    # Pages of cards stay small at province scale (docs/benchmarks.md).
    paginate_by = 24

    def get_queryset(self):
        return Division.objects.for_cards().in_name_order()


class DivisionDetailView(OpenNowMixin, DetailView):
    def get_queryset(self):
        return Division.objects.for_page()


class DivisionVCardView(VCardMixin, DivisionDetailView):
    make_vcard = staticmethod(division_vcard)


class DivisionSheetView(DivisionDetailView):
    """A one-page printable contact sheet with QR codes, for notice boards."""

    template_name = "directory/division_sheet.html"


class SectorDetailView(DetailView):
    """The whole standard on one printable page, as the document reads. An
    area of more services than ``services_shown`` (a national standard's
    have hundreds) shows its first ones and links to its own page."""

    template_name = "directory/sector_detail.html"
    services_shown = 50

    def get_queryset(self):
        areas = PolicyArea.objects.annotate(service_count=Count("services"))
        return (
            Sector.objects.prefetch_related(Prefetch("areas", areas))
            .with_pledges()
            .with_services(
                Service.objects.with_contacts().first_of_each_area(self.services_shown)
            )
        )


class AreaServicesMixin:
    """An area's services a page at a time (``?page=``): a national
    standard's area has hundreds, each with its numbers (and on the sheet,
    a QR code)."""

    services_per_page = 100

    def get_context_data(self, **kwargs):
        services = (
            Service.objects.with_contacts().in_area(self.object).in_document_order()
        )
        paginator = Paginator(services, self.services_per_page)
        # A page number that is not one (or past the end) gives the nearest
        # page, as links elsewhere might have it.
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            services=page.object_list,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            **kwargs,
        )


class AreaDetailView(AreaServicesMixin, DetailView):
    template_name = "directory/policyarea_detail.html"

    def get_queryset(self):
        return PolicyArea.objects.with_sector().with_pledges()


class AreaSheetView(AreaServicesMixin, DetailView):
    template_name = "directory/area_sheet.html"
    services_per_page = 40

    def get_queryset(self):
        return PolicyArea.objects.with_sector()


class SearchView(OpenNowMixin, TemplateView):
    template_name = "directory/search.html"
    results_shown = 50

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = {"search_form": form, "query": query}
        if query:
            attempt, entries = engine.matches(query)
            best = None
            if attempt is not None and attempt.weak:
                # Only part of the query matched: the page counts and
                # filters its best records alone (engine.of_records).
                best = engine.best(attempt, self.results_shown)
                entries = engine.of_records(entries, best)
            counts = engine.facets(entries)
            search_filter = SearchFilter(
                self.request.GET, queryset=entries, facets=counts
            )
            if search_filter.narrows:
                entries, best = search_filter.qs, None
                counts = {"kind": engine.counted(entries, "kind")}
            else:
                # Ranked as the API ranks them: of a common word's matches,
                # the first candidates only (engine.best).
                entries = None
            found = ordering.best_for_reader(
                attempt, entries, self.results_shown, get_language(), rows=best
            )
            # A line brought along for the reader's language counts too.
            count = max(sum(counts["kind"].values()), len(found))
            context.update(
                attempt=attempt,
                search_filter=search_filter,
                results=found,
                count=count,
                services=[r for r in found if r.kind == "service"],
                filter_notice=_("Invalid filter values were ignored.")
                if search_filter.errors
                else "",
            )
        if not context.get("results"):
            # An empty query or no result still answers: the first teams and
            # their numbers, and a link to all of them.
            context["browse_teams"] = first_teams()
        return super().get_context_data(**context, **kwargs)
