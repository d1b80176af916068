"""The downloads' files: written once per version of the data, the last one
answered while the next is written (directory/opendata/files.py)."""

import csv
import io
import json
import time
from unittest import mock

from django.test import TestCase, TransactionTestCase, override_settings

from directory.models import Service
from directory.opendata import files
from tests.directory.opendata.test_api import ApiTestData
from tests.factories import make_service


def names(response):
    rows = csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")))
    return {row[3] for row in list(rows)[1:]}


class OncePerVersionTests(ApiTestData, TestCase):
    def test_a_file_is_written_once_for_each_version_of_the_data(self):
        first = self.client.get("/data/services.csv")
        self.assertIn(self.service.name, names(first))
        [written] = files.written("services.ko.csv")
        stamp = written.stat().st_mtime_ns
        again = self.client.get("/data/services.csv")
        self.assertEqual(again["Last-Modified"], first["Last-Modified"])
        self.assertIn(self.service.name, names(again))
        self.assertEqual(files.written("services.ko.csv"), [written])
        self.assertEqual(written.stat().st_mtime_ns, stamp)
        # A change is a new version: a new file, and the one before is gone.
        Service.objects.filter(pk=self.service.pk).update(name="바뀐 이름")
        make_service(
            area=self.area, division=self.division, name="새 서비스", position=9
        )
        changed = self.client.get("/data/services.csv")
        self.assertIn("새 서비스", names(changed))
        [newer] = files.written("services.ko.csv")
        self.assertNotEqual(newer, written)
        self.assertFalse(written.exists())

    def test_each_language_has_its_own_file(self):
        korean = self.client.get("/data/services.csv").getvalue().decode("utf-8-sig")
        english = self.client.get("/en/data/services.csv").getvalue()
        self.assertIn("서비스명", korean.splitlines()[0])
        self.assertNotIn("서비스명", english.decode("utf-8-sig").splitlines()[0])
        data_version, _changed = files.version()
        for name in ["services.ko.csv", "services.en.csv"]:
            self.assertTrue(files.path_of(name, data_version).exists())

    def test_while_another_writes_the_last_file_is_answered_or_none_yet(self):
        for written in files.written("services.ko.csv"):
            written.unlink()
        lock = files.locked("services.ko.csv")
        try:
            # Nothing written yet: come back later, in JSON, nothing written.
            response = self.client.get("/data/services.csv")
            self.assertEqual(response.status_code, 503)
            self.assertEqual(response["Retry-After"], "60")
            self.assertEqual(response.json()["retry_after"], 60)
            self.assertEqual(files.written("services.ko.csv"), [])
        finally:
            lock.close()
        self.client.get("/data/services.csv")
        [before] = files.written("services.ko.csv")
        make_service(
            area=self.area, division=self.division, name="새 서비스", position=9
        )
        lock = files.locked("services.ko.csv")
        try:
            stale = self.client.get("/data/services.csv")
            self.assertEqual(stale.status_code, 200)
            self.assertNotIn("새 서비스", names(stale))
            self.assertEqual(files.written("services.ko.csv"), [before])
        finally:
            lock.close()
        self.assertIn("새 서비스", names(self.client.get("/data/services.csv")))

    def test_a_file_removed_before_it_is_opened_gives_way_to_the_next(self):
        # The next version replaced it between finding and opening it.
        found, real = [], files.current_or_last

        def removed_first(name, write):
            found.append(name)
            if len(found) == 1:
                return files.path_of(name, "00000000000000000000")
            return real(name, write)

        with mock.patch.object(files, "current_or_last", removed_first):
            response = self.client.get("/data/services.csv")
        self.assertEqual(found, ["services.ko.csv", "services.ko.csv"])
        self.assertIn(self.service.name, names(response))


@override_settings(DOWNLOADS_IN_BACKGROUND=True)
class BackgroundTests(ApiTestData, TransactionTestCase):
    """As served: written by a thread of its own, the request answered at once."""

    def setUp(self):
        self.setUpTestData()

    def test_the_first_request_starts_the_writing_and_a_later_one_gets_it(self):
        for written in files.written("directory.ko.json"):
            written.unlink()
        first = self.client.get("/data/directory.json")
        self.assertEqual(first.status_code, 503)
        # The writer is done when its lock is free (files.write_file).
        deadline = time.monotonic() + 30
        while (lock := files.locked("directory.ko.json")) is None:
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.05)
        lock.close()
        self.assertEqual(len(files.written("directory.ko.json")), 1)
        data = json.loads(self.client.get("/data/directory.json").getvalue())
        self.assertIn(self.service.name, [s["name"] for s in data["services"]])
