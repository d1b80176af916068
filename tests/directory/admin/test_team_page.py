import datetime

from django.test import TestCase

from directory.admin.roles import CONTACT_KEEPER, MANAGER
from directory.models import Service
from tests.admin_forms import admin_url, form_data, make_staff
from tests.factories import make_area, make_service


class TeamPageServiceRowsTests(TestCase):
    """The team page lists its services to read; it writes none of them."""

    @classmethod
    def setUpTestData(cls):
        cls.keeper = make_staff("keeper", CONTACT_KEEPER)
        cls.manager = make_staff("boss", MANAGER)
        cls.service = make_service(name="이주민 정책 기본계획 수립")
        cls.division = cls.service.division
        cls.other_area = make_area(
            sector=cls.division.sector, number=2, title="다른 정책분야"
        )

    def forged_rows(self, page, **row):
        """The team page's fields plus a service row as the old page posted it."""
        data = form_data(page)
        data.update(
            {
                "services-TOTAL_FORMS": "1",
                "services-INITIAL_FORMS": "1",
                "services-0-id": str(self.service.pk),
                "services-0-division": str(self.division.pk),
                "services-0-name_ko": row.get("name", "바뀐 이름"),
                "services-0-area": str(self.other_area.pk),
                "services-0-position": "9",
                "services-0-last_verified": "2020-01-01",
            }
        )
        return data

    def test_keeper_cannot_rename_or_move_services_from_the_team_page(self):
        self.client.force_login(self.keeper)
        url = admin_url(self.division)
        page = self.client.get(url)
        self.assertNotContains(page, 'name="services-0-name_ko"')
        response = self.client.post(url, self.forged_rows(page))
        self.assertEqual(response.status_code, 302)
        stored = Service.objects.get()
        self.assertEqual(stored.name, "이주민 정책 기본계획 수립")
        self.assertEqual(stored.area, self.service.area)
        self.assertEqual(stored.position, 1)
        self.assertIsNone(stored.last_verified)

    def test_an_old_team_page_does_not_undo_a_service_edit(self):
        self.client.force_login(self.manager)
        url = admin_url(self.division)
        old_page = self.client.get(url)
        Service.objects.filter(pk=self.service.pk).update(
            name_ko="새 이름", last_verified=datetime.date(2026, 1, 5)
        )
        self.client.post(
            url, self.forged_rows(old_page, name="이주민 정책 기본계획 수립")
        )
        stored = Service.objects.get()
        self.assertEqual(stored.name_ko, "새 이름")
        self.assertEqual(stored.last_verified, datetime.date(2026, 1, 5))

    def test_team_page_has_no_column_per_language(self):
        self.client.force_login(self.manager)
        page = self.client.get(admin_url(self.division))
        self.assertContains(page, "이주민 정책 기본계획 수립")
        self.assertNotContains(page, "services-0-name_")
        self.assertNotContains(page, 'name="services-0-last_verified"')
