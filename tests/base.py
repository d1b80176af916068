"""The one seeded base class: the real fixtures, loaded once per test class."""

from django.core.management import call_command
from django.test import TestCase

from directory.models import Division, Service

# Every fixture a deployment seeds: the standard, its directory, the search
# synonyms and the help lines.
SEED_FIXTURES = ["standards", "directory", "synonyms", "helplines"]


class SeededTestCase(TestCase):
    """The seeded directory, as ``loaddata`` leaves it (no seed records).

    ``service`` and ``division`` are a service of the document and its team.
    """

    fixtures_loaded = SEED_FIXTURES

    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", *cls.fixtures_loaded, verbosity=0)
        cls.service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
        cls.division = Division.objects.get(name="다문화가족지원 담당")
