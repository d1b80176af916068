"""What the fault tests look at: the rows as the primary holds them, pages
never served from the cache, and the site's log."""

import itertools
import json
import os
import time

from .client import fetch
from .servers import psql

# Names unique to this run: a name left by an earlier run proves nothing.
RUN = time.strftime("%H%M%S")
_probe = itertools.count()


def stored_name(records):
    """The service's name as the primary holds it."""
    return psql(
        os.environ["FAULT_PRIMARY_URL"],
        f"SELECT name_ko FROM directory_service WHERE id = {records['service']}",
    )


def stored_number(records):
    return psql(
        os.environ["FAULT_PRIMARY_URL"],
        f"SELECT number FROM directory_contact WHERE id = {records['contact']}",
    )


def uncached(site, path):
    """``path`` with a query never asked before, so never served from the cache."""
    return fetch(f"{site.base}{path}?probe={RUN}-{next(_probe)}")


def failures_logged(site, text):
    """How many lines of the site's log say ``text``, by failure kind."""
    kinds = {}
    for line in open(site.log.name, encoding="utf-8"):
        if text in line:
            kind = json.loads(line).get("failure", "?")
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def no_server_errors(counts):
    return not any(
        status == 500 or str(status).startswith("error") for status in counts
    )


def warm(site, paths):
    for path in paths:
        assert fetch(site.base + path)[0] == 200
