"""The pages that tell consumers about the HSDS API."""

from django.test import TestCase


class HsdsPagesTests(TestCase):
    def test_api_page_shows_what_we_conform_to_and_the_first_requests(self):
        page = self.client.get("/api/").content.decode()
        self.assertIn("HSDS 3.0 API", page)
        self.assertIn("이용자의 첫 세 요청:", page)
        for request in [
            "<code>GET /api/hsds/</code>",
            "<code>GET /api/hsds/services?per_page=100&amp;page=1</code>",
            "<code>GET /api/hsds/services/&lt;id&gt;</code>",
        ]:
            self.assertIn(request, page)
        self.assertIn('href="/api/hsds-profile/"', page)

    def test_profile_page_explains_extensions_in_the_pages_language(self):
        korean = self.client.get("/api/hsds-profile/")
        self.assertEqual(korean.status_code, 200)
        self.assertContains(korean, "<h1>HSDS 프로필</h1>", html=True)
        self.assertContains(korean, 'id="extension"')
        self.assertContains(korean, "앞자리 0이 사라질 수 있습니다")
        english = self.client.get("/en/api/hsds-profile/")
        self.assertContains(english, "which would drop a leading zero")

    def test_profile_is_what_the_api_names(self):
        root = self.client.get("/api/hsds/").json()
        self.assertEqual(root["profile"], "http://testserver/api/hsds-profile/")
