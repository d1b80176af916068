from io import BytesIO

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.admin.resources import ServiceResource
from directory.admin.services import ServiceAdmin
from directory.models import Contact, Service
from tests.base import SeededAdminTestCase


def row_of(dataset, service):
    return [str(value) for value in dataset["ID"]].index(str(service.pk))


FIELDS = ["id", "area", "name", "division", "phones", "fax", "last_verified"]


class SpreadsheetClient:
    """Export, upload and confirm through the admin's own screens."""

    def export(self, file_format):
        data = {"format": file_format, "resource": "0"}
        data.update({f"serviceresource_{name}": "on" for name in FIELDS})
        return self.client.post(reverse("admin:directory_service_export"), data)

    def exported_rows(self):
        return ServiceResource().export()

    def upload(self, dataset):
        csv = SimpleUploadedFile("services.csv", dataset.csv.encode("utf-8"))
        return self.client.post(
            reverse("admin:directory_service_import"),
            {"import_file": csv, "format": "1", "resource": "0"},
        )

    def confirm(self, preview):
        form = preview.context["confirm_form"]
        return self.client.post(
            reverse("admin:directory_service_process_import"),
            {
                name: form[name].value()
                for name in form.fields
                if form[name].value() is not None
            },
        )

    def edited(self, **changes):
        dataset = self.exported_rows()
        row_index = row_of(dataset, self.service)
        row = list(dataset[row_index])
        for header, value in changes.items():
            row[dataset.headers.index(header)] = value
        dataset[row_index] = row
        return dataset


class SpreadsheetTests(SpreadsheetClient, SeededAdminTestCase):
    def test_export_xlsx_has_korean_headers_division_and_numbers(self):
        response = self.export("0")
        self.assertEqual(response.status_code, 200)
        dataset = tablib.Dataset().load(BytesIO(response.content), format="xlsx")
        self.assertEqual(
            dataset.headers,
            ["ID", "정책분야", "서비스명", "담당", "전화번호", "팩스", "최종 확인일"],
        )
        row = dataset[row_of(dataset, self.service)]
        self.assertEqual(row[3], "다문화가족지원 담당")
        self.assertEqual(row[4], "031-8030-4776, 031-8030-4778")
        self.assertEqual(row[5], "031-8030-4659")

    def test_export_page_labels_columns_in_korean(self):
        response = self.client.get(reverse("admin:directory_service_export"))
        self.assertContains(
            response, '<label for="id_serviceresource_phones">전화번호</label>'
        )

    def test_export_csv(self):
        response = self.export("1")
        self.assertContains(response, "031-8030-4776, 031-8030-4778")

    def test_import_previews_then_writes_the_changes(self):
        dataset = self.edited(
            **{"담당": "이민사회정책 담당", "전화번호": "031-8030-4778, 031 8030 4999"}
        )
        preview = self.upload(dataset)
        totals = preview.context["result"].totals
        self.assertEqual((totals["update"], totals["skip"]), (1, 18))
        self.assertContains(preview, "변경")
        self.assertContains(preview, "<ins")
        self.service.refresh_from_db()
        self.assertEqual(self.service.division.name, "다문화가족지원 담당")

        response = self.confirm(preview)

        self.assertEqual(response.status_code, 302)
        self.service.refresh_from_db()
        self.assertEqual(self.service.division.name, "이민사회정책 담당")
        self.assertEqual(
            [contact.national for contact in self.service.phones_in_order],
            ["031-8030-4778", "031-8030-4999"],
        )
        self.assertEqual(self.service.history.first().history_user, self.admin)
        self.assertEqual(Contact.objects.get(number="031-8030-4999").kind, "phone")

    def test_invalid_rows_are_listed_in_korean_and_nothing_is_written(self):
        dataset = self.edited(**{"서비스명": "새 이름", "팩스": "1234"})
        other = Service.objects.exclude(pk=self.service.pk).first()
        row_index = row_of(dataset, other)
        row = list(dataset[row_index])
        row[dataset.headers.index("담당")] = "없는 담당"
        dataset[row_index] = row

        preview = self.upload(dataset)

        self.assertContains(preview, "“1234”은(는) 올바른 전화번호가 아닙니다.")
        self.assertContains(preview, "이 분야에 “없는 담당” 담당이 없습니다.")
        self.assertNotIn("confirm_form", preview.context)
        self.service.refresh_from_db()
        self.assertEqual(self.service.name, "다문화가족 등 이주 배경 자녀 지원")

    def test_one_invalid_row_stops_the_whole_import(self):
        dataset = self.edited(**{"서비스명": "새 이름"})
        other = Service.objects.exclude(pk=self.service.pk).first()
        row_index = row_of(dataset, other)
        row = list(dataset[row_index])
        row[dataset.headers.index("전화번호")] = "02-120"
        dataset[row_index] = row

        result = ServiceResource().import_data(dataset, dry_run=False)

        self.assertTrue(result.has_validation_errors())
        self.service.refresh_from_db()
        self.assertEqual(self.service.name, "다문화가족 등 이주 배경 자녀 지원")

    def test_names_are_left_alone_for_those_who_may_not_edit_the_standard(self):
        dataset = self.edited(**{"서비스명": "새 이름", "담당": "이민사회정책 담당"})
        ServiceResource(locked_fields=ServiceAdmin.standard_fields).import_data(
            dataset, dry_run=False
        )
        self.service.refresh_from_db()
        self.assertEqual(self.service.name, "다문화가족 등 이주 배경 자녀 지원")
        self.assertEqual(self.service.division.name, "이민사회정책 담당")

    def test_rows_without_an_existing_id_are_refused(self):
        dataset = self.edited(ID="")
        preview = self.upload(dataset)
        self.assertContains(preview, "기존 서비스 ID가 없는 행입니다")
        self.assertEqual(Service.objects.count(), 19)

    def test_unchanged_rows_are_skipped(self):
        result = ServiceResource().import_data(self.exported_rows(), dry_run=True)
        self.assertEqual(result.totals["skip"], 19)
