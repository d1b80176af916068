"""The address of the client behind a request: ONE place for the login
lockout (django-axes) and the report quota.

Behind ``DJANGO_PROXY_COUNT`` trusted reverse proxies, each proxy appends the
address it was connected from to X-Forwarded-For, so the entry that many
places from the right was written by the outermost trusted proxy: it is the
client. Entries further left come from the client itself and are never
believed. With no proxies configured (the default) the header is ignored.

django-ipware was tried for this and left out: with a client that sends its
own X-Forwarded-For, its strict mode gives no address (every such client
would share the proxy's) and its loose mode returns the client's own entry.
"""

import hashlib
import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's address as text (the direct peer's if no proxy is trusted)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count].strip()))
    except ValueError:
        # A trusted proxy always writes an address; anything else means the
        # proxies are not set up as configured.
        return remote


def client_hash(request):
    """The client's address as a salted hash: what the site stores of it."""
    salted = f"{settings.SECRET_KEY}:{client_ip(request)}".encode()
    return hashlib.sha256(salted).hexdigest()
