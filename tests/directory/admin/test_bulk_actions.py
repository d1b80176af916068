from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from directory.admin.roles import CONTACT_KEEPER, MANAGER
from directory.models import Contact
from tests.admin_forms import make_staff, post_change
from tests.factories import make_service


class StaleBulkActionTests(TestCase):
    """A bulk action leaves out the rows changed by someone else after the
    list was shown, and says what changed."""

    @classmethod
    def setUpTestData(cls):
        cls.keeper = make_staff("keeper", CONTACT_KEEPER)
        cls.manager = make_staff("boss", MANAGER)
        cls.service = make_service(phones=["031-8030-4652", "031-8030-4653"])
        cls.changed, cls.untouched = cls.service.phones_in_order

    def test_row_changed_after_the_list_was_shown_is_not_marked(self):
        url = reverse("admin:directory_contact_changelist")
        self.client.force_login(self.keeper)
        self.client.get(url)
        other = Client()
        other.force_login(self.manager)
        post_change(other, self.changed, number="031-8030-4999")
        response = self.client.post(
            url,
            {
                "action": "mark_verified",
                "_selected_action": [self.changed.pk, self.untouched.pk],
            },
            follow=True,
        )
        self.assertContains(response, "031-8030-4999")
        self.assertContains(response, "boss")
        self.changed.refresh_from_db()
        self.untouched.refresh_from_db()
        self.assertIsNone(self.changed.last_verified)
        self.assertEqual(self.untouched.last_verified, timezone.localdate())
        self.assertEqual(Contact.objects.filter(last_verified__isnull=False).count(), 1)

    def test_list_shown_after_the_change_marks_every_row(self):
        url = reverse("admin:directory_contact_changelist")
        other = Client()
        other.force_login(self.manager)
        post_change(other, self.changed, number="031-8030-4999")
        self.client.force_login(self.keeper)
        self.client.get(url)
        self.client.post(
            url,
            {
                "action": "mark_verified",
                "_selected_action": [self.changed.pk, self.untouched.pk],
            },
        )
        self.assertEqual(Contact.objects.filter(last_verified__isnull=False).count(), 2)
