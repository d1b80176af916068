from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from directory.models import Service
from tests.factories import public_page_paths

PREFIXES = {"ko": "", "en": "/en", "zh-hans": "/zh-hans", "vi": "/vi", "ru": "/ru"}


class LanguageUrlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.paths = public_page_paths()

    def test_languages_are_the_five_of_the_issue(self):
        self.assertEqual(list(PREFIXES), [code for code, _ in settings.LANGUAGES])

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
        response = self.client.get("/sitemap.xml")
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


class SearchInEveryLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", "synonyms", verbosity=0)
        cls.visa = Service.objects.get(name="비자 개선 등 외국인 정주 유도")

    def test_the_word_visa_in_each_language_finds_the_visa_service(self):
        for code, query in [
            ("en", "visa"),
            ("en", "Visa"),
            ("zh-hans", "签证"),
            ("ru", "виза"),
            ("ru", "визы"),
            ("vi", "thị thực"),
        ]:
            with self.subTest(query=query):
                response = self.client.get(f"{PREFIXES[code]}/search/", {"q": query})
                self.assertContains(response, f'href="{PREFIXES[code]}/services/')
                self.assertContains(response, self.visa.name)

    def test_translated_names_are_searched_in_every_language(self):
        marriage = Service.objects.get(name_ko="결혼이민자 지원")
        for prefix, query in [
            ("/en", "marriage migrants"),
            ("/zh-hans", "结婚移民"),
            ("/vi", "nhập cư kết hôn"),
            ("/ru", "брачных мигрантов"),
            ("", "Marriage Migrants"),
        ]:
            with self.subTest(query=query):
                response = self.client.get("/api/v1/search", {"q": query})
                first = response.json()["results"][0]
                self.assertEqual(first["name"], "결혼이민자 지원")
                self.assertEqual(first["url"], marriage.get_absolute_url())
                page = self.client.get(f"{prefix}/search/", {"q": query})
                self.assertContains(page, f'href="{prefix}/services/{marriage.pk}/"')

    def test_api_gives_the_translation_beside_the_korean_name(self):
        response = self.client.get("/api/v1/search", {"q": "4773", "lang": "ru"})
        first = response.json()["results"][0]
        self.assertEqual(first["name"], "다문화가족 등 이주배경 가정 특성화사업")
        self.assertEqual(first["division"], "다문화가족지원 담당")
        self.assertEqual(
            first["translation"],
            {
                "lang": "ru",
                "name": "Специальные программы для многокультурных семей и других "
                "семей с миграционным прошлым",
                "division": "Группа поддержки многокультурных семей",
            },
        )
        response = self.client.get("/api/v1/search", {"q": "4773"})
        self.assertIsNone(response.json()["results"][0]["translation"])

    def test_api_records_are_in_the_language_asked_for_beside_the_korean(self):
        service = Service.objects.get(name_ko="결혼이민자 지원")
        data = self.client.get(f"/api/v1/services/{service.pk}?lang=vi").json()
        self.assertEqual(data["name"], "Hỗ trợ người nhập cư kết hôn")
        self.assertEqual(data["name_ko"], "결혼이민자 지원")
        self.assertEqual(data["division"]["name"], "Nhóm Hỗ trợ Gia đình Đa văn hóa")
        self.assertEqual(data["division"]["name_ko"], "다문화가족지원 담당")
        self.assertEqual(data["area"]["title"], service.area.title_vi)
        self.assertEqual(data["area"]["title_ko"], service.area.title_ko)
        page = self.client.get("/api/v1/commitments?lang=ru").json()
        pledge = page["results"][0]["pledges"][0]
        self.assertTrue(pledge["text"].startswith("Мы будем разрабатывать"))
        self.assertTrue(pledge["text_ko"].startswith("다양하고 지속가능한"))
        data = self.client.get(f"/api/v1/services/{service.pk}").json()
        self.assertEqual(data["name"], data["name_ko"])

    def test_api_refuses_an_unknown_language(self):
        response = self.client.get("/api/v1/search", {"q": "4773", "lang": "xx"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("lang", response.json()["errors"])


class SixthLanguageTests(TestCase):
    """A page language added with one settings line (its catalogue aside)."""

    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.service = Service.objects.get(name_ko="결혼이민자 지원")

    def test_pages_work_with_the_content_in_korean(self):
        languages = [*settings.LANGUAGES, ("th", "ภาษาไทย")]
        with self.settings(LANGUAGES=languages):
            response = self.client.get(f"/th/services/{self.service.pk}/")
            self.assertContains(response, '<html lang="th"')
            self.assertContains(
                response, '<h1><span lang="ko">결혼이민자 지원</span></h1>', html=True
            )
            self.assertContains(response, 'hreflang="th"')
            response = self.client.get("/th/search/", {"q": "결혼이민자"})
            self.assertContains(response, f'href="/th/services/{self.service.pk}/"')


class SayItInKoreanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.service = Service.objects.get(name="결혼이민자 지원")
        cls.path = f"/services/{cls.service.pk}/"

    def test_translated_service_page_has_a_card_in_korean_with_the_number(self):
        response = self.client.get("/vi" + self.path)
        self.assertContains(response, "Đưa cho người nói tiếng Hàn xem")
        self.assertContains(response, '<div lang="ko">')
        self.assertContains(response, "이 서비스에 대해 문의하고 싶습니다.")
        self.assertContains(response, '<p class="korean-name">결혼이민자 지원</p>')
        self.assertContains(
            response, f'<p class="korean-team">{self.service.division.name_ko}</p>'
        )
        number = self.service.phones_in_order[0].international
        self.assertTrue(number.startswith("+82 31-"))
        self.assertContains(response, f">{number}</a>")

    def test_translated_names_come_with_the_korean_names_beside_them(self):
        response = self.client.get("/en" + self.path)
        self.assertContains(
            response,
            '<h1>Support for Marriage Migrants <span class="korean-text" lang="ko">'
            "결혼이민자 지원</span></h1>",
            html=True,
        )
        self.assertContains(
            response,
            'Multicultural Family Support Team <span class="korean-text" lang="ko">'
            "다문화가족지원 담당</span>",
        )
        self.assertContains(response, "<title>Support for Marriage Migrants |")
        self.assertContains(response, '<meta property="og:locale" content="en_US">')
        response = self.client.get("/zh-hans" + self.path)
        self.assertContains(response, '<meta property="og:locale" content="zh_CN">')

    def test_every_language_shows_its_own_names(self):
        area = self.service.area
        for prefix, service_name, area_title in [
            ("/zh-hans", "结婚移民者支援", area.title_zh_hans),
            ("/vi", "Hỗ trợ người nhập cư kết hôn", area.title_vi),
            ("/ru", "Поддержка брачных мигрантов", area.title_ru),
        ]:
            with self.subTest(prefix=prefix):
                response = self.client.get(prefix + self.path)
                self.assertContains(response, service_name)
                self.assertContains(response, area_title)
                response = self.client.get(f"{prefix}/areas/{area.pk}/")
                self.assertContains(response, f"<h1>{area.number}. {area_title}")
                self.assertContains(response, service_name)

    def test_a_missing_translation_falls_back_to_korean_marked_as_korean(self):
        Service.objects.filter(pk=self.service.pk).update(name_en=None)
        response = self.client.get("/en" + self.path)
        self.assertContains(response, '<h1><span lang="ko">결혼이민자 지원</span></h1>')
        response = self.client.get("/en/services/")
        self.assertContains(response, '<span lang="ko">결혼이민자 지원</span>')

    def test_korean_pages_show_only_the_korean_names(self):
        response = self.client.get(self.path)
        self.assertContains(response, "<h1>결혼이민자 지원</h1>")
        self.assertNotContains(response, "Support for Marriage Migrants")
        self.assertNotContains(response, "korean-text")

    def test_translated_pages_say_the_korean_text_is_official(self):
        response = self.client.get("/ru/")
        self.assertContains(response, "Официальным является текст на корейском")

    def test_korean_pages_have_neither_card_nor_notice(self):
        response = self.client.get(self.path)
        self.assertNotContains(response, "korean-card")
        self.assertNotContains(response, "translation-notice")


class HelpLineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", "helplines", verbosity=0)
        cls.path = f"/services/{Service.objects.first().pk}/"

    def test_translated_service_pages_list_the_help_lines(self):
        response = self.client.get("/zh-hans" + self.path)
        self.assertContains(response, "用您的语言获得帮助")
        self.assertContains(
            response,
            '外国人综合咨询中心 <span class="korean-text" lang="ko">'
            "외국인종합안내센터</span>",
        )
        self.assertContains(response, '<a class="tel" href="tel:1345">1345</a>')
        self.assertContains(response, 'href="tel:15771366">1577-1366</a>')
        self.assertContains(response, "09:00–18:00, 工作日")
        self.assertContains(response, "24小时, 每天")
        self.assertContains(response, "한국어, English, ")
        self.assertContains(response, "Русский")

    def test_korean_service_pages_leave_them_out(self):
        self.assertNotContains(self.client.get(self.path), "help-lines")

    def test_staff_edit_help_lines_in_the_admin(self):
        admin = get_user_model().objects.create_superuser("admin", "", "pw-long-1234")
        self.client.force_login(admin)
        response = self.client.get(
            reverse("admin:directory_helpline_changelist"), {"q": "1345"}
        )
        self.assertContains(response, "외국인종합안내센터")
