"""The one seeded base class, and the seed it loads once per test class.

Loading the fixtures saves each row through the signals that keep the search
index current, which takes seconds; dozens of classes (and every end-to-end
test) need the same rows. So each test process loads them for real once and
remembers the rows that loading left; later loads copy those rows back in one
go. The copy is the database as the real load left it, search entries and
history included, whatever the signals do.
"""

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase

from directory.models import Division, Service
from directory.signals import indexing_deferred
from tests.admin_forms import make_superuser

# Every fixture a deployment seeds: the standard, its directory, the search
# synonyms, the help lines and the search words.
SEED_FIXTURES = ("standards", "directory", "synonyms", "helplines", "search_words")

# The rows each kind of load left, by model, in this process.
_loaded_rows = {}


def _all_rows():
    return {
        model: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
    }


def _load(fixtures, seed_command):
    if seed_command:
        call_command("seed_directory", stdout=StringIO())
    else:
        # As a seed does: each record indexed once, not once per row naming it.
        with indexing_deferred():
            call_command("loaddata", *fixtures, verbosity=0)


def _copy_back(rows):
    """Replace the tables the load changed with the rows it left."""
    quote = connection.ops.quote_name
    # One transaction, so that foreign keys are checked once all rows are back.
    with transaction.atomic(), connection.cursor() as cursor:
        for model in rows:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
        for model, objects in rows.items():
            model._base_manager.bulk_create(objects)
        # Rows came back with their ids: later inserts must not reuse them.
        for sql in connection.ops.sequence_reset_sql(no_style(), list(rows)):
            cursor.execute(sql)


def load_seed(fixtures=SEED_FIXTURES, *, seed_command=False):
    """Fill the database with the seed, as ``loaddata`` of ``fixtures`` does.

    With ``seed_command``, as ``seed_directory`` does instead: the same rows,
    plus the seeding ledger (``SeedRecord``) and each row's first history.
    """
    key = (tuple(fixtures), seed_command)
    if key in _loaded_rows:
        _copy_back(_loaded_rows[key])
        return
    before = _all_rows()
    _load(fixtures, seed_command)
    _loaded_rows[key] = {
        model: list(model._base_manager.order_by("pk"))
        for model, values in _all_rows().items()
        if values != before[model]
    }


class SeededTestCase(TestCase):
    """The seeded directory, as ``loaddata`` leaves it (no seed records).

    ``service`` and ``division`` are a service of the document and its team.
    Set ``seed_command = True`` for the directory as ``seed_directory`` leaves
    it on a deployment: the same rows, plus the seeding ledger (``SeedRecord``)
    and the first history record of each row.
    """

    fixtures_loaded = SEED_FIXTURES
    seed_command = False

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_seed(cls.fixtures_loaded, seed_command=cls.seed_command)
        cls.service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
        cls.division = Division.objects.get(name="다문화가족지원 담당")


class AdminTestCase(TestCase):
    """A superuser (``admin``) logged in to the admin; no other data."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = make_superuser()

    def setUp(self):
        super().setUp()
        self.client.force_login(self.admin)


class SeededAdminTestCase(SeededTestCase, AdminTestCase):
    """The seeded directory, with a superuser (``admin``) logged in to the admin."""
