"""The production nginx.conf (HTTPS, HSTS, Mozilla's intermediate TLS) run
on loopback: only its paths and ports are moved to a temporary folder."""

import os
import socket
import ssl
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.fault.client import NoRedirect
from tests.fault.servers import free_port, wait_until

from .servers import BASE_DIR, NGINX

CONFIG = BASE_DIR / "deploy" / "nginx" / "nginx.conf"


@pytest.fixture
def production(deployment, tmp_path):
    """The production server in front of the test deployment's app:
    (HTTPS port, HTTP port)."""
    folder = tmp_path
    https, http = free_port(), free_port()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=directory.example.kr", "-keyout", str(folder / "key.pem")]
        + ["-out", str(folder / "cert.pem")],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["openssl", "genpkey", "-genparam", "-algorithm", "DH"]
        + ["-pkeyopt", "group:ffdhe2048", "-out", str(folder / "dhparam.pem")],
        check=True,
        capture_output=True,
    )
    (folder / "directory").symlink_to(BASE_DIR / "deploy" / "nginx")
    # Debian's module files name their modules relative to nginx's prefix.
    (folder / "modules").symlink_to("/usr/share/nginx/modules")
    moves = {
        "user www-data;": "user root;" if os.geteuid() == 0 else "",
        "/run/nginx.pid": str(folder / "nginx.pid"),
        "/var/log/nginx/": str(folder) + "/",
        "/var/cache/nginx/directory": str(folder / "cache"),
        "/etc/letsencrypt/live/directory.example.kr/fullchain.pem": str(
            folder / "cert.pem"
        ),
        "/etc/letsencrypt/live/directory.example.kr/privkey.pem": str(
            folder / "key.pem"
        ),
        "/etc/nginx/directory-dhparam.pem": str(folder / "dhparam.pem"),
        "/etc/nginx/directory-enabled/": str(folder) + "/enabled-",
        "/srv/directory/staticfiles": deployment.env["DJANGO_STATIC_ROOT"],
        "/etc/nginx/directory;": str(BASE_DIR / "deploy" / "nginx") + ";",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{deployment.app_port};",
        "listen 443 ssl http2 default_server;": f"listen 127.0.0.1:{https} ssl http2;",
        "listen [::]:443 ssl http2 default_server;": "",
        "listen 80 default_server;": f"listen 127.0.0.1:{http};",
        "listen [::]:80 default_server;": "",
        "worker_processes auto;": "worker_processes 1;\ndaemon off;",
    }
    text = CONFIG.read_text()
    for old, new in moves.items():
        assert old in text, old
        text = text.replace(old, new)
    (folder / "nginx.conf").write_text(text)
    for temp in ("client_body_temp", "proxy_temp"):
        (folder / temp).mkdir()
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")]
    command += ["-g", f"error_log {folder}/startup.log;"]
    checked = subprocess.run(command + ["-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: socket.create_connection(("127.0.0.1", https), 0.5))
        yield https, http
    finally:
        server.terminate()
        server.wait(10)


def tls(port, **options):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    for name, value in options.items():
        setattr(context, name, value)
    return context


def test_https_with_hsts_and_the_intermediate_profile(production, service):
    https, http = production
    request = urllib.request.Request(f"https://127.0.0.1:{https}{service['path']}")
    with urllib.request.urlopen(request, context=tls(https)) as answer:
        assert answer.status == 200
        assert answer.headers["Strict-Transport-Security"] == (
            "max-age=63072000; includeSubDomains; preload"
        )
        assert len(answer.headers.get_all("Strict-Transport-Security")) == 1
        assert service["name"] in answer.read().decode()
    # TLS 1.1 and below are refused; 1.2 and 1.3 are offered.
    for version, accepted in [
        (ssl.TLSVersion.TLSv1_1, False),
        (ssl.TLSVersion.TLSv1_2, True),
        (ssl.TLSVersion.TLSv1_3, True),
    ]:
        context = tls(https, minimum_version=version, maximum_version=version)
        if not accepted:
            context.set_ciphers("ALL:@SECLEVEL=0")
        try:
            with socket.create_connection(("127.0.0.1", https), 5) as raw:
                with context.wrap_socket(raw) as secure:
                    negotiated = secure.version()
        except (ssl.SSLError, OSError):
            negotiated = None
        assert (negotiated is not None) == accepted, (version, negotiated)
    # Plain HTTP is sent to HTTPS.
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(f"http://127.0.0.1:{http}/services/")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 301
        assert redirect.headers["Location"] == "https://127.0.0.1/services/"
    else:
        raise AssertionError("no redirect to HTTPS")
