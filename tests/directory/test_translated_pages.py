"""Pages in another language: each language's own names, the Korean names
beside them, and a card to show a Korean speaker."""

from directory.models import Service
from tests import base


class SayItInKoreanTests(base.SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
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
