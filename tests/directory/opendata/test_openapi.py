"""The API against its own OpenAPI document, with generated requests.

The number of examples is kept small so that the whole run stays well under
a minute; every endpoint still gets requests with unusual parameters.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, connection
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.factories import make_service

# Generated requests test the API, not the database: they run once, on
# PostgreSQL, the database the site runs on (scripts/test.sh runs both).
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="generated requests run on PostgreSQL"
)

with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def records(db, settings):
    """A few records, so that ids 1 and 2 exist for the detail endpoints."""
    settings.ALLOWED_HOSTS = ["*"]
    make_service(phones=("031-8030-4652", "031-8030-4653"))
    # The WSGI handler would close the test's connection after each request,
    # ending its transaction; Django's test client disconnects it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_matches_its_openapi_document(case, records):
    case.call_and_validate(checks=CHECKS)
