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


class ProxiedLockoutTests(TestCase):
    """Behind the proxy every request comes from 127.0.0.1; the client is in
    X-Forwarded-For only when DJANGO_PROXY_COUNT says the proxy is trusted."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()

    def log_in(self, password, client_address, username="manager"):
        return self.client.post(
            reverse("admin:login"),
            {"username": username, "password": password, "next": "/"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=client_address,
        )

    def fail_five_times_from_an_attacker(self):
        for _attempt in range(5):
            self.log_in("wrong", "198.51.100.66")

    @override_settings(PROXY_COUNT=1)
    def test_an_attacker_elsewhere_cannot_lock_the_account_out(self):
        self.fail_five_times_from_an_attacker()
        self.assertEqual(self.log_in("wrong", "198.51.100.66").status_code, 429)
        response = self.log_in("correct-horse-battery", "203.0.113.5")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.admin.pk))

    @override_settings(PROXY_COUNT=1)
    def test_a_forged_header_does_not_move_the_attacker_elsewhere(self):
        for _attempt in range(5):
            # The proxy appends the real address after whatever the client sent.
            self.log_in("wrong", "203.0.113.5, 198.51.100.66")
        response = self.log_in("correct-horse-battery", "203.0.113.5")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.log_in("wrong", "198.51.100.66").status_code, 429)

    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.fail_five_times_from_an_attacker()
        # Everyone arrives from the proxy's address, which is now locked.
        response = self.log_in("correct-horse-battery", "203.0.113.5")
        self.assertEqual(response.status_code, 429)

    @override_settings(PROXY_COUNT=1)
    def test_one_address_spraying_every_account_is_locked_out(self):
        limit = settings.AXES_ADDRESS_FAILURE_LIMIT
        for number in range(limit - 1):
            response = self.log_in("Spring2025!", "198.51.100.66", f"staff{number}")
            self.assertEqual(response.status_code, 200, number)
        response = self.log_in("Spring2025!", "198.51.100.66", "staff-last")
        self.assertEqual(response.status_code, 429)
        response = self.log_in("correct-horse-battery", "198.51.100.66")
        self.assertContains(response, "로그인 잠김", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        other = self.log_in("correct-horse-battery", "203.0.113.5")
        self.assertEqual(other.status_code, 302)


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
