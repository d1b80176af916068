from django.conf import settings
from django.test import Client, TestCase

from tests.factories import make_service

LANGUAGE_CODES = ", ".join(code for code, _name in settings.LANGUAGES)


class ApiErrorTestMixin:
    @classmethod
    def setUpTestData(cls):
        cls.service = make_service()

    def errors(self, path, field, **headers):
        """The errors of one parameter, after checking the response's form."""
        response = self.client.get(f"/api/v1/{path}", headers=headers)
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        self.assertIn("Accept-Language", response["Vary"])
        return response.json()["errors"][field]


class ValidationMessageTests(ApiErrorTestMixin, TestCase):
    def test_messages_are_korean_by_default(self):
        cases = [
            ("services?page=abc", "page", "int_parsing", "정수를 입력하세요."),
            ("services/abc", "pk", "int_parsing", "정수를 입력하세요."),
            (
                "services?lang=xx",
                "lang",
                "enum",
                f"다음 중 하나를 고르세요: {LANGUAGE_CODES}.",
            ),
            (
                "services?updated_since=notadate",
                "updated_since",
                "datetime_from_date_parsing",
                "날짜와 시각을 ISO 8601 형식으로 입력하세요"
                "(예: 2025-01-31T09:00:00+09:00).",
            ),
            (
                "services?updated_since=9999-12-31T23:59:59-12:00",
                "updated_since",
                "datetime_out_of_range",
                "1900년부터 9000년 사이의 시각을 입력하세요.",
            ),
            (
                "services?page=0",
                "page",
                "greater_than_equal",
                "1 이상의 수를 입력하세요.",
            ),
            (
                "divisions?page_size=1000",
                "page_size",
                "less_than_equal",
                "100 이하의 수를 입력하세요.",
            ),
            ("search", "q", "missing", "이 값은 꼭 입력해야 합니다."),
            ("search?q=", "q", "string_too_short", "1자 이상 입력하세요."),
            (
                f"search?q={'가' * 101}",
                "q",
                "string_too_long",
                "100자 이내로 입력하세요.",
            ),
            (
                "services?area=99999",
                "area",
                "invalid_choice",
                "id가 99999인 area이(가) 없습니다.",
            ),
        ]
        for path, field, code, message in cases:
            with self.subTest(path=path):
                self.assertEqual(
                    self.errors(path, field), [{"message": message, "code": code}]
                )

    def test_lang_parameter_chooses_english(self):
        self.assertEqual(
            self.errors("services?page=abc&lang=en", "page"),
            [{"message": "Enter a whole number.", "code": "int_parsing"}],
        )
        self.assertEqual(
            self.errors("services/0?lang=en", "pk"),
            [
                {
                    "message": "Enter a number greater than or equal to 1.",
                    "code": "greater_than_equal",
                }
            ],
        )

    def test_accept_language_chooses_english(self):
        errors = self.errors("search?limit=x&q=a", "limit", accept_language="en")
        self.assertEqual(errors[0]["message"], "Enter a whole number.")

    def test_lang_parameter_wins_over_accept_language(self):
        errors = self.errors("services?page=x&lang=ko", "page", accept_language="en")
        self.assertEqual(errors[0]["message"], "정수를 입력하세요.")

    def test_invalid_lang_falls_back_to_accept_language(self):
        errors = self.errors("services?lang=xx", "lang", accept_language="en-US")
        self.assertEqual(errors[0]["message"], f"Choose one of: {LANGUAGE_CODES}.")

    def test_unknown_accept_language_falls_back_to_korean(self):
        errors = self.errors("services?page=x", "page", accept_language="fr, de")
        self.assertEqual(errors[0]["message"], "정수를 입력하세요.")

    def test_other_languages(self):
        cases = [
            ("zh-hans", "services?page=abc", "page", "请输入整数。"),
            (
                "vi",
                "services?page_size=0",
                "page_size",
                "Hãy nhập một số lớn hơn hoặc bằng 1.",
            ),
            ("ru", "search?q=", "q", "Введите хотя бы 1 символ."),
            ("ru", f"search?q={'x' * 101}", "q", "Введите не более 100 символов."),
        ]
        for language, path, field, message in cases:
            with self.subTest(language=language, path=path):
                errors = self.errors(path, field, accept_language=language)
                self.assertEqual(errors[0]["message"], message)
                lang = "&" if "?" in path else "?"
                errors = self.errors(f"{path}{lang}lang={language}", field)
                self.assertEqual(errors[0]["message"], message)

    def test_content_language_names_the_messages_language(self):
        response = self.client.get(
            "/api/v1/services?page=x", headers={"accept-language": "vi"}
        )
        self.assertEqual(response["Content-Language"], "vi")
        self.assertEqual(
            response.json()["errors"]["page"][0]["message"], "Hãy nhập một số nguyên."
        )

    def test_search_form_errors_follow_the_language(self):
        errors = self.errors("search?q=%20", "q", accept_language="en")
        self.assertEqual(errors[0]["code"], "required")
        self.assertEqual(errors[0]["message"], "This field is required.")


