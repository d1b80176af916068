"""Settings for the public service directory.

Everything that changes between deployments comes from environment variables
(``DJANGO_*`` and ``DATABASE_URL``); see README.md.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import django.conf.locale
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from config.backends import caches, databases, env_list
from config.languages import (  # noqa: F401 (settings, read by Django)
    EXTRA_LANG_INFO,
    LANGUAGE_CODE,
    LANGUAGES,
    MODELTRANSLATION_AUTO_POPULATE,
    MODELTRANSLATION_DEFAULT_LANGUAGE,
    MODELTRANSLATION_FALLBACK_LANGUAGES,
    MODELTRANSLATION_LANGUAGES,
)

BASE_DIR = Path(__file__).resolve().parent.parent


# Core
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
# Serving without debug requires DJANGO_SECRET_KEY (config/wsgi.py,
# core/checks.py); commands such as migrate sign nothing that outlives them.
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("DJANGO_SECRET_KEY"))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    "development-only-secret-key-never-use-in-production"
    if DEBUG
    else secrets.token_urlsafe(50)
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Applications
INSTALLED_APPS = [
    # Before the admin, and before the apps whose history must include the
    # translation fields that it adds.
    "modeltranslation",
    "core.apps.CoreAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # intcomma: counts shown to readers, grouped as their language writes them.
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_filters",
    "phonenumber_field",
    "simple_history",
    "axes",
    "import_export",
    "corsheaders",
    "core",
    "standards",
    "directory",
]

MIDDLEWARE = [
    # Outermost: TRACE is refused and HEAD answers lose their body on every
    # path, cached pages included.
    "core.methods.HttpMethodsMiddleware",
    # Outside the page cache: its headers depend on each request's Origin.
    "corsheaders.middleware.CorsMiddleware",
    # Cached pages leave here, before anything else runs, with the headers the
    # middleware below added when they were stored (security headers, CSP);
    # the cache answers conditional requests with 304 itself (core/cache.py).
    # Static files pass straight through.
    "core.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "core.staticfiles.HashedStaticFilesMiddleware",
    # A thread stays free for cached pages while the database hangs.
    "core.gate.DatabaseGateMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.routers.PrimaryReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.languages.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Templates
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "directory.context_processors.site_identity",
                "core.context_processors.display_settings",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL says otherwise; a replica if
# DATABASE_REPLICA_URL is set (config/backends.py)
DATABASES = databases(BASE_DIR)
if "replica" in DATABASES:
    DATABASE_ROUTERS = ["core.routers.ReplicaRouter"]
# Reads go to the primary while the replica is further behind than this.
REPLICA_MAX_LAG = float(os.environ.get("DJANGO_REPLICA_MAX_LAG", "5"))
REPLICA_CHECK_SECONDS = 1.0

# Cache: shared (Redis or any URL Django knows) when configured, else local memory
CACHES = caches()
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
# Shared caches in front (nginx) keep a public page this long, then revalidate
# it; a page's last good copy is served this long while it cannot be rendered.
EDGE_CACHE_SECONDS = int(os.environ.get("DJANGO_EDGE_CACHE_SECONDS", "10"))
PAGE_STALE_SECONDS = int(os.environ.get("DJANGO_PAGE_STALE_SECONDS", "86400"))

# Passwords and logins: every account here is a staff account
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in [
        "UserAttributeSimilarityValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
] + [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    }
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
# Lock the account only from the address that failed, so that someone guessing
# a colleague's password elsewhere cannot keep the colleague out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# One address trying a few passwords against every account is locked out too.
AXES_HANDLER = "core.lockout.SprayResistantHandler"
AXES_ADDRESS_FAILURE_LIMIT = 20
# The client's address, behind DJANGO_PROXY_COUNT trusted reverse proxies
# (0: X-Forwarded-For is never believed); the report quota uses it too.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Languages and time (config/languages.py)
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Thousands separators for the languages whose Django locale data has none.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

# What core needs of the apps, named here so that core names none of them
HOME_URL_NAME = "directory:home"
STANDARD_TEXT_PERMISSION = "standards.change_commitment"
# The admin's front page: the directory's own records first, lockouts last.
ADMIN_APP_ORDER = {"directory": 0, "standards": 1, "axes": 9}
# The standard's sectors and areas are shown by the directory's pages.
ABSOLUTE_URL_OVERRIDES = {
    "standards.sector": lambda o: reverse("directory:sector-detail", args=[o.pk]),
    "standards.policyarea": lambda o: reverse("directory:area-detail", args=[o.pk]),
}

# Site identity shown in the header and footer (KRDS identifier and footer)
OFFICIAL_SITE = os.environ.get("DJANGO_OFFICIAL_SITE", "0") == "1"
SITE_ORGANIZATION = os.environ.get("DJANGO_SITE_ORGANIZATION") or _("Gyeonggi Province")
SITE_DEPARTMENT = os.environ.get("DJANGO_SITE_DEPARTMENT") or _(
    "Immigrant Society Policy Division"
)
SITE_ADDRESS = os.environ.get("DJANGO_SITE_ADDRESS") or _(
    "(16508) 30 Docheong-ro, Yeongtong-gu, Suwon-si, Gyeonggi-do"
)
SITE_CONTACT_NAME = os.environ.get("DJANGO_SITE_CONTACT_NAME") or _(
    "Gyeonggi call center"
)
SITE_CONTACT_PHONE = os.environ.get("DJANGO_SITE_CONTACT_PHONE", "031-120")
# The organisation's logo in the identifier block: a static file path such as
# "img/logo.svg", none by default (the repository holds no emblem).
SITE_LOGO = os.environ.get("DJANGO_SITE_LOGO", "")
# Pretendard GOV is a web font of several hundred kilobytes: off unless asked for.
PRETENDARD_GOV = os.environ.get("DJANGO_PRETENDARD_GOV", "0") == "1"

# Spreadsheets: whoever may change a service may import; a row with an error
# stops the whole import.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Open data: the API and downloads may be read from any site, never written
DATA_LICENCE = os.environ.get("DJANGO_DATA_LICENCE") or _("KOGL Type 1 (attribution)")
CORS_URLS_REGEX = r"^/(api|data)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Phone numbers
PHONENUMBER_DEFAULT_REGION = "KR"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

# Static files and fixtures
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# The downloads' files, written once per version of the data
# (directory/opendata/files.py); shared by the app servers of a host.
DOWNLOADS_ROOT = Path(os.environ.get("DJANGO_DOWNLOADS_ROOT", BASE_DIR / "downloads"))
DOWNLOADS_IN_BACKGROUND = True
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Only hashed names are served (core/staticfiles.py): they can be cached for a
# year, and the manifest that lists them stays private.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Admin
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Mail and the teams' confirmation of their numbers (directory/verification)
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "0") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "directory@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A command has no request: links in mails are built on this address.
# Unset: a page builds its mail links on the address it was asked on;
# request_verifications, which has no request, then refuses to run.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
VERIFY_AFTER_DAYS = int(os.environ.get("DJANGO_VERIFY_AFTER_DAYS", "180"))
VERIFY_RESEND_DAYS = int(os.environ.get("DJANGO_VERIFY_RESEND_DAYS", "14"))
VERIFY_LINK_DAYS = int(os.environ.get("DJANGO_VERIFY_LINK_DAYS", "30"))

# Security: HTTPS behind a proxy that sets X-Forwarded-Proto
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not DEBUG and os.environ.get("DJANGO_SSL_REDIRECT", "1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz)$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin sets a few style attributes; scripts stay strictly 'self'.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logging: one JSON object a line on standard error
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.jsonlog.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
}
