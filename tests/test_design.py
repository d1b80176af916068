import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse


class SiteIdentityTests(TestCase):
    def test_official_banner_is_off_by_default(self):
        response = self.client.get(reverse("directory:home"))
        self.assertNotContains(response, "공식 전자정부 누리집")

    @override_settings(OFFICIAL_SITE=True)
    def test_official_banner_when_enabled(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(
            response, "이 누리집은 대한민국 공식 전자정부 누리집입니다."
        )

    def test_footer_names_the_organisation_and_contact(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "경기도 이민사회정책과")
        self.assertContains(response, "경기도 콜센터")
        self.assertContains(response, '<a href="tel:+82-31-120">031-120</a>', html=True)
        self.assertContains(response, "이 누리집은 경기도 누리집입니다.")

    @override_settings(
        SITE_DEPARTMENT="외국인정책과", SITE_CONTACT_PHONE="031-8030-4652"
    )
    def test_footer_follows_the_settings(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "경기도 외국인정책과")
        self.assertContains(response, 'href="tel:+82-31-8030-4652"')


class LanguageSwitcherTests(TestCase):
    def test_single_language_is_named_in_its_own_script(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, 'class="language-switcher"')
        self.assertContains(
            response, '<span lang="ko" aria-current="true">한국어</span>', html=True
        )
        self.assertNotContains(response, reverse("set_language"))

    @override_settings(LANGUAGES=[("ko", "Korean"), ("en", "English")])
    def test_other_languages_post_to_set_language(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, f'action="{reverse("set_language")}"')
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertContains(
            response,
            '<button type="submit" name="language" value="en" lang="en">'
            "English</button>",
            html=True,
        )


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
