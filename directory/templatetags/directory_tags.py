from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from directory.sharing import qr_svg

register = template.Library()


@register.simple_tag(takes_context=True)
def qr_code(context, path):
    """A QR code (inline SVG) of this site's absolute URL for a path."""
    return mark_safe(qr_svg(context["request"].build_absolute_uri(path)))


# The standard letters its commitments 가, 나, 다…; other languages read them
# as plain numbers.
KOREAN_LETTERS = "가나다라마바사아자차카타파하"


@register.filter
def list_marker(letter):
    """A commitment's letter in the page's language: 가 in Korean, 1 elsewhere."""
    if get_language() == "ko" or letter not in KOREAN_LETTERS:
        return letter
    return str(KOREAN_LETTERS.index(letter) + 1)
