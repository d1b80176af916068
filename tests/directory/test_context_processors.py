from django.test import TestCase, override_settings
from django.urls import reverse

SETTINGS_URL = reverse("core:display-settings")


class SiteIdentityTests(TestCase):
    def test_official_banner_is_off_by_default(self):
        response = self.client.get(reverse("directory:home"))
        self.assertNotContains(response, "공식 전자정부 누리집")

    @override_settings(OFFICIAL_SITE=True)
    def test_official_banner_when_enabled(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(
            response, "이 누리집은 대한민국 공식 전자정부 누리집입니다."
        )

    def test_footer_names_the_organisation_and_contact(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "경기도 이민사회정책과")
        self.assertContains(response, "경기도 콜센터")
        self.assertContains(response, '<a href="tel:+82-31-120">031-120</a>', html=True)
        self.assertContains(response, "이 누리집은 경기도 누리집입니다.")

    @override_settings(
        SITE_DEPARTMENT="외국인정책과", SITE_CONTACT_PHONE="031-8030-4652"
    )
    def test_footer_follows_the_settings(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "경기도 외국인정책과")
        self.assertContains(response, 'href="tel:+82-31-8030-4652"')

    def test_skip_link_and_landmarks(self):
        response = self.client.get(reverse("directory:division-list"))
        self.assertContains(response, '<a href="#content">본문 바로가기</a>', html=True)
        self.assertContains(response, '<main id="content"')
        self.assertContains(response, 'aria-label="주 메뉴"')
        self.assertContains(response, 'aria-label="현재 위치"')
        self.assertContains(
            response,
            '<a href="/divisions/" aria-current="page">담당 부서</a>',
            html=True,
        )

    @override_settings(SITE_CONTACT_PHONE="콜센터")
    def test_footer_contact_that_is_no_number_has_no_link(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "콜센터")
        self.assertNotContains(response, 'href="tel:')
