"""Pages under load: gunicorn in production mode, driven by wrk on loopback.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/pages.py [--reuse | --seeded] [--duration 60]

Uses a national-sized database made by bench/search.py (150,000 services
named in 13 languages, or --services; generated first unless --reuse) under a
name of its own
("<name>_pages_search_bench", so that a search benchmark never drops the
database being served), serves it with gunicorn.conf.py
and DEBUG off, and for a static file, the home page, a service page, a search
page, a translated page, a page with display cookies set and a mix of visitors
who each carry their own ``csrftoken``, analytics cookie and ``utm_source``
prints requests per second, p50/p99 latency and errors with 64 connections,
each page's throughput as a ratio to the static file, and the memory of each
worker. The same pages are then asked through the site's nginx
(scripts/edge.sh, deploy/nginx/) in front of the same gunicorn. With --docs
the table replaces the section "Pages under load" of docs/benchmarks.md.
Installs wrk (as root) if it is missing.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "bench"))

from http_load import (  # noqa: E402
    VISITORS_LUA,
    ensure_wrk,
    free_port,
    other_page_sizes,
    page_size,
    worker_memory,
    wrk,
)
from search import bench_database_url  # noqa: E402

PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
DISPLAY_COOKIES = "Cookie: text_size=4; contrast=high"


def pages_base_url():
    """DATABASE_URL with "_pages" added to the database's name."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return url
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "directory"
    return urlunsplit(parts._replace(path=f"/{name}_pages"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--services", type=int, default=150_000)
    parser.add_argument("--docs", action="store_true", help="write the table")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--seeded",
        action="store_true",
        help="serve the seeded directory (seed_directory) rather than 50,000 "
        "services: quicker, for cached pages the size hardly matters",
    )
    args = parser.parse_args()
    ensure_wrk()

    # bench/search.py names its database after DATABASE_URL's: give it
    # another name, so that the two benchmarks never share a database.
    generating = {**os.environ, "DATABASE_URL": pages_base_url()}
    if not (args.reuse or args.seeded):
        subprocess.run(
            [PYTHON, "bench/search.py", "--rounds", "1"]
            + ["--services", str(args.services)],
            cwd=BASE_DIR,
            env=generating,
            check=True,
        )
    with mock.patch.dict(os.environ, generating):
        url = bench_database_url(reuse=True)
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    commands = [["migrate", "--noinput"], ["collectstatic", "--noinput"]]
    if args.seeded:
        commands.append(["seed_directory"])
    for command in commands:
        subprocess.run(
            [PYTHON, "manage.py", *command, "-v0"], cwd=BASE_DIR, env=env, check=True
        )
    visitors = Path(static_root, "visitors.lua")
    visitors.write_text(VISITORS_LUA)
    manifest = json.loads(Path(static_root, "staticfiles.json").read_text())["paths"]
    service_id = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from directory.models import Service; "
            "pks = Service.objects.order_by('pk').values_list('pk', flat=True); "
            "print(pks[min(1000, len(pks) - 1)])",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            GUNICORN,
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=BASE_DIR,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    edge_port = free_port()
    edge_base = f"http://127.0.0.1:{edge_port}"
    edge = subprocess.Popen(
        [str(BASE_DIR / "scripts" / "edge.sh"), str(edge_port), f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        for ready in (base, edge_base):
            for _ in range(100):
                try:
                    urllib.request.urlopen(ready + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
        static = f"/static/{manifest['css/site.css']}"
        pages = {
            "home page": ("/",),
            "service page": (f"/services/{service_id}/",),
            "search page": ("/search/?q=%EC%83%81%EB%8B%B4",),
            "translated page": (f"/en/services/{service_id}/",),
            "display cookies": ("/", "-H", DISPLAY_COOKIES),
            "visitor mix": ("/", "-s", str(visitors)),
        }
        targets = {"static file": (base, static)}
        targets.update({name: (base, *page) for name, page in pages.items()})
        targets["nginx: static file"] = (edge_base, static)
        targets.update(
            {f"nginx: {name}": (edge_base, *page) for name, page in pages.items()}
        )
        other_sizes = other_page_sizes(base)
        print(
            "other pages (KB): "
            + ", ".join(f"{path} {size / 1000:.1f}" for path, size in other_sizes)
        )
        results = {}
        sizes = {}
        for name, (origin, path, *options) in targets.items():
            sizes[name] = page_size(origin + path, options)
            # Warm every worker's cache (the cache is each worker's own without
            # REDIS_URL): a new connection for each request, so that the
            # requests are spread over all workers, not only over the ones
            # that happened to accept the 64 connections.
            wrk(origin + path, 5, args.connections, *options, "-H", "Connection: close")
            results[name] = wrk(
                origin + path, args.duration, args.connections, *options
            )
            rps, p50, p99, errors = results[name]
            print(
                f"{name:<24} {rps:8.0f} req/s  p50 {p50:6.1f} ms  "
                f"p99 {p99:7.1f} ms  errors {errors}  {sizes[name] / 1000:.1f} KB"
            )
            if name == "home page":
                # Flat under load: the same after the first page as at the end.
                memory_early = worker_memory(server.pid)
        memory = worker_memory(server.pid)
    finally:
        edge.terminate()
        edge.wait()
        server.terminate()
        server.wait()

    static_rps = results["static file"][0]
    rows = "\n".join(
        f"| {name} | {sizes[name] / 1000:.1f} | {rps:.0f} | {p50:.1f} | {p99:.1f} "
        f"| {errors} | {rps / static_rps:.2f} |"
        for name, (rps, p50, p99, errors) in results.items()
    )
    memory_text = (
        ", ".join(f"{size:.0f}" for size in memory_early)
        + " after the home page; "
        + ", ".join(f"{size:.0f}" for size in memory)
        + " at the end"
    )
    print(f"worker memory (MB): {memory_text}")
    section = (
        "## Pages under load\n\n"
        f"`bench/pages.py`, {date.today()}: gunicorn (`gunicorn.conf.py`, "
        "DEBUG off) on loopback, PostgreSQL with "
        f"{'the seeded directory' if args.seeded else f'{args.services:,} services'}, "
        f"wrk with {args.connections} "
        f"connections for {args.duration} s per page (`--duration "
        f"{args.duration}`), load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores before the run ended.\n\n"
        "| target | KB | requests/s | p50 ms | p99 ms | errors | ratio to static |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        f"{rows}\n\nMemory per worker (RSS, MB): {memory_text}.\n\n"
        "Other page types (KB): "
        + ", ".join(f"`{path}` {size / 1000:.1f}" for path, size in other_sizes)
        + ".\n"
    )
    print(section)
    if not args.docs:
        return
    path = BASE_DIR / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if "## Pages under load" in text:
        text = re.sub(
            r"## Pages under load\n.*?(?=\n## |\Z)", section, text, flags=re.S
        )
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
