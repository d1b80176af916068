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


TEXT_SIZE_VALUES = {str(value): value for value, _label in TEXT_SIZES}
CONTRAST_VALUES = {value for value, _label in CONTRASTS}


def display_settings_of(request):
    """The visitor's settings from the cookies; missing or invalid values fall
    back to the defaults one by one.

    Read on every request, cached pages included (their key holds the
    settings), so the cookies are checked against the choices directly
    rather than through ``DisplaySettingsForm``, which copies its fields for
    each instance.
    """
    contrast = request.COOKIES.get(CONTRAST_COOKIE, "")
    return {
        "text_size": TEXT_SIZE_VALUES.get(
            request.COOKIES.get(TEXT_SIZE_COOKIE, ""), DEFAULT_TEXT_SIZE
        ),
        "contrast": contrast if contrast in CONTRAST_VALUES else DEFAULT_CONTRAST,
    }
