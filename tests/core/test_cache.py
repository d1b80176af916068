import time
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError, connection, connections, transaction
from django.test import (
    Client,
    RequestFactory,
    TestCase,
    TransactionTestCase,
    override_settings,
)
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.cache import current_generation, invalidate_public_pages, page_cache_key
from directory.models import Service
from tests.base import load_seed
from tests.factories import make_service


class CachedPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_seed(("standards", "directory"))
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def test_second_anonymous_request_is_served_from_the_cache(self):
        url = self.service.get_absolute_url()
        self.client.get(url)
        with self.assertNumQueries(0):
            response = self.client.get(url)
        self.assertContains(response, "결혼이민자 지원")

    def test_a_cached_page_keeps_its_headers_and_answers_304(self):
        url = self.service.get_absolute_url()
        first = self.client.get(url)
        with self.assertNumQueries(0):
            hit = self.client.get(url)
            not_modified = self.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertContains(hit, "결혼이민자 지원")
        for header in [
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "X-Frame-Options",
            "Cross-Origin-Opener-Policy",
            "ETag",
            "Cache-Control",
        ]:
            with self.subTest(header=header):
                self.assertEqual(hit[header], first[header])
        self.assertEqual(not_modified.status_code, 304)
        self.assertEqual(not_modified.content, b"")
        self.assertEqual(not_modified["ETag"], first["ETag"])
        # Another version of the page (here a larger text size) is not the
        # browser's copy.
        self.client.cookies["text_size"] = "4"
        other = self.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(other.status_code, 200)
        self.assertNotEqual(other["ETag"], first["ETag"])

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


class CacheKeyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_seed(("standards", "directory"))
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def test_other_cookies_and_tracking_parameters_share_the_cached_page(self):
        url = self.service.get_absolute_url()
        self.client.get(url)
        self.client.cookies["csrftoken"] = "a-visitor-own-token"
        self.client.cookies["_ga"] = "GA1.2.3.4"
        with self.assertNumQueries(0):
            response = self.client.get(url + "?utm_source=newsletter&gclid=x")
        self.assertContains(response, "결혼이민자 지원")
        self.assertNotContains(response, "utm_source")
        self.assertIn("Cookie", response["Vary"])

    def test_display_settings_get_their_own_cached_page(self):
        url = self.service.get_absolute_url()
        plain = self.client.get(url).content
        self.client.cookies["contrast"] = "high"
        high = self.client.get(url).content
        self.assertNotEqual(plain, high)
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get(url).content, high)


class GenerationTests(TestCase):
    def test_a_cache_emptied_never_counts_a_generation_again(self):
        # A process's copy made under a generation (the HSDS ids), or a
        # page's ETag kept at the edge, must not pass for current after the
        # cache restarts and the count begins again.
        seen = set()
        for _restart in range(5):
            cache.clear()
            seen.add(current_generation())
            for _change in range(3):
                invalidate_public_pages()
                seen.add(current_generation())
        self.assertEqual(len(seen), 20)


class InvalidationAtCommitTests(TransactionTestCase):
    """The page rendered after a save shows it, even if another worker cached
    the page from the rows as they were before the save committed."""

    def setUp(self):
        cache.clear()
        self.service = make_service(name="결혼이민자 지원")
        self.url = self.service.get_absolute_url()

    def test_a_page_cached_before_the_commit_is_not_served_after_it(self):
        self.client.get(self.url)
        key_of = lambda: page_cache_key(RequestFactory().get(self.url))  # noqa: E731
        old_page = cache.get(key_of())
        with transaction.atomic():
            self.service.name = "결혼이민자 통합 지원"
            self.service.save()
            during = current_generation()
            # Another worker, reading the rows not yet committed, renders the
            # old page and caches it under the generation of this moment.
            cache.set(key_of(), old_page, 300)
            self.assertEqual(current_generation(), during)
        self.assertGreater(current_generation(), during)
        response = self.client.get(self.url)
        self.assertContains(response, "결혼이민자 통합 지원")
        self.assertNotContains(response, "결혼이민자 지원<")

    def test_a_rolled_back_change_leaves_the_pages_as_they_were(self):
        self.client.get(self.url)
        with self.assertRaises(RuntimeError), transaction.atomic():
            self.service.name = "저장되지 않은 이름"
            self.service.save()
            raise RuntimeError("the save fails after the row was written")
        self.assertNotContains(self.client.get(self.url), "저장되지 않은 이름")


