"""HTTP methods the site answers the same way on every URL.

TRACE (and its IIS twin TRACK) echoes a request back, cookies included; no
page has a use for it, so it is refused before any view runs. A HEAD answer
carries the headers of the GET answer and no body: Django's views write the
body anyway, and gunicorn warns each time it drops one, so it is dropped here.
"""

from django.http import HttpResponseNotAllowed

REFUSED = {"TRACE", "TRACK"}
ALLOWED = ["GET", "HEAD", "POST", "OPTIONS"]


class HttpMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED:
            return HttpResponseNotAllowed(ALLOWED)
        response = self.get_response(request)
        if request.method == "HEAD":
            without_body(response)
        return response


def without_body(response):
    if response.streaming:
        if hasattr(response, "close"):
            response.close()
        response.streaming_content = []
        return
    if not response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    response.content = b""
