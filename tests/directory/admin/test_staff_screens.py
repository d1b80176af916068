import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models import Contact, Service
from tests.admin_forms import form_data, post_change
from tests.base import AdminTestCase, SeededAdminTestCase
from tests.directory.admin import test_resources as sheets


class StaffScreenTests(SeededAdminTestCase):
    def test_number_page_lists_every_service_using_it_and_warns(self):
        contact = self.service.phones_in_order[0]
        users = Service.objects.filter(service_phones__contact=contact)
        response = self.client.get(
            reverse("admin:directory_contact_change", args=[contact.pk])
        )
        self.assertContains(response, "모두에 적용됩니다")
        for service in users:
            self.assertContains(
                response, reverse("admin:directory_service_change", args=[service.pk])
            )

    def test_service_page_links_to_each_number_under_contacts(self):
        response = self.client.get(
            reverse("admin:directory_service_change", args=[self.service.pk])
        )
        for contact in self.service.phones_in_order:
            self.assertContains(
                response, reverse("admin:directory_contact_change", args=[contact.pk])
            )
        self.assertContains(response, f"에서 {self.service.phones_in_order[0]} 수정")

    def test_no_none_in_the_service_list(self):
        Service.objects.filter(pk=self.service.pk).update(last_verified=None)
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertNotContains(response, ">None<")
        self.assertContains(response, "css/admin.css")

    def test_admin_home_lists_the_directory_before_the_lockout_log(self):
        response = self.client.get(reverse("admin:index"))
        labels = [app["app_label"] for app in response.context["app_list"]]
        self.assertEqual(labels[0], "directory")
        self.assertGreater(labels.index("axes"), labels.index("auth"))


class AdminLoginTests(SeededAdminTestCase):
    def test_login_page_has_a_heading_one(self):
        self.client.logout()
        response = self.client.get(reverse("admin:login"))
        self.assertContains(response, '<h1 id="site-name">')


class RevertMessageTests(SeededAdminTestCase):
    seed_command = True

    def test_revert_says_the_record_was_reverted_and_to_which_version(self):
        contact = Contact.objects.get(number="031-8030-4652")
        post_change(self.client, contact, number="031-8030-4650")
        first = contact.history.last()
        url = reverse(
            "admin:directory_contact_simple_history",
            args=[contact.pk, first.history_id],
        )
        response = self.client.post(url, form_data(self.client.get(url)), follow=True)
        messages = [str(m) for m in response.context["messages"]]
        self.assertTrue(
            any(
                "버전으로 되돌렸습니다" in m and "031-8030-4652" in m for m in messages
            ),
            messages,
        )


