"""core/gate.py: a thread stays free for cached pages while the database hangs."""

import json
import os
import threading
import time
from unittest import mock

from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase

from core import faults, gate
from core.gate import DatabaseGateMiddleware, Gate


class GateTests(SimpleTestCase):
    def test_slots_up_to_the_capacity_are_given_at_once(self):
        slots = Gate(2)
        first, second = slots.enter(), slots.enter()
        self.assertIsNotNone(first)
        self.assertIsNotNone(second)
        slots.leave(first)
        self.assertIsNotNone(slots.enter())

    def test_a_request_waits_for_a_slot_that_frees_in_time(self):
        slots = Gate(1)
        held = slots.enter()
        threading.Timer(0.05, slots.leave, [held]).start()
        started = time.monotonic()
        self.assertIsNotNone(slots.enter())
        self.assertLess(time.monotonic() - started, gate.WAIT_LIMIT)

    def test_a_request_is_refused_when_no_slot_frees_in_time(self):
        slots = Gate(1)
        slots.enter()
        with mock.patch.object(gate, "WAIT_LIMIT", 0.05):
            self.assertIsNone(slots.enter())

    def test_a_waiting_request_is_refused_once_the_holders_count_as_stuck(self):
        slots = Gate(1)
        slots.enter()
        with mock.patch.object(gate, "STUCK_AFTER", 0.1):
            started = time.monotonic()
            self.assertIsNone(slots.enter())
        waited = time.monotonic() - started
        # Not the three seconds of the wait limit: refused when stuck.
        self.assertGreater(waited, 0.05)
        self.assertLess(waited, 1)

    def test_slots_all_held_too_long_refuse_at_once(self):
        slots = Gate(2)
        slots.enter(), slots.enter()
        with (
            mock.patch.object(gate, "STUCK_AFTER", 0.01),
            mock.patch.object(gate, "WAIT_LIMIT", 30),
        ):
            time.sleep(0.02)
            started = time.monotonic()
            self.assertIsNone(slots.enter())
        # Refused without waiting for the (long) wait limit.
        self.assertLess(time.monotonic() - started, 1)


class GateMiddlewareTests(SimpleTestCase):
    """The middleware as gunicorn's threads meet it: one slot, held."""

    def setUp(self):
        self.release = threading.Event()
        self.entered = threading.Event()
        # Refused after a short wait, not the production one.
        short = mock.patch.object(gate, "WAIT_LIMIT", 0.05)
        short.start()
        self.addCleanup(short.stop)
        # Each test sees its own first failure logged.
        cleared = mock.patch.dict(faults._last_logged, clear=True)
        cleared.start()
        self.addCleanup(cleared.stop)

    def view(self, request):
        if request.path == "/slow/":
            self.entered.set()
            self.release.wait(5)
        return HttpResponse("page")

    def middleware(self, capacity):
        environ = {"DJANGO_DB_CONCURRENCY": capacity} if capacity else {}
        with mock.patch.dict(os.environ, environ):
            if not capacity:
                os.environ.pop("DJANGO_DB_CONCURRENCY", None)
            return DatabaseGateMiddleware(self.view)

    def hold_the_slot(self, middleware):
        slow = threading.Thread(
            target=middleware, args=[RequestFactory().get("/slow/")]
        )
        slow.start()
        self.addCleanup(slow.join)
        self.addCleanup(self.release.set)
        self.assertTrue(self.entered.wait(5))

    def test_without_a_configured_capacity_nothing_is_gated(self):
        middleware = self.middleware(None)
        self.assertIsNone(middleware.gate)
        self.assertEqual(middleware(RequestFactory().get("/")).content, b"page")

    def test_a_page_finding_no_slot_gets_a_korean_503_to_retry(self):
        middleware = self.middleware("1")
        self.hold_the_slot(middleware)
        with self.assertLogs("core.faults", "ERROR") as logged:
            response = middleware(RequestFactory().get("/services/"))
        self.assertEqual(response.status_code, 503)
        self.assertGreater(int(response["Retry-After"]), 0)
        self.assertIn("데이터베이스가 응답하지 않아", response.content.decode())
        self.assertIn("Database busy", logged.output[0])

    def test_the_api_finding_no_slot_gets_json_and_english_pages_english(self):
        middleware = self.middleware("1")
        self.hold_the_slot(middleware)
        with mock.patch.object(gate, "log_once"):
            api = middleware(RequestFactory().get("/api/v1/services"))
            english = middleware(RequestFactory().get("/en/services/"))
        self.assertEqual(api.status_code, 503)
        self.assertGreater(json.loads(api.content)["retry_after"], 0)
        self.assertEqual(english.status_code, 503)
        self.assertIn("database is not answering", english.content.decode())

    def test_health_checks_are_never_held_at_the_gate(self):
        middleware = self.middleware("1")
        self.hold_the_slot(middleware)
        for path in ("/healthz", "/readyz"):
            self.assertEqual(middleware(RequestFactory().get(path)).content, b"page")
