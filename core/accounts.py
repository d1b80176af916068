"""Staff accounts and groups in the admin: nobody grants more than they hold.

Only a superuser makes or changes a superuser. Anyone else who may change
accounts or groups may add only groups and permissions they hold themselves,
to others and to their own account alike.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


def permission_names(permissions):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def beyond(editor, groups=(), permissions=()):
    """The permissions among ``groups`` and ``permissions`` that ``editor`` lacks."""
    granted = permission_names(
        Permission.objects.filter(pk__in=[p.pk for p in permissions])
    ) | permission_names(Permission.objects.filter(group__in=list(groups)))
    return sorted(granted - editor.get_all_permissions())


class NoEscalationForm(forms.ModelForm):
    """Refuses to add a group or permission its editor does not hold."""

    editor = None
    granting = ()

    def clean(self):
        cleaned_data = super().clean()
        if self.editor is None or self.editor.is_superuser:
            return cleaned_data
        added = {}
        for name in self.granting:
            if name in cleaned_data:
                before = {item.pk for item in self.initial.get(name) or []}
                added[name] = [
                    item for item in cleaned_data[name] if item.pk not in before
                ]
        missing = beyond(
            self.editor, added.get("groups", ()), added.get("user_permissions", ())
        ) + beyond(self.editor, (), added.get("permissions", ()))
        if missing:
            raise forms.ValidationError(
                _(
                    "You cannot grant permissions that you do not hold yourself: "
                    "%(permissions)s"
                ),
                code="escalation",
                params={"permissions": ", ".join(sorted(set(missing)))},
            )
        return cleaned_data


class NoEscalationAdminMixin:
    granting = ()

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(
            form.__name__,
            (NoEscalationForm, form),
            {"editor": request.user, "granting": self.granting},
        )


class StaffUserAdmin(NoEscalationAdminMixin, UserAdmin):
    granting = ("groups", "user_permissions")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    def has_change_permission(self, request, obj=None):
        # A superuser's account, password included, is a superuser's business.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if not request.user.is_superuser and queryset.filter(is_superuser=True):
            raise PermissionDenied
        super().delete_queryset(request, queryset)


class StaffGroupAdmin(NoEscalationAdminMixin, GroupAdmin):
    granting = ("permissions",)


for model, model_admin in [(User, StaffUserAdmin), (Group, StaffGroupAdmin)]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
