from django.urls import reverse

from directory.models import Contact, DeclaredHoliday
from tests.base import AdminTestCase


class NumberHoursAndLanguagesTests(AdminTestCase):
    """Staff give a number's languages and hours with widgets, not free text."""

    def add(self, **fields):
        data = {"number": "031-8030-4652", "kind": "phone", **fields}
        return self.client.post(reverse("admin:directory_contact_add"), data)

    def test_ticked_languages_and_typed_codes_are_stored_as_codes(self):
        response = self.add(languages_0=["ko", "vi"], languages_1="si, TET")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Contact.objects.get().languages, ["ko", "vi", "si", "tet"])

    def test_an_unknown_language_code_is_refused_and_nothing_is_saved(self):
        response = self.add(languages_1="xx-nonsense")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "xx-nonsense은(는) 알 수 없는 언어 코드입니다.")
        self.assertFalse(Contact.objects.exists())

    def test_a_schedule_with_a_lunch_break_and_an_evening_period(self):
        response = self.add(
            hours_0=["mon", "tue", "wed", "thu", "fri"],
            hours_1="09:00",
            hours_2="18:00",
            hours_3="12:00",
            hours_4="13:00",
            hours_5=["sat"],
            hours_6="22:00",
            hours_7="02:00",
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            Contact.objects.get().hours,
            {
                "periods": [
                    {
                        "days": ["mon", "tue", "wed", "thu", "fri"],
                        "opens": "09:00",
                        "closes": "18:00",
                        "lunch": ["12:00", "13:00"],
                    },
                    {"days": ["sat"], "opens": "22:00", "closes": "02:00"},
                ],
                "open_on_holidays": False,
            },
        )
        page = self.client.get(
            reverse("admin:directory_contact_change", args=[Contact.objects.get().pk])
        )
        self.assertContains(page, 'value="12:00"')
        self.assertContains(page, 'aria-label="기간 1: 점심시간 시작"')

    def test_a_malformed_time_is_refused(self):
        response = self.add(hours_0=["mon"], hours_1="9시", hours_2="18:00")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "HH:MM")
        self.assertFalse(Contact.objects.exists())


class DeclaredHolidayAdminTests(AdminTestCase):
    def test_staff_declare_a_temporary_holiday(self):
        response = self.client.post(
            reverse("admin:directory_declaredholiday_add"),
            {"date": "2026-12-07", "name": "임시공휴일", "source": "관보 제0000호"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(str(DeclaredHoliday.objects.get()), "2026-12-07 임시공휴일")
        listing = self.client.get(reverse("admin:directory_declaredholiday_changelist"))
        self.assertContains(listing, "관보 제0000호")
