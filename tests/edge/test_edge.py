"""The site's nginx (deploy/nginx/, started by scripts/edge.sh) in front of a
live app server: what the edge caches, what it never does, the limits, and
what visitors get while no app server answers. The app-stopped test is last:
it stops the app server and starts it again."""

import http.client
import re
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from tests.fault.client import Staff
from tests.fault.servers import STAFF

# The app's default EDGE_CACHE_SECONDS: the bound docs/deploy.md states.
EDGE_SECONDS = 10
# scripts/edge.sh loads it where libnginx-mod-http-brotli-filter is installed.
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")


def ask(deployment, path, headers=None, method="GET", body=None):
    """(status, headers, body bytes) through nginx, redirects not followed."""
    connection = http.client.HTTPConnection(
        urlsplit(deployment.edge).netloc, timeout=30
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def directives(headers):
    return {part.strip() for part in headers.get("Cache-Control", "").split(",")}


def test_a_public_page_is_a_hit_the_second_time(deployment, service):
    path = service["path"] + "?from=edge-test"
    status, first, page = ask(deployment, path)
    assert status == 200
    assert first["X-Cache-Status"] == "MISS"
    assert service["name"] in page.decode()
    status, second, again = ask(deployment, path)
    assert (status, second["X-Cache-Status"], again) == (200, "HIT", page)
    assert {"public", "s-maxage=10", "max-age=0"} <= directives(second)
    assert "stale-if-error=86400" in directives(second)
    assert "Cookie" in ", ".join(second.get_all("Vary"))
    # The browser's copy is current: nginx answers 304 itself.
    status, _headers, empty = ask(deployment, path, {"If-None-Match": first["ETag"]})
    assert (status, empty) == (304, b"")


def test_display_cookies_get_their_own_copy_other_cookies_share_it(deployment, service):
    path = service["path"]
    _status, _headers, plain = ask(deployment, path)
    visitor = {"Cookie": "_ga=GA1.2.3.4; csrftoken=own-token; text_size=9"}
    tracked = path + "?utm_source=newsletter&gclid=x1"
    status, headers, shared = ask(deployment, tracked, visitor)
    assert (status, headers["X-Cache-Status"], shared) == (200, "HIT", plain)
    high = {"Cookie": "contrast=high; _ga=GA1.2.3.4"}
    _status, headers, contrast = ask(deployment, path, high)
    assert headers["X-Cache-Status"] == "MISS"
    assert b"contrast-high" in contrast and b"contrast-high" not in plain
    _status, headers, again = ask(deployment, path, {"Cookie": "contrast=high"})
    assert (headers["X-Cache-Status"], again) == ("HIT", contrast)


def test_a_first_visit_in_another_language_is_never_given_the_korean_copy(
    deployment,
):
    path = "/helplines/"
    for _ in range(2):
        ask(deployment, path, {"Accept-Language": "ko-KR,ko;q=0.9"})
    status, headers, _body = ask(deployment, path, {"Accept-Language": "vi,en;q=0.5"})
    assert status == 302
    assert headers["Location"].endswith("/vi/helplines/")
    assert headers["X-Cache-Status"] == "BYPASS"
    status, headers, _body = ask(
        deployment, "/vi/helplines/", {"Accept-Language": "vi,en;q=0.5"}
    )
    assert status == 200


def staff_headers(deployment):
    staff = Staff(deployment.edge, *STAFF)
    assert "sessionid" in staff.cookies
    cookie = "; ".join(f"{name}={value}" for name, value in staff.cookies.items())
    return {"Cookie": cookie}


def test_a_staff_page_is_never_cached(deployment, service):
    headers = staff_headers(deployment)
    path = service["path"] + "?from=edge-staff"
    ask(deployment, path)
    for _ in range(2):
        status, answer, _body = ask(deployment, path, headers)
        assert status == 200
        assert answer["X-Cache-Status"] == "BYPASS"
        assert {"private", "no-store"} <= directives(answer)
    status, answer, body = ask(deployment, "/admin/", headers)
    assert status == 200 and b"logout" in body
    assert {"private", "no-store"} <= directives(answer)
    assert "X-Cache-Status" not in answer
    # Nobody else gets the staff member's admin page.
    status, _answer, _body = ask(deployment, "/admin/")
    assert status == 302


def test_a_staff_edit_is_visible_at_the_edge_within_the_bound(deployment):
    pk, name = deployment.query(
        "SELECT id, name_ko FROM directory_service ORDER BY id DESC LIMIT 1"
    )[0]
    path = f"/services/{pk}/"
    staff = Staff(deployment.edge, *STAFF)
    ask(deployment, path)
    cached_at = time.monotonic()
    status, headers, _body = ask(deployment, path)
    assert headers["X-Cache-Status"] == "HIT"
    new_name = name + " (개정)"
    status, _body = staff.save(
        f"/admin/directory/service/{pk}/change/", "service_form", name_ko=new_name
    )
    assert status == 302
    saved_at = time.monotonic()
    assert deployment.query(f"SELECT name_ko FROM directory_service WHERE id={pk}") == [
        (new_name,)
    ]
    _status, headers, body = ask(deployment, path)
    if time.monotonic() - cached_at < EDGE_SECONDS - 1:
        # Still the edge's copy: the app was not asked.
        assert headers["X-Cache-Status"] == "HIT"
        assert new_name not in body.decode()
    while new_name not in ask(deployment, path)[2].decode():
        # The bound, plus one rendering of the page on a busy machine.
        assert time.monotonic() - saved_at < EDGE_SECONDS + 5, "edit not visible"
        time.sleep(0.2)
    print(f"\n[edge] staff edit visible after {time.monotonic() - saved_at:.1f} s")


def test_the_app_takes_the_client_address_nginx_appended(deployment):
    """With DJANGO_PROXY_COUNT=1 the app believes the last X-Forwarded-For
    entry, nginx's, never what the client wrote itself (here a failed login,
    which the lockout records with the address)."""
    _status, headers, body = ask(deployment, "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    cookie = next(
        value.split(";")[0]
        for value in headers.get_all("Set-Cookie")
        if value.startswith("csrftoken=")
    )
    form = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "username": "edge-nobody",
            "password": "wrong-password-1",
        }
    )
    status, _headers, body = ask(
        deployment,
        "/admin/login/",
        {
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": "203.0.113.9",
        },
        "POST",
        form,
    )
    assert status == 200 and b"errornote" in body
    assert deployment.query(
        "SELECT ip_address FROM axes_accessattempt WHERE username='edge-nobody'"
    ) == [("127.0.0.1",)]


