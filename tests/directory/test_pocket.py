"""The directory in the pocket: manifest, service worker, offline page,
"My numbers", share and keep buttons, QR code, the teams' order."""

import json
import re
import tempfile
from unittest import mock

from django.templatetags.static import static
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation

from directory.models import Division, HelpLine, Service
from directory.pocket import essential_pages, worker_source
from tests.base import SeededTestCase


class ManifestTests(SeededTestCase):
    def manifest(self, language):
        with translation.override(language):
            url = reverse("directory:manifest")
        response = self.client.get(url)
        self.assertEqual(response["Content-Type"], "application/manifest+json")
        return json.loads(response.content)

    def test_korean_manifest_names_the_site_and_starts_at_the_korean_home(self):
        manifest = self.manifest("ko")
        self.assertEqual(manifest["name"], "경기도 행정서비스 안내")
        self.assertEqual(manifest["lang"], "ko")
        self.assertEqual(manifest["start_url"], "/")
        self.assertEqual(manifest["display"], "standalone")
        self.assertEqual(manifest["theme_color"], "#0b50d0")

    def test_vietnamese_manifest_is_in_vietnamese_and_starts_in_vietnamese(self):
        manifest = self.manifest("vi")
        self.assertEqual(manifest["lang"], "vi")
        self.assertEqual(manifest["start_url"], "/vi/")
        self.assertEqual(manifest["scope"], "/")
        with translation.override("vi"):
            self.assertEqual(
                manifest["name"],
                translation.gettext("Gyeonggi public service directory"),
            )
        self.assertNotEqual(manifest["short_name"], "Gyeonggi numbers")

    def test_icons_of_192_and_512_and_a_maskable_one_exist(self):
        icons = self.manifest("ko")["icons"]
        self.assertEqual(
            [(icon["sizes"], icon.get("purpose", "any")) for icon in icons],
            [("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")],
        )
        for icon in icons:
            path = icon["src"].removeprefix(static(""))
            with open(f"static/{path}", "rb") as file:
                header = file.read(24)
            self.assertEqual(header[:8], b"\x89PNG\r\n\x1a\n")
            width = int.from_bytes(header[16:20], "big")
            self.assertEqual(f"{width}x{width}", icon["sizes"])

    def test_every_page_links_the_manifest_of_its_language(self):
        response = self.client.get("/vi/helplines/")
        self.assertContains(
            response, '<link rel="manifest" href="/vi/manifest.webmanifest">'
        )
        response = self.client.get("/helplines/")
        self.assertContains(
            response, '<link rel="manifest" href="/manifest.webmanifest">'
        )


class ServiceWorkerTests(SimpleTestCase):
    def test_served_from_the_root_as_javascript_never_stored(self):
        response = self.client.get("/sw.js", HTTP_ACCEPT_LANGUAGE="vi")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/javascript; charset=utf-8")
        self.assertEqual(response["Cache-Control"], "no-cache")
        self.assertIn(b'self.addEventListener("fetch"', response.content)

    def test_names_each_languages_essential_pages_and_this_releases_files(self):
        head = worker_source().split("\n", 1)[0]
        config = json.loads(head.removeprefix("self.POCKET = ").removesuffix(";"))
        self.assertEqual(
            config["pages"]["vi"],
            {
                "home": "/vi/",
                "helpline-list": "/vi/helplines/",
                "offline": "/vi/offline/",
                "my-numbers": "/vi/my-numbers/",
            },
        )
        self.assertEqual(config["pages"]["ko"]["offline"], "/offline/")
        self.assertEqual(len(config["pages"]), 13)
        self.assertIn(static("css/site.css"), config["static"])
        self.assertEqual(config["staticPrefix"], "/static/")

    def test_the_version_changes_with_the_code_and_only_then(self):
        def version():
            worker_source.cache_clear()
            return re.search(r'version = "(\w+)"', worker_source()).group(1)

        first = version()
        self.assertEqual(len(first), 12)
        self.assertEqual(version(), first)
        with tempfile.NamedTemporaryFile("w", suffix=".js") as changed:
            changed.write("// The next release.\n")
            changed.flush()
            with mock.patch("directory.pocket.finders.find", return_value=changed.name):
                self.assertNotEqual(version(), first)
        self.assertEqual(version(), first)

    def test_each_language_has_its_own_offline_page(self):
        offline = {pages["offline"] for pages in essential_pages().values()}
        self.assertEqual(len(offline), 13)


class OfflinePageTests(SeededTestCase):
    def test_vietnamese_offline_page_lists_help_lines_that_answer_in_vietnamese(self):
        response = self.client.get("/vi/offline/")
        lines = HelpLine.objects.in_language("vi")
        self.assertTrue(lines)
        for line in lines:
            self.assertContains(response, f'href="{line.tel_uri}"')
        others = [line for line in HelpLine.objects.all() if line not in lines]
        for line in others:
            self.assertNotContains(response, f'href="{line.tel_uri}"')
        with translation.override("vi"):
            self.assertContains(response, translation.gettext("No network"))
        self.assertContains(response, "data-pocket-list")
        self.assertContains(response, '<meta name="robots" content="noindex">')

    def test_my_numbers_is_the_same_page_for_everyone(self):
        response = self.client.get("/my-numbers/")
        self.assertContains(response, "<h1>내 전화번호</h1>", html=True)
        # Nothing of a reader is rendered by the server: the list is empty.
        self.assertContains(response, '<ul class="kept-list" hidden></ul>', html=True)
        self.assertIn("max-age=0", response["Cache-Control"])


class ShareAndKeepTests(SeededTestCase):
    def test_service_page_has_keep_and_share_buttons_and_a_qr_code_of_itself(self):
        service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
        response = self.client.get("/vi" + service.get_absolute_url())
        content = response.content.decode()
        self.assertIn(f'data-keep-id="service-{service.pk}"', content)
        self.assertIn('data-team="', content)
        self.assertIn("data-share", content)
        qr = re.search(r'<section class="page-qr".*?</section>', content, re.S)
        self.assertIsNotNone(qr)
        self.assertIn("<svg", qr.group())
        self.assertIn(f"http://testserver/vi/services/{service.pk}/", qr.group())

    def test_team_and_help_line_pages_have_a_share_button(self):
        division = Division.objects.get(name="이민체류지원 담당")
        for url in (division.get_absolute_url(), reverse("directory:helpline-list")):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), 'class="share-button"')

    def test_home_links_to_help_lines_before_the_search_form(self):
        content = self.client.get("/vi/").content.decode()
        link = content.index('<p class="quick-links"><a href="/vi/helplines/">')
        self.assertLess(link, content.index('class="search-form'))
        self.assertIn('href="/vi/my-numbers/"', content[link:])


class TeamOrderTests(SeededTestCase):
    def test_teams_list_is_in_the_order_of_their_korean_names(self):
        response = self.client.get(reverse("directory:division-list"))
        shown = [division.name for division in response.context["division_list"]]
        self.assertEqual(shown, sorted(Division.objects.values_list("name", flat=True)))
        self.assertNotEqual(
            shown, [d.name for d in Division.objects.all()][: len(shown)]
        )
        self.assertContains(response, "가나다순")
