import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def plain_static_storage():
    """Serve static files without a collectstatic manifest during tests."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages and no rate-limit counters."""
    cache.clear()
