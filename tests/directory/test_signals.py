from functools import partial

from django.test import TestCase

from core.cache import current_generation
from directory.models import (
    Contact,
    Division,
    HelpLine,
    Report,
    SearchEntry,
    SearchWord,
    SeedRecord,
    Service,
    Synonym,
)
from directory.search.engine import answer, best, every_ranked, parse_query
from directory.search.entries import ITEMS
from directory.search.indexing import search_rebuild
from directory.signals import indexing_deferred
from tests.base import SeededTestCase
from tests.factories import make_commitment, make_service

from .search.queries import holding


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.service = make_service(name="결혼이민자 지원")
        cls.url = cls.service.get_absolute_url()

    def assert_served_from_cache(self, text):
        with self.assertNumQueries(0):
            response = self.client.get(self.url)
        self.assertContains(response, text)

    def test_a_report_leaves_cached_pages_cached(self):
        self.client.get(self.url)
        Report.objects.create(service=self.service, problem="없는 번호입니다.")
        self.assert_served_from_cache("결혼이민자 지원")

    def test_closing_a_report_refreshes_the_verified_date(self):
        report = Report.objects.create(service=self.service, problem="번호가 바뀜")
        self.assertContains(self.client.get(self.url), "확인 기록 없음")
        Report.objects.filter(pk=report.pk).close(Report.Status.RESOLVED, verified=True)
        self.assertNotContains(self.client.get(self.url), "확인 기록 없음")

    def test_a_service_edit_refreshes_its_page(self):
        self.client.get(self.url)
        self.service.name = "결혼이민자 통합 지원"
        self.service.save()
        self.assertContains(self.client.get(self.url), "결혼이민자 통합 지원")

    def test_a_number_edit_refreshes_the_pages_showing_it(self):
        self.client.get(self.url)
        contact = Contact.objects.get()
        contact.number = "031-8030-4699"
        contact.save()
        self.assertContains(self.client.get(self.url), "031-8030-4699")

    def test_linking_a_commitment_refreshes_the_page(self):
        commitment = make_commitment(area=self.service.area, title="통역 지원")
        self.client.get(self.url)
        self.service.commitments.add(commitment)
        self.assertContains(self.client.get(self.url), "통역 지원")


class GenerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.service = make_service()

    def test_rows_kept_beside_public_data_leave_the_generation(self):
        before = current_generation()
        SeedRecord.objects.create(model="directory.service", key="[]")
        report = Report.objects.create(service=self.service, problem="틀림")
        report.delete()
        self.service.search_entries.all().delete()
        self.service.history.all().delete()
        self.assertEqual(current_generation(), before)

    def test_a_synonym_changes_search_results(self):
        before = current_generation()
        Synonym.objects.create(term="비자", synonym="사증")
        self.assertGreater(current_generation(), before)

    def test_marking_verified_sends_no_signal_but_refreshes_pages(self):
        before = current_generation()
        Service.objects.all().mark_verified()
        self.assertGreater(current_generation(), before)


def entries():
    """Every search entry, without its id, in a stable order."""
    fields = [f.attname for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    return sorted(map(repr, SearchEntry.objects.values_list(*fields)))


class DeferredIndexingTests(SeededTestCase):
    def test_records_are_indexed_at_the_end_of_the_block(self):
        line = HelpLine.objects.get(number="1345")
        found = holding("ուսանողական")
        with indexing_deferred():
            SearchWord.objects.create(
                helpline=line, language="hy", words="ուսանողական վիզա"
            )
            with indexing_deferred():
                Division.objects.filter(pk=self.division.pk).update(name="가족 팀")
                self.division.refresh_from_db()
                self.division.save()
            self.assertFalse(found.exists())
            self.assertFalse(SearchEntry.objects.filter(words__contains="가족 팀"))
        self.assertEqual(list(found.values_list("object_id", flat=True)), [line.pk])
        # The team's entries carry its new name, and its services are found
        # by it (they borrow the team's: directory/search/sql/teams.py).
        teams = SearchEntry.objects.filter(words__contains="가족 팀")
        self.assertEqual(set(teams.values_list("kind", flat=True)), {"division"})
        services = set(self.division.services.values_list("pk", flat=True))
        self.assertTrue(services)
        _attempt, rows = answer(parse_query("가족 팀"), partial(best, limit=50))
        self.assertEqual(rows[0], ("division", self.division.pk))
        self.assertEqual({pk for kind, pk in rows if kind == "service"}, services)

    def test_the_index_after_the_block_is_the_index_built_anew(self):
        with indexing_deferred():
            service = Service.objects.get(name="결혼이민자 지원")
            service.name = "국제결혼 가정 지원"
            service.save()
            contact = Contact.objects.get(number="031-8030-4655")
            contact.number = "031-8030-4699"
            contact.save()
            SearchWord.objects.create(
                service=service, language="ko", words="혼인 신고, 배우자 비자"
            )
            SearchWord.objects.filter(helpline__number="1345").first().delete()
            self.division.name = "가족 팀"
            self.division.save()
        deferred = entries()
        search_rebuild()
        self.assertEqual(deferred, entries())
        self.assertTrue(SearchEntry.objects.filter(words__contains="국제결혼"))


class TeamSaveTests(SeededTestCase):
    """A team's services borrow its names, and it answers for their numbers
    through their own entries (directory/search/sql/teams.py): saving the
    team writes none of its services' entries."""

    def service_entries(self):
        services = self.division.services.values_list("pk", flat=True)
        return sorted(
            SearchEntry.objects.filter(service__in=services).values_list(
                "id", "position"
            )
        )

    def test_a_renamed_team_writes_none_of_its_services_entries(self):
        before = self.service_entries()
        self.assertTrue(before)
        self.division.name = "가족 팀"
        self.division.name_en = "Family Team"
        self.division.save()
        self.assertEqual(self.service_entries(), before)
        services = set(self.division.services.values_list("pk", flat=True))
        for query in ["가족 팀", "family team"]:
            _attempt, rows = answer(parse_query(query), partial(best, limit=50))
            with self.subTest(query=query):
                self.assertEqual(rows[0], ("division", self.division.pk))
                self.assertLessEqual(services, {pk for kind, pk in rows})
        fresh = entries()
        search_rebuild()
        self.assertEqual(fresh, entries())

    def test_a_moved_team_answers_for_its_numbers_at_its_new_place(self):
        number = "031-8030-4773"
        for position in [self.division.position + 7, self.division.position]:
            before = self.service_entries()
            self.division.position = position
            with indexing_deferred():
                self.division.save()
            self.assertEqual(self.service_entries(), before)
            rows = sql_rows(number)
            [place] = {p for kind, pk, _r, p in rows if kind == "division"}
            with self.subTest(position=position):
                self.assertEqual(place % ITEMS, position)
                fresh = entries()
                search_rebuild()
                self.assertEqual(fresh, entries())
                self.assertEqual(sql_rows(number), rows)


def sql_rows(query):
    """The ranked rows (kind, id, rank, place) of the query as typed."""
    attempt = parse_query(query).attempts[0]
    return every_ranked(attempt, 100)
