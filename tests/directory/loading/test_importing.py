"""Importing a standard document (directory/loading/importing.py): the first
import, again, dry runs, changed documents and several sectors."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from directory.loading.importing import RowError
from directory.models import Contact, Division, SeedRecord, Service
from standards.models import Pledge, Sector

from .imports import (
    DOCUMENTS,
    SEED,
    import_file,
    import_text,
    labels,
    ledger,
    phones,
    seed_text,
    snapshot,
)


class SeedDocumentImportTests(TestCase):
    def test_empty_database_gets_exactly_the_fixtures(self):
        with transaction.atomic():
            call_command("loaddata", "standards", "directory", verbosity=0)
            loaded = snapshot()
            transaction.set_rollback(True)
        self.assertEqual(snapshot(), [])

        report = import_file(SEED)

        self.assertEqual(snapshot(), loaded)
        self.assertEqual(len(report.added), 86)
        self.assertEqual(report.conflicts, [])

    def test_import_again_changes_nothing(self):
        import_file(SEED)
        before, records = snapshot(), ledger()

        report = import_file(SEED)

        self.assertFalse(report.changed_anything)
        self.assertEqual(report.conflicts, [])
        self.assertEqual(len(report.unchanged), 86)
        self.assertEqual(snapshot(), before)
        self.assertEqual(ledger(), records)

    def test_seeded_database_is_unchanged_by_the_seed_document(self):
        call_command("seed_directory", stdout=StringIO())
        before = snapshot()

        report = import_file(SEED)

        self.assertFalse(report.changed_anything)
        self.assertEqual(report.conflicts, [])
        self.assertEqual(snapshot(), before)


class DryRunTests(TestCase):
    def test_dry_run_reports_everything_and_writes_nothing(self):
        report = import_file(SEED, dry_run=True)

        self.assertTrue(report.dry_run)
        self.assertEqual(len(report.added), 86)
        self.assertIn("서비스 이민사회 · 2 · 결혼이민자 지원", labels(report.added))
        self.assertEqual(snapshot(), [])
        self.assertFalse(SeedRecord.objects.exists())

    def test_dry_run_of_an_update_leaves_the_database_as_it_was(self):
        import_file(SEED)
        before, records = snapshot(), ledger()

        report = import_text(
            seed_text([(53, "포괄적 거버넌스 운영 031-8030-4654")]), dry_run=True
        )

        self.assertTrue(report.changed_anything)
        self.assertEqual(snapshot(), before)
        self.assertEqual(ledger(), records)


class DocumentUpdateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        import_file(SEED)

    def test_new_number_replaces_the_old_one(self):
        report = import_text(seed_text([(53, "포괄적 거버넌스 운영 031-8030-4654")]))

        self.assertEqual(phones("포괄적 거버넌스 운영"), ["031-8030-4654"])
        self.assertEqual(
            labels(report.removed),
            ["서비스 전화번호 이민사회 · 1 · 포괄적 거버넌스 운영 · 031-8030-4653"],
        )
        self.assertIn("연락처 031-8030-4654", labels(report.added))
        self.assertEqual(report.conflicts, [])

    def test_renamed_service_takes_the_place_of_the_old_one(self):
        report = import_text(seed_text([(55, "외국인인권센터 운영 031-8030-4655")]))

        service = Service.objects.get(name="외국인인권센터 운영")
        self.assertEqual(service.position, 4)
        self.assertFalse(
            Service.objects.filter(name="외국인인권지원센터 운영").exists()
        )
        self.assertIn(
            "서비스 이민사회 · 1 · 외국인인권지원센터 운영", labels(report.removed)
        )

    def test_inserted_service_moves_the_rows_below(self):
        report = import_text(seed_text(inserted=[(52, "다국어 상담 031-8030-4656")]))

        names = Service.objects.filter(area__number=1).values_list("name", flat=True)
        self.assertEqual(names[2], "다국어 상담")
        self.assertEqual(names[8], "비자 개선 등 외국인 정주 유도")
        self.assertEqual(len(report.changed), 6)

    def test_rows_can_trade_places(self):
        report = import_text(
            seed_text(
                [
                    (53, "외국인인권지원센터 운영 031-8030-4655"),
                    (55, "포괄적 거버넌스 운영 031-8030-4653"),
                ]
            )
        )

        names = Service.objects.filter(area__number=1).values_list("name", flat=True)
        self.assertEqual(
            list(names[2:4]), ["외국인인권지원센터 운영", "포괄적 거버넌스 운영"]
        )
        self.assertEqual(len(report.changed), 2)

    def test_changed_wording_updates_the_pledge(self):
        text = "  2) 포괄적 거버넌스를 운영하여 이민사회정책을 수립하겠습니다."
        report = import_text(seed_text([(18, text)]))

        self.assertEqual(labels(report.changed), ["세부 약속 이민사회 · 1 · 나 · 2"])
        self.assertTrue(
            Pledge.objects.filter(
                text="포괄적 거버넌스를 운영하여 이민사회정책을 수립하겠습니다."
            ).exists()
        )

    def test_dropped_row_that_staff_edited_is_kept(self):
        Service.objects.filter(name="비자 개선 등 외국인 정주 유도").update(
            division=Division.objects.get(name="이민사회정책 담당")
        )

        report = import_text(seed_text([(69, "")]))

        self.assertTrue(
            Service.objects.filter(name="비자 개선 등 외국인 정주 유도").exists()
        )
        (conflict,) = report.conflicts
        self.assertEqual(conflict.reason, "dropped")

    def test_kept_row_in_the_way_of_a_moving_row_stops_the_import(self):
        Service.objects.filter(name="외국인SNS기자단 운영").update(
            division=Division.objects.get(name="이민사회정책 담당")
        )
        before = snapshot()

        with self.assertRaises(RowError) as caught:
            import_text(seed_text([(62, "")]))

        self.assertEqual(caught.exception.line_number, 64)
        self.assertIn("외국인 우수인재 유치 지원", str(caught.exception))
        self.assertEqual(snapshot(), before)
        import_text(seed_text([(62, "")]), force=True)
        self.assertFalse(Service.objects.filter(name="외국인SNS기자단 운영").exists())

    def test_dropped_division_goes_once_its_services_move(self):
        text = "이주노동자 행복일터 만들기 이민유치전략 담당"
        report = import_text(seed_text([(57, text), (58, "")]))

        self.assertFalse(Division.objects.filter(name="이주노동권익 담당").exists())
        self.assertIn("담당 이민사회 · 이주노동권익 담당", labels(report.removed))
        self.assertEqual(report.conflicts, [])


class SectorsTests(TestCase):
    def test_each_new_sector_comes_after_the_others(self):
        import_file(DOCUMENTS / "health.txt")
        import_file(DOCUMENTS / "transport.txt")
        import_file(SEED)

        self.assertEqual(
            list(Sector.objects.values_list("name", "position")),
            [("보건의료", 1), ("교통", 2), ("이민사회", 3)],
        )
        self.assertEqual(Service.objects.count(), 8 + 8 + 19)

    def test_cp949_document_with_a_fax_per_division(self):
        import_file(DOCUMENTS / "transport.txt")

        self.assertEqual(
            phones("배차 간격 민원"),
            ["031-8008-2413", "031-8008-2414", "031-8008-2415"],
        )
        faxes = Service.objects.filter(area__number=1).values_list(
            "fax__number", flat=True
        )
        self.assertEqual([str(fax)[-4:] for fax in faxes], ["2419"] * 3 + ["2429"] * 2)
        self.assertEqual(Contact.objects.filter(kind=Contact.Kind.FAX).count(), 3)
