"""Staff roles as data: each group and the permissions it holds.

The apps declare their roles (``Role``) and hand them to ``roles_applier``;
after every migrate the groups are made to hold exactly their permissions, so
a model added later is covered and a permission ticked by hand is taken back.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, router
from django.db.models import Q


@dataclass(frozen=True)
class Role:
    """A group: every permission of ``apps``, plus ``permissions`` by name."""

    name: str
    apps: tuple[str, ...] = ()
    permissions: tuple[str, ...] = field(default=())


def role_permissions(role, permissions):
    """The rows of ``permissions`` that ``role`` holds."""
    wanted = Q(content_type__app_label__in=role.apps)
    for label in role.permissions:
        app_label, codename = label.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return permissions.filter(wanted)


def apply_roles(roles, using=DEFAULT_DB_ALIAS):
    """Create each role's group and give it exactly its permissions."""
    Group = global_apps.get_model("auth", "Group")
    Permission = global_apps.get_model("auth", "Permission")
    if not router.allow_migrate_model(using, Group):
        return
    for role in roles:
        group, _created = Group.objects.using(using).get_or_create(name=role.name)
        permissions = Permission.objects.db_manager(using).all()
        group.permissions.set(role_permissions(role, permissions))


def roles_applier(roles):
    """A ``post_migrate`` receiver that applies ``roles`` once per migrate,
    after the last app's permissions exist."""

    def receiver(sender, app_config=None, using=DEFAULT_DB_ALIAS, **kwargs):
        last = [
            config for config in global_apps.get_app_configs() if config.models_module
        ]
        if last and app_config is last[-1]:
            apply_roles(roles, using=using)

    return receiver
