from django.test import SimpleTestCase

from core.warmup import templates, warm_up


class WarmUpTests(SimpleTestCase):
    """The warm-up runs in gunicorn's master, before the workers fork."""

    databases = set()  # any query would fail the test

    def test_it_compiles_every_page_template_without_touching_the_database(self):
        names = list(templates())
        self.assertIn("directory/service_detail.html", names)
        self.assertIn("base.html", names)
        warm_up()
