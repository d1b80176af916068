"""The PostgreSQL primary and its standby stopped, hung or lagging while
visitors and staff use the site (docs/reliability.md holds the figures).

pytest runs the fault modules in name order: these database faults come
before the cache faults of test_redis.py."""

import json
import os
import subprocess
import time

from .client import Load, Staff, fetch
from .probes import RUN, failures_logged, stored_name, uncached, warm
from .servers import STAFF, pg_ctl, psql, report, wait_until


def test_primary_stopped(site, records):
    cached = ["/", f"/services/{records['service']}/", "/en/divisions/"]
    display = {"Cookie": "text_size=4; csrftoken=one-visitor; _ga=GA1.2.5.6"}
    warm(site, cached)
    assert fetch(site.base + "/", display)[0] == 200
    # Every visitor with cookies and a tracking parameter of their own.
    visitors = [
        (
            f"{site.base}{path}?utm_source=fault{i}&utm_campaign={RUN}",
            {"Cookie": f"csrftoken=token{i}; _ga=GA1.2.{i}.{i}; text_size=2"},
        )
        for i, path in enumerate(cached * 4)
    ] + [(f"{site.base}/?utm_medium=fault", display)]
    logged_before = failures_logged(site, "Database unavailable")
    # Pages rendered within the lag bound of a change read the primary.
    time.sleep(2.5)
    cluster = os.environ["FAULT_PRIMARY_CLUSTER"]
    standby = os.environ["FAULT_STANDBY_CLUSTER"]
    pg_ctl(cluster, "stop")
    try:
        with Load(visitors, threads=4) as during:
            time.sleep(3)
        # The standby still answers the reads of pages not cached.
        from_standby = uncached(site, "/divisions/")
        pg_ctl(standby, "stop")
        time.sleep(1.2)
        page = uncached(site, "/divisions/")
        api = uncached(site, "/api/v1/divisions")
        data = uncached(site, "/data/services.csv")
        english = uncached(site, "/en/divisions/")
        health = fetch(site.base + "/healthz")
        ready = fetch(site.base + "/readyz")
        stopped_at = time.monotonic()
    finally:
        pg_ctl(cluster, "start")
        pg_ctl(standby, "start")
    recovery = wait_until(lambda: uncached(site, "/divisions/")[0] == 200, timeout=30)
    logged = failures_logged(site, "Database unavailable")
    new_lines = {k: v - logged_before.get(k, 0) for k, v in logged.items()}
    report(
        "PostgreSQL primary stopped (then the standby too)",
        cached_with_own_cookies_and_utm=dict(during.counts),
        uncached_page_from_standby=from_standby[0],
        uncached_page=(page[0], page[1].get("Retry-After")),
        api=(api[0], api[1].get("Content-Type"), api[2][:80]),
        data=(data[0], data[1].get("Content-Type")),
        english_page=(english[0], english[1].get("Content-Language")),
        healthz=(health[0], health[2]),
        readyz=ready[0],
        seconds_down=round(time.monotonic() - stopped_at + 3, 1),
        recovery_s=round(recovery, 2),
        database_log_lines_by_kind=new_lines,
    )
    assert set(during.counts) == {200} and during.counts[200] > 20
    assert from_standby[0] == 200
    assert page[0] == 503 and int(page[1]["Retry-After"]) > 0
    assert "데이터베이스가 응답하지 않아" in page[2]
    for machine in (api, data):
        assert machine[0] == 503 and machine[1]["Content-Type"] == "application/json"
        assert json.loads(machine[2])["retry_after"] > 0
    assert english[0] == 503 and "database is not answering" in english[2]
    assert health[0] == 200 and '"database": "down"' in health[2]
    assert ready[0] == 503
    # One line per kind of failure per minute, in each of the two workers.
    assert new_lines and all(count <= 2 for count in new_lines.values())


