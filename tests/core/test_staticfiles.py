"""Only hashed static files are served; the manifest never is."""

import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.test import Client, RequestFactory, SimpleTestCase, override_settings

from core.staticfiles import HashedStaticFilesMiddleware

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


class HashedStaticFilesTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root = tempfile.TemporaryDirectory()
        cls.settings = override_settings(
            STATIC_ROOT=cls.root.name, STORAGES=MANIFEST_STORAGE, DEBUG=False
        )
        cls.settings.enable()
        # A real collectstatic, as a deployment runs it.
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = Path(cls.root.name, "staticfiles.json").read_text()
        cls.hashed_css = json.loads(manifest)["paths"]["css/site.css"]
        cls.middleware = HashedStaticFilesMiddleware(
            lambda request: HttpResponseNotFound()
        )

    @classmethod
    def tearDownClass(cls):
        cls.settings.disable()
        cls.root.cleanup()
        super().tearDownClass()

    def get(self, path):
        return self.middleware(RequestFactory().get(path))

    def test_the_manifest_is_not_served(self):
        self.assertTrue(Path(self.root.name, "staticfiles.json").exists())
        for path in ["/static/staticfiles.json", "/static/staticfiles.json.gz"]:
            with self.subTest(path=path):
                self.assertEqual(self.get(path).status_code, 404)

    def test_hashed_files_are_served_and_originals_are_not_kept(self):
        response = self.get(f"/static/{self.hashed_css}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("immutable", response["Cache-Control"])
        self.assertNotEqual(self.hashed_css, "css/site.css")
        self.assertEqual(self.get("/static/css/site.css").status_code, 404)

    def test_the_whole_stack_serves_them_with_security_headers(self):
        response = Client().get(f"/static/{self.hashed_css}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"--krds-", b"".join(response.streaming_content))
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        # The page cache lets them pass untouched: a CDN may share them.
        self.assertNotIn("Cookie", response.get("Vary", ""))
