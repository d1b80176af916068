"""The read-only JSON API, ``/api/v1/``, and its OpenAPI document.

django-ninja builds the OpenAPI document from the same type hints that
validate the parameters, so the document cannot drift from the code.
"""

from functools import wraps

from django.core.paginator import EmptyPage
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, re_path
from django.utils.cache import patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from core.paging import key_paginator, rows_in_order
from standards.models import Commitment, PolicyArea, Sector

from ..models import Contact, Division, HelpLine, Service
from .answers import page_url, serialize, with_headers
from .answertime import AT, InvalidTime
from .changes import with_updated
from .errors import field_errors, in_client_language
from .filters import (
    SERVICE_LOOKUPS,
    AreaFilters,
    DetailOptions,
    InvalidFilter,
    ListFilters,
    RecordId,
    SectorFilters,
    ServiceFilters,
    filtered,
    narrowed,
)
from .schemas import (
    AreaOut,
    CommitmentOut,
    ContactOut,
    DivisionOut,
    ErrorOut,
    HelpLineOut,
    NotFoundOut,
    Page,
    SectorOut,
    ServiceOut,
)
from .search import router as search_router


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


class DirectoryApi(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        return with_headers(request, response)

    @property
    def urls(self):
        """Ninja's routes, then a JSON 404 for any other address below them.

        Ninja answers a wrong method in plain text and its root address with
        the site's HTML page; clients of the API get JSON from every address.
        """
        patterns, app_name, namespace = super().urls
        patterns = [
            URLPattern(p.pattern, json_errors(p.callback), p.default_args, p.name)
            for p in patterns
        ]
        return [*patterns, re_path("", csrf_exempt(not_found))], app_name, namespace


api = DirectoryApi(
    title="Gyeonggi public service directory API",
    version="1",
    description=(
        "Read-only data of the Gyeonggi Province public service directory: "
        "services, the divisions in charge and their numbers, from the "
        "province's administrative service standards. Lists are paginated; "
        "every response carries ETag and Last-Modified, and the licence is "
        "linked in the Link header."
    ),
    renderer=Renderer(),
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
)


def error_response(request, data, status):
    response = api.create_response(request, data, status=status)
    patch_vary_headers(response, ["Accept-Language"])
    return response


@api.exception_handler(ValidationError)
@in_client_language
def invalid_input(request, exc):
    return error_response(request, {"errors": field_errors(exc.errors)}, 400)


@api.exception_handler(InvalidTime)
@in_client_language
def invalid_time(request, exc):
    return error_response(request, {"errors": exc.errors()}, 422)


@api.exception_handler(InvalidFilter)
@in_client_language
def invalid_filter(request, exc):
    return error_response(request, {"errors": exc.errors()}, 400)


@api.exception_handler(Http404)
@in_client_language
def not_found(request, exc=None):
    return error_response(request, {"detail": _("Not found.")}, 404)


@in_client_language
def method_not_allowed(request, allowed):
    response = error_response(request, {"detail": _("Method not allowed.")}, 405)
    response["Allow"] = allowed
    return response


def json_errors(view):
    """Answer in JSON where ninja's own views answer in HTML or plain text.

    HEAD is answered as GET without the body (ninja routes GET only), with
    the headers GET would give, its ETag and length included.
    """

    @wraps(view)
    def answering_in_json(request, *args, **kwargs):
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return not_found(request)
        finally:
            if head:
                request.method = "HEAD"
        if response.status_code == 405:
            allowed = response["Allow"]
            return method_not_allowed(request, allowed.replace("GET", "GET, HEAD"))
        if head:
            set_response_etag(response)
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response

    return answering_in_json


def paginated(request, queryset, schema, filters):
    paginator = key_paginator(queryset, filters.page_size)
    try:
        page = paginator.page(filters.page)
    except EmptyPage as error:
        raise Http404 from error
    page.object_list = rows_in_order(queryset, list(page.object_list))
    data = {
        "count": paginator.count,
        "next": page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": page_url(request, page.previous_page_number())
        if page.has_previous()
        else None,
        "results": serialize(request, schema, page.object_list, filters.lang),
    }
    return api.create_response(request, data, status=200)


def detail(request, queryset, schema, pk, options):
    obj = get_object_or_404(with_updated(queryset), pk=pk)
    data = serialize(request, schema, [obj], options.lang)[0]
    return api.create_response(request, data, status=200)


LIST_RESPONSES = {400: ErrorOut, 404: NotFoundOut, 422: ErrorOut}
DETAIL_RESPONSES = {400: ErrorOut, 404: NotFoundOut, 422: ErrorOut}


@api.get(
    "/services", response={200: Page[ServiceOut], **LIST_RESPONSES}, openapi_extra=AT
)
def service_list(request, filters: Query[ServiceFilters]):
    """Services, in the order of the standard documents."""
    queryset = filtered(Service.objects.for_page(), filters, **SERVICE_LOOKUPS)
    return paginated(request, queryset, ServiceOut, filters)


@api.get(
    "/services/{pk}", response={200: ServiceOut, **DETAIL_RESPONSES}, openapi_extra=AT
)
def service_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, Service.objects.for_page(), ServiceOut, pk, options)


