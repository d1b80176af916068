import json
import logging
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.logging import JsonFormatter
from directory.models import Service
from directory.warmup import templates, warm_up


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


class HealthAndHeadersTests(TestCase):
    def test_healthz_checks_the_database(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.json(), {"status": "ok", "database": True})
        self.assertEqual(response["Cache-Control"], "no-store")

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


class DeployCheckTests(TestCase):
    def run_manage(self, *args, **env):
        return self.run_python("manage.py", *args, **env)

    def run_python(self, *args, **env):
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith("DJANGO")
        }
        environment.update(env)
        return subprocess.run(
            [sys.executable, *args],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
        )

    def test_check_deploy_passes_with_production_settings(self):
        result = self.run_manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="directory.example.kr",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_collectstatic_builds_the_production_manifest(self):
        with tempfile.TemporaryDirectory() as static_root:
            result = self.run_manage(
                "collectstatic",
                "--noinput",
                DJANGO_DEBUG="0",
                DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                DJANGO_STATIC_ROOT=static_root,
            )
            self.assertEqual(result.returncode, 0, result.stderr)
            manifest = json.loads(Path(static_root, "staticfiles.json").read_text())
        self.assertRegex(manifest["paths"]["css/site.css"], r"^css/site\.\w{12}\.css$")

    def test_production_refuses_to_start_without_a_secret_key(self):
        result = self.run_manage("check", "--deploy", DJANGO_DEBUG="0")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_SECRET_KEY is required", result.stderr)
        server = self.run_python("-c", "import config.wsgi", DJANGO_DEBUG="0")
        self.assertNotEqual(server.returncode, 0)
        self.assertIn("DJANGO_SECRET_KEY is required", server.stderr)

    def test_commands_that_serve_nothing_run_without_a_secret_key(self):
        for command in [("check",), ("makemigrations", "--check", "--dry-run")]:
            with self.subTest(command=command):
                result = self.run_manage(*command)
                self.assertEqual(result.returncode, 0, result.stderr)


class JsonLogTests(TestCase):
    def test_log_lines_are_json_with_request_details(self):
        request = self.client.get("/healthz").wsgi_request
        record = logging.makeLogRecord(
            {
                "name": "django.request",
                "levelname": "WARNING",
                "msg": "Not Found: %s",
                "args": ("/없는-주소/",),
                "request": request,
                "status_code": 404,
            }
        )
        entry = json.loads(JsonFormatter().format(record))
        self.assertEqual(entry["message"], "Not Found: /없는-주소/")
        self.assertEqual(entry["level"], "WARNING")
        self.assertEqual(entry["status"], 404)
        self.assertEqual(entry["path"], "/healthz")
        self.assertEqual(entry["method"], "GET")

    def test_server_error_page_is_korean_and_leaks_nothing(self):
        html = render_to_string("500.html")
        self.assertIn("일시적인 오류", html)
        self.assertNotIn("Traceback", html)


class WarmUpTests(SimpleTestCase):
    """The warm-up runs in gunicorn's master, before the workers fork."""

    databases = set()  # any query would fail the test

    def test_it_compiles_every_page_template_without_touching_the_database(self):
        names = list(templates())
        self.assertIn("directory/service_detail.html", names)
        self.assertIn("base.html", names)
        warm_up()
