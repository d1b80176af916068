from functools import partial

from django.db import connection
from django.test import TestCase

from directory.models import SearchEntry
from directory.search.engine import answer, best, matches, ranked
from directory.search.entries import VIA_DIVISION
from directory.search.indexing import search_rebuild
from directory.search.reading import Attempt, parse_query
from tests.factories import make_area, make_division, make_service

from .queries import holding


def found(query, limit=50):
    _attempt, rows = answer(parse_query(query), partial(best, limit=limit))
    return rows or []


class ThroughTeamsTests(TestCase):
    """A service found through its team's names borrows the team's entries:
    they are indexed once, and rank its services as they rank the team."""

    @classmethod
    def setUpTestData(cls):
        area = make_area()
        cls.exact = make_division(
            sector=area.sector,
            name="이주민통역",
            name_en="Migrant Interpreting",
            name_vi="Phiên dịch cho người di cư",
        )
        cls.longer = make_division(
            sector=area.sector, name="이주민통역 협력", position=2
        )
        cls.other = make_division(sector=area.sector, name="주거정책", position=3)
        cls.by_exact = [
            make_service(area=area, division=cls.exact, name=name, position=n)
            for n, name in enumerate(["청년 주거 상담", "어르신 돌봄"], 1)
        ]
        cls.by_longer = make_service(
            area=area, division=cls.longer, name="영유아 보육", position=3
        )
        cls.unrelated = make_service(
            area=area, division=cls.other, name="산림 보호", position=4
        )
        search_rebuild()

    def test_a_teams_names_are_indexed_on_the_team_alone(self):
        for key in ["이주민통역", "migrant", "interpreting", "phiên", "phien"]:
            entries = holding(key)
            with self.subTest(key=key):
                self.assertEqual(
                    set(entries.values_list("kind", flat=True)), {"division"}
                )
        # Each service has one entry of that priority without text, which
        # names its team; its fax (none here) would be another.
        borrowing = SearchEntry.objects.filter(priority=VIA_DIVISION, kind="service")
        self.assertEqual(
            sorted(borrowing.values_list("object_id", "division", "key", "words")),
            sorted(
                (s.pk, s.division_id, "", "")
                for s in [*self.by_exact, self.by_longer, self.unrelated]
            ),
        )

    def test_services_are_found_through_their_teams_name_in_every_language(self):
        services = [("service", s.pk) for s in self.by_exact]
        for query in [
            "이주민통역",
            "Migrant Interpreting",
            "phien dich cho nguoi di cu",
        ]:
            rows = found(query)
            with self.subTest(query=query):
                self.assertEqual(rows[0], ("division", self.exact.pk))
                self.assertLessEqual(set(services), set(rows))
                self.assertNotIn(("service", self.unrelated.pk), rows)

    def test_they_rank_as_their_teams_entries_rank(self):
        exact = [("service", s.pk) for s in self.by_exact]
        longer = ("service", self.by_longer.pk)
        rows = found("이주민통역")
        self.assertEqual(
            rows,
            [
                ("division", self.exact.pk),
                ("division", self.longer.pk),
                *exact,
                longer,
            ],
        )
        # The search page ranks its (filtered) entries the same way.
        attempt, entries = matches("이주민통역")
        page = list(dict.fromkeys(row[:2] for row in ranked(attempt, entries)))
        self.assertEqual(page, rows)
        services = entries.filter(kind="service")
        self.assertEqual(
            set(services.values_list("object_id", flat=True)),
            {pk for _kind, pk in [*exact, longer]},
        )

    def test_a_renamed_team_finds_its_services_by_the_new_name_only(self):
        self.other.name = "산림휴양"
        self.other.save()
        self.assertEqual(
            found("산림휴양"),
            [("division", self.other.pk), ("service", self.unrelated.pk)],
        )
        self.assertEqual(found("주거정책"), [])

    def test_a_slip_in_a_teams_name_finds_its_services_too(self):
        # A slip is ranked at once, every entry's best (engine.every_ranked).
        rows = found("이주민통억")
        self.assertEqual(
            rows[:2], [("division", self.exact.pk), ("division", self.longer.pk)]
        )
        self.assertEqual(
            set(rows[2:]),
            {("service", s.pk) for s in [*self.by_exact, self.by_longer]},
        )

    def test_pieces_of_names_alone_find_no_service_through_its_team(self):
        # Korean pieces are compared with the first priorities' entries
        # alone (reading.Attempt.of_pieces): a team's name lends them none.
        attempt = Attempt.of_pieces(["이주", "주민", "민통", "통역"])
        rows = best(attempt, 20)
        self.assertIn(("division", self.exact.pk), rows)
        self.assertEqual([row for row in rows if row[0] == "service"], [])
        every = Attempt.of_pieces(["migrant", "interpreting"])
        self.assertLessEqual(
            {("service", s.pk) for s in self.by_exact}, set(best(every, 20))
        )

    def test_a_team_answers_for_its_services_numbers_through_theirs(self):
        # No team has an entry of its own for a number.
        self.assertFalse(SearchEntry.objects.filter(kind="division", grams=""))
        services = [*self.by_exact, self.by_longer, self.unrelated]
        teams = {("division", t.pk) for t in [self.exact, self.longer, self.other]}
        for query in ["031-8030-4652", "4652"]:
            rows = found(query)
            with self.subTest(query=query):
                # The services that have it, then their teams, each once.
                self.assertEqual(
                    set(rows[: len(services)]), {("service", s.pk) for s in services}
                )
                self.assertEqual(set(rows[len(services) :]), teams)
                # The search page finds and ranks them alike.
                attempt, entries = matches(query)
                page = list(dict.fromkeys(row[:2] for row in ranked(attempt, entries)))
                self.assertEqual(page, rows)


class NoTeamTests(TestCase):
    """The search page's entries name the teams found first; of none, no test."""

    @classmethod
    def setUpTestData(cls):
        area = make_area()
        team = make_division(sector=area.sector, name="이주민통역")
        make_service(area=area, division=team, name="산림 보호")
        search_rebuild()

    def plan(self, entries):
        sql, params = entries.values("object_id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return [row[-1] for row in cursor.fetchall()]

    def where(self, query):
        _attempt, entries = matches(query)
        sql, _params = entries.query.sql_with_params()
        return sql.split(" WHERE ", 1)[1]

    def test_a_query_no_team_name_has_tests_no_team(self):
        # The borrowing entries' test (sql/teams.py, ``BORROWS``): a key of ''.
        self.assertNotIn(" = ''", self.where("산림 보호"))
        self.assertIn(" = ''", self.where("이주민통역"))
        if connection.vendor == "sqlite":
            # "Or no team" read every entry: a scan of the whole table.
            _attempt, entries = matches("산림 보호")
            self.assertNotIn("SCAN directory_searchentry", self.plan(entries))
