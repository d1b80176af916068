"""Every kind of page and list, rendered without the page cache, at national size.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/uncached.py [--rounds 5]
    .venv/bin/python bench/uncached.py          # SQLite

Reads the database bench/search.py made last (150,000 services named in 13
languages; run it first) and asks each address's view, as its URL resolves,
``--rounds`` times: no page cache and no edge, which is what the first
visitor after a staff edit, or a crawler walking every page, costs. Prints
the median and the slowest time per address, and its size. The slowest of
an HSDS record includes deriving every service's id once (kept until a row
changes).
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import bench_database_url, setup_django  # noqa: E402


def addresses():
    """The addresses timed, with records picked from the middle of the data."""
    from django.utils import timezone

    from directory.models import Division, Service
    from directory.opendata.hsds_ids import record_id

    service = Service.objects.select_related("area__sector").order_by("pk")[
        Service.objects.count() // 2
    ]
    division = Division.objects.order_by("pk")[Division.objects.count() // 2]
    area, sector = service.area, service.area.sector
    # What a harvester asks each day: the changes since yesterday.
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    return [
        ("/", {}),
        (f"/services/{service.pk}/", {}),
        ("/services/", {}),
        ("/services/", {"page": 500}),
        ("/divisions/", {}),
        (f"/divisions/{division.pk}/", {}),
        (f"/areas/{area.pk}/", {}),
        (f"/areas/{area.pk}/sheet/", {}),
        (f"/standards/{sector.pk}/", {}),
        ("/helplines/", {}),
        ("/sitemap.xml", {}),
        ("/sitemap-services.xml", {"p": 500}),
        ("/api/v1/services", {}),
        ("/api/v1/services", {"page": 3000}),
        ("/api/v1/divisions", {"area": area.pk}),
        ("/api/v1/services", {"updated_since": since}),
        ("/api/hsds/services", {}),
        ("/api/hsds/services", {"modified_after": since}),
        ("/api/hsds/services", {"search": "상담"}),
        # A word in every team's name (each ends in 담당 here): every
        # service is found through its team.
        ("/api/hsds/services", {"search": "담당"}),
        ("/search/", {"q": "담당"}),
        ("/search/", {"q": "담당", "type": "service"}),
        (f"/api/hsds/services/{record_id(service)}", {}),
    ]


def body_of(response):
    if hasattr(response, "render"):
        response.render()
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def opened(doc, rounds):
    """The command line's arguments (``--rounds``), after opening the
    database bench/search.py made last and saying what it holds."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=rounds)
    args = parser.parse_args()
    setup_django(bench_database_url(reuse=True))

    from django.db import connection

    from directory.models import Service

    print(f"{connection.vendor}: {Service.objects.count():,} services")
    return args


def main():
    args = opened(__doc__, rounds=5)

    from django.test import RequestFactory
    from django.urls import Resolver404, resolve

    factory = RequestFactory(HTTP_HOST="127.0.0.1")
    print(f"{'address':<58} {'p50 ms':>8} {'max ms':>8} {'KB':>8}")
    for path, params in addresses():
        try:
            match = resolve(path)
        except Resolver404:
            print(f"{path:<58} {'not served':>26}")
            continue
        timings = []
        for _ in range(args.rounds):
            request = factory.get(path, params)
            started = time.perf_counter()
            response = match.func(request, *match.args, **match.kwargs)
            body = body_of(response)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
        print(
            f"{path + query:<58} {statistics.median(timings):8.1f} "
            f"{max(timings):8.1f} {len(body) / 1000:8.1f}"
        )


if __name__ == "__main__":
    main()
