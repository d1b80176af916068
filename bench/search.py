"""Time search on a national directory: 150,000 services, 13 languages.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/search.py
    .venv/bin/python bench/search.py          # SQLite

The data goes to a separate benchmark database, never the one DATABASE_URL
names: "<name>_search_bench" on PostgreSQL (its own, so that it never
drops the database bench/pages.py serves from) (dropped and created anew, UTF-8 with an
explicit C.UTF-8 locale so that pg_trgm sees Hangul as letters), or
bench/bench.sqlite3. Prints how long indexing took and how much room the
index takes, p50/p95 per kind of query, and the median time of a request spent
in SQL (the rest is Python: composing queries, reading rows, writing JSON),
with the machine's load average before and after the timed requests: first of
the API (/api/v1/search), then of the search page rendered without the page
cache (a query nobody asked before: its results, counts and filters).
"""

import argparse
import atexit
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from search_data import generate

BASE_DIR = Path(__file__).resolve().parent.parent
SQLITE_PATH = BASE_DIR / "bench" / "bench.sqlite3"

QUERIES = {
    "two syllables": ["상담", "주거", "지원", "돌봄", "통역", "청년"],
    "name part": [
        "청소년주거",
        "다문화가족 돌봄",
        "외국인근로자",
        "치매 상담",
        "평생교육",
    ],
    "whole name": [],  # filled from the data
    "initials": ["ㅊㅅㄴ", "ㄷㅁㅎ", "ㅈㄱ"],
    "full number": [],  # filled from the data
    "number part": ["4655", "8001 1234", "1717"],
    "english keyboard": ["cjdthsus", "ehfqha", "dlfwkfl"],
    "one slip": ["다문화가족돌봄센타", "외국인근로자통억"],
    "synonym": ["비자", "번역"],
    # Words in another order than the names have them: each word on its own.
    "several words": ["상담 치매", "지원 청년 주거", "돌봄 다문화가족 센터"],
    "some words only": ["치매 우주여행", "visa extension"],
    "stemmed": ["wages", "обустройству", "hoc tieng han"],
    "no match": ["우주여행", "zzzq"],
    # Questions in other words than any name: fillers, slips, pieces.
    "sentence": [
        "월급을 못 받았어요 어떻게 해요",
        "where can I learn korean",
        "我想学韩语",
    ],
    "latin slip": ["marraige", "interpretr", "адаптацыя"],
    "pieces": [
        "文化交流庆典",
        "簽證",
        "ภาษาเกาหลีสำหรับผู้ย้ายถิ่น",
        "다문화가족돌봄센타상담",
    ],
}


def reindex_one(services, rng):
    """Median milliseconds to save a service: its entries, and nothing else."""
    timings = []
    for service in rng.sample(services, 20):
        started = time.perf_counter()
        service.save()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def index_size():
    """Bytes the search index takes: its tables and their indexes."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sum(pg_total_relation_size(oid)) FROM pg_class "
                "WHERE relname LIKE 'directory_search%%' AND relkind = 'r'"
            )
        else:
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'directory_search%'"
            )
        return cursor.fetchone()[0] or 0


def bench_database_url(reuse=False):
    """The benchmark's own database, next to the one DATABASE_URL names."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        if not reuse:
            SQLITE_PATH.unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "directory"
    return urlunsplit(parts._replace(path=f"/{name}_search_bench"))