@api.get(
    "/divisions", response={200: Page[DivisionOut], **LIST_RESPONSES}, openapi_extra=AT
)
def division_list(request, filters: Query[AreaFilters]):
    """Divisions (teams) with their services' phone and fax numbers."""
    queryset = filtered(
        Division.objects.for_page(), filters, sector="sector", area="services__area"
    )
    return paginated(request, queryset, DivisionOut, filters)


@api.get(
    "/divisions/{pk}", response={200: DivisionOut, **DETAIL_RESPONSES}, openapi_extra=AT
)
def division_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, Division.objects.for_page(), DivisionOut, pk, options)


@api.get("/areas", response={200: Page[AreaOut], **LIST_RESPONSES})
def area_list(request, filters: Query[SectorFilters]):
    """Policy areas (정책분야) of every sector."""
    queryset = filtered(PolicyArea.objects.with_sector(), filters, sector="sector")
    return paginated(request, queryset, AreaOut, filters)


@api.get("/areas/{pk}", response={200: AreaOut, **DETAIL_RESPONSES})
def area_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, PolicyArea.objects.with_sector(), AreaOut, pk, options)


@api.get("/commitments", response={200: Page[CommitmentOut], **LIST_RESPONSES})
def commitment_list(request, filters: Query[AreaFilters]):
    """Commitments (이행표준 항목) with their pledges."""
    queryset = filtered(
        Commitment.objects.for_page(), filters, sector="area__sector", area="area"
    )
    return paginated(request, queryset, CommitmentOut, filters)


@api.get("/commitments/{pk}", response={200: CommitmentOut, **DETAIL_RESPONSES})
def commitment_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, Commitment.objects.for_page(), CommitmentOut, pk, options)


@api.get(
    "/contacts", response={200: Page[ContactOut], **LIST_RESPONSES}, openapi_extra=AT
)
def contact_list(request, filters: Query[ServiceFilters]):
    """Phone and fax numbers; filters match the services that use them."""
    queryset = Contact.objects.all()
    if filters.sector or filters.area or filters.division:
        services = narrowed(Service.objects.all(), filters, **SERVICE_LOOKUPS)
        queryset = queryset.filter(
            Q(services__in=services) | Q(fax_services__in=services)
        )
    return paginated(request, filtered(queryset, filters), ContactOut, filters)


@api.get(
    "/contacts/{pk}", response={200: ContactOut, **DETAIL_RESPONSES}, openapi_extra=AT
)
def contact_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, Contact.objects.all(), ContactOut, pk, options)


@api.get("/sectors", response={200: Page[SectorOut], **LIST_RESPONSES})
def sector_list(request, filters: Query[ListFilters]):
    """Sectors: one for each standard document."""
    return paginated(
        request, filtered(Sector.objects.all(), filters), SectorOut, filters
    )


@api.get("/sectors/{pk}", response={200: SectorOut, **DETAIL_RESPONSES})
def sector_detail(request, pk: RecordId, options: Query[DetailOptions]):
    return detail(request, Sector.objects.all(), SectorOut, pk, options)


@api.get(
    "/helplines", response={200: Page[HelpLineOut], **LIST_RESPONSES}, openapi_extra=AT
)
def helpline_list(request, filters: Query[ListFilters]):
    """National help lines: languages, weekly hours and whether each answers
    at the time asked (``at``, ISO 8601, default now)."""
    return paginated(
        request, filtered(HelpLine.objects.all(), filters), HelpLineOut, filters
    )


api.add_router("", search_router)
