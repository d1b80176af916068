from django.conf import settings
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

POLICY_PAGES = {
    "core:privacy": "Privacy policy",
    "core:copyright": "Copyright policy",
    "core:accessibility": "Web accessibility",
}


class PolicyPageTests(TestCase):
    def test_every_policy_page_is_a_page_in_every_language(self):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for url_name, title in POLICY_PAGES.items():
                    response = self.client.get(reverse(url_name))
                    self.assertEqual(response.status_code, 200, (code, url_name))
                    self.assertContains(
                        response, f"<h1>{translation.gettext(title)}</h1>", html=True
                    )

    def test_footer_links_to_the_three_policy_pages(self):
        response = self.client.get(reverse("directory:home"))
        for url_name in POLICY_PAGES:
            self.assertContains(response, f'href="{reverse(url_name)}"')
        self.assertContains(response, "개인정보처리방침")

    def test_privacy_page_says_what_is_kept_and_whom_to_ask(self):
        response = self.client.get(reverse("core:privacy"))
        self.assertContains(response, "쿠키")
        self.assertContains(response, "서버 기록")
        self.assertContains(response, settings.SITE_CONTACT_PHONE)

    @override_settings(DATA_LICENCE="공공누리 제1유형")
    def test_copyright_page_names_the_configured_licence(self):
        response = self.client.get(reverse("core:copyright"))
        self.assertContains(response, "공공누리 제1유형")

    def test_accessibility_page_states_the_standard(self):
        response = self.client.get(reverse("core:accessibility"))
        self.assertContains(response, "WCAG 2.1")
        self.assertContains(response, "KWCAG 2.2")


class SiteLogoTests(TestCase):
    def test_no_logo_by_default(self):
        response = self.client.get(reverse("core:privacy"))
        self.assertNotContains(response, 'class="org-logo"')

    @override_settings(SITE_LOGO="img/favicon.svg")
    def test_configured_logo_is_in_the_identifier_block(self):
        response = self.client.get(reverse("core:privacy"))
        self.assertContains(response, 'class="org-logo"')
        self.assertContains(response, "img/favicon.svg")
