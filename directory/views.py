import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from standards.models import Commitment, PolicyArea, Sector

from .forms import ApiSearchForm, ReportForm, SearchFilter, SearchForm
from .models import Division, HelpLine, Service
from .opendata.errors import request_language
from .search import INDEX_LETTERS
from .search.engine import Search
from .search.records import api_records
from .sharing import division_vcard, service_structured_data, service_vcard

# A policy area's or the standard's table of services, teams and numbers.
SERVICE_TABLE = [
    "services__division",
    "services__fax",
    "services__service_phones__contact",
]


class HomeView(TemplateView):
    template_name = "directory/home.html"
    # At province scale there are thousands of teams and hundreds of
    # commitments: the home page shows the first teams and links to the full
    # list, and lists commitments under their areas only while they are few
    # (each area's page lists its own), instead of rendering megabytes.
    divisions_shown = 24
    commitments_shown = 60

    def get_context_data(self, **kwargs):
        divisions = list(Division.objects.with_services()[: self.divisions_shown + 1])
        few = Commitment.objects.order_by()[: self.commitments_shown + 1].count()
        show_commitments = few <= self.commitments_shown
        areas = PolicyArea.objects.all()
        if show_commitments:
            areas = areas.prefetch_related("commitments")
        return super().get_context_data(
            search_form=SearchForm(),
            sectors=Sector.objects.prefetch_related(Prefetch("areas", areas)),
            show_commitments=show_commitments,
            divisions=divisions[: self.divisions_shown],
            more_divisions=len(divisions) > self.divisions_shown,
            **kwargs,
        )


class ServiceListView(ListView):
    """The 가나다 index of every service."""

    template_name = "directory/service_list.html"
    paginate_by = 500

    def get_queryset(self):
        return Service.objects.with_contacts().order_by("name_ko", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        present = {service.index_letter for service in context["object_list"]}
        context["index_letters"] = [
            (letter, letter in present) for letter in INDEX_LETTERS
        ]
        context["other_letters"] = sorted(present.difference(INDEX_LETTERS))
        return context


class ServiceDetailView(DetailView):
    def get_queryset(self):
        return Service.objects.with_contacts().prefetch_related("commitments")

    def get_context_data(self, **kwargs):
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(
            structured_data=service_structured_data(self.object, url),
            help_lines=HelpLine.objects.all(),
            **kwargs,
        )


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


REPORTS_PER_HOUR = 5


def report_allowed(request):
    """Count the reports sent from this address in the last hour.

    The address is kept only as a hash in the cache, and only for that hour.
    """
    address = request.META.get("REMOTE_ADDR", "").encode()
    key = "report-rate:" + hashlib.sha256(address).hexdigest()
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= REPORTS_PER_HOUR


@method_decorator(never_cache, name="dispatch")
class ServiceReportView(SingleObjectMixin, FormView):
    """Receive a report that a service page is wrong; it waits for staff.

    The service page itself only links here with a small GET form, so that it
    carries no CSRF token and stays in the shared page cache.
    """

    form_class = ReportForm
    template_name = "directory/service_report.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"contact": self.request.GET.get("contact", "")}

    def get_queryset(self):
        return Service.objects.with_contacts().prefetch_related("commitments")

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
        if not form.is_spam:
            form.save()
        messages.success(
            self.request, _("Thank you. Staff will check the report and correct it.")
        )
        return redirect(
            reverse("directory:service-report", args=[self.object.pk]) + "#report"
        )


class DivisionListView(ListView):
    paginate_by = 100

    def get_queryset(self):
        return Division.objects.select_related("sector").with_services()


class DivisionDetailView(DetailView):
    def get_queryset(self):
        return Division.objects.select_related("sector").with_services()


class DivisionVCardView(VCardMixin, DivisionDetailView):
    make_vcard = staticmethod(division_vcard)


class DivisionSheetView(DivisionDetailView):
    """A one-page printable contact sheet with QR codes, for notice boards."""

    template_name = "directory/division_sheet.html"


class SectorDetailView(DetailView):
    """The whole standard on one printable page, as the document reads."""

    template_name = "directory/sector_detail.html"

    def get_queryset(self):
        return Sector.objects.prefetch_related(
            "areas__commitments__pledges",
            *(f"areas__{lookup}" for lookup in SERVICE_TABLE),
        )


class AreaDetailView(DetailView):
    template_name = "directory/policyarea_detail.html"

    def get_queryset(self):
        return PolicyArea.objects.select_related("sector").prefetch_related(
            "commitments__pledges", *SERVICE_TABLE
        )


class AreaSheetView(DetailView):
    template_name = "directory/area_sheet.html"

    def get_queryset(self):
        return PolicyArea.objects.select_related("sector").prefetch_related(
            Prefetch("services", Service.objects.with_contacts())
        )


class SearchView(TemplateView):
    template_name = "directory/search.html"
    results_shown = 50

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = {"search_form": form, "query": query}
        if query:
            search = Search(query)
            search_filter = SearchFilter(
                self.request.GET, queryset=search.entries, facets=search.facets()
            )
            sections = search.sections(search_filter.qs, limit=self.results_shown)
            context.update(
                search=search,
                search_filter=search_filter,
                sections=sections,
                services=[
                    r.object for s in sections if s.kind == "service" for r in s.results
                ],
                filter_notice=_("Invalid filter values were ignored.")
                if search_filter.errors
                else "",
            )
        if not context.get("sections"):
            # An empty query or no result still answers: every team and number.
            context["browse_divisions"] = Division.objects.with_services()
        return super().get_context_data(**context, **kwargs)


class MarkupSafeJSONEncoder(DjangoJSONEncoder):
    """JSON with <, > and & escaped, so that text echoed back never reads as HTML."""

    ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

    def encode(self, o):
        return super().encode(o).translate(self.ESCAPES)


class SearchApiView(View):
    """``GET /api/v1/search?q=``: the ranked results as JSON, errors as 400."""

    def get(self, request):
        form = ApiSearchForm(request.GET)
        if not form.is_valid():
            # Worded like the API's other errors, in the client's language.
            with translation.override(request_language(request)):
                errors = form.errors.get_json_data()
            response = JsonResponse(
                {"errors": errors},
                status=400,
                encoder=MarkupSafeJSONEncoder,
                json_dumps_params={"ensure_ascii": False},
            )
            patch_vary_headers(response, ["Accept-Language"])
            return response
        query, language = form.cleaned_data["q"], form.cleaned_data["lang"]
        rows = Search(query).best(limit=form.cleaned_data["limit"])
        results = api_records(rows, language or None)
        return JsonResponse(
            {"query": query, "count": len(results), "results": results},
            encoder=MarkupSafeJSONEncoder,
            json_dumps_params={"ensure_ascii": False},
        )
