from io import StringIO
from unittest import skipUnless

from django.core.management import call_command
from django.db import connection

from directory.models import (
    Contact,
    Division,
    HelpLine,
    SearchEntry,
    SearchWord,
    Service,
    Synonym,
)
from directory.models.search import SearchTerm
from directory.search.entries import (
    CODED,
    SEPARATOR,
    coded_script,
    listed_words,
    script_of,
    texts_of,
)
from directory.search.fts import FTS, MIRRORS, TRIGGERS
from directory.search.indexing import prepared, search_rebuild, write
from directory.search.text import search_key, search_words, unaccented
from directory.signals import index_existing_rows
from standards.models import Pledge, PolicyArea
from tests.base import SeededTestCase

from .queries import names

TRIGRAM_COLUMNS = ["key", "initials", "grams"]
# FTS5's own tables behind the mirrors.
SHADOW_TABLES = {
    f"{fts}_{part}" for fts in MIRRORS for part in ("data", "idx", "docsize", "config")
}


TEXT_INDEXES = {
    "postgresql": {
        # Each partition's part of them is named by PostgreSQL.
        *(f"directory_searchentry_{column}_trgm" for column in TRIGRAM_COLUMNS),
        # The teams' own names, which their services borrow (sql/teams.py).
        *(f"directory_searchentry_team_{column}_trgm" for column in TRIGRAM_COLUMNS),
        # The indexed words' own, for correcting slips and for the coded
        # entries' words: a rebuild keeps it.
        "directory_searchterm_word_trgm",
        # The coded words of texts in other scripts than Hangul, and of the
        # teams' names alone.
        "directory_searchentry_word_codes",
        "directory_searchentry_team_word_codes",
    },
    "sqlite": {*MIRRORS, *TRIGGERS},
}


