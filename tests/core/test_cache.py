from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Service


class CachedPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def test_second_anonymous_request_is_served_from_the_cache(self):
        url = self.service.get_absolute_url()
        self.client.get(url)
        with self.assertNumQueries(0):
            response = self.client.get(url)
        self.assertContains(response, "결혼이민자 지원")

    def test_admin_save_is_visible_on_the_next_request(self):
        url = self.service.get_absolute_url()
        self.assertContains(self.client.get(url), "결혼이민자 지원")
        staff = get_user_model().objects.create_superuser(
            "staff", "", "pw-long-enough-1"
        )
        self.client.force_login(staff)
        change = reverse("admin:directory_service_change", args=[self.service.pk])
        form = self.client.get(change).context["adminform"].form
        data = {
            name: value
            for name, value in form.initial.items()
            if value is not None and name != "commitments"
        }
        data.update(name_ko="결혼이민자 통합 지원", fax=self.service.fax_id)
        link = self.service.service_phones.get()
        data.update(
            {
                "service_phones-TOTAL_FORMS": "1",
                "service_phones-INITIAL_FORMS": "1",
                "service_phones-0-id": link.pk,
                "service_phones-0-service": self.service.pk,
                "service_phones-0-contact": link.contact_id,
                "service_phones-0-position": "1",
            }
        )
        self.assertEqual(self.client.post(change, data).status_code, 302)
        self.client.logout()
        self.assertContains(self.client.get(url), "결혼이민자 통합 지원")

    def test_staff_pages_are_not_cached(self):
        staff = get_user_model().objects.create_superuser(
            "staff", "", "pw-long-enough-1"
        )
        self.client.force_login(staff)
        self.client.get(reverse("directory:home"))
        with CaptureQueriesContext(connection) as queries:
            self.client.get(reverse("directory:home"))
        tables = " ".join(query["sql"] for query in queries)
        self.assertIn("directory_division", tables)
