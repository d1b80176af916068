import json
import logging
from io import BytesIO
from types import SimpleNamespace

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import TestCase
from django.urls import reverse
from gunicorn.glogging import SafeAtoms

from core.jsonlog import AccessLogger, JsonFormatter
from directory.verification.links import make_token
from tests.directory.verification.data import make_teams, sent_request
from tests.test_gunicorn_conf import load


def wsgi_environ(method, path):
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": BytesIO(),
    }


class MethodTests(TestCase):
    def test_trace_is_refused_on_every_url(self):
        for path in ["/", "/sitemap.xml", "/verify/abc/", "/api/v1/services"]:
            with self.subTest(path=path):
                response = self.client.generic("TRACE", path)
                self.assertEqual(response.status_code, 405)
                self.assertNotIn(b"TRACE", response.content)

    def test_head_answers_have_headers_and_no_body_from_the_wsgi_app(self):
        captured = {}

        def start_response(status, headers):
            captured["status"], captured["headers"] = status, dict(headers)

        # As the test client does: the test's transaction keeps its connection.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        self.addCleanup(request_started.connect, close_old_connections)
        self.addCleanup(request_finished.connect, close_old_connections)
        for path in ["/robots.txt", "/", "/sitemap.xml"]:
            with self.subTest(path=path):
                answer = WSGIHandler()(wsgi_environ("HEAD", path), start_response)
                body = b"".join(answer)
                answer.close()
                self.assertEqual(body, b"")
                self.assertTrue(captured["status"].startswith("200"))
                self.assertGreater(int(captured["headers"]["Content-Length"]), 0)


class SecretsInLogsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        team, *_ = make_teams()
        cls.token = make_token(sent_request(team))
        cls.url = reverse("directory:verify", args=[cls.token])

    def test_access_log_line_has_no_link_secret(self):
        config = load()
        logger = AccessLogger(config)
        request = SimpleNamespace(headers=[("HOST", "127.0.0.1")])
        response = SimpleNamespace(
            status="200 OK", response_length=10, sent=10, headers=[]
        )
        environ = wsgi_environ("GET", self.url)
        environ["RAW_URI"] = self.url
        environ["HTTP_REFERER"] = "https://example.kr" + self.url
        atoms = logger.atoms(
            response,
            request,
            environ,
            SimpleNamespace(seconds=0, microseconds=5, total_seconds=lambda: 0.000005),
        )
        line = config.access_log_format % SafeAtoms(atoms)
        self.assertNotIn(self.token.split(":")[-1], line)
        self.assertIn("/verify/[redacted]/", line)
        self.assertEqual(json.loads(line)["status"], 200)

    def test_django_log_of_a_refused_link_has_no_secret(self):
        self.client.post(self.url, {"confirm": "1"})
        with self.assertLogs("django.request", level="WARNING") as logs:
            self.client.get(self.url)
        text = JsonFormatter().format(logs.records[0])
        self.assertNotIn(self.token.split(":")[-1], text)
        self.assertIn("[redacted]", json.loads(text)["path"])

    def test_other_paths_are_logged_as_they_are(self):
        record = logging.makeLogRecord({"msg": "Not Found: /services/12/"})
        entry = json.loads(JsonFormatter().format(record))
        self.assertEqual(entry["message"], "Not Found: /services/12/")
