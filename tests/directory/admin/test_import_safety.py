import datetime
import io
import zipfile

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from directory.admin.limits import MAX_ROWS
from directory.admin.roles import CONTACT_KEEPER
from directory.models import Contact, Service
from tests.admin_forms import admin_url, form_data, make_staff
from tests.base import SeededAdminTestCase

from .test_resources import FIELDS, SpreadsheetClient

IMPORT_URL = "admin:directory_service_import"


class ImportSafetyTests(SpreadsheetClient, SeededAdminTestCase):
    seed_command = True

    def upload_file(self, name, content, file_format):
        upload = SimpleUploadedFile(name, content)
        return self.client.post(
            reverse(IMPORT_URL),
            {"import_file": upload, "format": file_format, "resource": "0"},
        )

    def phones(self):
        self.service.refresh_from_db()
        return [contact.national for contact in self.service.phones_in_order]

    def test_unmodified_xlsx_export_changes_nothing(self):
        Service.objects.update(last_verified=datetime.date(2026, 3, 2))
        data = {"format": "0", "resource": "0"}
        data.update({f"serviceresource_{name}": "on" for name in [*FIELDS, "version"]})
        export = self.client.post(reverse("admin:directory_service_export"), data)
        preview = self.upload_file("services.xlsx", export.content, "0")
        totals = preview.context["result"].totals
        self.assertEqual((totals["update"], totals["skip"]), (0, 19))

    def test_second_import_from_the_same_export_does_not_undo_the_first(self):
        exported = self.exported_rows()
        first = self.edited(**{"전화번호": "031-8030-4999"})
        self.confirm(self.upload(first))
        self.assertEqual(self.phones(), ["031-8030-4999"])
        second = tablib.Dataset().load(exported.csv, format="csv")
        index = [str(v) for v in second["ID"]].index(str(self.service.pk))
        row = list(second[index])
        row[second.headers.index("최종 확인일")] = "2026-01-02"
        second[index] = row
        preview = self.upload(second)
        self.assertContains(preview, "서비스를 바꾸었습니다")
        self.assertContains(preview, "031-8030-4999")
        self.assertNotIn("confirm_form", preview.context)
        self.assertEqual(self.phones(), ["031-8030-4999"])
        self.service.refresh_from_db()
        self.assertIsNone(self.service.last_verified)

    def test_confirming_after_the_row_was_edited_is_refused(self):
        preview = self.upload(self.edited(**{"전화번호": "031-8030-4999"}))
        url = admin_url(self.service)
        self.client.post(
            url, form_data(self.client.get(url), last_verified="2026-01-05")
        )
        response = self.confirm(preview)
        self.assertContains(response, "서비스를 바꾸었습니다")
        self.assertEqual(self.phones(), ["031-8030-4776", "031-8030-4778"])
        self.service.refresh_from_db()
        self.assertEqual(self.service.last_verified, datetime.date(2026, 1, 5))

    def test_preview_shows_each_changed_cell_before_and_after(self):
        preview = self.upload(self.edited(**{"전화번호": "031-8030-4999"}))
        self.assertContains(
            preview,
            "<del>031-8030-4776, 031-8030-4778</del> → "
            '<ins class="changed">031-8030-4999</ins>',
            html=False,
        )

    def test_future_date_is_refused_under_its_korean_column(self):
        preview = self.upload(self.edited(**{"최종 확인일": "2099-01-01"}))
        self.assertContains(preview, "<strong>최종 확인일</strong>")
        self.assertContains(preview, "2099-01-01")
        self.assertNotContains(preview, "last_verified")
        self.service.refresh_from_db()
        self.assertIsNone(self.service.last_verified)

    def test_id_that_is_no_number_is_explained_in_korean(self):
        preview = self.upload(self.edited(ID="abc"))
        self.assertContains(preview, "서비스 ID가 아닙니다")
        self.assertNotContains(preview, "decimal")
        self.assertNotContains(preview, "Conversion")

    def test_zip_bomb_is_refused_before_it_is_unpacked(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
        self.assertLess(len(buffer.getvalue()), 1024 * 1024)
        response = self.upload_file("bomb.xlsx", buffer.getvalue(), "0")
        self.assertContains(response, "압축을 풀면")
        self.assertNotIn("result", response.context)

    def test_large_file_and_too_many_rows_are_refused(self):
        big = b"ID\n" + b"1," + b"x" * (3 * 1024 * 1024) + b"\n"
        self.assertContains(self.upload_file("big.csv", big, "1"), "MB보다 큽니다")
        dataset = self.exported_rows()
        row = list(dataset[0])
        for _ in range(MAX_ROWS):
            dataset.append(row)
        response = self.upload_file("rows.csv", dataset.csv.encode(), "1")
        self.assertContains(response, f"{MAX_ROWS}행이 넘습니다")
        long_cell = self.edited(**{"서비스명": "가" * 5000})
        response = self.upload_file("long.csv", long_cell.csv.encode(), "1")
        self.assertContains(response, "자가 넘는 칸이 있습니다")

    def test_future_date_is_refused_in_the_change_form(self):
        url = admin_url(self.service)
        response = self.client.post(
            url, form_data(self.client.get(url), last_verified="2099-01-01")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "미래의 날짜입니다")
        contact = self.service.phones_in_order[0]
        url = admin_url(contact)
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        response = self.client.post(
            url, form_data(self.client.get(url), last_verified=str(tomorrow))
        )
        self.assertEqual(response.status_code, 200)
        contact.refresh_from_db()
        self.assertIsNone(contact.last_verified)

    def test_keeper_cannot_delete_numbers_through_the_import(self):
        self.client.force_login(make_staff("keeper", CONTACT_KEEPER))
        preview = self.upload(self.edited(**{"전화번호": "031-8030-4999"}))
        self.assertNotContains(preview, 'name="remove_numbers"')
        form = preview.context["confirm_form"]
        data = {n: form[n].value() for n in form.fields if form[n].value() is not None}
        unused = Contact.objects.get(number="+82318030" + "4776")
        data["remove_numbers"] = [str(unused.pk)]
        self.client.post(reverse("admin:directory_service_process_import"), data)
        self.assertEqual(self.phones(), ["031-8030-4999"])
        self.assertTrue(Contact.objects.filter(pk=unused.pk).exists())
