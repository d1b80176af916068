from django.test import RequestFactory, SimpleTestCase, override_settings

from core.clientip import client_hash, client_ip


def request(forwarded=None, remote="10.0.0.1"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


class ClientIpTests(SimpleTestCase):
    def test_without_trusted_proxies_the_header_is_never_believed(self):
        self.assertEqual(client_ip(request("203.0.113.5")), "10.0.0.1")

    @override_settings(PROXY_COUNT=1)
    def test_one_proxy_gives_the_address_it_appended(self):
        self.assertEqual(client_ip(request("203.0.113.5")), "203.0.113.5")
        self.assertEqual(
            client_ip(request("198.51.100.66, 203.0.113.5")), "203.0.113.5"
        )
        self.assertEqual(client_ip(request("2001:db8::1")), "2001:db8::1")

    @override_settings(PROXY_COUNT=2)
    def test_two_proxies_skip_the_inner_proxys_entry(self):
        forwarded = "198.51.100.66, 203.0.113.5, 192.0.2.10"
        self.assertEqual(client_ip(request(forwarded)), "203.0.113.5")

    @override_settings(PROXY_COUNT=2)
    def test_a_missing_or_broken_header_falls_back_to_the_peer(self):
        self.assertEqual(client_ip(request()), "10.0.0.1")
        self.assertEqual(client_ip(request("203.0.113.5")), "10.0.0.1")
        self.assertEqual(client_ip(request("x, <script>, y")), "10.0.0.1")

    @override_settings(PROXY_COUNT=1)
    def test_the_stored_hash_is_salted_and_follows_the_client(self):
        first = client_hash(request("203.0.113.5"))
        self.assertEqual(first, client_hash(request("203.0.113.5", remote="10.0.0.2")))
        self.assertNotEqual(first, client_hash(request("203.0.113.6")))
        self.assertNotIn("203.0.113.5", first)
        with self.settings(SECRET_KEY="another-key-of-enough-length-for-django"):
            self.assertNotEqual(first, client_hash(request("203.0.113.5")))
