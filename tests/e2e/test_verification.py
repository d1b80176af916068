"""A team confirms its numbers from the link in a real e-mail, in a real browser."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Contact, Service
from tests.directory.verification.data import body_of, smtp_server


@pytest.mark.changes_data
def test_team_confirms_its_numbers_from_the_emailed_link(site, page):
    service = Service.objects.get(name="결혼이민자 지원")
    team = service.division
    team.work_emails = "family@gg.go.kr"
    team.save()
    with override_settings(SITE_URL=site), smtp_server() as inbox:
        call_command("request_verifications", stdout=StringIO())
    [message] = [m for m in inbox.messages if m["To"] == "family@gg.go.kr"]
    body = body_of(message)
    assert "결혼이민자 지원" in body and "031-8030-4773" in body
    link = re.search(r"http://\S+/verify/[^/\s]+/", body).group(0)

    page.goto(link)
    expect(page.locator("h1")).to_have_text(f"{team.name} 번호 확인")
    page.get_by_role("button", name="모두 맞습니다").click()
    # A page that thanks the team, not the page of a used link.
    expect(page.locator("h1")).to_have_text(
        "감사합니다. 모든 항목을 오늘 날짜로 확인했습니다."
    )
    expect(page.get_by_role("button", name="새 링크 받기")).to_have_count(0)

    today = timezone.localdate().isoformat()
    page.goto(site + service.get_absolute_url())
    confirmed = page.locator(".answer .team-confirmed").first
    expect(confirmed).to_have_text(f"담당 부서 확인 {today}")
    contact = Contact.objects.get(number="031-8030-4773")
    assert contact.history.first().history_change_reason == (
        "담당 부서 확인 (family@gg.go.kr)"
    )
    service.refresh_from_db()
    assert service.last_verified.isoformat() == today

    page.goto(link)
    expect(page.locator("h1")).to_have_text("이미 사용한 링크입니다")
    expect(page.get_by_role("button", name="새 링크 받기")).to_be_visible()