class SharedCacheHeadersTests(TestCase):
    """What a shared cache in front (nginx, a CDN) may do with each answer."""

    @classmethod
    def setUpTestData(cls):
        load_seed(("standards", "directory"))
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def control(self, response):
        return {part.strip() for part in response["Cache-Control"].split(",")}

    @override_settings(EDGE_CACHE_SECONDS=7, PAGE_STALE_SECONDS=3600)
    def test_public_pages_may_be_shared_then_revalidated_and_served_stale(self):
        first = self.client.get(self.service.get_absolute_url())
        hit = self.client.get(self.service.get_absolute_url())
        for response in (first, hit):
            self.assertEqual(
                self.control(response),
                {
                    "public",
                    "max-age=0",
                    "s-maxage=7",
                    "stale-while-revalidate=7",
                    "stale-if-error=3600",
                },
            )
            self.assertTrue(response["ETag"])

    def test_vary_names_what_changes_a_page(self):
        korean = self.client.get(self.service.get_absolute_url())
        english = self.client.get("/en" + self.service.get_absolute_url())
        self.assertContains(english, 'lang="en"')
        # An unprefixed page may be a redirect to the browser's language.
        vary = {part.strip() for part in korean["Vary"].split(",")}
        self.assertEqual(vary, {"Accept-Language", "Cookie"})
        self.assertEqual(english["Vary"], "Cookie")

    def test_staff_and_report_pages_are_private_and_not_stored(self):
        staff = get_user_model().objects.create_superuser(
            "staff", "", "pw-long-enough-1"
        )
        report = reverse("directory:service-report", args=[self.service.pk])
        response = self.client.get(report)
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertTrue({"private", "no-store"} <= self.control(response))
        self.assertNotIn("public", self.control(response))
        self.client.force_login(staff)
        for url in [self.service.get_absolute_url(), reverse("admin:index")]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertTrue({"private", "no-store"} <= self.control(response))
                self.assertNotIn("public", self.control(response))


def database_down():
    return mock.patch.object(
        connections["default"],
        "cursor",
        side_effect=OperationalError("connection refused"),
    )


class StalePagesTests(TestCase):
    """While the database is down, a page's last good copy is served, however
    often the generation changed since it was stored."""

    @classmethod
    def setUpTestData(cls):
        load_seed(("standards", "directory"))
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_last_good_copy_is_served_after_generation_changes(self):
        url = self.service.get_absolute_url()
        self.assertContains(self.client.get(url), "결혼이민자 지원")
        invalidate_public_pages()
        invalidate_public_pages()
        with database_down():
            stale = self.client.get(url)
            not_modified = self.client.get(url, HTTP_IF_NONE_MATCH=stale["ETag"])
            never_cached = self.client.get(reverse("directory:service-list"))
        self.assertContains(stale, "결혼이민자 지원")
        self.assertEqual(not_modified.status_code, 304)
        self.assertEqual(never_cached.status_code, 503)
        self.assertContains(never_cached, "031-120", status_code=503)
        # Once the database is back, the page is rendered afresh.
        Service.objects.filter(pk=self.service.pk).update(name="결혼이민자 통합 지원")
        invalidate_public_pages()
        self.assertContains(self.client.get(url), "결혼이민자 통합 지원")

    @override_settings(PAGE_STALE_SECONDS=60)
    def test_a_copy_older_than_the_stale_limit_is_not_served(self):
        url = self.service.get_absolute_url()
        self.client.get(url)
        invalidate_public_pages()
        later = time.time() + settings.CACHE_MIDDLEWARE_SECONDS + 61
        with database_down(), mock.patch("time.time", return_value=later):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 503)
