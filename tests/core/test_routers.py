"""Which database each read goes to. The replica's state is what the last
check recorded (the fault tests break a real standby); here it is set."""

import time
from unittest.mock import patch

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings

from core import routers
from core.cache import CHANGED_AT_KEY
from core.routers import PrimaryReadsMiddleware, ReplicaRouter
from directory.models import Service


class RouterCase(SimpleTestCase):
    """Outside any transaction, as a request's reads are."""

    def setUp(self):
        self.router = ReplicaRouter()
        saved = dict(routers._state)
        self.addCleanup(routers._state.update, saved)
        cache.delete(CHANGED_AT_KEY)

    def replica_is(self, status, lag):
        # Checked just now, so the router uses it without asking the replica.
        routers._state.update(checked=time.monotonic(), status=status, lag=lag)

    def read(self, model=Service):
        return self.router.db_for_read(model)


@override_settings(REPLICA_CHECK_SECONDS=3600)
class ReplicaStateTests(RouterCase):
    def test_public_reads_go_to_a_current_replica(self):
        self.replica_is("ok", 0.4)
        self.assertEqual(self.read(), "replica")

    def test_a_replica_that_is_down_sends_reads_to_the_primary(self):
        self.replica_is("down", None)
        self.assertEqual(self.read(), "default")

    def test_a_lagging_replica_sends_reads_to_the_primary(self):
        self.replica_is("lagging", 12.0)
        self.assertEqual(self.read(), "default")

    def test_writes_always_go_to_the_primary(self):
        self.replica_is("ok", 0.0)
        self.assertEqual(self.router.db_for_write(Service), "default")

    def test_authentication_and_sessions_always_read_the_primary(self):
        self.replica_is("ok", 0.0)
        self.assertEqual(self.read(get_user_model()), "default")
        self.assertEqual(self.read(Session), "default")


@override_settings(REPLICA_CHECK_SECONDS=3600)
class InTransactionTests(TestCase):
    def test_reads_inside_a_transaction_read_the_primary(self):
        saved = dict(routers._state)
        self.addCleanup(routers._state.update, saved)
        routers._state.update(checked=time.monotonic(), status="ok", lag=0.0)
        # A test case runs inside a transaction on the primary.
        self.assertEqual(ReplicaRouter().db_for_read(Service), "default")


@override_settings(REPLICA_CHECK_SECONDS=3600, REPLICA_MAX_LAG=5)
class PrimaryReadsMiddlewareTests(RouterCase):
    def route_of(self, request):
        seen = {}

        def view(request):
            seen["db"] = self.router.db_for_read(Service)
            return HttpResponse()

        middleware = PrimaryReadsMiddleware(view)
        # The test settings have no replica; a deployment with one enables it.
        middleware.enabled = True
        middleware(request)
        return seen["db"]

    def setUp(self):
        super().setUp()
        self.replica_is("ok", 0.0)
        self.factory = RequestFactory()

    def test_a_visitor_reads_the_replica(self):
        self.assertEqual(self.route_of(self.factory.get("/services/1/")), "replica")

    def test_the_admin_reads_the_primary(self):
        self.assertEqual(self.route_of(self.factory.get("/admin/")), "default")

    def test_a_logged_in_visitor_reads_the_primary(self):
        request = self.factory.get("/services/1/", HTTP_COOKIE="sessionid=abc")
        self.assertEqual(self.route_of(request), "default")

    def test_a_post_reads_the_primary(self):
        self.assertEqual(self.route_of(self.factory.post("/search/")), "default")

    def test_the_page_rendered_after_a_write_reads_the_primary(self):
        cache.set(CHANGED_AT_KEY, time.time(), None)
        self.assertEqual(self.route_of(self.factory.get("/services/1/")), "default")

    def test_a_write_older_than_the_lag_bound_leaves_reads_on_the_replica(self):
        cache.set(CHANGED_AT_KEY, time.time() - 6, None)
        self.assertEqual(self.route_of(self.factory.get("/services/1/")), "replica")


class WithoutReplicaTests(SimpleTestCase):
    def test_the_middleware_does_nothing_without_a_replica(self):
        # Whatever DATABASE_REPLICA_URL the suite runs with.
        with patch.dict(settings.DATABASES):
            settings.DATABASES.pop("replica", None)
            middleware = PrimaryReadsMiddleware(lambda request: HttpResponse("page"))
        self.assertFalse(middleware.enabled)
        response = middleware(RequestFactory().get("/"))
        self.assertEqual(response.content, b"page")
