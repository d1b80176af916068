from .display import (
    DEFAULT_CONTRAST,
    DEFAULT_TEXT_SIZE,
    DisplaySettingsForm,
    display_settings_of,
)


def display_settings(request):
    """The visitor's text size and contrast, as classes for ``<html>`` (none
    for the defaults) and as the initial values of the settings form."""
    current = display_settings_of(request)
    classes = []
    if current["text_size"] != DEFAULT_TEXT_SIZE:
        classes.append(f"text-{current['text_size']}")
    if current["contrast"] != DEFAULT_CONTRAST:
        classes.append(f"contrast-{current['contrast']}")
    return {
        "display_classes": " ".join(classes),
        "display_form": DisplaySettingsForm(initial=current, auto_id="display-%s"),
    }
