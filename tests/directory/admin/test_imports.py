from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from directory.loading.importing import standard_import
from directory.loading.parsing import document_parse
from directory.models import SeedRecord, Service
from standards.models import Pledge, Sector

SEED = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"
TRANSPORT = Path(__file__).resolve().parents[2] / "documents" / "transport.txt"
URL = reverse("admin:directory_service_import_standard")


class StandardImportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "manager", "manager@example.org", "correct-horse-battery"
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def upload(self, path=SEED, **data):
        document = SimpleUploadedFile(path.name, path.read_bytes())
        return self.client.post(URL, {"document": document, **data})

    def confirm(self, preview):
        return self.client.post(URL, preview.context["confirm_form"].initial)

    def test_changelist_links_to_the_import_page(self):
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertContains(response, f'href="{URL}"')

    def test_import_page_shows_the_upload_form(self):
        response = self.client.get(URL)
        self.assertContains(response, 'type="file" name="document"')
        self.assertContains(response, 'enctype="multipart/form-data"')

    def test_upload_shows_a_preview_and_writes_nothing(self):
        response = self.upload()

        self.assertContains(response, "서비스 이민사회 · 1 · 외국인종합지원센터 구축")
        self.assertContains(response, 'type="hidden" name="content"')
        self.assertFalse(Sector.objects.exists())
        self.assertFalse(SeedRecord.objects.exists())

    def test_confirm_imports_the_document(self):
        response = self.confirm(self.upload(TRANSPORT))

        self.assertRedirects(
            response,
            reverse("admin:directory_service_changelist"),
            fetch_redirect_response=False,
        )
        self.assertEqual(Service.objects.filter(area__sector__name="교통").count(), 8)
        response = self.client.get(response.url)
        self.assertContains(response, "교통: 추가 46건")

    def test_document_with_an_error_is_refused_with_its_line(self):
        lines = SEED.read_text(encoding="utf-8").split("\n")[:57]
        document = SimpleUploadedFile("cut.txt", "\n".join(lines).encode())

        response = self.client.post(URL, {"document": document})

        self.assertContains(response, "57")
        self.assertContains(response, "이주노동자 행복일터 만들기")
        self.assertNotIn("confirm_form", response.context)
        self.assertFalse(Sector.objects.exists())

    def test_conflicts_are_shown_and_kept(self):
        standard_import(document_parse(SEED.read_bytes()))
        pledge = Pledge.objects.get(
            commitment__area__number=1, commitment__letter="나", number=2
        )
        Pledge.objects.filter(pk=pledge.pk).update(text="담당자가 고친 문장입니다.")

        preview = self.upload()
        self.assertContains(preview, "세부 약속 이민사회 · 1 · 나 · 2")
        self.assertContains(preview, "담당자가 고친 문장입니다.")
        self.confirm(preview)

        pledge.refresh_from_db()
        self.assertEqual(pledge.text, "담당자가 고친 문장입니다.")

    def test_force_replaces_staff_edits(self):
        standard_import(document_parse(SEED.read_bytes()))
        Pledge.objects.update(text="담당자가 고친 문장입니다.")

        self.confirm(self.upload(force="on"))

        self.assertFalse(
            Pledge.objects.filter(text="담당자가 고친 문장입니다.").exists()
        )

    def test_confirmation_that_was_tampered_with_is_refused(self):
        response = self.client.post(URL, {"content": "이것은 문서가 아닙니다"})

        self.assertContains(response, 'class="errornote"')
        self.assertFalse(Sector.objects.exists())

    def test_anonymous_user_is_sent_to_log_in(self):
        self.client.logout()
        document = SimpleUploadedFile("seed.txt", SEED.read_bytes())

        response = self.client.post(URL, {"document": document})

        self.assertRedirects(response, f"{reverse('admin:login')}?next={URL}")
        self.assertFalse(Sector.objects.exists())

    def test_staff_without_permissions_is_refused(self):
        clerk = get_user_model().objects.create_user(
            "clerk", "clerk@example.org", "correct-horse-battery", is_staff=True
        )
        self.client.force_login(clerk)
        self.assertEqual(self.client.get(URL).status_code, 403)

    def test_post_without_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.admin)
        document = SimpleUploadedFile("seed.txt", SEED.read_bytes())

        response = client.post(URL, {"document": document})

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Sector.objects.exists())
