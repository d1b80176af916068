"""The open data downloads at national size: writing each file, then serving it.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/downloads.py
    .venv/bin/python bench/downloads.py          # SQLite

Reads the database bench/search.py made last (150,000 services). Each file
is written once (in the request here, as the tests do; served, a thread of
its own writes it), into a temporary folder, then asked for again. Prints
the time to write it, its size, the process's peak memory after it, and the
time to serve the written file.
"""

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from uncached import opened  # noqa: E402

PATHS = [
    "/data/services.csv",
    "/data/services.xlsx",
    "/data/directory.json",
    "/data/hsds.zip",
]


def timed(client, path):
    started = time.perf_counter()
    response = client.get(path)
    size = sum(len(chunk) for chunk in response.streaming_content)
    assert response.status_code == 200, (path, response.status_code)
    return (time.perf_counter() - started) * 1000, size


def main():
    opened(__doc__, rounds=1)

    from django.conf import settings
    from django.test import Client

    folder = tempfile.mkdtemp(prefix="bench-downloads-")
    settings.DOWNLOADS_ROOT = folder
    settings.DOWNLOADS_IN_BACKGROUND = False
    client = Client(HTTP_HOST="127.0.0.1")
    heading = ["written s", "MB", "peak RSS MB", "served ms"]
    print(f"{'file':<24}", *(f"{name:>11}" for name in heading))
    try:
        for path in PATHS:
            written, size = timed(client, path)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            served, _size = timed(client, path)
            figures = [written / 1000, size / 1e6, peak, served]
            print(f"{path:<24}", *(f"{figure:11.1f}" for figure in figures))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
