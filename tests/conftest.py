import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation


@pytest.fixture(autouse=True, scope="session")
def test_settings():
    """Static files without a collectstatic manifest, and fast password hashing."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(STORAGES=storages, PASSWORD_HASHERS=hashers):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages and no rate-limit counters."""
    cache.clear()


@pytest.fixture(autouse=True)
def korean_first():
    """Each test starts in Korean: a request leaves its language active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
