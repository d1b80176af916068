"""Test databases are migrated once per run and copied to each worker
(tests/template_db.py), on the database this run uses."""

import tempfile
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import Group
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.test import TransactionTestCase

from tests import template_db


def probe(group):
    """Add a group: the database now in use, its migrations and its groups."""
    Group.objects.create(name=group)
    return (
        connection.settings_dict["NAME"],
        MigrationRecorder.Migration.objects.count(),
        sorted(
            Group.objects.filter(name__startswith="probe-").values_list(
                "name", flat=True
            )
        ),
    )


class TemplateDatabaseTests(TransactionTestCase):
    # A replica, where one is configured, is pointed at each copy too.
    databases = "__all__"

    def test_two_workers_copy_one_migrated_template_and_leave_nothing(self):
        ours = connection.settings_dict["NAME"]
        migrations = MigrationRecorder.Migration.objects.count()
        spy = mock.patch.object(
            template_db, "setup_databases", wraps=template_db.setup_databases
        )
        with tempfile.TemporaryDirectory(prefix="pytest-") as root, spy as made:
            with template_db.worker_databases(Path(root), "gwa"):
                first = probe("probe-a")
                if "replica" in connections:
                    replica = connections["replica"].settings_dict["NAME"]
                    self.assertEqual(replica, first[0])
                with template_db.worker_databases(Path(root), "gwb"):
                    second = probe("probe-b")
                again = probe("probe-a2")
        self.assertEqual(made.call_count, 1)
        self.assertEqual(first[1:], (migrations, ["probe-a"]))
        self.assertEqual(second[1:], (migrations, ["probe-b"]))
        self.assertEqual(again, (first[0], migrations, ["probe-a", "probe-a2"]))
        self.assertNotEqual(first[0], second[0])
        run = Path(root).name.replace("-", "_")
        self.assertIn(
            run if connection.vendor != "sqlite" else Path(root).name, first[0]
        )
        # This test's own database is back, untouched.
        self.assertEqual(connection.settings_dict["NAME"], ours)
        self.assertFalse(Group.objects.filter(name__startswith="probe-").exists())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s",
                    [f"%{run}%"],
                )
                self.assertEqual(cursor.fetchall(), [], "databases left behind")
