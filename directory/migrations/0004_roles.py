"""Create the two staff roles and give them their permissions.

Permissions are normally created after all migrations have run, so they are
created here first for the apps whose permissions the groups need.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTACT_KEEPER = "연락처 담당자"
MANAGER = "관리자"

# Contact keepers keep numbers, teams and verification dates current; the
# standard's own text (sectors, areas, commitments, pledges) is read-only to them.
KEEPER_PERMISSIONS = {
    "directory": [
        "view_division",
        "add_division",
        "change_division",
        "view_contact",
        "add_contact",
        "change_contact",
        "view_service",
        "change_service",
        "view_servicephone",
        "add_servicephone",
        "change_servicephone",
        "delete_servicephone",
    ],
    "standards": [
        "view_sector",
        "view_policyarea",
        "view_commitment",
        "view_pledge",
    ],
}
MANAGER_APPS = ["auth", "standards", "directory"]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    keeper, _ = Group.objects.get_or_create(name=CONTACT_KEEPER)
    for app_label, codenames in KEEPER_PERMISSIONS.items():
        keeper.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
    manager, _ = Group.objects.get_or_create(name=MANAGER)
    manager.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=MANAGER_APPS)
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[CONTACT_KEEPER, MANAGER]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("standards", "0002_history"),
        ("directory", "0003_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
