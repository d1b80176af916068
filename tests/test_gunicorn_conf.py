"""gunicorn.conf.py, read the way gunicorn reads it."""

import os
import runpy
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase
from gunicorn.config import Config

CONF = Path(settings.BASE_DIR, "gunicorn.conf.py")


def load(**environ):
    """gunicorn's settings after the file ran with these variables set."""
    with mock.patch.dict(os.environ, environ):
        values = runpy.run_path(str(CONF))
    config = Config()
    for name, value in values.items():
        if name in config.settings:
            config.set(name, value)
    return config


class GunicornConfigTests(SimpleTestCase):
    def test_control_socket_is_off_unless_configured(self):
        with mock.patch.dict(os.environ):
            os.environ.pop("GUNICORN_CONTROL_SOCKET", None)
            config = load()
        self.assertTrue(config.control_socket_disable)

    def test_a_configured_control_socket_is_opened_where_asked(self):
        config = load(GUNICORN_CONTROL_SOCKET="/run/directory/gunicorn.ctl")
        self.assertFalse(config.control_socket_disable)
        self.assertEqual(config.control_socket, "/run/directory/gunicorn.ctl")

    def test_the_app_is_preloaded_and_workers_are_not_recycled_by_default(self):
        config = load()
        self.assertTrue(config.preload_app)
        self.assertEqual(config.max_requests, 0)

    def test_all_threads_but_one_may_wait_on_the_database(self):
        for threads, concurrency in (("8", "7"), ("1", "1")):
            with mock.patch.dict(os.environ, {"GUNICORN_THREADS": threads}):
                os.environ.pop("DJANGO_DB_CONCURRENCY", None)
                runpy.run_path(str(CONF))
                self.assertEqual(os.environ["DJANGO_DB_CONCURRENCY"], concurrency)
