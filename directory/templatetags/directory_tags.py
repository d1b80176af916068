from django import template
from django.utils.safestring import mark_safe

from directory.sharing import qr_svg

register = template.Library()


@register.simple_tag(takes_context=True)
def qr_code(context, path):
    """A QR code (inline SVG) of this site's absolute URL for a path."""
    return mark_safe(qr_svg(context["request"].build_absolute_uri(path)))
