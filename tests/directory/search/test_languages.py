from directory.models import Service
from tests.base import SeededTestCase

PREFIXES = {"ko": "", "en": "/en", "zh-hans": "/zh-hans", "vi": "/vi", "ru": "/ru"}


class SearchInEveryLanguageTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
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
