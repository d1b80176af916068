"""Redis killed, then hung, while visitors and staff use the site.

These run after the database faults (test_database.py, earlier in name
order): a worker that could not bump the page-cache generation while Redis
was away owes the bump until its next request, and a bump made while the
database is down would turn every cached page into a 503 in the database
tests."""

import time

from .client import Load, Staff, fetch
from .probes import RUN, no_server_errors, stored_name, warm
from .servers import STAFF, report


def test_cache_killed_then_hung(site, redis, records):
    pages = ["/", f"/services/{records['service']}/", "/api/v1/services?limit=5"]
    urls = [site.base + path for path in pages]
    warm(site, pages)
    staff = Staff(site.base, *STAFF)
    change = f"/admin/directory/service/{records['service']}/change/"
    with Load(urls) as killed:
        time.sleep(0.5)
        redis.kill()
        time.sleep(2)
        health = fetch(site.base + "/healthz")
        name = f"캐시 장애 중 저장 {RUN}"
        status, body = staff.save(change, "service_form", name_ko=name)
        time.sleep(1)
    redis.start()
    with Load(urls) as hung:
        time.sleep(0.5)
        redis.pause()
        time.sleep(3)
        redis.resume()
        # Every worker makes the page-cache bump it owes once Redis answers.
        time.sleep(1)
    report(
        "Redis killed, then hung (SIGSTOP 3 s)",
        killed=dict(killed.counts),
        killed_slowest_s=round(killed.slowest, 2),
        healthz=(health[0], health[2]),
        admin_save_status=status,
        hung=dict(hung.counts),
        hung_slowest_s=round(hung.slowest, 2),
        cache_log_lines=site.log_lines("Cache unavailable"),
    )
    assert no_server_errors(killed.counts) and killed.counts[200] > 50
    assert no_server_errors(hung.counts) and hung.counts[200] > 20
    assert health[0] == 200 and '"cache": "degraded"' in health[2]
    assert status == 302 and stored_name(records) == name
    _s, _h, page = fetch(site.base + f"/services/{records['service']}/")
    assert name in page
    assert site.log_lines("Cache unavailable") <= 4  # once a minute per worker
