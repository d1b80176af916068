import json
import tempfile
from io import StringIO
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import CommandError, call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.test import TestCase
from django.utils import translation

from directory.loading.importing import RowError, standard_import
from directory.loading.parsing import document_parse
from directory.loading.values import translation_fields
from directory.models import Contact, Division, SeedRecord, Service, ServicePhone
from standards.models import Commitment, Pledge, PolicyArea, Sector

SEED = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"
DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"
MODELS = [Sector, PolicyArea, Commitment, Pledge, Division, Contact, Service]
MODELS += [ServicePhone]
NOT_IN_DOCUMENTS = {"hours", "hours_note", "languages", "languages_note"}


def snapshot():
    """Every standard and directory row, serialized by natural key.

    A document has only the Korean text, so translations are left out, and
    no description (staff write those), nor a number's hours and languages
    (the fixtures give the province's office hours, with their source).
    """
    rows = serializers.serialize(
        "python",
        chain.from_iterable(model.objects.all() for model in MODELS),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    for row in rows:
        foreign = translation_fields(apps.get_model(row["model"]))
        row["fields"] = {
            k: v
            for k, v in row["fields"].items()
            if k not in foreign
            and not k.startswith("description")
            and k not in NOT_IN_DOCUMENTS
        }
    return sorted(
        json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
        for row in rows
    )


def ledger():
    return sorted(SeedRecord.objects.values_list("model", "key", "values"), key=str)


def seed_text(replacements=(), inserted=()):
    """The seed document with lines replaced or inserted (numbered from 1)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for number, text in replacements:
        lines[number - 1] = text
    for number, text in sorted(inserted, reverse=True):
        lines.insert(number - 1, text)
    return "\n".join(lines)


def import_text(content, **options):
    return standard_import(document_parse(content), **options)


def import_file(path, **options):
    return import_text(Path(path).read_bytes(), **options)


def labels(changes):
    return [change.label for change in changes]


def phones(name):
    return [c.national for c in Service.objects.get(name=name).phones_in_order]


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


class ImportCommandTests(TestCase):
    def run_command(self, *args, out=None):
        out = out or StringIO()
        with translation.override("en"):
            call_command("import_standard", *args, stdout=out)
        return out.getvalue()

    def run_failing(self, *args, message):
        """Run the command, which must fail with ``message``; its output."""
        out = StringIO()
        with self.assertRaisesMessage(CommandError, message):
            self.run_command(*args, out=out)
        return out.getvalue()

    def test_dry_run_prints_a_preview_and_writes_nothing(self):
        output = self.run_command(str(DOCUMENTS / "health.txt"), "--dry-run")

        self.assertIn("Added:", output)
        self.assertIn("+ service 보건의료 · 1 · 예방접종 안내 (line 40)", output)
        self.assertIn("Dry run: nothing was written.", output)
        self.assertFalse(Sector.objects.exists())

    def test_import_prints_a_summary(self):
        output = self.run_command(str(SEED))

        self.assertIn("이민사회: 86 added, 0 changed", output)
        self.assertNotIn("Unchanged:", output)
        self.assertEqual(Service.objects.count(), 19)

    def test_conflicts_are_listed_and_fail_the_command_with_a_hint(self):
        import_file(SEED)
        Pledge.objects.filter(
            commitment__area__number=1, commitment__letter="나", number=2
        ).update(text="담당자가 고친 문장입니다.")

        output = self.run_failing(str(SEED), message="use --force")

        self.assertIn("! pledge 이민사회 · 1 · 나 · 2 (edited by staff", output)
        self.assertIn("이민사회: 0 added, 0 changed, 0 removed, 1 in conflict", output)

    def test_dry_run_that_would_leave_conflicts_fails_too(self):
        import_file(SEED)
        Pledge.objects.filter(number=2).update(text="담당자가 고친 문장입니다.")

        output = self.run_failing(str(SEED), "--dry-run", message="use --force")

        self.assertIn("Dry run: nothing was written.", output)

    def test_conflict_that_force_cannot_resolve_fails_the_command(self):
        import_file(SEED)
        Service.objects.create(
            area=PolicyArea.objects.get(number=1),
            division=Division.objects.get(name="이주노동권익 담당"),
            name="이주노동자 상담",
            position=9,
        )
        with tempfile.NamedTemporaryFile(suffix=".txt") as handle:
            text = "이주노동자 행복일터 만들기 이민유치전략 담당"
            handle.write(seed_text([(57, text), (58, "")]).encode())
            handle.flush()

            output = self.run_failing(
                handle.name, "--force", message="Rows in conflict were left alone."
            )

        self.assertIn("! division 이민사회 · 이주노동권익 담당 (no longer in", output)
        self.assertTrue(Division.objects.filter(name="이주노동권익 담당").exists())

    def test_import_without_conflicts_succeeds(self):
        import_file(SEED)

        output = self.run_command(str(SEED))

        self.assertIn("이민사회: 0 added, 0 changed, 0 removed, 0 in conflict", output)

    def test_file_that_is_not_a_document_is_refused_with_its_line(self):
        with tempfile.NamedTemporaryFile(suffix=".txt") as handle:
            handle.write("\n회의록\n참석자: 홍길동\n".encode("cp949"))
            handle.flush()
            with self.assertRaisesMessage(CommandError, "Line 2: Expected the title"):
                self.run_command(handle.name)
        self.assertFalse(Sector.objects.exists())

    def test_missing_file_is_refused(self):
        with self.assertRaises(CommandError):
            self.run_command(str(DOCUMENTS / "missing.txt"))
