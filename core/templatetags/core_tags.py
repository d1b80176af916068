"""Tags every page uses: translated texts, language alternates, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

from core.languages import alternate_urls

register = template.Library()

# As django.utils.html.json_script does: nothing in the data can close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """Render a dict as a schema.org JSON-LD block."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page's URL in every language, for hreflang links."""
    return alternate_urls(context["request"])


def _texts(obj, field):
    """(text in the page's language or None, official Korean text)."""
    korean = getattr(obj, build_localized_fieldname(field, settings.LANGUAGE_CODE))
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return None, korean
    translated = getattr(obj, build_localized_fieldname(field, language), None)
    return translated or None, korean


@register.simple_tag
def translated(obj, field="name"):
    """The text in the page's language, marked as Korean where it falls back."""
    text, korean = _texts(obj, field)
    if text is None and translation.get_language() != settings.LANGUAGE_CODE:
        return format_html('<span lang="ko">{}</span>', korean)
    return text or korean


@register.simple_tag
def with_korean(obj, field="name"):
    """The text in the page's language followed by the official Korean text.

    On Korean pages, and where no translation exists, only the Korean text.
    """
    text, korean = _texts(obj, field)
    if text is None or text == korean:
        return translated(obj, field)
    return format_html('{} <span class="korean-text" lang="ko">{}</span>', text, korean)


@register.simple_tag
def og_locale():
    """The page's language as Open Graph names locales: ko_KR, zh_CN."""
    info = translation.get_language_info(translation.get_language())
    language = info["code"].split("-")[0]
    country = {
        **{"ko": "KR", "en": "US", "zh": "CN", "vi": "VN", "ru": "RU", "th": "TH"},
        **{"uz": "UZ", "km": "KH", "fil": "PH", "ne": "NP", "mn": "MN", "lo": "LA"},
        "ja": "JP",
    }
    return f"{language}_{country.get(language, language.upper())}"


@register.simple_tag
def page_numbers(page_obj):
    """The page links to show: the first and last, the current one and two
    on each side, with None for the gaps (thousands of pages at province
    scale would otherwise be listed in full on every page)."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
    ]
