from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal
from django.test import TestCase
from django.urls import reverse

from directory.admin.roles import CONTACT_KEEPER, MANAGER
from tests.admin_forms import admin_url, form_data, make_staff, make_superuser


class RoleDataTests(TestCase):
    """The roles are applied after every migrate, from their definition."""

    @classmethod
    def setUpTestData(cls):
        cls.manager = make_staff("boss", MANAGER)

    def test_manager_holds_the_models_added_after_the_roles(self):
        for permission in [
            "directory.change_helpline",
            "directory.change_searchword",
            "directory.change_synonym",
            "directory.view_verificationrequest",
            "directory.delete_report",
            "axes.delete_accessattempt",
        ]:
            with self.subTest(permission=permission):
                self.assertTrue(self.manager.has_perm(permission))

    def test_manager_opens_the_screens_that_answered_403(self):
        self.client.force_login(self.manager)
        for url in [
            reverse("admin:directory_service_import_standard"),
            reverse("admin:directory_helpline_changelist"),
            reverse("admin:directory_searchword_changelist"),
            reverse("admin:directory_synonym_changelist"),
            reverse("admin:directory_verificationrequest_changelist"),
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_migrate_covers_a_model_added_later_and_takes_back_extras(self):
        later = ContentType.objects.create(app_label="directory", model="later")
        added = Permission.objects.create(
            content_type=later, codename="change_later", name="Can change later"
        )
        keeper = Group.objects.get(name=CONTACT_KEEPER)
        stray = Permission.objects.get(codename="delete_contact")
        keeper.permissions.add(stray)
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        manager = Group.objects.get(name=MANAGER)
        self.assertIn(added, manager.permissions.all())
        self.assertNotIn(stray, keeper.permissions.all())
        self.assertEqual(Group.objects.filter(name=MANAGER).count(), 1)


class NoEscalationTests(TestCase):
    """Only a superuser grants superuser; nobody grants more than they hold."""

    @classmethod
    def setUpTestData(cls):
        cls.manager = make_staff("boss", MANAGER)
        cls.root = make_superuser("root")
        cls.outside = Group.objects.create(name="세션 관리")
        cls.outside.permissions.add(Permission.objects.get(codename="delete_session"))

    def setUp(self):
        self.client.force_login(self.manager)

    def save_user(self, user, **changes):
        url = admin_url(user)
        data = form_data(self.client.get(url), **changes)
        # The account's dates are posted as a date and a time, as a browser does.
        for name in ["date_joined", "last_login"]:
            day, _space, time = data.pop(name).partition(" ")
            data[f"{name}_0"], data[f"{name}_1"] = day, time[:8]
        return self.client.post(url, data)

    def test_manager_cannot_make_themselves_superuser(self):
        response = self.save_user(self.manager, is_superuser="on")
        self.manager.refresh_from_db()
        self.assertFalse(self.manager.is_superuser)
        self.assertEqual(response.status_code, 302)

    def test_manager_cannot_join_a_group_beyond_their_permissions(self):
        response = self.save_user(
            self.manager,
            groups=[str(g.pk) for g in self.manager.groups.all()]
            + [str(self.outside.pk)],
        )
        self.assertContains(response, "sessions.delete_session")
        self.assertEqual(
            list(self.manager.groups.values_list("name", flat=True)), [MANAGER]
        )

    def test_manager_cannot_give_a_permission_they_lack(self):
        keeper = make_staff("keeper", CONTACT_KEEPER)
        lacking = Permission.objects.get(codename="delete_session")
        response = self.save_user(keeper, user_permissions=[str(lacking.pk)])
        self.assertEqual(response.status_code, 200)
        self.assertFalse(keeper.user_permissions.exists())

    def test_manager_cannot_widen_a_group(self):
        group = Group.objects.get(name=CONTACT_KEEPER)
        lacking = Permission.objects.get(codename="delete_session")
        url = admin_url(group)
        page = self.client.get(url)
        data = form_data(page)
        data["permissions"] = [*data["permissions"], str(lacking.pk)]
        self.assertEqual(self.client.post(url, data).status_code, 200)
        self.assertNotIn(lacking, group.permissions.all())

    def test_manager_gives_a_keeper_their_role(self):
        newcomer = User.objects.create_user("new", is_staff=True)
        keeper = Group.objects.get(name=CONTACT_KEEPER)
        response = self.save_user(newcomer, groups=[str(keeper.pk)])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(list(newcomer.groups.all()), [keeper])

    def test_manager_cannot_change_or_delete_a_superuser(self):
        url = admin_url(self.root)
        response = self.client.post(
            url, {"username": "root", "is_active": "on", "is_staff": "on"}
        )
        self.assertEqual(response.status_code, 403)
        self.client.post(
            reverse("admin:auth_user_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [self.root.pk],
                "post": "yes",
            },
        )
        self.assertTrue(
            User.objects.filter(pk=self.root.pk, is_superuser=True).exists()
        )

    def test_superuser_grants_superuser(self):
        self.client.force_login(self.root)
        self.save_user(self.manager, is_superuser="on")
        self.manager.refresh_from_db()
        self.assertTrue(self.manager.is_superuser)