def create_postgres_database(url):
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
        cursor.execute(
            f'CREATE DATABASE "{config["NAME"]}" TEMPLATE template0 ENCODING '
            "'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    admin.close()


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_SSL_REDIRECT"] = "0"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    # The search page names its static files by their hashes: they are
    # collected once, apart from the project's own folder.
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    atexit.register(shutil.rmtree, static_root, ignore_errors=True)
    os.environ["DJANGO_STATIC_ROOT"] = static_root
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def measure(view, factory, query, rounds, path="/api/v1/search"):
    """Milliseconds per request, and of those how many were spent in SQL."""
    from django.db import connection

    timings, in_sql = [], []

    def timed(execute, *args):
        started = time.perf_counter()
        try:
            return execute(*args)
        finally:
            in_sql[-1] += (time.perf_counter() - started) * 1000

    for _ in range(rounds):
        request = factory.get(path, {"q": query})
        in_sql.append(0.0)
        started = time.perf_counter()
        with connection.execute_wrapper(timed):
            response = view(request)
            if hasattr(response, "render"):
                response.render()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (query, response.content)
    return timings, in_sql


def percentile(values, share):
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # A national directory: every local government's standards.
    parser.add_argument("--services", type=int, default=150_000)
    parser.add_argument(
        "--divisions", type=int, help="teams (default: one per 10 services)"
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--korean-only",
        action="store_true",
        help="name the services in Korean only (the province benchmark before)",
    )
    parser.add_argument(
        "--translated-teams",
        action="store_true",
        help="name the teams in all 13 languages too, as the seeded teams are",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="time the data of the previous run"
    )
    args = parser.parse_args()

    url = bench_database_url(args.reuse)
    if url.startswith("postgres") and not args.reuse:
        create_postgres_database(url)
    setup_django(url)

    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory
    from django.urls import resolve

    from directory.models import Contact, Service
    from directory.search.indexing import search_rebuild

    rng = random.Random(20261125)
    if args.reuse:
        services, contacts = list(Service.objects.all()), list(Contact.objects.all())
    else:
        call_command("migrate", verbosity=0)
        call_command("loaddata", "synonyms", verbosity=0)
        started = time.perf_counter()
        divisions = args.divisions or args.services // 10
        services, contacts = generate(
            args.services, divisions, rng, args.korean_only, args.translated_teams
        )
        generated = time.perf_counter()
        search_rebuild()
        indexed = time.perf_counter()
        if connection.vendor == "postgresql":
            # What autovacuum does in a live database: statistics for the
            # planner, and hint bits so that reads do not write.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(
            f"generated in {generated - started:.0f} s, "
            f"indexed in {indexed - generated:.0f} s "
            f"(then VACUUM ANALYZE {time.perf_counter() - indexed:.0f} s)"
        )
    print(f"search index: {float(index_size()) / 1e6:.0f} MB")
    print(f"saving one service re-indexes it in {reindex_one(services, rng):.1f} ms")
    print(
        f"{connection.vendor}: {len(services):,} services, "
        f"{len(contacts) // 4:,} divisions, {len(contacts):,} numbers"
    )

    # Timings on a shared machine say little without its load.
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    QUERIES["whole name"] = [s.name for s in rng.sample(services, 4)]
    QUERIES["full number"] = [c.national for c in rng.sample(contacts, 3)]
    factory = RequestFactory(HTTP_HOST="127.0.0.1")
    # The API's operation as its URL serves it, ninja's validation included;
    # then the search page as its view renders it, without the page cache
    # (a query nobody asked before): its results, counts and filters.
    for title, path, rounds in [
        ("API", "/api/v1/search", args.rounds),
        ("search page, not cached", "/search/", max(2, args.rounds // 4)),
    ]:
        print(f"{title}:")
        time_kinds(resolve(path).func, factory, path, rounds)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def time_kinds(view, factory, path, rounds):
    """Print p50 and p95 per kind of query, and over them all."""
    everything = []
    print(f"{'query kind':<18} {'p50 ms':>8} {'p95 ms':>8} {'SQL p50':>8}")
    for kind, queries in QUERIES.items():
        timings, in_sql = [], []
        for query in queries:
            measure(view, factory, query, 2, path)
            total, sql = measure(view, factory, query, rounds, path)
            timings += total
            in_sql += sql
        everything += timings
        print(
            f"{kind:<18} {statistics.median(timings):8.1f} "
            f"{percentile(timings, 95):8.1f} {statistics.median(in_sql):8.1f}"
        )
    print(
        f"{'all':<18} {statistics.median(everything):8.1f} "
        f"{percentile(everything, 95):8.1f}"
    )


if __name__ == "__main__":
    main()
