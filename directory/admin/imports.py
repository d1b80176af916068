"""The admin page where staff import a sector's service standard document.

Staff upload the document's text, see what importing it would add, change,
remove and leave alone, and confirm. The preview is a dry run of the very
import that the confirmation runs; the document travels from one step to the
next inside the confirmation form, so nothing is stored in between.
"""

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ..loading.importing import RowError, standard_import
from ..loading.parsing import StandardDocumentError, document_parse
from ..loading.plans import MODELS

TEMPLATE = "admin/directory/service/import_standard.html"
# Posted back as base64, a larger file would pass DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_SIZE = 1024 * 1024
# An import may add, change and remove rows of every model it loads, and it
# writes the standard's text.
PERMISSIONS = [
    settings.STANDARD_TEXT_PERMISSION,
    *(
        f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
        for label in MODELS
        for action in ("add", "change", "delete")
    ),
]


def parsed(content):
    try:
        return document_parse(content)
    except StandardDocumentError as error:
        raise ValidationError(str(error)) from None


class StandardUploadForm(forms.Form):
    document = forms.FileField(
        label=_("standard document"),
        help_text=_(
            "Choose the text of the document, saved from its PDF or HWP file "
            "in UTF-8 or CP949."
        ),
    )
    force = forms.BooleanField(
        label=_("replace staff edits"),
        required=False,
        help_text=_("Tick to overwrite the rows that staff have edited."),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > MAX_SIZE:
            raise ValidationError(_("The file is too large for a standard document."))
        self.content = upload.read()
        self.standard = parsed(self.content)
        return upload


class StandardConfirmForm(forms.Form):
    content = forms.CharField(widget=forms.HiddenInput, strip=False)
    force = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def clean_content(self):
        try:
            content = base64.b64decode(self.cleaned_data["content"], validate=True)
        except ValueError:
            raise ValidationError(
                _("The document did not come back whole; upload it again.")
            ) from None
        self.standard = parsed(content)
        return content


def form_import(form, *, dry_run):
    """The import's report, or None with the error added to the form."""
    try:
        return standard_import(
            form.standard, dry_run=dry_run, force=form.cleaned_data["force"]
        )
    except RowError as error:
        form.add_error(None, str(error))


def standard_import_view(model_admin, request):
    """Upload a standard document, preview its import, and confirm it."""
    if not request.user.has_perms(PERMISSIONS):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import a standard document"),
        "form": StandardUploadForm(),
    }
    if request.method == "POST" and "content" in request.POST:
        confirm = StandardConfirmForm(request.POST)
        if confirm.is_valid() and (report := form_import(confirm, dry_run=False)):
            messages.success(request, report.summary)
            return redirect("admin:directory_service_changelist")
        context["errors"] = [e for errors in confirm.errors.values() for e in errors]
    elif request.method == "POST":
        upload = context["form"] = StandardUploadForm(request.POST, request.FILES)
        if upload.is_valid() and (report := form_import(upload, dry_run=True)):
            context["report"] = report
            context["confirm_form"] = StandardConfirmForm(
                initial={
                    "content": base64.b64encode(upload.content).decode("ascii"),
                    "force": upload.cleaned_data["force"],
                }
            )
    return TemplateResponse(request, TEMPLATE, context)
