from django.test import Client, RequestFactory, SimpleTestCase, TestCase
from django.urls import reverse

from core.display import display_settings_of
from directory.models import Service
from tests.base import SeededTestCase

SETTINGS_URL = reverse("core:display-settings")


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
        # One script, the offline worker's, and it leaves the form alone.
        self.assertContains(response, "<script", count=1)
        self.assertContains(response, 'data-worker="/sw.js"')


class CachedDisplaySettingsTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
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


class DisplaySettingsOfTests(SimpleTestCase):
    """The settings read from the cookies, one by one, defaults for the rest."""

    def settings_for(self, cookies):
        request = RequestFactory().get("/")
        request.COOKIES.update(cookies)
        return display_settings_of(request)

    def test_valid_cookies_are_read(self):
        self.assertEqual(
            self.settings_for({"text_size": "5", "contrast": "high"}),
            {"text_size": 5, "contrast": "high"},
        )

    def test_each_invalid_or_missing_value_falls_back_on_its_own(self):
        for cookies, expected in [
            ({}, {"text_size": 2, "contrast": "normal"}),
            (
                {"text_size": "9", "contrast": "high"},
                {"text_size": 2, "contrast": "high"},
            ),
            (
                {"text_size": "3", "contrast": "purple"},
                {"text_size": 3, "contrast": "normal"},
            ),
            (
                {"text_size": " 4", "contrast": "HIGH"},
                {"text_size": 2, "contrast": "normal"},
            ),
        ]:
            with self.subTest(cookies=cookies):
                self.assertEqual(self.settings_for(cookies), expected)
