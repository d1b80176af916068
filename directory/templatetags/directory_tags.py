import json

from django import template
from django.utils.safestring import mark_safe

from directory.languages import alternate_urls
from directory.sharing import qr_svg

register = template.Library()

# As django.utils.html.json_script does: nothing in the data can close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """Render a dict as a schema.org JSON-LD block."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def qr_code(context, path):
    """A QR code (inline SVG) of this site's absolute URL for a path."""
    return mark_safe(qr_svg(context["request"].build_absolute_uri(path)))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page's URL in every language, for hreflang links."""
    return alternate_urls(context["request"])
