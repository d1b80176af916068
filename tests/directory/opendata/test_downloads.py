import csv
import io
import json

from django.conf import settings
from django.test import TestCase
from openpyxl import load_workbook

from directory.models import Division, Service
from directory.spreadsheets import neutralised, restored

from .test_api import ApiTestData


class DownloadTests(ApiTestData, TestCase):
    def test_csv_has_a_bom_and_every_service(self):
        response = self.client.get("/data/services.csv")
        self.assertEqual(response.status_code, 200)
        body = response.getvalue()
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        self.assertEqual(rows[0][0], "id")
        self.assertIn("서비스명", rows[0])
        by_id = {int(row[0]): row for row in rows[1:]}
        self.assertEqual(set(by_id), set(Service.objects.values_list("pk", flat=True)))
        row = by_id[self.service.pk]
        self.assertEqual(row[3], self.service.name)
        self.assertEqual(row[4], self.division.name)
        self.assertEqual(row[5], "031-8030-4652; 031-8030-4653")
        self.assertEqual(row[6], "031-8030-4659")
        self.assertIn('rel="license"', response["Link"])
        self.assertIn("Last-Modified", response)

    def test_xlsx_has_every_service_and_the_licence(self):
        response = self.client.get("/data/services.xlsx")
        workbook = load_workbook(io.BytesIO(response.getvalue()))
        services, about = workbook.worksheets
        rows = list(services.iter_rows(values_only=True))
        names = {row[0]: row[3] for row in rows[1:]}
        self.assertEqual(names, dict(Service.objects.values_list("pk", "name")))
        about_rows = dict(about.iter_rows(values_only=True))
        self.assertIn(str(settings.DATA_LICENCE), about_rows.values())
        self.assertEqual(len(about_rows), 3)

    def test_json_holds_every_table_with_the_licence(self):
        data = json.loads(self.client.get("/data/directory.json").getvalue())
        self.assertEqual(data["licence"], str(settings.DATA_LICENCE))
        self.assertIsNotNone(data["last_changed"])
        self.assertEqual(
            {s["id"]: s["name"] for s in data["services"]},
            dict(Service.objects.values_list("pk", "name")),
        )
        self.assertEqual(len(data["contacts"]), 4)
        self.assertEqual(data["divisions"][0]["name"], self.division.name)

    def test_open_data_page_links_the_downloads_and_the_home_page_does_not(self):
        open_data = self.client.get("/api/")
        home = self.client.get("/")
        for path in ["services.csv", "services.xlsx", "directory.json"]:
            self.assertContains(open_data, f'href="/data/{path}"')
            self.assertNotContains(home, f'href="/data/{path}"')


FORMULA = '=HYPERLINK("http://evil.example/","클릭")'


class FormulaTests(ApiTestData, TestCase):
    """A team renamed to a formula stays text in every spreadsheet."""

    def setUp(self):
        Division.objects.filter(pk=Division.objects.first().pk).update(
            name_ko=FORMULA, name=FORMULA
        )

    def test_csv_cell_is_neutralised(self):
        body = self.client.get("/data/services.csv").getvalue().decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
        self.assertIn("'" + FORMULA, cells)
        self.assertFalse([cell for cell in cells if cell.startswith("=")])

    def test_xlsx_cell_is_a_string_not_a_formula(self):
        content = self.client.get("/data/services.xlsx").getvalue()
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        teams = [cell for cell in cells if "HYPERLINK" in str(cell.value)]
        self.assertTrue(teams)
        for cell in teams:
            self.assertEqual(cell.data_type, "s")
            self.assertEqual(cell.value, "'" + FORMULA)

    def test_other_signs_and_numbers(self):
        for text in ["+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]:
            self.assertEqual(neutralised(text), "'" + text)
            self.assertEqual(restored(neutralised(text)), text)
        self.assertEqual(neutralised(-1), -1)
        self.assertEqual(neutralised("031-8030-4652"), "031-8030-4652")
        self.assertEqual(restored("'tis"), "'tis")
