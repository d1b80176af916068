"""HSDS 3.0's official OpenAPI document, corrected, and the one we serve.

The official files are vendored unchanged in ``third_party/hsds-3.0/``.
``openapi.json`` refers to its schemas by their addresses on GitHub; here
those references point at our own copies (served under
``/api/hsds/schema/``), or at local files for the tests, so that nothing is
read over the network.

Errata of the 3.0 ``openapi.json`` corrected by ``corrected()``:

1. ``modified_after`` declares ``"format": "datetime"``, no format of JSON
   Schema; its description ("modified on or after this datetime") is a
   ``date-time``.
2. The operation ids of ``/taxonomy_terms`` and ``/taxonomy_terms/{id}`` are
   swapped (the list is ``getTaxonomyTermById``).
3. ``/services`` has the description of ``/services/{id}`` ("Retrieve fully
   nested service ... with id"); it takes its own summary.
4. No operation documents an answer but 200, yet an id that does not exist
   must be answered: ``404`` is added to each ``{id}`` path and ``400`` (an
   invalid parameter) to each list, both with our JSON error body.
5. ``info`` holds placeholders ("REQUIRED -- TITLE OF YOUR API HERE", a
   licence URL that is a sentence), which ours replaces.

``/service_at_locations`` is left out: the directory has no locations.
"""

import copy
import json
from functools import cache

from django.conf import settings

VENDOR = settings.BASE_DIR / "third_party" / "hsds-3.0" / "schema"
# Where openapi.json says its schemas are; the vendored files are the same.
REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
VERSION = "3.0"
UNSERVED = ("/service_at_locations", "/service_at_locations/{id}")

ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "message": {"type": "string"},
                        "code": {"type": "string"},
                    },
                    "required": ["message", "code"],
                },
            },
        },
    },
}


def schema_files():
    """The vendored files' names relative to ``schema/``, JSON only."""
    return sorted(str(path.relative_to(VENDOR)) for path in VENDOR.rglob("*.json"))


@cache
def vendored(name):
    """One vendored JSON file, read once."""
    return json.loads((VENDOR / name).read_text("utf-8"))


def error_response_object(description):
    """An OpenAPI Response Object: an error answer with the HSDS Error schema."""
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
        },
    }


def corrected():
    """The official openapi.json with the errata above corrected."""
    document = copy.deepcopy(vendored("openapi.json"))
    paths = document["paths"]
    for path in UNSERVED:
        del paths[path]
    document["components"]["parameters"]["modified_after"]["schema"]["format"] = (
        "date-time"
    )
    paths["/taxonomy_terms"]["get"]["operationId"] = "getPaginatedListOfTaxonomyTerms"
    paths["/taxonomy_terms/{id}"]["get"]["operationId"] = "getTaxonomyTermById"
    services = paths["/services"]["get"]
    services["description"] = services["summary"]
    document["components"]["schemas"]["Error"] = ERROR
    for path, item in paths.items():
        responses = item["get"]["responses"]
        if path.endswith("{id}"):
            responses["404"] = error_response_object("No record with this id.")
        elif path != "/":
            responses["400"] = error_response_object(
                "An invalid parameter, with the reason."
            )
    return document


def with_refs(node, base):
    """``node`` with references to the schemas' GitHub addresses moved to
    ``base`` (an address ending in ``/``)."""
    if isinstance(node, dict):
        return {
            key: value.replace(REMOTE, base)
            if key == "$ref" and isinstance(value, str)
            else with_refs(value, base)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [with_refs(value, base) for value in node]
    return node


def served(api_url, schema_url):
    """Our OpenAPI document: the corrected one, describing our server, with
    the one parameter we add (``lang``) on every operation."""
    document = with_refs(corrected(), schema_url)
    lang = {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "Language of the texts and messages (Korean by default).",
        "schema": {"type": "string", "enum": [code for code, _ in settings.LANGUAGES]},
    }
    for item in document["paths"].values():
        operation = item["get"]
        operation["parameters"] = [*operation.get("parameters", []), lang]
    document["info"] = {
        "title": f"{settings.SITE_ORGANIZATION}: HSDS {VERSION} API",
        "version": "1",
        "summary": "The public service directory as Open Referral HSDS 3.0.",
        "description": (
            "Read-only services, the province as their organization, its "
            "teams as contacts, and the standards' policy areas and "
            "commitments as taxonomies. Ids are UUIDs derived from natural "
            "keys, the same in every deployment. Texts in the language of "
            "`lang` (Korean by default)."
        ),
        "license": {"name": str(settings.DATA_LICENCE)},
    }
    document["servers"] = [{"url": api_url.rstrip("/")}]
    return document
