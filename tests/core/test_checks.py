import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase


class DeployCheckTests(SimpleTestCase):
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
