"""The official HSDS 3.0 files, read locally: a registry and a bundle.

``openapi.json`` names its schemas by their GitHub addresses; the registry
answers those addresses with the vendored files, so nothing is fetched.
"""

import copy

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from directory.opendata.hsds_openapi import REMOTE, corrected, schema_files, vendored

OPENAPI = REMOTE + "openapi.json"


def registry():
    """Every vendored schema under its official address, and the corrected
    openapi.json under the address of the official one."""
    resources = [
        (REMOTE + name, Resource.from_contents(vendored(name), DRAFT202012))
        for name in schema_files()
        if name != "openapi.json"
    ]
    resources.append((OPENAPI, Resource.from_contents(corrected(), DRAFT202012)))
    return Registry().with_resources(resources)


def pointer(*parts):
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def response_schema(path, status="200"):
    """A reference to the schema of an operation's answer, as the document
    states it (``$ref``s resolved by the registry)."""
    where = pointer("paths", path, "get", "responses", status, "content")
    return {"$ref": f"{OPENAPI}#/{where}/application~1json/schema"}


def component_name(name):
    return "hsds_" + name.removesuffix(".json").replace("/", "_")


def local_refs(node, base_dir):
    """``node`` with every reference to an official file moved into the
    document's components; the files referred to are gathered in ``found``."""
    found = set()

    def visit(value):
        if isinstance(value, list):
            return [visit(item) for item in value]
        if not isinstance(value, dict):
            return value
        result = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and not item.startswith("#"):
                name = item.removeprefix(REMOTE)
                if not item.startswith(REMOTE):
                    name = base_dir + item
                found.add(name)
                result[key] = f"#/components/schemas/{component_name(name)}"
            else:
                result[key] = visit(item)
        return result

    return visit(node), found


def bundled(document=None):
    """``document`` (the corrected openapi.json by default) with every
    official schema it refers to inlined."""
    document, pending = local_refs(document or corrected(), "")
    schemas = document["components"]["schemas"]
    while pending:
        name = pending.pop()
        if component_name(name) in schemas:
            continue
        base_dir = name.rpartition("/")[0] + "/" if "/" in name else ""
        schema, more = local_refs(copy.deepcopy(vendored(name)), base_dir)
        schemas[component_name(name)] = schema
        pending |= more
    return document
