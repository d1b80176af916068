"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`.

Every value can be overridden from the environment (GUNICORN_*).
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
# A request waits at most this long for the database (a 503 after it), so a
# hung database cannot hold every thread while cached pages wait behind them.
# Read by config/settings.py; commands such as index builds run without it.
os.environ.setdefault("DJANGO_DB_STATEMENT_TIMEOUT", "10")
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are mostly served from the cache: threads cover waiting on the
# database and the cache; processes cover the CPU.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# All threads but one may wait on the database: the last one answers cached
# pages and health checks while the database hangs (core/gate.py).
os.environ.setdefault("DJANGO_DB_CONCURRENCY", str(max(1, threads - 1)))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are not recycled by default: a recycled worker drops its open
# connections and, without a shared cache (REDIS_URL), its cached pages, which
# at 2,000 requests meant a restart every few seconds under load and requests
# timing out behind cold renders. Set it (e.g. 50000) to recycle anyway.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# Verification links carry their secret in the path: redacted before logging.
logger_class = "core.jsonlog.AccessLogger"
errorlog = "-"
access_log_format = (
    '{"remote": "%(h)s", "request": "%(r)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_us": %(D)s, "agent": "%(a)s"}'
)
# The control socket (gunicornc) is off unless a path is given: by default it
# would open under the home directory of whoever runs the server.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
