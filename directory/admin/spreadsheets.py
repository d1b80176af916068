"""The service list's spreadsheet export and import, in the staff's language.

django-import-export's own messages are not in every catalogue of the site,
so its forms, messages and templates (templates/admin/import_export/) use
this project's msgids. An import that leaves a number no service uses says
so in the preview, and removes it only when staff tick it.
"""

from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from import_export.admin import ImportExportMixin
from import_export.results import RowResult

from ..models import Contact
from .forms import ConfirmSpreadsheetForm, ExportForm, SpreadsheetImportForm
from .limits import LimitedCSV, LimitedXLSX, SpreadsheetLimitError

# The package words this error inside its import view, where no hook reaches
# it; naming its msgid here keeps it in our catalogues, which Django reads
# before the package's own (LOCALE_PATHS come first).
PACKAGE_MESSAGES = [
    gettext_noop(
        "No valid data to import. Ensure your file has the correct headers or "
        "data for import."
    ),
]


class SpreadsheetAdminMixin(ImportExportMixin):
    formats = [LimitedXLSX, LimitedCSV]
    export_form_class = ExportForm
    import_form_class = SpreadsheetImportForm
    confirm_form_class = ConfirmSpreadsheetForm
    # Rows are existing services only (see resources.py): updates are logged.
    logged = (RowResult.IMPORT_TYPE_UPDATE,)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetLimitError):
            form.add_error("import_file", str(e))
            return
        form.add_error(
            "import_file",
            _(
                "The file could not be read. Check that it is an Excel or CSV "
                "file and that the format chosen matches it."
            ),
        )

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        result, confirm = context.get("result"), context.get("confirm_form")
        if isinstance(response, TemplateResponse) and result and confirm:
            unused = [contact.pk for contact in getattr(result, "unused_numbers", [])]
            if not request.user.has_perm("directory.delete_contact"):
                unused = []
            confirm.fields["remove_numbers"].queryset = Contact.objects.filter(
                pk__in=unused
            )
        return response

    def process_result(self, result, request):
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        # A row changed between the preview and the confirmation: nothing was
        # written, and the rows are shown with the reason, as in the preview.
        context = {
            **self.admin_site.each_context(request),
            **self.get_import_context_data(),
            "title": _("Import from a spreadsheet"),
            "opts": self.model._meta,
            "result": result,
            "form": self.get_import_form_class(request)(
                self.get_import_formats(), self.get_import_resource_classes(request)
            ),
        }
        return TemplateResponse(request, [self.import_template_name], context)

    def process_dataset(self, dataset, form, request, **kwargs):
        result = super().process_dataset(dataset, form, request, **kwargs)
        chosen = form.cleaned_data.get("remove_numbers") or []
        refused = result.has_errors() or result.has_validation_errors()
        if refused or not request.user.has_perm("directory.delete_contact"):
            chosen = []
        # Only numbers that are still unused after the import, whatever was posted.
        removed = Contact.objects.unused().filter(pk__in=[c.pk for c in chosen])
        count = 0
        for contact in removed:
            contact._history_user = request.user
            contact._change_reason = _("Unused after a spreadsheet import")
            contact.delete()
            count += 1
        if count:
            messages.info(
                request,
                ngettext(
                    "%(count)d number that no service used was removed.",
                    "%(count)d numbers that no service used were removed.",
                    count,
                )
                % {"count": count},
            )
        return result

    def generate_log_entries(self, result, request):
        changed = [row.instance for row in result if row.import_type in self.logged]
        if changed and not self.get_skip_admin_log():
            LogEntry.objects.log_actions(
                request.user.pk,
                changed,
                CHANGE,
                change_message=_("Changed by a spreadsheet import"),
                single_object=len(changed) == 1,
            )

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            _("Import finished: %(updated)d updated, %(skipped)d unchanged.")
            % {
                "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
                "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )
