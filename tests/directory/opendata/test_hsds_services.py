"""``/api/hsds/services``: pages, filters, and ids that survive a reinstall."""

import datetime
import math
import uuid
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from core.cache import invalidate_public_pages
from directory.models import (
    Contact,
    Division,
    HelpLine,
    SearchWord,
    SeedRecord,
    Service,
    ServicePhone,
    Synonym,
)
from directory.opendata.hsds_ids import record_id
from standards.models import Commitment, Pledge, PolicyArea, Sector
from tests.base import SeededTestCase, load_seed
from tests.directory.opendata.test_hsds_api import HsdsClient, HsdsTestData
from tests.factories import make_area, make_sector, make_service


class EnvelopeTests(HsdsClient, SeededTestCase):
    def walk(self, per_page, **params):
        """Every page of the list, checking each envelope's arithmetic."""
        pages, number = [], 1
        while True:
            page = self.get_json("services", page=number, per_page=per_page, **params)
            total = page["total_items"]
            self.assertEqual(page["total_pages"], math.ceil(total / per_page))
            self.assertEqual(page["page_number"], number)
            self.assertEqual(page["size"], len(page["contents"]))
            self.assertEqual(page["first_page"], number == 1)
            self.assertEqual(page["last_page"], number == page["total_pages"])
            self.assertFalse(page["empty"])
            expected = min(per_page, total - (number - 1) * per_page)
            self.assertEqual(page["size"], expected)
            pages.append(page)
            if page["last_page"]:
                return pages
            number += 1

    def test_walking_every_page_lists_every_service_once_in_document_order(self):
        expected = [record_id(s) for s in Service.objects.in_document_order()]
        for per_page in [1, 4, 19, 100]:
            with self.subTest(per_page=per_page):
                pages = self.walk(per_page)
                found = [s["id"] for page in pages for s in page["contents"]]
                self.assertEqual(found, expected)
                self.assertEqual(pages[0]["total_items"], len(expected))

    def test_each_list_item_is_its_records_one_to_one_fields(self):
        for item in self.get_json("services", per_page=100)["contents"]:
            with self.subTest(name=item["name"]):
                record = self.get_json(f"services/{item['id']}")
                self.assertEqual({k: record[k] for k in item}, item)
                self.assertEqual(
                    Service.objects.get(name=item["name"]).get_absolute_url(),
                    item["url"].removeprefix("http://testserver"),
                )
                self.assertIn("phones", record)
                self.assertNotIn("phones", item)

    def test_full_lists_give_the_records_themselves(self):
        page = self.get_json("services", per_page=2, full="true")
        for item in page["contents"]:
            self.assertEqual(item, self.get_json(f"services/{item['id']}"))

    def test_bad_page_and_size_answer_the_first_page(self):
        for page in ["0", "-1", "abc", "", "1.5", "١"]:
            for per_page in ["0", "-5", "x", "", "2.0"]:
                with self.subTest(page=page, per_page=per_page):
                    data = self.get_json("services", page=page, per_page=per_page)
                    self.assertEqual(data["page_number"], 1)
                    self.assertEqual(data["size"], 19)

    def test_size_is_capped_and_pages_past_the_end_are_empty(self):
        self.assertEqual(self.get_json("services", per_page=10**9)["size"], 19)
        far = self.get_json("services", page=10**30, per_page=5)
        self.assertEqual((far["size"], far["empty"], far["total_pages"]), (0, True, 4))
        self.assertFalse(far["first_page"])
        self.assertEqual(far["contents"], [])

    def test_search_finds_services_in_the_askers_language(self):
        found = self.get_json("services", search="비자")["contents"]
        self.assertIn("비자 개선 등 외국인 정주 유도", [s["name"] for s in found])
        self.assertLess(len(found), 19)
        english = self.get_json("services", search="visa", lang="en")["contents"]
        self.assertIn(
            "Visa Improvements and Other Incentives for Foreign Residents to Settle",
            [s["name"] for s in english],
        )
        self.assertEqual([s["id"] for s in english], [s["id"] for s in found])
        too_long = self.get_json("services", 400, search="가" * 101)
        self.assertEqual(list(too_long["errors"]), ["search"])

    def test_searched_pages_walk_one_ranking(self):
        # Each page is ranked only as far as it reaches (hsds_api.Searched):
        # walked page by page, they are still the one list, counted whole.
        whole = self.get_json("services", search="외국인", per_page=100)
        expected = [s["id"] for s in whole["contents"]]
        self.assertGreater(len(expected), 3)
        self.assertEqual(whole["total_items"], len(expected))
        for per_page in [1, 3]:
            with self.subTest(per_page=per_page):
                pages = self.walk(per_page, search="외국인")
                found = [s["id"] for page in pages for s in page["contents"]]
                self.assertEqual(found, expected)


class FilterTests(HsdsTestData, HsdsClient, TestCase):
    def names(self, **params):
        return [s["name"] for s in self.get_json("services", **params)["contents"]]

    def test_taxonomy_term_id_finds_an_areas_or_a_commitments_services(self):
        area = record_id(self.other_area)
        self.assertEqual(self.names(taxonomy_term_id=area), ["외국인주민 지원"])
        commitment = record_id(self.commitment)
        self.assertEqual(self.names(taxonomy_term_id=commitment), [self.service.name])
        nothing = self.get_json("services", taxonomy_term_id=str(uuid.uuid4()))
        self.assertEqual(
            {k: v for k, v in nothing.items() if k != "contents"},
            {
                "total_items": 0,
                "total_pages": 0,
                "page_number": 1,
                "size": 0,
                "first_page": True,
                "last_page": True,
                "empty": True,
            },
        )
        bad = self.get_json("services", 400, taxonomy_term_id="visa")
        self.assertEqual(bad["errors"]["taxonomy_term_id"][0]["code"], "invalid")

    def test_terms_listed_are_the_terms_that_filter(self):
        terms = self.get_json("taxonomy_terms")["contents"]
        codes = {t["code"]: t["id"] for t in terms}
        self.assertEqual(codes["1-가"], record_id(self.commitment))
        children = self.get_json("taxonomy_terms", parent_id=codes["1"])["contents"]
        self.assertEqual([t["code"] for t in children], ["1-가"])
        top = self.get_json("taxonomy_terms", top_only="true")["contents"]
        self.assertEqual([t["code"] for t in top], ["1", "2", "extension"])

    def test_modified_after_follows_the_service_its_numbers_and_team(self):
        old = timezone.make_aware(datetime.datetime(2020, 1, 1))
        for model in [Service, ServicePhone, Contact, Division]:
            model.history.model.objects.update(history_date=old)
        self.assertEqual(self.names(modified_after="2024-01-01"), [])
        self.assertEqual(len(self.names(modified_after="2019-12-31T00:00:00Z")), 2)
        contact = Contact.objects.get(number="+823180304655")
        contact.hours_note = "평일 10:00–17:00 (경기도 누리집)"
        contact.save()
        self.assertEqual(self.names(modified_after="2024-01-01"), ["외국인주민 지원"])
        record = self.get_json("services", modified_after="2024-01-01")["contents"][0]
        modified = datetime.datetime.fromisoformat(record["last_modified"])
        self.assertLess(timezone.now() - modified, datetime.timedelta(minutes=5))
        # Each other kind of change, on its own: the filter names the services
        # whose ``last_modified`` it moved, as each record then says.
        fax, team = self.fax, self.other_division
        link = ServicePhone.objects.get(contact__number="+823180304653")
        changes = {
            "fax": (lambda: fax.save(), ["이주민 정책 기본계획 수립"]),
            "team": (lambda: team.save(), ["외국인주민 지원"]),
            "number removed": (
                lambda: link.delete(),
                ["이주민 정책 기본계획 수립"],
            ),
        }
        for change, (make, expected) in changes.items():
            with self.subTest(change=change):
                for model in [Service, ServicePhone, Contact, Division]:
                    model.history.model.objects.update(history_date=old)
                # Rewritten history is no edit: nothing tells the page cache.
                invalidate_public_pages()
                self.assertEqual(self.names(modified_after="2024-01-01"), [])
                make()
                self.assertEqual(self.names(modified_after="2024-01-01"), expected)
                records = self.get_json("services")["contents"]
                late = [r["name"] for r in records if r["last_modified"] > "2024"]
                self.assertEqual(late, expected)
        # With no history at all, every service reads as changed at the epoch.
        for model in [Service, ServicePhone, Contact, Division]:
            model.history.all().delete()
        invalidate_public_pages()
        self.assertEqual(len(self.names(modified_after="1960-01-01")), 2)

    def test_taxonomy_and_organization_ids_filter(self):
        taxonomy = self.get_json("taxonomies")["contents"][0]["id"]
        self.assertEqual(len(self.names(taxonomy_id=taxonomy)), 2)
        self.assertEqual(self.names(taxonomy_id=str(uuid.uuid4())), [])
        organization = self.get_json("organizations")["contents"][0]["id"]
        self.assertEqual(len(self.names(organization_id=organization)), 2)
        self.assertEqual(self.names(organization_id=str(uuid.uuid4())), [])

    def test_filters_combine_with_and(self):
        area = record_id(self.area)
        self.assertEqual(self.names(taxonomy_term_id=area, search="외국인주민"), [])
        self.assertEqual(
            self.names(taxonomy_term_id=area, modified_after="2000-01-01"),
            [self.service.name],
        )

    def test_unreadable_times_are_refused_with_the_reason(self):
        for value in ["yesterday", "2025-13-01", "0001-01-01", "2025-01-01T25:00"]:
            with self.subTest(value=value):
                data = self.get_json("services", 400, modified_after=value)
                self.assertEqual(list(data["errors"]), ["modified_after"])


def wipe_directory():
    """Delete every row a seed adds, as if the database were new."""
    for model in [SeedRecord, Synonym, SearchWord, HelpLine, ServicePhone, Service]:
        model.objects.all().delete()
    for model in [Contact, Division, Pledge, Commitment, PolicyArea, Sector]:
        model.objects.all().delete()


class StableIdTests(HsdsClient, TestCase):
    def seeded_ids(self, seed):
        seed()
        services = self.get_json("services", per_page=100, full="true")["contents"]
        terms = self.get_json("taxonomy_terms")["contents"]
        return {
            "services": {s["name"]: s["id"] for s in services},
            "phones": {
                (s["name"], p["number"]): p["id"] for s in services for p in s["phones"]
            },
            "contacts": {s["name"]: s["contacts"][0]["id"] for s in services},
            "terms": {t["code"]: t["id"] for t in terms},
            "organization": self.get_json("organizations")["contents"][0]["id"],
            "pks": sorted(Service.objects.values_list("pk", flat=True)),
        }

    def test_two_fresh_databases_give_every_record_the_same_id(self):
        # The first database as seeding leaves it (this process's copy of a
        # real seed); the second seeded for real, on other primary keys.
        first = self.seeded_ids(lambda: load_seed(seed_command=True))
        wipe_directory()
        # Rows made first in the second database take other primary keys.
        make_service(area=make_area(make_sector(name="보건")), name="건강검진")
        wipe_directory()
        second = self.seeded_ids(
            lambda: call_command("seed_directory", stdout=StringIO())
        )
        self.assertTrue(set(first["pks"]).isdisjoint(second["pks"]))
        del first["pks"], second["pks"]
        self.assertEqual(first, second)
        self.assertEqual(len(first["services"]), 19)
        # Published ids never change: these are derived from natural keys.
        self.assertEqual(
            first["services"]["이주민 정책 기본계획 수립"],
            "ef48a7ad-d27c-52fb-9592-a0f0bffb7825",
        )
        self.assertEqual(
            first["phones"]["이주민 정책 기본계획 수립", "031-8030-4652"],
            "e60615fb-a27e-5f68-ab99-9606dd7c8988",
        )

    def test_ids_do_not_depend_on_the_answers_language(self):
        load_seed(seed_command=True)
        korean = self.get_json("services", full="true")
        english = self.get_json("services", full="true", lang="en")
        ids = [
            (s["id"], s["organization_id"], [p["id"] for p in s["phones"]])
            for s in korean["contents"]
        ]
        self.assertEqual(
            ids,
            [
                (s["id"], s["organization_id"], [p["id"] for p in s["phones"]])
                for s in english["contents"]
            ],
        )
        self.assertNotEqual(
            korean["contents"][0]["organization"]["name"],
            english["contents"][0]["organization"]["name"],
        )


class DetailTests(HsdsClient, SeededTestCase):
    def test_every_service_is_found_by_its_id(self):
        from directory.opendata.hsds_ids import record_ids

        services = list(Service.objects.select_related("area__sector"))
        self.assertEqual(
            record_ids(Service.objects.all()),
            {record_id(service): service.pk for service in services},
        )
        for service in services[:5]:
            record = self.get_json(f"services/{record_id(service)}")
            self.assertEqual(record["name"], service.name)

    def test_ids_are_derived_once_until_a_service_changes(self):
        from unittest.mock import patch

        from directory.opendata import hsds_ids

        first, second = Service.objects.all()[:2]
        old_id = record_id(first)
        with patch.object(hsds_ids, "record_ids", wraps=hsds_ids.record_ids) as derived:
            self.get_json(f"services/{old_id}")
            self.get_json(f"services/{record_id(second)}")
            self.assertEqual(derived.call_count, 1)
            # A new name is a new natural key, so a new id.
            first.name = "결혼이민자 통합 지원"
            first.save()
            self.get_json(f"services/{old_id}", status=404)
            record = self.get_json(f"services/{record_id(first)}")
            self.assertEqual(derived.call_count, 2)
        self.assertEqual(record["name"], "결혼이민자 통합 지원")


class QueryTests(HsdsClient, SeededTestCase):
    def count_queries(self, path, **params):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            self.get_json(path, **params)
        return len(queries)

    def test_queries_do_not_grow_with_the_services_answered(self):
        one = self.count_queries("services", per_page=1, full="true")
        self.assertEqual(self.count_queries("services", per_page=19, full="true"), one)
        service = self.get_json("services")["contents"][0]["id"]
        self.assertLess(self.count_queries(f"services/{service}"), 20)
