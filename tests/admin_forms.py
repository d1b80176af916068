"""Fill in admin forms the way a browser sends them back."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse


def make_superuser(username="manager"):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "correct-horse-battery"
    )


def make_staff(username, group_name):
    """A staff account in one of the groups that migrations create."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "correct-horse-battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _as_post_value(value):
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return "" if value is None else str(value)


def form_data(response, **changes):
    """The POST data of the admin form on ``response`` as shown, with ``changes``.

    Works for change pages (with their inlines) and for the history revert page.
    """
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets") or []:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is False:
                continue
            data[form.add_prefix(name)] = _as_post_value(value)
    data.update(changes)
    return data


def admin_url(obj, view="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def post_change(client, obj, **changes):
    """Open ``obj``'s admin change page and save it with ``changes``."""
    url = admin_url(obj)
    return client.post(url, form_data(client.get(url), **changes))
