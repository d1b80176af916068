"""The edge tests run the site's nginx (scripts/edge.sh) in front of a live
app server on a SQLite database of their own; they are skipped where nginx or
redis-server is not installed (scripts/test.sh installs them), and on a
PostgreSQL test database, where they would repeat themselves unchanged.
scripts/test.sh runs them on their own, in the background: one deployment
for all of them."""

import os

import pytest

from .servers import Deployment, available


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/edge/" not in str(item.fspath):
            continue
        if not available():
            item.add_marker(pytest.mark.skip(reason="nginx or redis-server missing"))
        elif os.environ.get("DATABASE_URL", "").startswith("postgres"):
            item.add_marker(pytest.mark.skip(reason="run once, with the SQLite tests"))


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
