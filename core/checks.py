"""Checks of the deployment itself, beside Django's own ``check --deploy``."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is not 1."


def secret_key_missing():
    return not settings.DEBUG and not settings.SECRET_KEY_FROM_ENVIRONMENT


@register(Tags.security, deploy=True)
def secret_key_from_environment(app_configs, **kwargs):
    if not secret_key_missing():
        return []
    return [
        Error(
            MISSING_SECRET_KEY,
            hint="Set it to a long random value, the same on every app server.",
            id="config.E001",
        )
    ]


def require_secret_key():
    """Refuse to serve with a throwaway key: every session and CSRF token it
    signed would stop working at the next restart, and differ between servers."""
    if secret_key_missing():
        raise ImproperlyConfigured(MISSING_SECRET_KEY)
