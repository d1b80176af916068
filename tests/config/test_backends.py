"""config/backends.py: the database and cache settings from the environment."""

import os
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase

from config.backends import caches, databases

BASE = Path("/srv/directory")


def environ(**values):
    """Only these variables among those the settings read."""
    cleared = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DATABASE", "DJANGO_DB", "REDIS", "CACHE"))
    }
    return mock.patch.dict(os.environ, {**cleared, **values}, clear=True)


class DatabaseTests(SimpleTestCase):
    def test_sqlite_beside_the_code_when_nothing_is_configured(self):
        with environ():
            found = databases(BASE)
        self.assertEqual(list(found), ["default"])
        self.assertEqual(found["default"]["NAME"], "/srv/directory/db.sqlite3")
        self.assertEqual(found["default"]["ENGINE"], "django.db.backends.sqlite3")

    def test_an_empty_database_url_counts_as_unset(self):
        with environ(DATABASE_URL="", DATABASE_REPLICA_URL=""):
            found = databases(BASE)
        self.assertEqual(list(found), ["default"])
        self.assertEqual(found["default"]["ENGINE"], "django.db.backends.sqlite3")

    def test_postgresql_primary_and_replica_get_the_same_timeouts(self):
        with environ(
            DATABASE_URL="postgres://app@db/directory",
            DATABASE_REPLICA_URL="postgres://app@standby/directory",
            DJANGO_DB_CONNECT_TIMEOUT="2",
            DJANGO_DB_STATEMENT_TIMEOUT="10",
        ):
            found = databases(BASE)
        for alias in ("default", "replica"):
            database = found[alias]
            self.assertEqual(database["ENGINE"], "config.postgresql")
            self.assertEqual(database["OPTIONS"]["connect_timeout"], 2)
            self.assertEqual(
                database["OPTIONS"]["options"],
                "-c random_page_cost=1.1 -c jit=off -c statement_timeout=10s",
            )
        self.assertEqual(found["replica"]["HOST"], "standby")
        self.assertEqual(found["replica"]["TEST"]["MIRROR"], "default")

    def test_options_in_the_url_win(self):
        with environ(
            DATABASE_URL="postgres://app@db/directory?options=-c%20random_page_cost%3D4"
        ):
            options = databases(BASE)["default"]["OPTIONS"]
        self.assertEqual(options["options"], "-c random_page_cost=4")
        self.assertEqual(options["connect_timeout"], 3)


class CacheTests(SimpleTestCase):
    def test_local_memory_without_a_cache_url(self):
        with environ():
            found = caches()
        self.assertEqual(
            found["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache"
        )

    def test_redis_misses_quickly_when_it_fails(self):
        with environ(REDIS_URL="redis://cache:6379/0", DJANGO_CACHE_TIMEOUT="0.5"):
            found = caches()["default"]
        self.assertEqual(found["BACKEND"], "django_redis.cache.RedisCache")
        self.assertEqual(found["LOCATION"], "redis://cache:6379/0")
        self.assertTrue(found["OPTIONS"]["IGNORE_EXCEPTIONS"])
        self.assertEqual(found["OPTIONS"]["SOCKET_TIMEOUT"], 0.5)
