"""Fault tests run only in their own step (scripts/test.sh), against the
servers of scripts/fault-services.sh: FAULT_TESTS=1 and its FAULT_* variables."""

import os

import pytest

from .servers import Redis, Site, psql


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/fault/" in str(item.fspath):
            item.add_marker(pytest.mark.fault)
            if os.environ.get("FAULT_TESTS") != "1":
                item.add_marker(pytest.mark.skip(reason="set FAULT_TESTS=1"))


@pytest.fixture(scope="session")
def redis():
    server = Redis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.resume()
        server.kill()


@pytest.fixture(scope="session")
def site(redis):
    server = Site(redis)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def records(site):
    """A seeded service and the phone number it uses."""
    row = psql(
        os.environ["FAULT_PRIMARY_URL"],
        "SELECT s.id, p.contact_id FROM directory_service s "
        "JOIN directory_servicephone p ON p.service_id = s.id "
        "JOIN directory_contact c ON c.id = p.contact_id "
        "WHERE c.kind = 'phone' ORDER BY s.id LIMIT 1",
    )
    service, contact = row.split("|")
    return {"service": int(service), "contact": int(contact)}
