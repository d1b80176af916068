from unittest import mock

from django.urls import reverse

from directory.admin.filters import FewChoicesFilter
from directory.models import Contact, Division, Service
from tests.base import AdminTestCase, SeededAdminTestCase
from tests.factories import make_contact, make_service


class AdminTests(SeededAdminTestCase):
    def test_admin_requires_login(self):
        self.client.logout()
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertRedirects(
            response,
            reverse("admin:login")
            + "?next="
            + reverse("admin:directory_service_changelist"),
        )

    def test_admin_speaks_korean(self):
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "행정서비스 안내 관리")
        self.assertContains(response, "행정서비스 이행표준")
        self.assertContains(response, "정책분야")

    def test_service_changelist_shows_numbers_and_filters(self):
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertContains(response, "다문화가족 등 이주 배경 자녀 지원")
        # Each number kept whole on one line; lines may break between them.
        self.assertContains(
            response,
            '<span class="nowrap">031-8030-4776</span>, '
            '<span class="nowrap">031-8030-4778</span>',
        )
        self.assertContains(response, "담당")

    def test_a_filter_of_many_teams_lists_none_but_the_one_chosen(self):
        url = reverse("admin:directory_service_changelist")
        team = Division.objects.get(name="이민체류지원 담당")

        def teams_offered(**params):
            """The teams the filter offers; None without the filter."""
            specs = self.client.get(url, params).context["cl"].filter_specs
            for spec in specs:
                if getattr(spec, "field_path", "") == "division":
                    return [name for _pk, name in spec.lookup_choices]
            return None

        self.assertIn(team.name, teams_offered())
        # Past the most a menu lists (15,000 teams nationally), none is: the
        # filter is not shown.
        with mock.patch.object(FewChoicesFilter, "most", 2):
            self.assertIsNone(teams_offered())
            self.assertEqual(teams_offered(division__id__exact=team.pk), [team.name])
            page = self.client.get(url, {"division__id__exact": team.pk})
            shown = {s.pk for s in page.context["cl"].result_list}
            self.assertEqual(shown, set(team.services.values_list("pk", flat=True)))
            self.assertLess(len(shown), Service.objects.count())
            # A value that names no team is refused as any bad filter is.
            page = self.client.get(url, {"division__id__exact": "x"})
            self.assertRedirects(page, f"{url}?e=1", fetch_redirect_response=False)

    def test_service_search_by_division(self):
        response = self.client.get(
            reverse("admin:directory_service_changelist"), {"q": "이민유치전략"}
        )
        self.assertContains(response, "외국인 우수인재 유치 지원")
        self.assertNotContains(response, "결혼이민자 지원")

    def test_division_changelist_and_change_page_with_services_inline(self):
        division = Division.objects.get(name="이민체류지원 담당")
        response = self.client.get(reverse("admin:directory_division_changelist"))
        self.assertContains(response, "031-8030-4692, 031-8030-4693")
        response = self.client.get(
            reverse("admin:directory_division_change", args=[division.pk])
        )
        self.assertContains(response, "이주민 지역사회 적응지원")

    def test_contact_search_and_service_count(self):
        response = self.client.get(
            reverse("admin:directory_contact_changelist"), {"q": "4655"}
        )
        self.assertContains(response, "031-8030-4655")
        self.assertContains(response, '<td class="field-service_count">2</td>')

    def test_service_change_page_lists_phones_inline(self):
        response = self.client.get(
            reverse("admin:directory_service_change", args=[self.service.pk])
        )
        self.assertContains(response, "서비스 전화번호")
        contact = Contact.objects.get(number="031-8030-4778")
        self.assertContains(response, f'value="{contact.pk}"')

    def test_standard_admin_pages(self):
        for name in [
            "standards_sector",
            "standards_policyarea",
            "standards_commitment",
            "standards_pledge",
        ]:
            response = self.client.get(reverse(f"admin:{name}_changelist"))
            self.assertContains(response, "이민사회")
        response = self.client.get(
            reverse("admin:standards_pledge_changelist"), {"q": "거버넌스"}
        )
        self.assertContains(response, "포괄적 거버넌스를 운영하여")
        self.assertContains(response, "1개 ")


