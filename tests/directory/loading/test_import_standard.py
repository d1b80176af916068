"""``manage.py import_standard``: its preview, summary, conflicts and refusals."""

import tempfile
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation

from directory.models import Division, Service
from standards.models import Pledge, PolicyArea, Sector

from .imports import DOCUMENTS, SEED, import_file, seed_text


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
