"""Which fields a staff member may change, obeyed by every admin path that
writes: the change form, the history's revert and the spreadsheet import.

Each admin lists in ``standard_fields`` the fields of an existing record that
come from the standard's text (a service's name, policy area and order; a
team's name, sector and order). Only those who may change the standard
(``settings.STANDARD_TEXT_PERMISSION``) change them; to others they are
read-only.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from modeltranslation.translator import NotRegistered, translator


def keep_fields_outside_form(obj, form):
    """Give ``obj`` the stored values of every field its form did not edit.

    A revert saves an old version through the change form: without this, the
    fields the form leaves out (read-only to this user) would be written from
    the old version. Translated base fields are skipped: django-modeltranslation
    writes them from their language columns.
    """
    model = type(obj)
    try:
        derived = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        derived = set()
    names = [
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in form.fields
        and field.name not in derived
    ]
    if not names:
        return
    stored = model._base_manager.filter(pk=obj.pk).values(*names).first()
    for name, value in (stored or {}).items():
        setattr(obj, name, value)


class FieldRulesMixin:
    """For HistoryAdmin: a revert writes only what the change form may."""

    standard_fields = ()

    def may_edit_standard(self, request):
        return request.user.has_perm(settings.STANDARD_TEXT_PERMISSION)

    def locked_fields(self, request):
        """The standard's fields this user may not change in existing records."""
        return [] if self.may_edit_standard(request) else list(self.standard_fields)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple_history saves a revert for anyone who may merely view history.
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_history_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            keep_fields_outside_form(obj, form)
        super().save_model(request, obj, form, change)


class StandardFieldsMixin:
    """Shows ``standard_fields`` read-only to those who may not change them.

    It goes first among an admin's bases: TranslationAdmin's
    get_readonly_fields does not call the next class's.
    """

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is None:
            return readonly
        expand = getattr(self, "replace_orig_field", list)
        locked = expand(self.locked_fields(request))
        return readonly + [name for name in locked if name not in readonly]
