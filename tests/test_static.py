import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import TestCase, override_settings
from django.urls import reverse

SETTINGS_URL = reverse("core:display-settings")


class StylesheetTests(TestCase):
    css = Path(settings.BASE_DIR, "static", "css", "site.css").read_text()

    def test_uses_krds_token_names_and_values(self):
        for token in [
            "--krds-color-light-primary-50: #256ef4;",
            "--krds-light-color-text-basic: var(--krds-color-light-gray-90);",
            "--krds-high-contrast-color-background-white: "
            "var(--krds-color-high-contrast-gray-100);",
            "--krds-pc-font-size-heading-large: 3.2rem;",
            "--krds-mobile-font-size-heading-large: 2.4rem;",
            "--krds-radius-medium1: var(--krds-number-4);",
        ]:
            with self.subTest(token=token):
                self.assertIn(token, self.css)

    def test_no_web_font_or_outside_resource_by_default(self):
        self.assertNotIn("@font-face", self.css)
        self.assertNotIn("@import", self.css)
        self.assertNotRegex(self.css, r"url\(\s*[\"']?(https?:)?//")
        response = self.client.get(reverse("directory:home"))
        self.assertNotContains(response, "pretendard-gov.css")

    @override_settings(PRETENDARD_GOV=True)
    def test_pretendard_gov_when_a_deployment_opts_in(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "/static/css/pretendard-gov.css")

    def test_stylesheets_stay_within_the_budget(self):
        result = subprocess.run(
            [sys.executable, "bench/css_size.py"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("within the 20 KB budget", result.stdout)
