import os
import subprocess
import sys
from io import StringIO
from unittest import skipUnless
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.urls import reverse

from directory.models import Contact, Division, SeedRecord, Service
from standards.models import Commitment, Pledge
from tests.admin_forms import admin_url, make_superuser, post_change


def seed():
    out = StringIO()
    call_command("seed_directory", stdout=out)
    return out.getvalue()


class SeedDirectoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = seed()

    def test_first_run_adds_everything_and_reports_it(self):
        self.assertEqual(Service.objects.count(), 19)
        self.assertEqual(Pledge.objects.count(), 13)
        self.assertIn("외국인인권지원센터 운영", self.first_output)
        self.assertIn("추가 608건", self.first_output)

    def test_second_run_changes_nothing(self):
        before = SeedRecord.objects.count()
        output = seed()
        self.assertIn("추가 0건", output)
        self.assertIn("변동 없음 608건", output)
        self.assertEqual(SeedRecord.objects.count(), before)
        self.assertEqual(Service.objects.count(), 19)

    def test_changed_row_survives_and_is_reported(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.name = "결혼이민자 정착 지원"
        service.save()
        contact = Contact.objects.get(number="031-8030-4692")
        contact.kind = Contact.Kind.FAX
        contact.save()

        output = seed()

        self.assertTrue(Service.objects.filter(name="결혼이민자 정착 지원").exists())
        self.assertFalse(Service.objects.filter(name="결혼이민자 지원").exists())
        self.assertEqual(
            Contact.objects.get(number="031-8030-4692").kind, Contact.Kind.FAX
        )
        self.assertIn("담당자가 변경하거나 삭제함", output)
        self.assertIn("다른 항목: kind", output)

    def test_renamed_division_is_not_brought_back(self):
        division = Division.objects.get(name="이민사회정책 담당")
        division.name = "이민정책 담당"
        division.save()

        output = seed()

        self.assertEqual(Division.objects.count(), 6)
        self.assertFalse(Division.objects.filter(name="이민사회정책 담당").exists())
        service = Service.objects.get(name="포괄적 거버넌스 운영")
        self.assertEqual(service.division.name, "이민정책 담당")
        self.assertIn("다른 항목: division", output)

    def test_changed_number_is_not_brought_back_as_a_stray_row(self):
        contact = Contact.objects.get(number="031-8030-4652")
        contact.number = "031-8030-4650"
        contact.save()

        seed()

        self.assertFalse(Contact.objects.filter(number="031-8030-4652").exists())
        service = Service.objects.get(name="이주민 정책 기본계획 수립")
        self.assertEqual(
            [c.national for c in service.phones_in_order], ["031-8030-4650"]
        )

    def test_rows_missing_from_a_database_are_added(self):
        Pledge.objects.filter(number=2).delete()
        SeedRecord.objects.filter(model="standards.pledge").delete()

        output = seed()

        self.assertEqual(Pledge.objects.count(), 13)
        self.assertIn("추가 6건", output)

    def test_ledger_keeps_the_values_each_row_was_seeded_with(self):
        record = SeedRecord.objects.get(
            model="directory.service", key='[["이민사회", 1], "포괄적 거버넌스 운영"]'
        )
        self.assertEqual(record.values["division"], ["이민사회", "이민사회정책 담당"])
        self.assertEqual(record.values["fax"], ["031-8030-4659"])

    def test_every_added_row_starts_its_history(self):
        for model in (Service, Division, Contact, Pledge):
            with self.subTest(model.__name__):
                first = model.history.filter(history_type="+")
                self.assertEqual(first.count(), model.objects.count())
                self.assertEqual(
                    set(first.values_list("history_change_reason", flat=True)),
                    {"seed_directory"},
                )

    def test_staff_edits_are_no_reason_to_fail(self):
        Service.objects.filter(name="결혼이민자 지원").update(name="결혼이민자 정착")

        output = seed()

        # The service and its number are the staff's; what names the service
        # by its old name (its help line's and search words' links) differs.
        self.assertIn("담당자 변경·삭제 2건", output)
        self.assertIn("다름 14건", output)

    def test_row_that_cannot_be_added_fails_the_command(self):
        # A newer release ships pledges of a commitment that staff renamed.
        Commitment.objects.filter(area__number=1, letter="가").update(letter="카")
        SeedRecord.objects.filter(model="standards.pledge").delete()
        out = StringIO()

        with self.assertRaisesMessage(CommandError, "추가하지 않았습니다"):
            call_command("seed_directory", stdout=out)

        self.assertIn(
            '그대로 둠: standards.pledge [["이민사회", 1, "가"], 1]', out.getvalue()
        )
        self.assertEqual(Pledge.objects.count(), 13)

    def test_ledger_has_no_values_for_a_row_that_differed_when_first_seen(self):
        SeedRecord.objects.filter(model="standards.pledge").delete()
        Pledge.objects.filter(number=2).update(text="담당자가 고친 문장")

        seed()

        records = SeedRecord.objects.filter(model="standards.pledge")
        self.assertEqual(records.filter(values__isnull=True).count(), 6)
        self.assertEqual(records.filter(values__isnull=False).count(), 7)


class SeedTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed()

    def test_fixtures_carry_every_translation(self):
        service = Service.objects.get(name_ko="결혼이민자 지원")
        self.assertEqual(service.name_en, "Support for Marriage Migrants")
        self.assertEqual(service.name_zh_hans, "结婚移民者支援")
        self.assertEqual(service.name_vi, "Hỗ trợ người nhập cư kết hôn")
        self.assertEqual(service.name_ru, "Поддержка брачных мигрантов")
        for model, field in [(Service, "name"), (Pledge, "text")]:
            for language in ["en", "zh_hans", "vi", "ru"]:
                empty = model.objects.filter(**{f"{field}_{language}__isnull": True})
                self.assertFalse(empty.exists(), (model, language))

    def test_translations_missing_from_a_database_are_added(self):
        # A database seeded before the translations existed.
        Service.objects.update(name_en=None, name_ru=None)
        output = seed()
        service = Service.objects.get(name_ko="결혼이민자 지원")
        self.assertEqual(service.name_en, "Support for Marriage Migrants")
        self.assertEqual(service.name_ru, "Поддержка брачных мигрантов")
        self.assertIn("번역 추가 directory.service", output)
        self.assertEqual(
            service.history.latest().history_change_reason, "seed_directory"
        )

    def test_a_translation_staff_changed_is_left_alone(self):
        service = Service.objects.get(name_ko="결혼이민자 지원")
        service.name_en = "Marriage migrant support"
        service.name_vi = None
        service.save()
        output = seed()
        service.refresh_from_db()
        self.assertEqual(service.name_en, "Marriage migrant support")
        self.assertEqual(service.name_vi, "Hỗ trợ người nhập cư kết hôn")
        self.assertIn("다른 항목: name_en", output)


class SeedAfterAdminEditTests(TestCase):
    """Edits made in the admin survive every later deployment step."""

    @classmethod
    def setUpTestData(cls):
        seed()
        cls.admin = make_superuser()

    def setUp(self):
        self.client.force_login(self.admin)

    def deploy(self):
        call_command("migrate", interactive=False, verbosity=0)
        return seed()

    def test_admin_edits_survive_reseeding(self):
        service = Service.objects.get(name="결혼이민자 지원")
        contact = Contact.objects.get(number="031-8030-4692")
        pledge = Pledge.objects.first()
        for obj, changes in [
            (service, {"name_ko": "결혼이민자 정착 지원"}),
            (contact, {"number": "031-8030-4690", "extension": "3"}),
            (pledge, {"text_ko": "바뀐 약속입니다."}),
        ]:
            self.assertEqual(post_change(self.client, obj, **changes).status_code, 302)

        output = self.deploy()
        self.deploy()

        self.assertIn("추가 0건", output)
        service.refresh_from_db()
        contact.refresh_from_db()
        pledge.refresh_from_db()
        self.assertEqual(service.name, "결혼이민자 정착 지원")
        self.assertEqual(contact.label, "031-8030-4690 (내선 3)")
        self.assertEqual(pledge.text, "바뀐 약속입니다.")
        self.assertFalse(Service.objects.filter(name="결혼이민자 지원").exists())
        self.assertFalse(Contact.objects.filter(number="031-8030-4692").exists())
        self.assertEqual(Service.objects.count(), 19)

    def test_service_deleted_in_the_admin_stays_deleted(self):
        service = Service.objects.get(name="결혼이민자 지원")
        response = self.client.post(admin_url(service, "delete"), {"post": "yes"})
        self.assertEqual(response.status_code, 302)

        self.deploy()

        self.assertFalse(Service.objects.filter(name="결혼이민자 지원").exists())
        self.assertEqual(Service.objects.count(), 18)

    def test_verification_in_the_admin_survives_reseeding(self):
        service = Service.objects.get(name="결혼이민자 지원")
        self.client.post(
            reverse("admin:directory_service_changelist"),
            {"action": "mark_verified", "_selected_action": [service.pk]},
        )

        self.deploy()

        service.refresh_from_db()
        self.assertIsNotNone(service.last_verified)
        self.assertEqual(service.history.first().history_user, self.admin)


@skipUnless(connection.vendor == "postgresql", "runs that overlap need PostgreSQL")
class ConcurrentSeedTests(TransactionTestCase):
    """Deployments that start together seed the directory once, without a fight."""

    # Three deployments starting at once: one seeds, two find it seeded.
    RUNS = 3

    def database_url(self):
        params = connection.get_connection_params()
        query = {
            k: params[k] for k in ("host", "port", "user", "password") if params.get(k)
        }
        return f"postgres:///{params['dbname']}?{urlencode(query)}"

    def test_runs_started_together_all_succeed_and_seed_once(self):
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith("DATABASE")
        }
        environment.update(DATABASE_URL=self.database_url(), DJANGO_DEBUG="1")
        runs = [
            subprocess.Popen(
                [sys.executable, "manage.py", "seed_directory"],
                cwd=settings.BASE_DIR,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _run in range(self.RUNS)
        ]
        results = [(run.communicate(timeout=600), run.returncode) for run in runs]

        outputs = []
        for (stdout, stderr), returncode in results:
            self.assertEqual(returncode, 0, stderr)
            self.assertNotIn("Traceback", stderr)
            self.assertIn("기초 자료 적재 완료", stdout)
            outputs.append(stdout)
        added = [output for output in outputs if "추가 608건" in output]
        self.assertEqual(len(added), 1)
        self.assertEqual(sum("추가 0건, 다름 0건" in o for o in outputs), self.RUNS - 1)
        self.assertEqual(Service.objects.count(), 19)
        self.assertEqual(SeedRecord.objects.count(), 608)
        self.assertEqual(Service.history.filter(history_type="+").count(), 19)
