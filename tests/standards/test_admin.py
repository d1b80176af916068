from tests.admin_forms import admin_url, form_data, make_staff
from tests.base import AdminTestCase
from tests.factories import make_pledge


class StandardAdminTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pledge = make_pledge()

    def test_concurrent_edits_of_the_standard_text_are_refused(self):
        url = admin_url(self.pledge)
        first = self.client.get(url)
        second = self.client.get(url)
        self.client.post(url, form_data(second, text_ko="두 번째 담당자의 문구입니다."))
        response = self.client.post(
            url, form_data(first, text_ko="첫 번째 문구입니다.")
        )
        self.assertContains(
            response, "약속 내용 [ko]: “이주민 정책을 수립하겠습니다.” → “두 번째"
        )
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.text, "두 번째 담당자의 문구입니다.")

    def test_history_page_shows_the_text_change(self):
        url = admin_url(self.pledge)
        self.client.post(
            url, form_data(self.client.get(url), text_ko="바뀐 문구입니다.")
        )
        response = self.client.get(admin_url(self.pledge, "history"))
        self.assertContains(response, "바뀐 문구입니다.")
        self.assertContains(response, "manager")

    def test_contact_keeper_may_not_delete_the_standard(self):
        self.client.force_login(make_staff("keeper", "연락처 담당자"))
        for obj in [self.pledge, self.pledge.commitment, self.pledge.commitment.area]:
            with self.subTest(model=type(obj).__name__):
                response = self.client.post(admin_url(obj, "delete"), {"post": "yes"})
                self.assertEqual(response.status_code, 403)
                self.assertTrue(type(obj).objects.filter(pk=obj.pk).exists())
