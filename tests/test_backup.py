"""A pg_dump of the database, restored elsewhere, gives back the same data."""

import shutil
import subprocess
import unittest

import psycopg2
from django.apps import apps
from django.db import connection
from django.test import TransactionTestCase

from tests.base import load_seed

TABLES = [
    model._meta.db_table
    for app in ("standards", "directory")
    for model in apps.get_app_config(app).get_models()
]


@unittest.skipUnless(
    connection.vendor == "postgresql" and shutil.which("pg_dump"),
    "backups are made with pg_dump on PostgreSQL",
)
class BackupRestoreTests(TransactionTestCase):
    def connection_args(self, name):
        options = connection.settings_dict.get("OPTIONS", {})
        host = connection.settings_dict["HOST"] or options.get("host", "")
        port = connection.settings_dict["PORT"] or options.get("port", "")
        args = []
        if host:
            args += ["--host", str(host)]
        if port:
            args += ["--port", str(port)]
        return args, {"dbname": name, "host": host or None, "port": port or None}

    def rows(self, params):
        with psycopg2.connect(**params) as db, db.cursor() as cursor:
            result = {}
            for table in TABLES:
                cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
                result[table] = cursor.fetchall()
            return result

    def test_dump_and_restore_give_the_same_data(self):
        load_seed(seed_command=True)
        source = connection.settings_dict["NAME"]
        target = f"{source}_restore"
        server, source_params = self.connection_args(source)
        _, target_params = self.connection_args(target)
        dump = subprocess.run(
            ["pg_dump", "--format=custom", *server, source],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["dropdb", "--if-exists", *server, target], check=True)
        subprocess.run(["createdb", *server, target], check=True)
        try:
            subprocess.run(
                ["pg_restore", "--no-owner", *server, "--dbname", target],
                input=dump,
                check=True,
                capture_output=True,
            )
            original = self.rows(source_params)
            restored = self.rows(target_params)
        finally:
            subprocess.run(["dropdb", *server, target], check=True)
        self.assertEqual(len(original["directory_service"]), 19)
        self.assertEqual(restored, original)