def test_the_report_form_is_limited(deployment, service):
    path = service["path"] + "report/"
    for _ in range(3):
        status, headers, body = ask(deployment, path)
        assert status == 200 and b"csrfmiddlewaretoken" in body
        assert {"private", "no-store"} <= directives(headers)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    statuses = [ask(deployment, path, form, "POST", "problem=x")[0] for _ in range(10)]
    # Burst of 5 beyond the first: the app answers those (403: no CSRF token).
    assert 429 not in statuses[:6], statuses
    assert statuses[-1] == 429, statuses
    big = "problem=" + "x" * 20_000
    assert ask(deployment, path, form, "POST", big)[0] == 413


def test_static_files_from_nginx_with_their_long_lifetime(deployment):
    path = deployment.static_file(".css")
    status, headers, _body = ask(deployment, path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert {"public", "max-age=31536000", "immutable"} <= directives(headers)
    assert headers["X-Content-Type-Options"] == "nosniff"
    if BROTLI.exists():
        status, headers, _body = ask(deployment, path, {"Accept-Encoding": "br"})
        assert (status, headers["Content-Encoding"]) == (200, "br")
    assert ask(deployment, "/static/staticfiles.json")[0] == 404


def test_app_stopped_cached_pages_served_others_the_maintenance_page(
    deployment, service
):
    cached = service["path"] + "?from=edge-down"
    ask(deployment, cached)
    _status, _headers, page = ask(deployment, cached)
    deployment.stop_app()
    try:
        status, headers, body = ask(deployment, cached)
        assert (status, body) == (200, page)
        # Past its s-maxage the copy is stale, and still served.
        time.sleep(EDGE_SECONDS + 1)
        status, headers, body = ask(deployment, cached)
        assert (status, headers["X-Cache-Status"], body) == (200, "STALE", page)
        status, headers, body = ask(deployment, "/helplines/?from=edge-down")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "잠시 점검 중입니다" in body.decode()
        assert "031-120" in body.decode()
    finally:
        deployment.start_app()