def text_indexes():
    """The names of the entries' trigram indexes, or FTS table and triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexdef LIKE %s "
                "AND tablename IN (%s, %s)",
                ["% USING gin %", "directory_searchentry", "directory_searchterm"],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE %s", [FTS + "%"]
            )
        return {name for (name,) in cursor.fetchall()} - SHADOW_TABLES


class IndexMaintenanceTests(SeededTestCase):
    def test_fixtures_are_indexed(self):
        services = SearchEntry.objects.filter(kind="service")
        self.assertEqual(services.values("object_id").distinct().count(), 19)
        # Each distinct text once (in Korean and each translation), and a
        # Vietnamese one once more without its accents.
        for kind, records, field in [
            ("division", Division.objects.all(), "name"),
            ("area", PolicyArea.objects.all(), "title"),
        ]:
            with self.subTest(kind=kind):
                keys = {
                    search_key(form)
                    for record in records
                    for text in texts_of(record, field)
                    for form in (text, unaccented(text))
                    if form
                }
                if kind == "division":
                    # And each phrase of the teams' search words.
                    keys |= {
                        search_key(form)
                        for words in SearchWord.objects.exclude(division=None)
                        for phrase in words.phrases
                        for form in (phrase, unaccented(phrase))
                        if form
                    }
                entries = SearchEntry.objects.filter(kind=kind, service=None)
                indexed = {
                    key
                    for joined in entries.filter(word_codes=None).values_list(
                        "key", flat=True
                    )
                    for key in joined.split(SEPARATOR)
                    if key
                }
                # On PostgreSQL, the texts in other scripts than Hangul by
                # their words' codes: every word listed, its code on the entry.
                coded = {key for key in keys if coded_script(script_of(key))}
                self.assertEqual(indexed, keys - coded)
                codes = {
                    code
                    for codes in entries.values_list("word_codes", flat=True)
                    for code in codes or ()
                }
                listed = set(SearchTerm.objects.values_list("word", flat=True))
                for record in records:
                    for text in texts_of(record, field):
                        if not coded_script(script_of(search_key(text))):
                            continue
                        words = {
                            piece
                            for word in search_words(text).split()
                            for piece in listed_words(word)
                        }
                        self.assertLessEqual(words, listed, text)
                        self.assertLessEqual(
                            {SearchTerm.code_of(word) for word in words}, codes, text
                        )
                self.assertEqual(bool(coded), connection.vendor == "postgresql")
                # A record's texts of one rank and script are one entry: its
                # name in English, Vietnamese, Uzbek and Filipino is one row
                # (on PostgreSQL, in every script but Hangul).
                scripts = {
                    (e.object_id, CODED if e.word_codes else script_of(e.key))
                    for e in entries
                }
                self.assertEqual(entries.count(), len(scripts))
                self.assertLess(entries.count(), len(keys))

    def test_renamed_service_is_found_by_its_new_name(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.name = "국제결혼 가정 정착 지원"
        service.save()
        self.assertEqual(names("국제결혼 가정")[0], "국제결혼 가정 정착 지원")
        self.assertNotIn("결혼이민자 지원", names("결혼이민자"))

    def test_renamed_division_is_found_by_its_former_name(self):
        division = Division.objects.get(name="이민체류지원 담당")
        division.name = "외국인주민 정착 담당"
        division.former_names = "이민체류지원 담당\n체류관리 담당"
        division.save()
        self.assertEqual(names("이민체류지원")[0], "외국인주민 정착 담당")
        self.assertEqual(names("체류관리")[0], "외국인주민 정착 담당")
        self.assertIn("이주민 지역사회 적응지원", names("외국인주민 정착"))

    def test_changed_number_is_found_and_the_old_one_is_not(self):
        contact = Contact.objects.get(number="031-8030-4692")
        contact.number = "031-8030-4699"
        contact.save()
        self.assertEqual(names("4699")[0], "이주민·고려인동포 정착지원")
        self.assertEqual(names("4692"), [])

    def test_removed_phone_link_and_deleted_service_leave_no_entry(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.service_phones.all().delete()
        self.assertEqual(
            names("031-8030-4773"),
            ["다문화가족 등 이주배경 가정 특성화사업", "다문화가족지원 담당"],
        )
        pk = service.pk
        service.delete()
        self.assertFalse(SearchEntry.objects.filter(service_id=pk).exists())

    def test_pledge_edits_reach_the_commitment(self):
        pledge = Pledge.objects.get(text__startswith="포괄적 거버넌스를")
        pledge.text = "협치 위원회를 운영하겠습니다."
        pledge.save()
        self.assertEqual(names("협치 위원회"), [pledge.commitment.title])
        pledge.commitment.pledges.all().delete()
        self.assertEqual(names("협치 위원회"), [])

    def test_synonyms_edited_by_staff_apply_at_once(self):
        self.assertEqual(names("한마당잔치"), [])
        Synonym.objects.create(term="문화소통", synonym="한마당잔치")
        self.assertEqual(names("한마당잔치")[0], "이민사회 문화소통 축제")

    def test_rebuild_after_a_bulk_load_gives_the_same_entries(self):
        before = sorted(SearchEntry.objects.values_list("kind", "object_id", "key"))
        SearchEntry.objects.all().delete()
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        self.assertIn(f"검색 색인을 다시 만들었습니다: {len(before)}건", out.getvalue())
        after = sorted(SearchEntry.objects.values_list("kind", "object_id", "key"))
        self.assertEqual(after, before)
        # The text indexes, dropped while the rows were written, are back
        # and in step: a key is found through them.
        self.assertIn("이민사회 문화소통 축제", names("문화소통"))
        self.assertEqual(text_indexes(), TEXT_INDEXES[connection.vendor])

    @skipUnless(connection.vendor == "postgresql", "GIN indexes on PostgreSQL")
    def test_a_save_goes_into_the_text_indexes_at_once(self):
        # GIN's pending list, which every search would read whole until a
        # vacuum emptied it, takes nothing: neither after a rebuild (which
        # builds the indexes anew from their definitions) nor after an edit.
        search_rebuild()
        service = Service.objects.first()
        service.name = "보이스피싱 피해 상담 창구"
        service.save()
        Division.objects.first().save()
        self.assertEqual(names("보이스피싱")[0], "보이스피싱 피해 상담 창구")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname, c.reloptions, gin_clean_pending_list(c.oid) "
                "FROM pg_class c JOIN pg_am am ON am.oid = c.relam "
                "WHERE am.amname = 'gin' AND c.relkind = 'i' "
                "AND c.relname LIKE 'directory_search%%'"
            )
            indexes = cursor.fetchall()
        # Each of the three columns' index and the word codes' in each
        # partition, again for the teams' names alone, and the words'.
        self.assertEqual(len(indexes), 17)
        for name, options, pending_pages in indexes:
            with self.subTest(name):
                self.assertIn("fastupdate=off", options or [])
                self.assertEqual(pending_pages, 0)

    def test_a_rebuild_writes_each_kinds_entries_by_priority_and_script(self):
        search_rebuild()
        for kind in ["service", "division", "helpline"]:
            rows = SearchEntry.objects.filter(kind=kind).order_by("id")
            order = [
                (row.priority, CODED if row.word_codes else script_of(row.key))
                for row in rows
            ]
            with self.subTest(kind=kind):
                # Hangul and every other script (on PostgreSQL, their coded
                # words), and a service's and a help line's numbers.
                scripts = {script for _p, script in order}
                if connection.vendor == "postgresql":
                    self.assertLessEqual({"HANGUL", CODED}, scripts)
                else:
                    self.assertGreater(len(scripts), 3)
                self.assertEqual(order, sorted(order))

    def test_rows_are_written_as_they_are_whatever_they_hold(self):
        # COPY's text format on PostgreSQL gives backslashes, tabs and line
        # ends a meaning of their own; other databases take parameters.
        odd = "a\\b\tc\nd\re\\N"
        write(
            prepared(
                [
                    {
                        "kind": "area",
                        "object_id": 999,
                        "priority": 3,
                        "position": 0,
                        "key": odd,
                        "words": f" {odd} ",
                        "initials": "",
                        "grams": "",
                    }
                ]
            )
        )
        entry = SearchEntry.objects.get(kind="area", object_id=999)
        self.assertEqual(
            (entry.key, entry.words, entry.area_id), (odd, f" {odd} ", None)
        )


class HelpLineAndSearchWordIndexTests(SeededTestCase):
    def test_renamed_service_is_found_by_its_new_name_only(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.name = "국제결혼 가정 쉼표"
        service.save()
        self.assertEqual(names("쉼표"), ["국제결혼 가정 쉼표"])
        # Its description still says what it does; its old name is gone.
        old = SearchEntry.objects.filter(key="결혼이민자지원", service=service)
        self.assertFalse(old.exists())
        service.delete()
        self.assertFalse(SearchEntry.objects.filter(object_id=service.pk).exists())

    def test_migrate_indexes_help_lines_when_they_are_missing(self):
        SearchEntry.objects.filter(kind="helpline").delete()
        self.assertNotIn("외국인종합안내센터", names("1345"))
        index_existing_rows(sender=None, using="default")
        self.assertEqual(names("1345")[0], "외국인종합안내센터")

    def test_search_words_edited_by_staff_apply_at_once(self):
        line = HelpLine.objects.get(number="1345")
        self.assertNotIn(line.name, names("ուսանողական վիզա"))
        words = SearchWord.objects.create(
            helpline=line, language="hy", words="ուսանողական վիզա, վիզա"
        )
        self.assertEqual(names("ուսանողական վիզա")[0], line.name)
        words.delete()
        self.assertEqual(names("ուսանողական վիզա"), [])

    def test_saving_a_help_line_reindexes_only_it(self):
        others = set(
            SearchEntry.objects.exclude(kind="helpline").values_list("pk", flat=True)
        )
        line = HelpLine.objects.get(number="1366")
        line.name = "여성긴급전화 새이름"
        line.save()
        self.assertEqual(names("새이름"), ["여성긴급전화 새이름"])
        after = set(
            SearchEntry.objects.exclude(kind="helpline").values_list("pk", flat=True)
        )
        self.assertEqual(after, others)
