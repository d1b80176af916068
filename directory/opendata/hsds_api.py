"""``/api/hsds/``: the directory as the Open Referral HSDS 3.0 API.

Every answer is JSON, in the language of ``lang`` (Korean by default), with
the headers of ``/api/v1/`` (last change, language, licence); CORS is open
for reading like every address under ``/api/``.
"""

import threading
import uuid
from functools import wraps

from django.http import FileResponse, Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core.cache import current_generation
from standards.models import Sector

from ..models import Service
from ..search.engine import best, matches, of_kind
from . import hsds_ids as ids
from .answers import with_headers
from .errors import in_client_language
from .hsds_openapi import VENDOR, VERSION, schema_files, served
from .hsds_params import (
    HsdsPage,
    InvalidParameter,
    boolean_param,
    datetime_param,
    format_param,
    search_param,
    uuid_param,
)
from .hsds_records import (
    hsds_services,
    modified_since,
    organization_record,
    organization_summary,
    service_record,
    service_summary,
)
from .hsds_terms import taxonomies, taxonomy_terms, term_lookup


def json_answer(data, request, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    return with_headers(request, response)


def hsds_view(view):
    """GET and HEAD only; wrong input and unknown ids answered in JSON."""

    # Nothing here writes: a POST is told 405 in JSON, not refused for CSRF.
    @csrf_exempt
    @in_client_language
    @wraps(view)
    def answering(request, *args, **kwargs):
        if request.method not in {"GET", "HEAD"}:
            response = json_answer({"detail": _("Method not allowed.")}, request, 405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except InvalidParameter as error:
            return json_answer({"errors": error.errors()}, request, 400)
        except Http404:
            return json_answer({"detail": _("Not found.")}, request, 404)

    return answering


def enveloped_page(request, items):
    """``items`` (a list, or a queryset of records' sources) as one page."""
    page = HsdsPage.asked(request.GET, len(items))
    start, end = page.bounds
    return page.envelope(list(items[start:end]))


@hsds_view
def root(request):
    return json_answer(
        {
            "version": VERSION,
            "profile": request.build_absolute_uri(reverse("directory:hsds-profile")),
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        },
        request,
    )


# The last map of service ids this process made, and the page cache's
# generation it was made in (any change of a row starts a new one).
_service_ids = {"generation": None, "ids": {}}
_service_ids_lock = threading.Lock()


def service_ids():
    """Each service's pk by its HSDS id, kept until any row changes: made
    anew for each request, it was 150,000 ids to derive for one service."""
    generation = current_generation()
    with _service_ids_lock:
        if _service_ids["generation"] != generation:
            _service_ids["ids"] = ids.record_ids(Service.objects.all())
            _service_ids["generation"] = generation
        return _service_ids["ids"]


class Searched:
    """The services matching a text (of ``services`` only, if given), best
    first: counted, and ranked only as far as the page asked for reaches.
    A common word ("담당", in every team's name) matches a national
    directory's every service: ranking them all for each page took seconds."""

    def __init__(self, text, services=None):
        self.attempt, entries = matches(text)
        entries = of_kind(entries, "service")
        if services is not None:
            entries = entries.filter(object_id__in=services.values("pk"))
        self.entries = entries

    def count(self):
        return self.entries.values("object_id").distinct().count()

    def __getitem__(self, page):
        if self.attempt is None or not page.stop:
            return []
        rows = best(self.attempt, page.stop, self.entries)
        return [pk for _kind, pk in rows][page]


def filtered_services(params):
    """The pks of the services that match every filter given (AND): best
    first when searched (``Searched``), else in document order, a query that
    pages in the database (a national directory is 150,000 services to read
    for one page). Either counts (``count()``) and slices."""
    format_param(params)
    queryset, narrowed = hsds_services(), False
    moment = datetime_param(params, "modified_after")
    if moment:
        queryset, narrowed = modified_since(queryset, moment), True
    term_id = uuid_param(params, "taxonomy_term_id")
    if term_id:
        lookup = term_lookup(term_id)
        queryset = queryset.filter(**lookup) if lookup else queryset.none()
        narrowed = True
    taxonomy = uuid_param(params, "taxonomy_id")
    if taxonomy:
        sectors = {ids.taxonomy_id(sector): sector for sector in Sector.objects.all()}
        sector = sectors.get(taxonomy)
        queryset = queryset.filter(area__sector=sector) if sector else queryset.none()
        narrowed = True
    organization = uuid_param(params, "organization_id")
    if organization and organization != ids.organization_id():
        queryset, narrowed = queryset.none(), True
    text = search_param(params)
    if text:
        return Searched(text, queryset if narrowed else None)
    return queryset.in_document_order().values_list("pk", flat=True).distinct()


def service_records(request, pks):
    """Full records of the services ``pks``, in that order."""
    services = {s.pk: s for s in hsds_services().filter(pk__in=pks)}
    return [service_record(request, services[pk]) for pk in pks if pk in services]


@hsds_view
def hsds_service_list(request):
    full = boolean_param(request.GET, "full")
    page = HsdsPage.asked(request.GET, 0)
    pks = filtered_services(request.GET)
    page.total = pks.count()
    start, end = page.bounds
    records = service_records(request, list(pks[start:end]))
    contents = records if full else [service_summary(r) for r in records]
    return json_answer(page.envelope(contents), request)


def canonical(value):
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise Http404 from None


@hsds_view
def hsds_service_detail(request, id):
    pk = service_ids().get(canonical(id))
    if pk is None:
        raise Http404
    return json_answer(service_records(request, [pk])[0], request)


def all_services(request, full):
    pks = list(hsds_services().in_document_order().values_list("pk", flat=True))
    records = service_records(request, pks)
    return records if full else [service_summary(r) for r in records]


@hsds_view
def organization_list(request):
    format_param(request.GET)
    full = boolean_param(request.GET, "full")
    full_service = boolean_param(request.GET, "full_service")
    text = search_param(request.GET)
    organization = organization_summary(request)
    if full:
        organization = organization_record(request, all_services(request, full_service))
    found = not text or text.casefold() in organization["name"].casefold()
    return json_answer(
        enveloped_page(request, [organization] if found else []), request
    )


@hsds_view
def organization_detail(request, id):
    if canonical(id) != ids.organization_id():
        raise Http404
    full_service = boolean_param(request.GET, "full_service")
    record = organization_record(request, all_services(request, full_service))
    return json_answer(record, request)


def texts_match(record, text):
    words = f"{record.get('code', '')} {record['name']} {record['description']}"
    return not text or text.casefold() in words.casefold()


@hsds_view
def taxonomy_list(request):
    format_param(request.GET)
    text = search_param(request.GET)
    found = [t for t in taxonomies(request) if texts_match(t, text)]
    return json_answer(enveloped_page(request, found), request)


def one_of(records, id):
    """The record of ``records`` whose id is ``id``, or a 404."""
    wanted = canonical(id)
    for record in records:
        if record["id"] == wanted:
            return record
    raise Http404


@hsds_view
def taxonomy_detail(request, id):
    return json_answer(one_of(taxonomies(request), id), request)


@hsds_view
def taxonomy_term_list(request):
    params = request.GET
    format_param(params)
    text = search_param(params)
    taxonomy = uuid_param(params, "taxonomy_id")
    parent = uuid_param(params, "parent_id")
    top_only = boolean_param(params, "top_only")
    found = [
        term
        for term in taxonomy_terms(request)
        if texts_match(term, text)
        and (not taxonomy or term["taxonomy_id"] == taxonomy)
        and (not parent or term.get("parent_id") == parent)
        and (not top_only or "parent_id" not in term)
    ]
    return json_answer(enveloped_page(request, found), request)


@hsds_view
def taxonomy_term_detail(request, id):
    return json_answer(one_of(taxonomy_terms(request), id), request)


@hsds_view
def openapi(request):
    api_url = request.build_absolute_uri(reverse("hsds:root"))
    schema_url = request.build_absolute_uri(reverse("hsds:schema", args=["x"]))
    return json_answer(served(api_url, schema_url.removesuffix("x")), request)


@hsds_view
def schema_file(request, name):
    # Only the vendored files: the name never reaches the file system else.
    if name not in schema_files():
        raise Http404
    response = FileResponse((VENDOR / name).open("rb"), content_type="application/json")
    return with_headers(request, response)


@hsds_view
def hsds_not_found(request, rest=""):
    raise Http404
