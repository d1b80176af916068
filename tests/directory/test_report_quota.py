import threading
from unittest import skipUnless

from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse

from directory.models import Report
from directory.reports import REPORTS_PER_HOUR
from tests.factories import make_service


@skipUnless(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
class SimultaneousReportTests(TransactionTestCase):
    """A burst of simultaneous reports from one address stops at the limit."""

    def test_burst_from_one_address_stores_no_more_than_the_limit(self):
        service = make_service(name="결혼이민자 지원")
        url = reverse("directory:service-report", args=[service.pk])
        start = threading.Barrier(12)
        statuses = []

        def report():
            client = Client()
            start.wait()
            try:
                response = client.post(url, {"problem": "없는 번호입니다."})
                statuses.append(response.status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=report) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(Report.objects.count(), REPORTS_PER_HOUR)
        self.assertEqual(statuses.count(302), REPORTS_PER_HOUR)
        self.assertEqual(statuses.count(429), 12 - REPORTS_PER_HOUR)
