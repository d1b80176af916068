import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase


class StylesheetTests(SimpleTestCase):
    def test_stylesheets_stay_within_the_budget(self):
        result = subprocess.run(
            [sys.executable, "bench/css_size.py"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("within the 20 KB budget", result.stdout)
