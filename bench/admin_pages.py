"""The staff's pages at national size: the admin's index, lists and forms.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/admin_pages.py [--rounds 3]
    .venv/bin/python bench/admin_pages.py          # SQLite

Reads the database bench/search.py made last (150,000 services, 15,000
teams, 60,000 numbers, none of them verified: every team is due to confirm
its numbers, the admin index's worst case), as a superuser it adds to that
database. Prints the median and the slowest time per address, and its size.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from uncached import opened  # noqa: E402


def addresses():
    """The addresses timed, with records picked from the middle of the data."""
    from directory.models import Contact, Division, Service

    def middle(model):
        return model.objects.order_by("pk")[model.objects.count() // 2]

    service, division, contact = middle(Service), middle(Division), middle(Contact)
    return [
        "/admin/",
        "/admin/directory/service/",
        "/admin/directory/service/?q=상담",
        "/admin/directory/service/?p=1000",
        f"/admin/directory/service/{service.pk}/change/",
        "/admin/directory/division/",
        "/admin/directory/division/?confirmation=due",
        f"/admin/directory/division/{division.pk}/change/",
        "/admin/directory/contact/",
        f"/admin/directory/contact/{contact.pk}/change/",
    ]


def main():
    args = opened(__doc__, rounds=3)

    from django.contrib.auth import get_user_model
    from django.test import Client

    staff, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(staff)
    print(f"{'address':<52} {'p50 ms':>9} {'max ms':>9} {'KB':>7}")
    for path in addresses():
        timings = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        print(
            f"{path:<52} {statistics.median(timings):9.1f} {max(timings):9.1f} "
            f"{len(response.content) / 1000:7.1f}"
        )


if __name__ == "__main__":
    main()