def test_primary_hung_by_a_lock(site, records):
    """A statement that cannot finish (a table locked by another session) is
    cancelled by the statement timeout: the workers are freed and answer 503,
    while cached pages keep answering at once on the thread that the gate
    (core/gate.py) keeps free in each worker."""
    cached = [site.base + "/", site.base + f"/services/{records['service']}/"]
    warm(site, ["/", f"/services/{records['service']}/"])
    lock = subprocess.Popen(
        ["psql", os.environ["FAULT_PRIMARY_URL"], "-q"],
        stdin=subprocess.PIPE,
        text=True,
    )
    lock.stdin.write("BEGIN; LOCK TABLE directory_service IN ACCESS EXCLUSIVE MODE;\n")
    lock.stdin.flush()
    try:
        time.sleep(0.5)
        # More slow requests than the two workers' 16 threads.
        # Signed-in staff (a session cookie) read the primary, not the standby.
        staff = {"Cookie": "sessionid=not-a-session"}
        slow = [(f"{site.base}/services/?hung={i}", staff) for i in range(400)]
        with Load(slow, threads=24) as blocked, Load(cached, threads=2) as served:
            time.sleep(8)
    finally:
        lock.stdin.write("ROLLBACK;\n")
        lock.stdin.close()
        lock.wait()
    after = uncached(site, "/divisions/")
    report(
        "PostgreSQL primary hung (a table locked for 8 s, statement timeout 3 s)",
        uncached_pages=dict(blocked.counts),
        uncached_slowest_s=round(blocked.slowest, 2),
        cached_pages=dict(served.counts),
        cached_slowest_s=round(served.slowest, 2),
        after_release=after[0],
    )
    assert set(blocked.counts) <= {503, 200} and blocked.counts[503] > 0
    assert blocked.slowest < 10
    # Without the gate: 4 answers in 8 s, the slowest after 6 s. With it,
    # about 1 s at worst on a quiet machine; scripts/test.sh runs this beside
    # the SQLite tests, which share the two cores.
    assert set(served.counts) == {200} and served.counts[200] > 50
    assert served.slowest < 4
    assert after[0] == 200


def test_standby_stopped(site, records):
    cluster = os.environ["FAULT_STANDBY_CLUSTER"]
    pg_ctl(cluster, "stop")
    try:
        time.sleep(1.5)
        health = fetch(site.base + "/healthz")
        pages = [f"{site.base}/divisions/?standby={RUN}-{i}" for i in range(200)]
        with Load(pages, threads=4) as during:
            time.sleep(2)
        staff = Staff(site.base, *STAFF)
        admin = staff.request("/admin/directory/service/")
    finally:
        pg_ctl(cluster, "start")
    report(
        "PostgreSQL standby stopped",
        healthz=(health[0], health[2]),
        uncached_pages=dict(during.counts),
        admin_status=admin[0],
    )
    assert '"replica": "down"' in health[2] and health[0] == 200
    assert set(during.counts) == {200}
    assert admin[0] == 200


def test_standby_lagging(site, records):
    replica = os.environ["FAULT_REPLICA_URL"]
    wait_until(lambda: "ok" in fetch(site.base + "/healthz")[2], timeout=30)
    psql(replica, "SELECT pg_wal_replay_pause()")
    try:
        staff = Staff(site.base, *STAFF)
        change = f"/admin/directory/service/{records['service']}/change/"
        names = f"지연 중 첫 저장 {RUN}", f"지연 중 두 번째 저장 {RUN}"
        first = staff.save(change, "service_form", name_ko=names[0])
        form = staff.form(change, "service_form")[1]
        second = staff.save(change, "service_form", name_ko=names[1])
        public = fetch(site.base + f"/services/{records['service']}/")
        stored = stored_name(records)
        time.sleep(3)
        health = fetch(site.base + "/healthz")
    finally:
        psql(replica, "SELECT pg_wal_replay_resume()")
    report(
        "PostgreSQL standby lagging (replay paused)",
        first_save=first[0],
        admin_form_after_save=form.get("name_ko"),
        second_save=second[0],
        stored_name=stored,
        public_page_has_new_name=names[1] in public[2],
        healthz=health[2],
    )
    assert first[0] == 302 and form.get("name_ko") == names[0]
    assert second[0] == 302 and stored == names[1]
    assert names[1] in public[2]
    assert '"replica": "lagging"' in health[2]
