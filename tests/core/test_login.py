import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse

import config.urls
from tests.admin_forms import make_superuser


class LoginLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()

    def log_in(self, password):
        return self.client.post(
            reverse("admin:login"),
            {"username": "manager", "password": password, "next": "/"},
        )

    def test_correct_password_logs_in(self):
        response = self.log_in("correct-horse-battery")
        self.assertEqual(response.status_code, 302)

    def test_repeated_failures_lock_the_account_out_in_korean(self):
        for _attempt in range(4):
            self.assertEqual(self.log_in("wrong").status_code, 200)
        response = self.log_in("wrong")
        self.assertContains(response, "로그인 잠김", status_code=429)
        self.assertContains(response, "30분 후에 다시 시도", status_code=429)
        response = self.log_in("correct-horse-battery")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)


class AdminUrlTests(TestCase):
    def test_admin_is_served_at_the_configured_path(self):
        self.assertEqual(reverse("admin:index"), "/" + settings.ADMIN_URL)
        try:
            with override_settings(ADMIN_URL="gg-staff/"):
                urls = importlib.reload(config.urls)
                patterns = [str(pattern.pattern) for pattern in urls.urlpatterns]
                self.assertIn("gg-staff/", patterns)
                self.assertNotIn("admin/", patterns)
        finally:
            importlib.reload(config.urls)


class PasswordStrengthTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()

    def add_user(self, password):
        self.client.force_login(self.admin)
        return self.client.post(
            reverse("admin:auth_user_add"),
            {
                "username": "newstaff",
                "password1": password,
                "password2": password,
                "usable_password": "true",
            },
        )

    def test_weak_passwords_are_refused(self):
        for password in ["short1", "12345678901234", "password1234", "newstaff-1234"]:
            with self.subTest(password=password):
                response = self.add_user(password)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(
                    get_user_model().objects.filter(username="newstaff").exists()
                )

    def test_strong_password_is_accepted(self):
        response = self.add_user("steady-river-lantern-42")
        self.assertEqual(response.status_code, 302)
