"""One rendering of a page at a time (core/singleflight.py), as the page
cache uses it."""

import threading
import time

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase

from core.cache import PageCacheMiddleware, invalidate_public_pages, page_cache_key


class OneRenderingTests(SimpleTestCase):
    """Threads asking for a page missing from the cache render it once."""

    def setUp(self):
        cache.clear()
        self.renderings = 0
        self.release = threading.Event()

    def view(self, request):
        self.renderings += 1
        self.release.wait(5)
        if request.path == "/form/":
            # A page that holds a visitor's own token is never cached.
            return HttpResponse("form", headers={"Cache-Control": "private"})
        return HttpResponse(f"page {self.renderings}")

    def ask_together(self, middleware, path, count):
        answers = []

        def ask():
            answers.append(middleware(RequestFactory().get(path)).content)

        threads = [threading.Thread(target=ask) for _ in range(count)]
        for thread in threads:
            thread.start()
        time.sleep(0.2)  # every thread has asked
        self.release.set()
        for thread in threads:
            thread.join()
        return answers

    def test_waiting_threads_take_the_one_rendering(self):
        middleware = PageCacheMiddleware(self.view)
        answers = self.ask_together(middleware, "/services/", 6)
        self.assertEqual(self.renderings, 1)
        self.assertEqual(answers, [b"page 1"] * 6)

    def test_after_a_change_others_get_the_earlier_page_during_the_rendering(self):
        middleware = PageCacheMiddleware(self.view)
        self.release.set()
        self.assertEqual(
            middleware(RequestFactory().get("/services/")).content, b"page 1"
        )
        self.release.clear()
        invalidate_public_pages()
        answers = []

        def ask():
            answers.append(middleware(RequestFactory().get("/services/")).content)

        leader = threading.Thread(target=ask)
        leader.start()
        time.sleep(0.2)  # the leader is rendering the page anew
        others = [threading.Thread(target=ask) for _ in range(5)]
        for thread in others:
            thread.start()
        for thread in others:
            thread.join(1)
        # They were answered at once, with the page from before the change.
        self.assertEqual(answers, [b"page 1"] * 5)
        self.release.set()
        leader.join()
        self.assertEqual(answers[-1], b"page 2")
        self.assertEqual(self.renderings, 2)
        # Once rendered, the new page is everybody's.
        self.assertEqual(
            middleware(RequestFactory().get("/services/")).content, b"page 2"
        )

    def test_a_page_that_is_not_cached_is_not_waited_for_again(self):
        middleware = PageCacheMiddleware(self.view)
        self.ask_together(middleware, "/form/", 3)
        # The first wave waited for one rendering, then each rendered its own.
        self.assertEqual(self.renderings, 3)
        self.release.clear()
        threading.Timer(0.2, self.release.set).start()
        started = time.monotonic()
        middleware(RequestFactory().get("/form/"))
        self.assertEqual(self.renderings, 4)
        self.assertLess(time.monotonic() - started, 2)
        key = page_cache_key(RequestFactory().get("/form/"))
        self.assertIsNone(middleware.renders.claim(key))
