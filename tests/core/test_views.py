from django.test import TestCase
from django.urls import reverse


class HealthAndHeadersTests(TestCase):
    def test_healthz_checks_the_database(self):
        response = self.client.get("/healthz")
        self.assertEqual(
            response.json(), {"status": "ok", "database": "ok", "cache": "ok"}
        )
        self.assertIn("no-store", response["Cache-Control"])

    def test_security_headers(self):
        response = self.client.get(reverse("directory:home"))
        policy = response["Content-Security-Policy"]
        script_src = next(d for d in policy.split(";") if "script-src" in d)
        self.assertEqual(script_src.strip(), "script-src 'self'")
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def test_https_is_recognised_behind_a_proxy(self):
        response = self.client.get("/healthz", headers={"x-forwarded-proto": "https"})
        self.assertTrue(response.wsgi_request.is_secure())
