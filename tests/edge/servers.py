"""The site as deployed, on loopback: gunicorn (gunicorn.conf.py, DEBUG off)
on a seeded SQLite database with a Redis of its own, behind the site's nginx
started by scripts/edge.sh."""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from tests.fault.servers import (
    GUNICORN,
    PYTHON,
    STAFF,
    free_port,
    manage,
    wait_until,
)

BASE_DIR = Path(__file__).resolve().parents[2]
EDGE = str(BASE_DIR / "scripts" / "edge.sh")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def available():
    return os.access(NGINX, os.X_OK) and os.access(REDIS_SERVER, os.X_OK)


class Deployment:
    """Redis, the app server and nginx in front; the app can be stopped."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="directory-edge-test-"))
        self.redis_port, self.app_port, self.edge_port = (free_port() for _ in "abc")
        self.edge = f"http://127.0.0.1:{self.edge_port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.folder / 'db.sqlite3'}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "edge-test-secret-key-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_PROXY_COUNT": "1",
            "DJANGO_STATIC_ROOT": str(self.folder / "static"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "GUNICORN_WORKERS": "2",
            "EDGE_WORKERS": "1",
        }
        self.processes = {}

    def start(self):
        self.spawn(
            "redis",
            [REDIS_SERVER, "--port", str(self.redis_port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
        )
        # Static files are collected meanwhile: they need no database.
        static = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env=self.env,
        )
        manage(self.env, "migrate", "--noinput", "-v0")
        manage(self.env, "seed_directory", "-v0")
        if static.wait() != 0:
            raise RuntimeError("collectstatic failed")
        name, password = STAFF
        manage(
            self.env,
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_superuser('{name}', '', '{password}')",
        )
        self.start_app()
        self.spawn("edge", [EDGE, str(self.edge_port), f"127.0.0.1:{self.app_port}"])
        wait_until(lambda: urllib.request.urlopen(self.edge + "/healthz", timeout=2))

    def spawn(self, name, command):
        log = open(self.folder / f"{name}.log", "a")  # noqa: SIM115
        self.processes[name] = subprocess.Popen(
            command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_app(self):
        self.spawn(
            "app",
            [
                GUNICORN,
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.app_port}",
            ],
        )
        base = f"http://127.0.0.1:{self.app_port}"
        wait_until(lambda: urllib.request.urlopen(base + "/healthz", timeout=2))

    def stop_app(self):
        self.stop("app")

    def stop(self, name):
        process = self.processes.pop(name)
        process.terminate()
        process.wait(30)

    def query(self, sql):
        with sqlite3.connect(self.folder / "db.sqlite3") as database:
            return database.execute(sql).fetchall()

    def static_file(self, suffix):
        """The URL path of the largest static file whose name ends in ``suffix``
        (large enough to be compressed)."""
        root = self.folder / "static"
        path = max(root.rglob(f"*{suffix}"), key=lambda path: path.stat().st_size)
        return "/static/" + path.relative_to(root).as_posix()

    def close(self):
        for name in list(self.processes):
            self.stop(name)
        shutil.rmtree(self.folder, ignore_errors=True)