class UnknownAddressTests(ApiErrorTestMixin, TestCase):
    def test_unknown_addresses_are_json_404(self):
        paths = [
            "/api/v1/services/a%2Fb",
            "/api/v1/nope",
            "/api/v1/services/1/extra",
            "/api/v1/",
            "/api/v1/services/",
        ]
        for path in paths:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(
                    response["Content-Type"], "application/json; charset=utf-8"
                )
                self.assertEqual(response.json(), {"detail": "찾을 수 없습니다."})

    def test_not_found_is_translated(self):
        response = self.client.get("/api/v1/nope?lang=en")
        self.assertEqual(response.json(), {"detail": "Not found."})
        response = self.client.get(
            "/api/v1/services/99999", headers={"accept-language": "ru"}
        )
        self.assertEqual(response.json(), {"detail": "Не найдено."})

    def test_other_methods_are_a_json_405(self):
        for method in ["post", "put", "patch", "delete"]:
            with self.subTest(method=method):
                response = getattr(self.client, method)(
                    f"/api/v1/services/{self.service.pk}"
                )
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Allow"], "GET, HEAD")
                self.assertEqual(
                    response.json(), {"detail": "허용되지 않는 요청 방식입니다."}
                )

    def test_writes_without_a_csrf_token_get_json_too(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/api/v1/services")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response.json(), {"detail": "허용되지 않는 요청 방식입니다."})
        response = client.post("/api/v1/nope", headers={"accept-language": "en"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "Not found."})

    def test_refusal_is_translated(self):
        response = self.client.post("/api/v1/services?lang=zh-hans")
        self.assertEqual(response.json(), {"detail": "不允许的请求方法。"})

    def test_head_gives_the_headers_of_get_without_the_body(self):
        url = f"/api/v1/services/{self.service.pk}"
        get, head = self.client.get(url), self.client.head(url)
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b"")
        self.assertEqual(head["Content-Length"], str(len(get.content)))
        self.assertEqual(head["ETag"], get["ETag"])
        self.assertEqual(head["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(self.client.head("/api/v1/nope").status_code, 404)

    def test_known_addresses_still_answer(self):
        response = self.client.get(f"/api/v1/services/{self.service.pk}")
        self.assertEqual(response.json()["name"], self.service.name)


class ErrorDocumentTests(TestCase):
    def test_openapi_document_describes_the_errors(self):
        document = self.client.get("/api/v1/openapi.json").json()
        responses = document["paths"]["/api/v1/services"]["get"]["responses"]
        self.assertIn("400", responses)
        self.assertIn("404", responses)
        schemas = document["components"]["schemas"]
        self.assertEqual(set(schemas["FieldError"]["required"]), {"message", "code"})
        self.assertEqual(schemas["ErrorOut"]["required"], ["errors"])
        self.assertEqual(schemas["NotFoundOut"]["required"], ["detail"])
