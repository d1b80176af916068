import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from directory.models import Service

SETTINGS_URL = reverse("directory:display-settings")


class DisplaySettingsTests(TestCase):
    def test_form_sets_cookies_and_redirects_back(self):
        response = self.client.get(
            SETTINGS_URL, {"text_size": "5", "contrast": "high", "next": "/services/"}
        )
        self.assertRedirects(response, "/services/", fetch_redirect_response=False)
        self.assertEqual(response.cookies["text_size"].value, "5")
        self.assertEqual(response.cookies["contrast"].value, "high")
        self.assertTrue(response.cookies["contrast"]["httponly"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_external_next_goes_home_instead(self):
        for next_url in ["https://evil.example/", "//evil.example/", "javascript:x"]:
            with self.subTest(next_url=next_url):
                response = self.client.get(
                    SETTINGS_URL, {"text_size": "3", "next": next_url}
                )
                self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_invalid_values_set_no_cookie(self):
        response = self.client.get(
            SETTINGS_URL, {"text_size": "9", "contrast": "purple", "next": "/"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertNotIn("text_size", response.cookies)
        self.assertNotIn("contrast", response.cookies)

    def test_choices_become_classes_on_html(self):
        self.client.cookies.load({"text_size": "5", "contrast": "high"})
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, '<html lang="ko" class="text-5 contrast-high">')

    def test_defaults_add_no_class(self):
        self.client.cookies.load({"text_size": "2", "contrast": "normal"})
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, '<html lang="ko">')

    def test_invalid_cookie_values_are_ignored(self):
        self.client.cookies.load({"text_size": "99", "contrast": '"><script>'})
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, '<html lang="ko">')
        self.assertNotContains(response, "<script>")

    def test_one_valid_cookie_counts_without_the_other(self):
        self.client.cookies.load({"text_size": "large", "contrast": "high"})
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, '<html lang="ko" class="contrast-high">')

    def test_header_form_works_without_javascript(self):
        self.client.cookies.load({"text_size": "4"})
        response = self.client.get(reverse("directory:division-list"))
        self.assertContains(response, f'action="{SETTINGS_URL}"')
        self.assertContains(response, 'method="get"')
        self.assertContains(
            response, '<input type="hidden" name="next" value="/divisions/">'
        )
        self.assertContains(response, "글자 크기")
        self.assertContains(response, "가장 크게")
        self.assertContains(response, "고대비")
        self.assertContains(response, 'value="4" id="display-text_size_3" checked')
        self.assertNotContains(response, "<script")


class CachedDisplaySettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.url = Service.objects.get(name="결혼이민자 지원").get_absolute_url()

    def test_pages_vary_on_cookies(self):
        response = self.client.get(self.url)
        self.assertIn("Cookie", response["Vary"])

    def test_visitors_with_different_settings_get_different_pages(self):
        plain, large = Client(), Client()
        large.cookies.load({"text_size": "5", "contrast": "high"})
        plain.get(self.url)
        large.get(self.url)
        with self.assertNumQueries(0):
            plain_html = plain.get(self.url).content.decode()
            large_html = large.get(self.url).content.decode()
        self.assertIn('<html lang="ko">', plain_html)
        self.assertIn('<html lang="ko" class="text-5 contrast-high">', large_html)


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

    def test_skip_link_and_landmarks(self):
        response = self.client.get(reverse("directory:division-list"))
        self.assertContains(response, '<a href="#content">본문 바로가기</a>', html=True)
        self.assertContains(response, '<main id="content"')
        self.assertContains(response, 'aria-label="주 메뉴"')
        self.assertContains(response, 'aria-label="현재 위치"')
        self.assertContains(
            response,
            '<a href="/divisions/" aria-current="page">담당 부서</a>',
            html=True,
        )


class LanguageSwitcherTests(TestCase):
    def test_current_language_is_named_in_its_own_script(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, 'class="language-switcher"')
        self.assertContains(
            response, '<span lang="ko" aria-current="true">한국어</span>', html=True
        )

    def test_other_languages_link_to_this_page_in_them(self):
        response = self.client.get(reverse("directory:division-list"))
        for code, path, name in [
            ("en", "/en/divisions/", "English"),
            ("zh-hans", "/zh-hans/divisions/", "中文"),
            ("vi", "/vi/divisions/", "Tiếng Việt"),
            ("ru", "/ru/divisions/", "Русский"),
        ]:
            with self.subTest(code=code):
                self.assertContains(
                    response,
                    f'<a href="http://testserver{path}" hreflang="{code}" '
                    f'lang="{code}">{name}</a>',
                    html=True,
                )
        # Links, not a form: the page keeps no CSRF token and stays cacheable.
        self.assertNotContains(response, "csrfmiddlewaretoken")


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
