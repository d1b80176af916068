from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from directory.models import Contact, Service
from tests.admin_forms import admin_url, form_data, make_staff, post_change
from tests.factories import make_contact, make_division, make_pledge, make_service

KEEPER = "연락처 담당자"
MANAGER = "관리자"


class RoleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keeper = make_staff("keeper", KEEPER)
        cls.manager = make_staff("boss", MANAGER)
        cls.pledge = make_pledge()
        cls.service = make_service(area=cls.pledge.commitment.area)
        cls.division = cls.service.division
        cls.contact = Contact.objects.get()

    def test_migration_creates_both_groups(self):
        self.assertEqual(
            set(Group.objects.values_list("name", flat=True)), {KEEPER, MANAGER}
        )

    def test_keeper_permissions(self):
        allowed = [
            "directory.change_service",
            "directory.add_contact",
            "directory.change_contact",
            "directory.add_division",
            "directory.change_division",
            "directory.add_servicephone",
            "directory.delete_servicephone",
            "standards.view_pledge",
        ]
        refused = [
            "directory.delete_service",
            "directory.delete_division",
            "directory.delete_contact",
            "standards.change_pledge",
            "standards.delete_pledge",
            "standards.change_commitment",
            "standards.change_policyarea",
            "standards.change_sector",
            "auth.change_user",
        ]
        for permission in allowed:
            with self.subTest(permission=permission):
                self.assertTrue(self.keeper.has_perm(permission))
        for permission in refused:
            with self.subTest(permission=permission):
                self.assertFalse(self.keeper.has_perm(permission))

    def test_manager_has_every_permission_of_the_site(self):
        for permission in [
            "standards.change_pledge",
            "standards.delete_sector",
            "directory.delete_service",
            "directory.delete_division",
            "auth.change_user",
        ]:
            with self.subTest(permission=permission):
                self.assertTrue(self.manager.has_perm(permission))

    def test_keeper_changes_a_number_through_the_admin(self):
        self.client.force_login(self.keeper)
        response = post_change(self.client, self.contact, number="031-8030-4650")
        self.assertEqual(response.status_code, 302)
        self.contact.refresh_from_db()
        self.assertEqual(self.contact.national, "031-8030-4650")

    def test_keeper_moves_a_service_to_another_number(self):
        other = make_contact("031-8030-4999")
        self.client.force_login(self.keeper)
        response = post_change(
            self.client, self.service, **{"service_phones-0-contact": str(other.pk)}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.service.phones_in_order, [other])

    def test_keeper_changes_a_services_division_but_not_its_standard_text(self):
        division = make_division(sector=self.division.sector, name="통역 담당")
        self.client.force_login(self.keeper)
        page = self.client.get(admin_url(self.service))
        self.assertNotContains(page, 'name="name"')
        self.assertContains(page, 'name="division"')
        response = self.client.post(
            admin_url(self.service),
            form_data(page, division=str(division.pk), name_ko="바뀐 이름"),
        )
        self.assertEqual(response.status_code, 302)
        self.service.refresh_from_db()
        self.assertEqual(self.service.division, division)
        self.assertEqual(self.service.name, "이주민 정책 기본계획 수립")

    def test_keeper_marks_services_verified(self):
        self.client.force_login(self.keeper)
        self.client.post(
            reverse("admin:directory_service_changelist"),
            {"action": "mark_verified", "_selected_action": [self.service.pk]},
        )
        self.assertIsNotNone(Service.objects.get().last_verified)

    def test_keeper_sees_but_cannot_change_the_standard_text(self):
        self.client.force_login(self.keeper)
        url = admin_url(self.pledge)
        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="text"')
        response = self.client.post(url, {"text": "바뀐 약속", "number": "1"})
        self.assertEqual(response.status_code, 403)
        delete = self.client.post(admin_url(self.pledge, "delete"), {"post": "yes"})
        self.assertEqual(delete.status_code, 403)
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.text, "이주민 정책을 수립하겠습니다.")

    def test_keeper_cannot_delete_a_division(self):
        self.client.force_login(self.keeper)
        response = self.client.get(admin_url(self.division, "delete"))
        self.assertEqual(response.status_code, 403)

    def test_manager_changes_the_standard_text(self):
        self.client.force_login(self.manager)
        url = admin_url(self.pledge)
        response = self.client.post(
            url, form_data(self.client.get(url), text_ko="바뀐 약속입니다.")
        )
        self.assertEqual(response.status_code, 302)
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.text, "바뀐 약속입니다.")


class RevertRoleTests(TestCase):
    """A revert writes only what the change form lets its user write."""

    @classmethod
    def setUpTestData(cls):
        cls.keeper = make_staff("keeper", KEEPER)
        cls.manager = make_staff("boss", MANAGER)
        cls.pledge = make_pledge()
        cls.service = make_service(area=cls.pledge.commitment.area)
        cls.first = cls.service.history.earliest("history_id")

    def revert_url(self, obj, version):
        opts = obj._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_simple_history",
            args=[obj.pk, version.history_id],
        )

    def test_keeper_reverting_keeps_the_managers_names_and_place(self):
        self.client.force_login(self.manager)
        url = admin_url(self.service)
        self.client.post(
            url,
            form_data(
                self.client.get(url),
                name_ko="바뀐 서비스",
                name_en="Renamed service",
                position="7",
            ),
        )
        self.service.refresh_from_db()
        self.assertEqual(self.service.name_ko, "바뀐 서비스")
        self.client.force_login(self.keeper)
        url = self.revert_url(self.service, self.first)
        response = self.client.post(url, form_data(self.client.get(url)))
        self.assertEqual(response.status_code, 302)
        self.service.refresh_from_db()
        self.assertEqual(self.service.name_ko, "바뀐 서비스")
        self.assertEqual(self.service.name_en, "Renamed service")
        self.assertEqual(self.service.position, 7)
        self.assertEqual(self.service.area, self.pledge.commitment.area)

    def test_manager_still_reverts_the_names(self):
        self.client.force_login(self.manager)
        url = admin_url(self.service)
        self.client.post(url, form_data(self.client.get(url), name_ko="바뀐 서비스"))
        url = self.revert_url(self.service, self.first)
        self.client.post(url, form_data(self.client.get(url)))
        self.service.refresh_from_db()
        self.assertEqual(self.service.name_ko, "이주민 정책 기본계획 수립")

    def test_keeper_cannot_revert_the_standards_text(self):
        self.client.force_login(self.manager)
        url = admin_url(self.pledge)
        self.client.post(
            url, form_data(self.client.get(url), text_ko="바뀐 약속입니다.")
        )
        self.client.force_login(self.keeper)
        first = self.pledge.history.earliest("history_id")
        url = self.revert_url(self.pledge, first)
        response = self.client.post(url, {"text_ko": first.text_ko, "number": "1"})
        self.assertEqual(response.status_code, 403)
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.text_ko, "바뀐 약속입니다.")

    def test_keeper_cannot_rename_a_team_by_form_or_revert(self):
        division = self.service.division
        self.client.force_login(self.keeper)
        url = admin_url(division)
        page = self.client.get(url)
        self.assertNotContains(page, 'name="name_ko"')
        self.client.post(url, form_data(page, name_ko="바뀐 팀", former_names="옛 팀"))
        division.refresh_from_db()
        self.assertEqual(division.former_names, "옛 팀")
        self.assertNotEqual(division.name_ko, "바뀐 팀")