class ContactNumberTests(AdminTestCase):
    def add(self, number, extension=""):
        return self.client.post(
            reverse("admin:directory_contact_add"),
            {"number": number, "extension": extension, "kind": "phone"},
        )

    def test_number_typed_any_way_is_stored_normalised(self):
        for typed in ["0318030-4652", "031 8030 4652", "+82 31 8030 4652"]:
            with self.subTest(typed=typed):
                Contact.objects.all().delete()
                response = self.add(typed)
                self.assertEqual(response.status_code, 302)
                contact = Contact.objects.get()
                self.assertEqual(str(contact.number.as_e164), "+823180304652")
                self.assertEqual(contact.label, "031-8030-4652")

    def test_extension_is_split_from_the_number(self):
        for typed in ["031-8030-4652 내선 123", "031-8030-4652 ext. 123"]:
            with self.subTest(typed=typed):
                Contact.objects.all().delete()
                self.assertEqual(self.add(typed).status_code, 302)
                contact = Contact.objects.get()
                self.assertEqual(contact.extension, "123")
                self.assertEqual(contact.label, "031-8030-4652 (내선 123)")
                self.assertEqual(contact.tel_uri, "tel:+82-31-8030-4652;ext=123")

    def test_invalid_number_is_refused_in_korean(self):
        response = self.add("12345")
        self.assertContains(response, "올바른 전화번호가 아닙니다")
        self.assertFalse(Contact.objects.exists())

    def test_extension_must_be_digits(self):
        response = self.add("031-8030-4652", extension="12a")
        self.assertContains(response, "숫자만 입력하세요")
        self.assertFalse(Contact.objects.exists())

    def test_number_is_shown_in_national_format_on_the_changelist(self):
        self.add("+82 31 8030 4652", extension="7")
        response = self.client.get(reverse("admin:directory_contact_changelist"))
        self.assertContains(response, "031-8030-4652 (내선 7)")


class SafeDeleteTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.service = make_service(name="결혼이민자 지원")
        cls.division = cls.service.division
        cls.contact = Contact.objects.get()

    def assertRefused(self, obj):
        url = reverse(f"admin:directory_{obj._meta.model_name}_delete", args=[obj.pk])
        for response in [
            self.client.get(url),
            self.client.post(url, {"post": "yes"}),
        ]:
            self.assertContains(
                response, "다른 항목이 사용하고 있어 삭제할 수 없습니다"
            )
            self.assertContains(response, "결혼이민자 지원")
        self.assertTrue(type(obj).objects.filter(pk=obj.pk).exists())

    def test_division_with_services_is_not_deleted(self):
        self.assertRefused(self.division)

    def test_number_used_by_a_service_is_not_deleted(self):
        self.assertRefused(self.contact)

    def test_bulk_delete_of_a_used_number_is_refused(self):
        response = self.client.post(
            reverse("admin:directory_contact_changelist"),
            {"action": "delete_selected", "_selected_action": [self.contact.pk]},
        )
        self.assertContains(response, "다른 항목이 사용하고 있어 삭제할 수 없습니다")
        self.assertTrue(Contact.objects.filter(pk=self.contact.pk).exists())

    def test_unused_number_is_deleted(self):
        unused = make_contact("031-8030-4999")
        response = self.client.post(
            reverse("admin:directory_contact_delete", args=[unused.pk]),
            {"post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Contact.objects.filter(pk=unused.pk).exists())


class AdminIndexTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.service = make_service(name="결혼이민자 지원")
        make_service(
            area=cls.service.area,
            division=cls.service.division,
            name="통역 지원",
            position=2,
            phones=[],
        )
        make_contact("031-8030-4999")

    def test_index_lists_what_needs_attention_with_links(self):
        response = self.client.get(reverse("admin:index"))
        changelist = reverse("admin:directory_service_changelist")
        self.assertContains(
            response,
            f'<a href="{changelist}?verification=due">'
            "180일 이상 확인하지 않은 서비스 2건</a>",
            html=True,
        )
        self.assertContains(response, "180일 이상 확인하지 않은 전화번호 2건")
        self.assertContains(response, "어느 서비스도 쓰지 않는 전화번호 1건")
        self.assertContains(response, "전화번호가 없는 서비스 1건")

    def test_links_lead_to_the_rows(self):
        response = self.client.get(
            reverse("admin:directory_contact_changelist"), {"usage": "unused"}
        )
        self.assertContains(response, "031-8030-4999")
        self.assertNotContains(response, "031-8030-4652")
        response = self.client.get(
            reverse("admin:directory_service_changelist"), {"phones": "none"}
        )
        self.assertContains(response, "통역 지원")
        self.assertNotContains(response, "결혼이민자 지원")

    def test_nothing_is_listed_once_everything_is_in_order(self):
        Service.objects.filter(name="통역 지원").delete()
        Contact.objects.filter(number="031-8030-4999").delete()
        Service.objects.mark_verified()
        Contact.objects.mark_verified()
        response = self.client.get(reverse("admin:index"))
        self.assertNotContains(response, "건</a>")
