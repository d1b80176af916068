"""The migrations build each database from nothing, one initial migration per
app plus the search SQL, and match the models."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import SimpleTestCase, TransactionTestCase

ROOT = Path(settings.BASE_DIR)
MIGRATIONS = {
    "directory": ["0001_initial.py", "0002_search_sql.py"],
    "standards": ["0001_initial.py"],
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


class MigrationFilesTests(SimpleTestCase):
    def test_each_app_has_one_initial_migration_and_the_search_sql(self):
        for app, expected in MIGRATIONS.items():
            with self.subTest(app=app):
                found = sorted(
                    path.name for path in (ROOT / app / "migrations").glob("0*.py")
                )
                self.assertEqual(found, expected)

    def test_the_sql_migration_imports_no_app_code(self):
        text = (ROOT / "directory/migrations/0002_search_sql.py").read_text()
        imports = [
            line for line in text.splitlines() if line.startswith(("import", "from"))
        ]
        self.assertTrue(imports)
        for line in imports:
            with self.subTest(line=line):
                self.assertTrue(line.startswith(("from django", "import django")))


class SQLiteFromNothingTests(SimpleTestCase):
    def test_migrate_builds_every_table_and_the_fts_mirrors(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "fresh.sqlite3")
            result = manage("migrate", "--noinput", DATABASE_URL=f"sqlite:///{path}")
            self.assertEqual(result.returncode, 0, result.stderr)
            with sqlite3.connect(path) as db:
                names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
                applied = db.execute(
                    "SELECT app, name FROM django_migrations "
                    "WHERE app IN ('directory', 'standards') ORDER BY app, name"
                ).fetchall()
                groups = {row[0] for row in db.execute("SELECT name FROM auth_group")}
        for name in [
            "directory_service",
            "standards_commitment",
            "directory_searchentry_fts",
            "directory_searchentry_fts_first",
            "directory_searchentry_fts_first_update",
        ]:
            with self.subTest(name=name):
                self.assertIn(name, names)
        self.assertEqual(
            applied,
            [
                ("directory", "0001_initial"),
                ("directory", "0002_search_sql"),
                ("standards", "0001_initial"),
            ],
        )
        # The roles come from code after migrate, not from a data migration.
        self.assertEqual(len(groups), 2)


class PostgreSQLFromNothingTests(TransactionTestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")

    def test_migrate_builds_every_table_and_the_trigram_indexes(self):
        import psycopg2

        name = f"fresh_{uuid.uuid4().hex[:12]}"
        params = connection.get_connection_params()
        admin = psycopg2.connect(**{**params, "dbname": "postgres"})
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        try:
            host = params.get("host") or "/var/run/postgresql"
            port = params.get("port") or 5432
            url = f"postgres:///{name}?host={host}&port={port}"
            result = manage("migrate", "--noinput", DATABASE_URL=url)
            self.assertEqual(result.returncode, 0, result.stderr)
            fresh = psycopg2.connect(**{**params, "dbname": name})
            with fresh, fresh.cursor() as cursor:
                cursor.execute(
                    "SELECT indexname FROM pg_indexes WHERE tablename "
                    "IN ('directory_searchentry', 'directory_searchterm')"
                )
                indexes = {row[0] for row in cursor.fetchall()}
                cursor.execute(
                    "SELECT child.relname, pg_get_expr(child.relpartbound, child.oid) "
                    "FROM pg_inherits JOIN pg_class child ON child.oid = inhrelid "
                    "WHERE inhparent = 'directory_searchentry'::regclass"
                )
                partitions = dict(cursor.fetchall())
                cursor.execute(
                    "SELECT child.relname, child.reloptions "
                    "FROM pg_inherits JOIN pg_class child ON child.oid = inhrelid "
                    "WHERE inhparent = 'directory_searchentry'::regclass"
                )
                options = dict(cursor.fetchall())
                cursor.execute("SELECT extname FROM pg_extension")
                extensions = {row[0] for row in cursor.fetchall()}
            fresh.close()
        finally:
            with admin.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.close()
        self.assertIn("pg_trgm", extensions)
        for index in [
            "directory_searchentry_key_trgm",
            "directory_searchentry_grams_trgm",
            "directory_searchterm_word_trgm",
        ]:
            with self.subTest(index=index):
                self.assertIn(index, indexes)
        # The first priorities (0 and 1) apart from the rest.
        self.assertEqual(
            partitions,
            {
                "directory_searchentry_first": "FOR VALUES FROM ('0') TO ('2')",
                "directory_searchentry_rest": "FOR VALUES FROM ('2') TO (MAXVALUE)",
            },
        )
        # Scanned by one process, so that the first entries a scan gives (the
        # candidates a search ranks) are the same every time; vacuumed after
        # 2% of the entries were replaced, not 20%.
        self.assertEqual(
            options,
            {
                name: ["parallel_workers=0", "autovacuum_vacuum_scale_factor=0.02"]
                for name in partitions
            },
        )
