"""Display settings that Korean public sites offer: text size and contrast.

They are kept in two cookies, with no account and no JavaScript: a plain GET
form in the header sends them to ``DisplaySettingsView``, which sets the
cookies and sends the visitor back. A GET form rather than a POST one because
whole cached pages cannot carry a per-visitor CSRF token; the cookies only
change how pages look.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

TEXT_SIZE_COOKIE = "text_size"
CONTRAST_COOKIE = "contrast"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
DEFAULT_TEXT_SIZE = 2
DEFAULT_CONTRAST = "normal"

# The five steps of KRDS's "화면 크기" control (90, 100, 110, 130 and 150 %).
TEXT_SIZES = [
    (1, _("Small")),
    (2, _("Normal")),
    (3, _("Slightly large")),
    (4, _("Large")),
    (5, _("Largest")),
]
CONTRASTS = [("normal", _("Standard contrast")), ("high", _("High contrast"))]


class DisplaySettingsForm(forms.Form):
    text_size = forms.TypedChoiceField(
        label=_("Text size"),
        choices=TEXT_SIZES,
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )
    contrast = forms.ChoiceField(
        label=_("Contrast"),
        choices=CONTRASTS,
        required=False,
        widget=forms.RadioSelect,
    )


def display_settings_of(request):
    """The visitor's settings from the cookies; missing or invalid values fall
    back to the defaults one by one."""
    form = DisplaySettingsForm(
        {
            "text_size": request.COOKIES.get(TEXT_SIZE_COOKIE, ""),
            "contrast": request.COOKIES.get(CONTRAST_COOKIE, ""),
        }
    )
    form.is_valid()
    cleaned = form.cleaned_data
    return {
        "text_size": cleaned.get("text_size") or DEFAULT_TEXT_SIZE,
        "contrast": cleaned.get("contrast") or DEFAULT_CONTRAST,
    }
