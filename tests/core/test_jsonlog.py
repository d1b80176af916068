import json
import logging

from django.template.loader import render_to_string
from django.test import TestCase

from core.jsonlog import JsonFormatter


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
