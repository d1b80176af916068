import json
import re
from contextlib import ExitStack
from unittest.mock import patch

import vobject
from django.urls import reverse

from directory.models import Division, Service
from standards.models import PolicyArea
from tests.base import SeededTestCase


class TwoServiceDivisionMixin:
    """``division`` is a team of two services (the seed's own has seven)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.division = Division.objects.get(name="이민체류지원 담당")


class VCardTests(TwoServiceDivisionMixin, SeededTestCase):
    def test_service_vcard_carries_korean_name_phones_and_fax(self):
        response = self.client.get(
            reverse("directory:service-vcard", args=[self.service.pk])
        )
        self.assertEqual(response["Content-Type"], "text/vcard; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        card = vobject.readOne(response.content.decode())
        self.assertEqual(card.fn.value, "다문화가족 등 이주 배경 자녀 지원")
        self.assertEqual(card.org.value, ["경기도", "다문화가족지원 담당"])
        numbers = [(t.value, t.type_paramlist) for t in card.tel_list]
        self.assertEqual(
            numbers,
            [
                ("+82 31-8030-4776", ["WORK", "VOICE"]),
                ("+82 31-8030-4778", ["WORK", "VOICE"]),
                ("+82 31-8030-4659", ["WORK", "FAX"]),
            ],
        )
        self.assertTrue(card.url.value.endswith(self.service.get_absolute_url()))

    def test_division_vcard_lists_the_divisions_numbers(self):
        response = self.client.get(
            reverse("directory:division-vcard", args=[self.division.pk])
        )
        card = vobject.readOne(response.content.decode())
        self.assertEqual(card.fn.value, "이민체류지원 담당")
        self.assertEqual(
            [t.value for t in card.tel_list],
            ["+82 31-8030-4692", "+82 31-8030-4693", "+82 31-8030-4659"],
        )

    def test_pages_link_to_their_vcard(self):
        response = self.client.get(self.service.get_absolute_url())
        self.assertContains(
            response, reverse("directory:service-vcard", args=[self.service.pk])
        )

    def test_missing_vcard_is_404(self):
        response = self.client.get(reverse("directory:service-vcard", args=[99999]))
        self.assertEqual(response.status_code, 404)


class StructuredDataTests(SeededTestCase):
    def test_service_page_has_government_service_json_ld(self):
        html = self.client.get(self.service.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
        data = json.loads(block.group(1))
        self.assertEqual(data["@type"], "GovernmentService")
        self.assertEqual(data["name"], "다문화가족 등 이주 배경 자녀 지원")
        self.assertEqual(
            data["provider"]["telephone"], ["+82 31-8030-4776", "+82 31-8030-4778"]
        )
        self.assertEqual(data["provider"]["faxNumber"], "+82 31-8030-4659")

    def test_json_ld_cannot_be_broken_out_of(self):
        Service.objects.filter(pk=self.service.pk).update(name="</script><b>x")
        html = self.client.get(self.service.get_absolute_url()).content.decode()
        self.assertNotIn("</script><b>", html)
        self.assertIn("\\u003C/script\\u003E", html)

    def test_open_graph_and_canonical(self):
        response = self.client.get(self.service.get_absolute_url())
        url = f"http://testserver{self.service.get_absolute_url()}"
        self.assertContains(response, f'<link rel="canonical" href="{url}">')
        self.assertContains(
            response,
            '<meta property="og:title" content="다문화가족 등 이주 배경 자녀 지원">',
        )


def sitemap_files(client):
    """Each file the sitemap index names, and its text."""
    index = client.get("/sitemap.xml").content.decode()
    files = re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", index)
    return {
        path: client.get(path.replace("&amp;", "&")).content.decode() for path in files
    }


class CrawlerTests(SeededTestCase):
    def test_sitemap_lists_every_public_page(self):
        xml = "".join(sitemap_files(self.client).values())
        for service in Service.objects.all():
            self.assertIn(f"http://testserver{service.get_absolute_url()}", xml)
        for division in Division.objects.all():
            self.assertIn(f"http://testserver{division.get_absolute_url()}", xml)
        self.assertIn("<loc>http://testserver/</loc>", xml)

    def test_each_sitemap_file_lists_a_bounded_page_of_addresses(self):
        from directory import sitemaps

        with ExitStack() as limits:
            for sitemap in sitemaps.SITEMAPS.values():
                limits.enter_context(patch.object(sitemap, "limit", 10))
            files = sitemap_files(self.client)
        urls = [
            url
            for xml in files.values()
            for url in re.findall(r"<url><loc>([^<]+)</loc>", xml.replace("\n", ""))
        ]
        self.assertTrue(all(xml.count("<url>") <= 10 for xml in files.values()))
        # 19 services in 13 languages: two pages of services, every address once.
        services = [path for path in files if path.startswith("/sitemap-services.xml")]
        self.assertEqual(len(services), -(-19 * 13 // 10))
        self.assertEqual(len(urls), len(set(urls)))
        for service in Service.objects.all():
            for prefix in ["", "/en", "/th"]:
                url = f"http://testserver{prefix}{service.get_absolute_url()}"
                self.assertIn(url, urls)

    def test_robots_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn(
            "Sitemap: http://testserver/sitemap.xml", response.content.decode()
        )


class ContactSheetTests(TwoServiceDivisionMixin, SeededTestCase):
    def test_division_sheet_has_each_service_with_number_and_qr_code(self):
        response = self.client.get(
            reverse("directory:division-sheet", args=[self.division.pk])
        )
        html = response.content.decode()
        self.assertEqual(html.count('class="sheet-row"'), 2)
        self.assertIn("이주민·고려인동포 정착지원", html)
        self.assertIn("031-8030-4692", html)
        self.assertEqual(html.count("<svg"), 2)
        self.assertIn("http://testserver/services/", html)

    def test_area_sheet_covers_the_area_services(self):
        area = PolicyArea.objects.get(number=1)
        response = self.client.get(reverse("directory:area-sheet", args=[area.pk]))
        html = response.content.decode()
        self.assertEqual(html.count('class="sheet-row"'), 8)
        self.assertEqual(html.count("<svg"), 8)
        self.assertIn("인쇄용 연락처 안내문", html)
