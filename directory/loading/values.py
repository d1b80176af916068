"""A planned row's values against the database row they would become.

A row gives its fields as a fixture does, relations by natural key; the
database holds attribute values, relations by primary key. This module goes
from one to the other and tells which fields differ.
"""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from modeltranslation.translator import NotRegistered, translator

# Rows computed from others (the search index) never keep a row in use.
DERIVED_MODELS = {"directory.searchentry"}
# A relation whose row is missing.
UNRESOLVED = object()


class Attributes:
    """Turns rows into attribute values, remembering the primary key behind
    each natural key it resolves, so that a run costs few queries."""

    def __init__(self):
        self.pks = {}

    def __call__(self, row):
        """The row's fields as attribute values: relations become primary keys,
        or ``UNRESOLVED`` where the row they name is missing."""
        meta = apps.get_model(row.model)._meta
        attributes = {}
        for name, value in row.fields.items():
            model_field = meta.get_field(name)
            if model_field.many_to_many:
                value = [self.pk(model_field, key) for key in value]
                if not resolved(value):
                    value = UNRESOLVED
            elif not model_field.remote_field:
                value = model_field.to_python(value)
            elif value is not None:
                value = self.pk(model_field, value)
            attributes[name] = value
        return attributes

    def pk(self, model_field, key):
        """The primary key of the row that ``key`` names, or ``UNRESOLVED``."""
        model = model_field.related_model
        if (model, tuple(key)) not in self.pks:
            manager = model._default_manager.db_manager(router.db_for_write(model))
            try:
                obj = manager.get_by_natural_key(*key)
            except ObjectDoesNotExist:
                # Not remembered: a later row of this run may still add it.
                return UNRESOLVED
            self.pks[(model, tuple(key))] = obj.pk
        return self.pks[(model, tuple(key))]


def resolved(values):
    values = values.values() if isinstance(values, dict) else values
    return not any(value is UNRESOLVED for value in values)


def differs(obj, name, value):
    """Whether the database row's field differs from the row's attribute value."""
    model_field = obj._meta.get_field(name)
    if value is UNRESOLVED:
        return True
    if model_field.many_to_many:
        return set(getattr(obj, name).values_list("pk", flat=True)) != set(value)
    return getattr(obj, model_field.attname) != value


def row_values(obj, names):
    """The row's fields as a fixture gives them, relations by natural key."""
    (data,) = serializers.serialize(
        "python", [obj], fields=list(names), use_natural_foreign_keys=True
    )
    return json.loads(json.dumps(data["fields"], cls=DjangoJSONEncoder))


def translation_fields(model):
    """The columns of a model's translations, the official Korean one aside."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {
        field.name
        for fields in options.all_fields.values()
        for field in fields
        if field.language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    }


def in_use(obj):
    """Whether deleting the row would take or be stopped by any other row."""
    collector = NestedObjects(using=obj._state.db)
    collector.collect([obj])
    collected = sum(
        len(objs)
        for model, objs in collector.model_objs.items()
        if model._meta.label_lower not in DERIVED_MODELS
    )
    return bool(collector.protected) or collected > 1
