import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from standards.models import Commitment, PolicyArea, Sector

from .forms import ReportForm, SearchForm, ServiceFilter
from .models import Division, Service
from .search import (
    INDEX_LETTERS,
    commitments_matching,
    divisions_matching,
    services_matching,
)


class HomeView(TemplateView):
    template_name = "directory/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search_form=SearchForm(),
            sectors=Sector.objects.prefetch_related(
                Prefetch(
                    "areas",
                    PolicyArea.objects.prefetch_related(
                        Prefetch("commitments", Commitment.objects.all())
                    ),
                )
            ),
            divisions=Division.objects.with_services(),
            **kwargs,
        )


class ServiceListView(ListView):
    """The 가나다 index of every service."""

    template_name = "directory/service_list.html"
    paginate_by = 500

    def get_queryset(self):
        return Service.objects.with_contacts().order_by("name", "pk")

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
        return super().get_context_data(
            report_form=ReportForm(service=self.object), **kwargs
        )


REPORTS_PER_HOUR = 5


def report_allowed(request):
    """Count the reports sent from this address in the last hour.

    The address is kept only as a hash in the cache, and only for that hour.
    """
    address = request.META.get("REMOTE_ADDR", "").encode()
    key = "report-rate:" + hashlib.sha256(address).hexdigest()
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= REPORTS_PER_HOUR


class ServiceReportView(SingleObjectMixin, FormView):
    """Receive a report that a service page is wrong; it waits for staff."""

    form_class = ReportForm
    template_name = "directory/service_detail.html"
    http_method_names = ["post"]

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
        return redirect(self.object.get_absolute_url() + "#report")


class DivisionListView(ListView):
    paginate_by = 100

    def get_queryset(self):
        return Division.objects.select_related("sector").with_services()


class DivisionDetailView(DetailView):
    def get_queryset(self):
        return Division.objects.select_related("sector").with_services()


class SearchView(TemplateView):
    template_name = "directory/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = {"search_form": form, "query": query}
        if query:
            service_filter = ServiceFilter(
                self.request.GET, queryset=services_matching(query)
            )
            context.update(
                service_filter=service_filter,
                services=service_filter.qs,
                filter_notice=_("Invalid filter values were ignored.")
                if service_filter.errors
                else "",
                divisions=divisions_matching(query),
                commitments=commitments_matching(query),
            )
        if not context.get("services"):
            # An empty query or no result still answers: every team and number.
            context["browse_divisions"] = Division.objects.with_services()
        return super().get_context_data(**context, **kwargs)
