from unittest import skipUnless

from django.db import connection
from django.test import TestCase

from directory.loading.loader import LOCK_KEY, RowError, RowLoader, loading
from directory.loading.plans import Row
from directory.loading.report import LoadReport
from directory.loading.seeding import directory_seed
from directory.models import Division, SeedRecord, Service
from standards.models import Pledge, PolicyArea, Sector

from .imports import SEED, import_file, labels, phones

TITLE = "이민사회 분야 행정서비스 이행표준"


def sector_row(title):
    return Row("standards.sector", 1, {"name": "이민사회", "title": title})


class LoadingTests(TestCase):
    def test_dry_run_reports_and_rolls_back(self):
        report = LoadReport()
        with loading(dry_run=True):
            loader = RowLoader(report)
            loader.rows_load(
                [Row("standards.sector", 1, {"name": "교통", "title": "교통"})]
            )
            loader.finish()

        self.assertEqual([change.key for change in report.added], ['["교통"]'])
        self.assertFalse(Sector.objects.exists())
        self.assertFalse(SeedRecord.objects.exists())

    def test_run_that_collides_with_another_write_says_so_and_writes_nothing(self):
        with self.assertRaises(RowError) as caught, loading():
            Sector.objects.create(name="교통", title="교통")
            Sector.objects.create(name="교통", title="교통")

        self.assertIsNone(caught.exception.line_number)
        self.assertIn(
            "아무것도 기록하지 않았습니다. 다시 실행하세요", str(caught.exception)
        )
        self.assertFalse(Sector.objects.exists())

    @skipUnless(connection.vendor == "postgresql", "advisory locks are PostgreSQL's")
    def test_run_holds_the_advisory_lock_on_postgresql(self):
        # This connection's locks only: another test process may hold the
        # same lock on its own database of the cluster.
        query = (
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
            "AND objid = %s AND pid = pg_backend_pid() AND granted"
        )
        with loading(), connection.cursor() as cursor:
            cursor.execute(query, [LOCK_KEY])
            self.assertEqual(cursor.fetchone(), (1,))


class ModeTests(TestCase):
    """The same newer row, through the loader's two modes."""

    @classmethod
    def setUpTestData(cls):
        directory_seed(["standards.json"])

    def load(self, row, **mode):
        report = LoadReport()
        with loading():
            loader = RowLoader(report, **mode)
            loader.rows_load([row])
            loader.finish()
        return report

    def test_add_only_keeps_the_existing_row(self):
        report = self.load(sector_row("새 제목"), add_only=True)

        (kept,) = report.kept
        self.assertEqual(kept.differences, {"title": (TITLE, "새 제목")})
        self.assertEqual(report.conflicts, [])
        self.assertEqual(Sector.objects.get().title, TITLE)

    def test_update_replaces_a_row_staff_left_as_loaded(self):
        report = self.load(sector_row("새 제목"))

        self.assertEqual([change.reason for change in report.changed], ["change"])
        self.assertEqual(Sector.objects.get().title, "새 제목")
        record = SeedRecord.objects.get(model="standards.sector")
        self.assertEqual(record.values["title"], "새 제목")

    def test_update_keeps_a_row_staff_edited_as_a_conflict(self):
        Sector.objects.update(title="담당자가 고친 제목")

        report = self.load(sector_row("새 제목"))

        self.assertEqual([change.reason for change in report.conflicts], ["edited"])
        self.assertEqual(Sector.objects.get().title, "담당자가 고친 제목")

    def test_row_whose_parent_is_missing_is_a_conflict_in_both_modes(self):
        row = Row("standards.policyarea", 3, {"sector": ["교통"], "number": 1})
        for mode in ({}, {"add_only": True}):
            with self.subTest(mode):
                report = self.load(row, **mode)
                self.assertEqual([c.reason for c in report.conflicts], ["orphaned"])


class RowErrorTests(TestCase):
    def test_error_of_a_document_row_names_its_line(self):
        self.assertEqual(str(RowError(12, "서비스 중복")), "12행: 서비스 중복")

    def test_error_without_a_line_is_the_message_alone(self):
        self.assertEqual(str(RowError(None, "서비스 중복")), "서비스 중복")


class StaffEditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        import_file(SEED)
        cls.pledge = Pledge.objects.get(
            commitment__area__number=1, commitment__letter="나", number=2
        )
        cls.pledge.text = "담당자가 고친 문장입니다."
        cls.pledge.save()
        cls.service = Service.objects.get(name="결혼이민자 지원")
        cls.service.division = Division.objects.get(name="이민체류지원 담당")
        cls.service.save()

    def test_edited_rows_are_conflicts_and_survive(self):
        report = import_file(SEED)

        self.assertFalse(report.changed_anything)
        self.assertEqual(
            labels(report.conflicts),
            [
                "세부 약속 이민사회 · 1 · 나 · 2",
                "서비스 이민사회 · 2 · 결혼이민자 지원",
            ],
        )
        self.pledge.refresh_from_db()
        self.service.refresh_from_db()
        self.assertEqual(self.pledge.text, "담당자가 고친 문장입니다.")
        self.assertEqual(self.service.division.name, "이민체류지원 담당")

    def test_conflict_tells_what_differs_and_where(self):
        (conflict, _service) = import_file(SEED).conflicts
        self.assertEqual(conflict.line, 18)
        self.assertEqual(conflict.reason, "edited")
        self.assertEqual(
            conflict.differences["text"],
            (
                "담당자가 고친 문장입니다.",
                "포괄적 거버넌스를 운영하여 다양한 의견을 수렴하여 "
                "이민사회정책을 수립하겠습니다.",
            ),
        )

    def test_force_replaces_the_edits(self):
        report = import_file(SEED, force=True)

        self.assertEqual(report.conflicts, [])
        self.assertEqual(len(report.changed), 2)
        self.pledge.refresh_from_db()
        self.service.refresh_from_db()
        self.assertTrue(self.pledge.text.startswith("포괄적 거버넌스를"))
        self.assertEqual(self.service.division.name, "다문화가족지원 담당")
        self.assertFalse(import_file(SEED).conflicts)

    def test_renamed_row_is_a_conflict_and_not_brought_back(self):
        Service.objects.filter(name="외국인SNS기자단 운영").update(
            name="외국인 SNS 기자단 운영"
        )

        report = import_file(SEED)

        self.assertIn(
            "서비스 이민사회 · 1 · 외국인SNS기자단 운영", labels(report.conflicts)
        )
        self.assertFalse(Service.objects.filter(name="외국인SNS기자단 운영").exists())
        self.assertEqual(phones("외국인 SNS 기자단 운영"), ["031-8030-4663"])

    def test_row_staff_added_is_left_alone(self):
        Service.objects.create(
            area=PolicyArea.objects.get(number=1),
            division=Division.objects.get(name="이민사회정책 담당"),
            name="이주민 통역 지원",
            position=9,
        )

        report = import_file(SEED)

        self.assertFalse(report.changed_anything)
        self.assertTrue(Service.objects.filter(name="이주민 통역 지원").exists())
