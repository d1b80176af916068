"""What the browser tests of the installable site share: a page's language
prefix and words, and what the service worker has saved."""

import time

from django.utils import translation

# The service the tests keep and open again without a network.
SERVICE = "다문화가족 등 이주 배경 자녀 지원"


def prefix_of(language):
    return "" if language == "ko" else f"/{language}"


def cached(page, path):
    return page.evaluate(
        "path => caches.match(path, {ignoreVary: true}).then(r => !!r)", path
    )


def wait_until_saved(page, *paths, timeout=20):
    """Wait until the worker has saved every path (it saves them while the
    page is shown, after the page has loaded)."""
    deadline = time.monotonic() + timeout
    missing = list(paths)
    while time.monotonic() < deadline:
        missing = [path for path in missing if not cached(page, path)]
        if not missing:
            return
        time.sleep(0.2)
    raise AssertionError(f"never saved: {missing}")


def open_with_worker(page, url):
    page.goto(url)
    state = page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)")
    assert state in ("activating", "activated")


def gettext(language, text):
    with translation.override(language):
        return translation.gettext(text)
