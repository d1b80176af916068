import csv
import io
import json

from django.conf import settings
from django.test import TestCase
from openpyxl import load_workbook

from directory.models import Service

from .test_api import ApiTestData


class DownloadTests(ApiTestData, TestCase):
    def test_csv_has_a_bom_and_every_service(self):
        response = self.client.get("/data/services.csv")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
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
        workbook = load_workbook(io.BytesIO(response.content))
        services, about = workbook.worksheets
        rows = list(services.iter_rows(values_only=True))
        names = {row[0]: row[3] for row in rows[1:]}
        self.assertEqual(names, dict(Service.objects.values_list("pk", "name")))
        about_rows = dict(about.iter_rows(values_only=True))
        self.assertIn(str(settings.DATA_LICENCE), about_rows.values())
        self.assertEqual(len(about_rows), 3)

    def test_json_holds_every_table_with_the_licence(self):
        data = json.loads(self.client.get("/data/directory.json").content)
        self.assertEqual(data["licence"], str(settings.DATA_LICENCE))
        self.assertIsNotNone(data["last_changed"])
        self.assertEqual(
            {s["id"]: s["name"] for s in data["services"]},
            dict(Service.objects.values_list("pk", "name")),
        )
        self.assertEqual(len(data["contacts"]), 4)
        self.assertEqual(data["divisions"][0]["name"], self.division.name)

    def test_home_page_links_the_downloads(self):
        response = self.client.get("/")
        for path in ["services.csv", "services.xlsx", "directory.json"]:
            self.assertContains(response, f'href="/data/{path}"')
