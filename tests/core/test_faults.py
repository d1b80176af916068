from unittest import mock

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, TestCase
from django.urls import reverse

from tests.factories import make_service


class DatabaseFailureTests(TestCase):
    """Every way the database can fail a request answers 503 with Retry-After."""

    @classmethod
    def setUpTestData(cls):
        cls.service = make_service()

    def setUp(self):
        cache.clear()
        self.client = Client(raise_request_exception=False)

    def get_failing(self, error, path):
        with mock.patch.object(CursorWrapper, "execute", side_effect=error):
            return self.client.get(path)

    def test_each_failure_of_the_database_answers_503(self):
        failures = [
            DatabaseError("server closed the connection unexpectedly"),
            OperationalError("could not connect to server"),
            OperationalError("canceling statement due to statement timeout"),
            InterfaceError("connection already closed"),
        ]
        for path in [self.service.get_absolute_url(), "/api/v1/services"]:
            for error in failures:
                with self.subTest(path=path, error=str(error)):
                    response = self.get_failing(error, path)
                    self.assertEqual(response.status_code, 503)
                    self.assertEqual(response["Retry-After"], "30")
                    self.assertNotIn(b"Traceback", response.content)

    def test_a_wrong_query_is_still_a_server_error(self):
        response = self.get_failing(
            IntegrityError("duplicate key"), reverse("directory:service-list")
        )
        self.assertEqual(response.status_code, 500)
