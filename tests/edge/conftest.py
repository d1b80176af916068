"""The edge tests run the site's nginx (scripts/edge.sh) in front of a live
app server; they are skipped where nginx or redis-server is not installed
(scripts/test.sh installs nginx)."""

import pytest

from .servers import Deployment, available


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/edge/" in str(item.fspath) and not available():
            item.add_marker(pytest.mark.skip(reason="nginx or redis-server missing"))


@pytest.fixture(scope="session")
def deployment():
    site = Deployment()
    try:
        site.start()
        yield site
    finally:
        site.close()


@pytest.fixture(scope="session")
def service(deployment):
    """A seeded service's page and name."""
    pk, name = deployment.query(
        "SELECT id, name_ko FROM directory_service ORDER BY id LIMIT 1"
    )[0]
    return {"pk": pk, "path": f"/services/{pk}/", "name": name}
