"""The HSDS API against the official HSDS 3.0 openapi.json, generated requests.

The document is the vendored one with the errata listed in
``directory/opendata/hsds_openapi.py`` corrected and its schemas inlined
(``hsds_official.bundled``): nothing is read over the network. Examples are
few, so that the run stays short, but each operation gets unusual values.
Our own document, served at ``/api/hsds/openapi.json``, is run the same way.
"""

import pytest
import schemathesis
from django.db import connection
from hypothesis import HealthCheck, settings

from config.wsgi import application
from directory.models import Contact, HelpLine, Service
from directory.opendata.hsds_openapi import REMOTE, served
from tests.directory.opendata.hsds_official import bundled
from tests.directory.opendata.test_hsds_api import LUNCH_HOURS
from tests.directory.opendata.test_openapi import (  # the fixture and checks
    CHECKS,
    records,  # noqa: F401
)
from tests.factories import OFFICE_HOURS, make_commitment

# Generated requests test the API, not the database: they run once, on
# PostgreSQL, the database the site runs on (scripts/test.sh runs both).
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="generated requests run on PostgreSQL"
)


def loaded(document):
    document["servers"] = [{"url": "/api/hsds"}]
    schema = schemathesis.openapi.from_dict(document)
    schema.app = application
    return schema


official = loaded(bundled())
# Ours (/api/hsds/openapi.json), with its references put back on the
# official addresses, then inlined the same way: it adds ``lang``.
ours = loaded(bundled(served("http://localhost/api/hsds/", REMOTE)))


@pytest.fixture
def hsds_records(records):  # noqa: F811
    """The API tests' records, with what HSDS nests: a commitment, an
    extension, languages, hours and a help line."""
    service = Service.objects.get()
    service.commitments.add(make_commitment(area=service.area))
    Contact.objects.filter(number="+823180304652").update(
        extension="0123",
        languages=["ko", "en"],
        languages_note="한국어, 영어 (경기도 누리집)",
        hours=LUNCH_HOURS,
        hours_note="평일 09:00–18:00 (경기도 누리집)",
    )
    line = HelpLine.objects.create(
        name="외국인종합안내센터",
        number="1345",
        languages=["ko", "en", "zh-hans"],
        hours=OFFICE_HOURS,
        source="법무부",
    )
    line.services.add(service)


SETTINGS = settings(
    max_examples=6, deadline=None, suppress_health_check=list(HealthCheck)
)


@official.parametrize()
@SETTINGS
def test_api_matches_the_official_openapi_document(case, hsds_records):
    case.call_and_validate(checks=CHECKS)


@ours.parametrize()
@SETTINGS
def test_api_matches_its_own_openapi_document(case, hsds_records):
    case.call_and_validate(checks=CHECKS)
