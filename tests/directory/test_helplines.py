from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from directory.models import HelpLine, Service
from tests.base import SeededTestCase

ALL_DAY = {
    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "opens": "00:00",
    "closes": "24:00",
}
NATIONAL_LINES = ["1345", "1577-1366", "1350", "1577-0071", "1366", "112", "119"]


class HelpLineTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.service = Service.objects.get(name_ko="결혼이민자 지원")
        cls.path = f"/services/{cls.service.pk}/"

    def test_the_five_national_lines_are_seeded_with_their_facts_and_source(self):
        lines = list(HelpLine.objects.all())
        self.assertEqual([line.number for line in lines], NATIONAL_LINES)
        for line in lines:
            with self.subTest(number=line.number):
                self.assertIn("https://", line.source)
                self.assertTrue(line.purpose_ko)
                self.assertIn("ko", line.languages)
                self.assertTrue(line.schedule.known)
                for code, _name in settings.LANGUAGES:
                    self.assertTrue(getattr(line, f"purpose_{code.replace('-', '_')}"))
        danuri = HelpLine.objects.get(number="1577-1366")
        self.assertEqual(
            danuri.hours,
            {"periods": [ALL_DAY], "open_on_holidays": True},
        )
        self.assertEqual(
            sorted(danuri.languages), sorted(c for c, _ in settings.LANGUAGES)
        )

    def test_every_language_of_a_line_is_named_in_its_own_script(self):
        for line in HelpLine.objects.all():
            for code, name in line.language_names:
                with self.subTest(number=line.number, code=code):
                    self.assertNotEqual(name, code)
        workers = HelpLine.objects.get(number="1577-0071")
        self.assertIn(("si", "සිංහල"), workers.language_names)
        self.assertTrue(workers.hours["open_on_holidays"])

    def test_translated_service_pages_list_the_lines_in_the_page_language(self):
        response = self.client.get("/zh-hans" + self.path)
        self.assertContains(response, "用您的语言获得帮助")
        self.assertContains(
            response,
            '多努里呼叫中心（多文化家庭） <span class="korean-text" lang="ko">'
            "다누리콜센터</span>",
        )
        self.assertContains(response, 'href="tel:15771366">1577-1366</a>')
        self.assertContains(response, "时间: 每天 24小时; 公共假日照常开放")
        self.assertContains(response, '<span lang="fil">Filipino</span>')
        self.assertContains(response, '<span lang="km">ភាសាខ្មែរ</span>')

    def test_service_pages_show_the_lines_that_answer_their_questions(self):
        response = self.client.get(self.path)
        self.assertContains(response, "이런 질문은 이 상담 전화로")
        self.assertContains(response, "다누리콜센터")
        self.assertContains(response, "다문화가족과 이주민에게 한국 생활과 가족 문제를")
        self.assertNotContains(response, "고용노동부 고객상담센터")
        self.assertContains(response, 'href="/helplines/"')

    def test_service_pages_say_what_the_service_is_for_in_every_language(self):
        for code, _name in settings.LANGUAGES:
            prefix = "" if code == "ko" else f"/{code}"
            text = getattr(self.service, f"description_{code.replace('-', '_')}")
            with self.subTest(language=code):
                response = self.client.get(prefix + self.path)
                self.assertContains(response, 'id="purpose-heading"')
                self.assertContains(response, text)

    def test_help_line_page_lists_every_line_in_korean_and_thai(self):
        response = self.client.get(reverse("directory:helpline-list"))
        for number in NATIONAL_LINES:
            self.assertContains(response, f">{number}</a>")
        self.assertContains(response, "월–금 09:00–22:00")
        self.assertContains(response, "임금 체불")
        response = self.client.get("/th/helplines/")
        self.assertContains(response, '<html lang="th"')
        self.assertContains(response, "สายด่วนฉุกเฉินสำหรับผู้หญิง 1366")

    def test_home_page_lists_the_help_lines(self):
        response = self.client.get("/")
        self.assertContains(response, 'id="help-lines-home"')
        self.assertContains(response, 'href="tel:1345">1345</a>')

    def test_staff_edit_help_lines_in_the_admin(self):
        admin = get_user_model().objects.create_superuser("admin", "", "pw-long-1234")
        self.client.force_login(admin)
        response = self.client.get(
            reverse("admin:directory_helpline_changelist"), {"q": "1345"}
        )
        self.assertContains(response, "외국인종합안내센터")


class NewLanguageColumnsTests(SeededTestCase):
    def test_seeding_fills_new_language_columns_of_an_older_database(self):
        service = Service.objects.get(name_ko="결혼이민자 지원")
        Service.objects.filter(pk=service.pk).update(
            name_th=None, name_ja=None, description_lo=None
        )
        call_command("seed_directory", verbosity=0)
        service.refresh_from_db()
        self.assertEqual(service.name_ja, "結婚移民者への支援")
        self.assertTrue(service.name_th)
        self.assertTrue(service.description_lo)
