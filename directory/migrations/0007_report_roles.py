"""Let both roles work through the reports from the public.

Managers may also see and lift the admin login lockouts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTACT_KEEPER = "연락처 담당자"
MANAGER = "관리자"


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reports = Permission.objects.filter(
        content_type__app_label="directory", content_type__model="report"
    )
    Group.objects.get(name=CONTACT_KEEPER).permissions.add(
        *reports.filter(codename__in=["view_report", "change_report"])
    )
    Group.objects.get(name=MANAGER).permissions.add(
        *reports, *Permission.objects.filter(content_type__app_label="axes")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("axes", "0010_accessattemptexpiration"),
        ("directory", "0006_report"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
