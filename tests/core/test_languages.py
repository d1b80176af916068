from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from directory.models import Service
from tests.base import SeededTestCase
from tests.factories import public_page_paths

SETTINGS_URL = reverse("core:display-settings")


class LanguageSwitcherTests(TestCase):
    def test_current_language_is_named_in_its_own_script(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, 'class="utility-drop language-switcher"')
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
            ("th", "/th/divisions/", "ภาษาไทย"),
            ("uz", "/uz/divisions/", "Oʻzbekcha"),
            ("km", "/km/divisions/", "ភាសាខ្មែរ"),
            ("fil", "/fil/divisions/", "Filipino"),
            ("ne", "/ne/divisions/", "नेपाली"),
            ("mn", "/mn/divisions/", "Монгол"),
            ("lo", "/lo/divisions/", "ພາສາລາວ"),
            ("ja", "/ja/divisions/", "日本語"),
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


PREFIXES = {
    code: "" if code == settings.LANGUAGE_CODE else f"/{code}"
    for code, _name in settings.LANGUAGES
}


class LanguageUrlTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.paths = public_page_paths()

    def test_languages_are_the_thirteen_of_danuri(self):
        self.assertEqual(
            sorted(PREFIXES),
            sorted("ko en zh-hans vi ru th uz km fil ne mn lo ja".split()),
        )

    def test_every_language_has_its_information_in_its_own_script(self):
        for code, name in settings.LANGUAGES:
            with self.subTest(language=code):
                info = translation.get_language_info(code)
                self.assertTrue(info["name_local"])
                if code in settings.EXTRA_LANG_INFO:
                    self.assertEqual(info["name_local"], name)
        self.assertEqual(translation.get_language_info("tl")["code"], "fil")

    def test_every_page_type_renders_in_every_language_with_its_lang(self):
        for code, prefix in PREFIXES.items():
            for path in self.paths:
                with self.subTest(language=code, path=path):
                    response = self.client.get(prefix + path)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, f'<html lang="{code}"')

    def test_reverse_gives_prefixed_urls_except_for_korean(self):
        for code, prefix in PREFIXES.items():
            with self.subTest(language=code), translation.override(code):
                self.assertEqual(
                    reverse("directory:service-list"), f"{prefix}/services/"
                )

    def test_pages_list_their_translations_as_hreflang_alternates(self):
        response = self.client.get("/en/services/")
        for code, prefix in PREFIXES.items():
            with self.subTest(language=code):
                self.assertContains(
                    response,
                    f'<link rel="alternate" hreflang="{code}" '
                    f'href="http://testserver{prefix}/services/">',
                )
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="x-default" '
            'href="http://testserver/services/">',
        )

    def test_machine_addresses_and_admin_have_no_language_prefix(self):
        for path in ["/healthz", "/robots.txt", "/sitemap.xml", "/api/v1/search"]:
            with self.subTest(path=path):
                self.assertNotEqual(self.client.get(path).status_code, 404)
                self.assertEqual(self.client.get("/en" + path).status_code, 404)
        self.assertEqual(reverse("admin:index"), "/" + settings.ADMIN_URL)

    def test_sitemap_lists_every_language(self):
        response = self.client.get("/sitemap-pages.xml")
        self.assertContains(response, "<loc>http://testserver/ru/services/</loc>")
        self.assertContains(response, 'hreflang="zh-hans"')

    def test_search_pages_are_crawlable_and_canonical_to_the_search_page(self):
        # Nothing links to a result page but the search form, which crawlers
        # do not submit; a result page names the search page as canonical.
        self.assertNotContains(self.client.get("/robots.txt"), "Disallow")
        for prefix in PREFIXES.values():
            response = self.client.get(f"{prefix}/search/", {"q": "비자"})
            self.assertContains(
                response,
                f'<link rel="canonical" href="http://testserver{prefix}/search/">',
            )


class FirstVisitTests(TestCase):
    def test_browser_language_redirects_a_first_visit(self):
        response = self.client.get(
            "/services/?page=1", headers={"accept-language": "vi"}
        )
        self.assertRedirects(
            response, "/vi/services/?page=1", fetch_redirect_response=False
        )
        self.assertIn("Accept-Language", response["Vary"])

    def test_browser_language_variants_reach_the_language_we_serve(self):
        for accepted, prefix in [
            ("tl-PH,tl;q=0.9", "/fil/"),
            ("tl", "/fil/"),
            ("fil-PH", "/fil/"),
            ("uz-Latn-UZ,uz;q=0.9", "/uz/"),
            ("ja-JP", "/ja/"),
            ("km-KH", "/km/"),
            ("lo-LA", "/lo/"),
            ("ne-NP", "/ne/"),
            ("mn-MN", "/mn/"),
            ("th-TH", "/th/"),
            ("zh-Hans-CN", "/zh-hans/"),
        ]:
            with self.subTest(accepted=accepted):
                response = self.client.get("/", headers={"accept-language": accepted})
                self.assertRedirects(response, prefix, fetch_redirect_response=False)

    def test_chinese_browsers_reach_simplified_chinese(self):
        response = self.client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9"})
        self.assertRedirects(response, "/zh-hans/", fetch_redirect_response=False)

    def test_korean_or_unknown_browser_language_stays_on_korean_page(self):
        for accepted in ["ko-KR,ko;q=0.9,en;q=0.8", "fr", ""]:
            with self.subTest(accepted=accepted):
                response = self.client.get("/", headers={"accept-language": accepted})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, '<html lang="ko"')

    def test_a_chosen_language_or_a_link_within_the_site_is_followed(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
        response = self.client.get("/", headers={"accept-language": "en"})
        self.assertEqual(response.status_code, 200)
        del self.client.cookies[settings.LANGUAGE_COOKIE_NAME]
        response = self.client.get(
            "/",
            headers={"accept-language": "en", "referer": "http://testserver/en/"},
        )
        self.assertEqual(response.status_code, 200)

    def test_cached_korean_page_does_not_stop_the_redirect(self):
        self.client.get("/")
        response = self.client.get("/", headers={"accept-language": "ru"})
        self.assertRedirects(response, "/ru/", fetch_redirect_response=False)

    def test_english_and_korean_pages_are_cached_apart(self):
        for _ in range(2):
            korean = self.client.get("/")
            english = self.client.get("/en/")
        self.assertContains(korean, '<html lang="ko"')
        self.assertContains(english, '<html lang="en"')

    def test_set_language_moves_to_the_same_page_in_that_language(self):
        response = self.client.post(
            reverse("set_language"), {"language": "ru", "next": "/services/"}
        )
        self.assertRedirects(response, "/ru/services/", fetch_redirect_response=False)


class AnotherLanguageTests(SeededTestCase):
    """A page language added with one settings line (its catalogue aside)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.service = Service.objects.get(name_ko="결혼이민자 지원")

    def test_pages_work_with_the_content_in_korean(self):
        languages = [*settings.LANGUAGES, ("id", "Bahasa Indonesia")]
        with self.settings(LANGUAGES=languages):
            response = self.client.get(f"/id/services/{self.service.pk}/")
            self.assertContains(response, '<html lang="id"')
            self.assertContains(
                response, '<h1><span lang="ko">결혼이민자 지원</span></h1>', html=True
            )
            self.assertContains(response, 'hreflang="id"')
            response = self.client.get("/id/search/", {"q": "결혼이민자"})
            self.assertContains(response, f'href="/id/services/{self.service.pk}/"')
