"""HTTP as visitors and staff make it: a bounded load loop in threads, and a
staff member who logs in and saves admin forms (cookies kept by hand, since
the production cookies are Secure and the tests speak plain HTTP behind a
pretend proxy)."""

import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlencode

PROXY = {"X-Forwarded-Proto": "https"}


def fetch(url, headers=None, data=None, timeout=10):
    """(status, headers, body) of one request; never raises for HTTP errors."""
    request = urllib.request.Request(
        url, data=data, headers={**PROXY, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except OSError as error:
        return f"error: {type(error).__name__}", {}, ""


class Load:
    """Requests in ``threads`` threads until stopped, counted by status.

    Each thread pauses ``pause`` seconds between requests, as visitors do: a
    fault answered at once (a 503) would otherwise turn the load into a busy
    loop that takes the CPU from the site it measures.
    """

    def __init__(self, urls, threads=8, headers=None, pause=0.05):
        self.urls, self.headers, self.pause = urls, headers or {}, pause
        self.counts = Counter()
        self.slowest = 0.0
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.run, args=(i,)) for i in range(threads)
        ]

    def run(self, offset):
        i = offset
        while not self.stopping.is_set():
            # A URL, or a (URL, headers) pair for a visitor of its own.
            url = self.urls[i % len(self.urls)]
            url, headers = url if isinstance(url, tuple) else (url, self.headers)
            i += 1
            start = time.monotonic()
            status, _headers, _body = fetch(url, headers, timeout=15)
            self.slowest = max(self.slowest, time.monotonic() - start)
            self.counts[status] += 1
            self.stopping.wait(self.pause)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


class FormFields(HTMLParser):
    """The values a browser would post for the form with id ``form_id``."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.fields.append((self.textarea, ""))

    def handle_data(self, data):
        if self.textarea:
            name, value = self.fields.pop()
            self.fields.append((name, value + data))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


class Staff:
    def __init__(self, base, username, password):
        self.base, self.cookies = base, {}
        self.login(username, password)

    def request(self, path, fields=None):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": self.base.replace("http:", "https:") + path,
        }
        data = urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(
            self.base + path, data=data, headers={**PROXY, **headers}
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        self.location = response.headers.get("Location")
        return response.status, response.read().decode()

    def form(self, path, form_id):
        status, body = self.request(path)
        parser = FormFields(form_id)
        parser.feed(body)
        return status, dict(parser.fields), parser.fields

    def login(self, username, password):
        _status, fields, _pairs = self.form("/admin/login/", "login-form")
        fields.update(username=username, password=password)
        status, _body = self.request("/admin/login/", fields)
        assert status == 302, f"staff login failed: {status} {_body[:300]}"

    def save(self, path, form_id, **changes):
        """Post the change form with ``changes``: (status, body).

        A save the admin accepted answers 302 back to the same change form
        (``_continue``); any other redirect (to the login page) is not a save.
        """
        _status, fields, pairs = self.form(path, form_id)
        missing = set(changes) - set(fields)
        assert not missing, f"no such fields in {form_id}: {missing}"
        pairs = [(name, changes.get(name, value)) for name, value in pairs]
        status, body = self.request(path, pairs + [("_continue", "1")])
        if status == 302:
            assert self.location.endswith(path), f"not saved: to {self.location}"
        return status, body


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
