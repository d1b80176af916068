"""A service page is light and asks nothing of any other site."""

from urllib.parse import urlsplit

from directory.models import Service

# 50 KB of page and style, and the pocket's script (keep, share, the offline
# worker's registration) with the page's QR code.
BUDGET = 62 * 1024


def test_service_page_is_under_budget_and_has_no_third_party_request(site, page):
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
    page.goto(site + service.get_absolute_url(), wait_until="networkidle")

    hosts = {urlsplit(request.url).netloc for request in requests}
    assert hosts == {urlsplit(site).netloc}
    transferred = sum(len(request.response().body()) for request in requests)
    assert 0 < transferred <= BUDGET, transferred
    kinds = {request.resource_type for request in requests}
    assert "font" not in kinds