class SpreadsheetScreenTests(SeededAdminTestCase):
    """The export and import screens speak the staff's language throughout."""

    upload = sheets.SpreadsheetTests.upload
    exported_rows = sheets.SpreadsheetTests.exported_rows
    edited = sheets.SpreadsheetTests.edited

    def test_export_page_is_korean_with_xlsx_chosen(self):
        response = self.client.get(reverse("admin:directory_service_export"))
        html = response.content.decode()
        for english in ("This exporter", "Select all", "Submit", ">---<"):
            self.assertNotIn(english, html)
        self.assertContains(response, "내려받을 파일에 넣을 열:")
        self.assertContains(
            response,
            'for="select-all-toggle">모든 열 선택</label>',
        )
        self.assertContains(response, 'id="select-all-toggle"')
        self.assertContains(response, '<option value="0" selected>xlsx</option>')
        self.assertContains(response, "<h1>엑셀로 내보내기</h1>")

    def test_export_without_columns_says_so_in_korean(self):
        response = self.client.post(
            reverse("admin:directory_service_export"), {"format": "0", "resource": "0"}
        )
        self.assertContains(response, "내보낼 열을 하나 이상 선택하십시오.")

    def test_import_page_is_korean_with_xlsx_chosen(self):
        response = self.client.get(reverse("admin:directory_service_import"))
        html = response.content.decode()
        for english in ("This importer", "Submit", ">---<", "File to import"):
            self.assertNotIn(english, html)
        self.assertContains(response, '<option value="0" selected>xlsx</option>')
        self.assertContains(response, "엑셀 또는 CSV 파일")
        changelist = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertContains(changelist, "엑셀에서 가져오기")
        self.assertContains(changelist, "엑셀로 내보내기")

    def test_errors_are_written_out_with_the_spreadsheets_row_number(self):
        dataset = self.edited(**{"팩스": "1234"})
        row_number = sheets.row_of(dataset, self.service) + 2  # heading is row 1

        preview = self.upload(dataset)

        html = preview.content.decode()
        self.assertNotIn("validation-error-container", html)
        cells = re.findall(
            r"<td>(\d+)</td>\s*<td class=\"import-error-text\">(.*?)</td>", html, re.S
        )
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0][0], str(row_number))
        self.assertIn("“1234”은(는) 올바른 전화번호가 아닙니다.", cells[0][1])
        self.assertNotIn(">None<", html)

    def test_success_message_is_korean(self):
        preview = self.upload(self.edited(**{"담당": "이민사회정책 담당"}))
        response = self.confirm(preview, follow=True)
        messages = [str(m) for m in response.context["messages"]]
        self.assertIn("가져오기를 마쳤습니다: 1건 변경, 18건 변동 없음.", messages)

    def confirm(self, preview, remove=(), **kwargs):
        form = preview.context["confirm_form"]
        data = {name: form[name].value() for name in form.fields}
        data["remove_numbers"] = [str(contact.pk) for contact in remove]
        return self.client.post(
            reverse("admin:directory_service_process_import"), data, **kwargs
        )

    def leaving_a_number_unused(self):
        """An upload that gives the service a new number, and the old ones
        that nothing else uses."""
        old = [
            contact
            for contact in self.service.phones_in_order
            if contact.service_phones.count() == 1 and not contact.fax_services.exists()
        ]
        self.assertTrue(old, "the seed must have a number only this service uses")
        preview = self.upload(self.edited(**{"전화번호": "031-8030-4999"}))
        return preview, old

    def test_preview_lists_numbers_left_unused_unticked(self):
        preview, old = self.leaving_a_number_unused()

        self.assertContains(preview, "이 가져오기 후 쓰이지 않는 번호")
        field = preview.context["confirm_form"]["remove_numbers"]
        self.assertEqual(list(field.field.queryset), old)
        for contact in old:
            self.assertContains(preview, f'value="{contact.pk}"')
        self.assertNotContains(preview, "checked")

    def test_unticked_numbers_stay(self):
        preview, old = self.leaving_a_number_unused()
        self.confirm(preview)
        self.assertEqual(
            set(Contact.objects.filter(pk__in=[c.pk for c in old])), set(old)
        )
        self.service.refresh_from_db()
        self.assertEqual(
            [c.national for c in self.service.phones_in_order], ["031-8030-4999"]
        )

    def test_ticked_numbers_are_removed_and_recorded(self):
        preview, old = self.leaving_a_number_unused()
        used = (
            Contact.objects.exclude(pk__in=Contact.objects.unused())
            .exclude(pk__in=[c.pk for c in old])
            .first()
        )

        response = self.confirm(preview, remove=[*old, used], follow=True)

        self.assertFalse(Contact.objects.filter(pk__in=[c.pk for c in old]).exists())
        self.assertTrue(Contact.objects.filter(pk=used.pk).exists())
        for contact in old:
            record = Contact.history.filter(id=contact.pk).latest("history_date")
            self.assertEqual(record.history_type, "-")
            self.assertEqual(record.history_user, self.admin)
            self.assertEqual(record.history_change_reason, "엑셀 가져오기 후 미사용")
        messages = [str(m) for m in response.context["messages"]]
        self.assertIn(
            f"아무 서비스도 쓰지 않는 번호 {len(old)}개를 삭제했습니다.", messages
        )


class HistoryPagesTests(SeededAdminTestCase):
    def test_history_pages_show_no_none(self):
        # A date cleared, and changes with no reason given.
        post_change(self.client, self.service, last_verified="2026-01-05")
        post_change(self.client, self.service, last_verified="")
        contact = self.service.phones_in_order[0]
        post_change(self.client, contact, hours="평일 9시~18시")
        for url in (
            reverse("admin:directory_service_history", args=[self.service.pk]),
            reverse("admin:directory_contact_history", args=[contact.pk]),
        ):
            response = self.client.get(url)
            self.assertContains(response, "change-history")
            self.assertNotContains(response, "None")


class ImportFileErrorTests(AdminTestCase):
    """Even the package's rarer errors reach staff in Korean."""

    def post(self, content, fmt):
        upload = SimpleUploadedFile("services.csv", content)
        return self.client.post(
            reverse("admin:directory_service_import"),
            {"import_file": upload, "format": fmt, "resource": "0"},
        )

    def test_file_without_rows_is_refused_in_korean(self):
        response = self.post("서비스 ID,서비스명\n".encode(), "1")
        self.assertContains(response, "가져올 자료가 없습니다.")
        self.assertNotContains(response, "No valid data")

    def test_file_that_is_not_the_chosen_format_is_refused_in_korean(self):
        response = self.post(b"\x00\x01 not a spreadsheet", "0")
        self.assertContains(response, "파일을 읽을 수 없습니다.")
        self.assertNotContains(response, "encountered while trying to read file")
