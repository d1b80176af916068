"""The production set-up the fault tests break: gunicorn with gunicorn.conf.py
on 127.0.0.1, the PostgreSQL primary and standby of scripts/fault-services.sh,
and a redis-server of the test's own on a free port."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
STAFF = ("fault-staff", "fault-staff-password-1")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_ctl(cluster, action):
    version = os.environ["FAULT_PG_VERSION"]
    subprocess.run(["pg_ctlcluster", version, cluster, action], check=True)


def psql(url, sql):
    return subprocess.run(
        ["psql", url, "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def wait_until(check, timeout=30.0, step=0.1):
    """Seconds until ``check()`` was true (raises after ``timeout``)."""
    start = time.monotonic()
    while True:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"not ready after {timeout} s")
        time.sleep(step)


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                os.environ["FAULT_REDIS_SERVER"],
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: socket.create_connection(("127.0.0.1", self.port), 0.2))

    def kill(self):
        self.process.kill()
        self.process.wait()

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def prepare_database(env):
    """The seeded directory on the primary (and so on the standby)."""
    primary = os.environ["FAULT_PRIMARY_URL"]
    admin_url = primary.replace("/directory?", "/postgres?")
    # Anew each run, as on a fresh machine: a database an earlier checkout
    # migrated may hold tables that its migrations have since written anew.
    psql(admin_url, "DROP DATABASE IF EXISTS directory WITH (FORCE)")
    psql(admin_url, "CREATE DATABASE directory TEMPLATE template0 ENCODING 'UTF8'")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_directory", "-v0")
    name, password = STAFF
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; U = get_user_model(); "
        f"u = U.objects.filter(username='{name}').first() or "
        f"U.objects.create_superuser('{name}', '', '{password}'); "
        f"u.set_password('{password}'); u.save()",
    )


class Site:
    """gunicorn serving the project as in production."""

    def __init__(self, redis):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.static_root = BASE_DIR / ".fault-static"
        self.env = {
            **os.environ,
            "DATABASE_URL": os.environ["FAULT_PRIMARY_URL"],
            "DATABASE_REPLICA_URL": os.environ["FAULT_REPLICA_URL"],
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "fault-test-secret-key-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": str(self.static_root),
            "DJANGO_REPLICA_MAX_LAG": "2",
            "DJANGO_DB_CONNECT_TIMEOUT": "2",
            # Shorter than gunicorn.conf.py's 10 s, to keep the hung test short.
            "DJANGO_DB_STATEMENT_TIMEOUT": "3",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "8",
        }
        self.process = None

    def start(self):
        prepare_database(self.env)
        manage(self.env, "collectstatic", "--noinput", "-v0")
        self.log = open(BASE_DIR / ".fault-gunicorn.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until(lambda: urllib.request.urlopen(self.base + "/healthz", timeout=2))

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()

    def log_lines(self, text):
        return sum(text in line for line in open(self.log.name, encoding="utf-8"))


def report(title, **figures):
    """What a fault test measured, printed for the CI log and the docs."""
    print(f"\n[fault] {title}", file=sys.stderr)
    for name, value in figures.items():
        print(f"[fault]   {name}: {value}", file=sys.stderr)
