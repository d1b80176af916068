"""The database and cache settings, built from the environment.

``DATABASE_URL`` (SQLite ``db.sqlite3`` when unset), ``DATABASE_REPLICA_URL``
and ``REDIS_URL`` or ``CACHE_URL``; README.md lists the variables that tune
them.
"""

import os

import dj_database_url


def env_list(name, default=""):
    """A comma-separated variable as a list, blanks left out."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def databases(base_dir):
    """``DATABASES``: the primary, and the replica when one is configured."""
    # An empty DATABASE_URL counts as unset (dj_database_url would give no
    # database at all).
    found = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{base_dir / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
    if os.environ.get("DATABASE_REPLICA_URL"):
        found["replica"] = dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"],
            conn_max_age=found["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
        )
        found["replica"]["TEST"] = {"MIRROR": "default"}
    for database in found.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            _tune_postgresql(database)
    return found


def _tune_postgresql(database):
    # Trigram search on Hangul needs a UTF-8 database in a locale that has
    # Hangul for letters: test databases are created so whatever the
    # cluster's default (config/postgresql/base.py).
    database["ENGINE"] = "config.postgresql"
    database.setdefault("TEST", {}).update(TEMPLATE="template0", CHARSET="UTF8")
    # The directory fits in memory, where reading rows through an index costs
    # about as much as reading them in sequence; at the default cost of 4 the
    # planner scans whole tables to join a few hundred numbers (ten times
    # slower). No JIT compilation: a search whose trigram scan the planner
    # overestimates passed its threshold, and compiling took longer than
    # answering (docs/benchmarks.md). A DATABASE_URL ?options= overrides both.
    options = database.setdefault("OPTIONS", {})
    options.setdefault("options", "-c random_page_cost=1.1 -c jit=off")
    # A database that does not answer fails the request (a 503,
    # core/faults.py) rather than hold a worker: gunicorn.conf.py sets a
    # statement timeout too, which management commands (bulk loads, index
    # builds) do without.
    options.setdefault(
        "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "3"))
    )
    statement_timeout = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT", "0"))
    if statement_timeout and "statement_timeout" not in options["options"]:
        options["options"] += f" -c statement_timeout={statement_timeout}s"


def caches():
    """``CACHES``: Redis (or any cache URL) when configured, else local memory."""
    found = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "directory",
            "TIMEOUT": 300,
        }
    }
    url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
    if url:
        # A cache that is down or hung is a miss after at most a short
        # timeout, and is then skipped for a few seconds (core/cachebreaker.py).
        found["default"].update(
            BACKEND="django_redis.cache.RedisCache",
            LOCATION=url,
            OPTIONS={
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.25")),
                "REDIS_CLIENT_CLASS": "core.cachebreaker.BreakerRedis",
            },
        )
    return found
