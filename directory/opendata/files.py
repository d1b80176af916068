"""The downloads as files, written once for each version of the data.

At national size a download is written in minutes (the JSON of 150,000
services, the HSDS package), longer than a request may take (gunicorn's
timeout is 30 s). So each file is written on disk, in a thread of its own,
once for each version of the data (the time of its last change); a request
is answered with the file of the current version, or while that one is
being written, with the one before it. Before any is written there is
nothing to answer with: the view says so (503, Retry-After).

A lock file per download keeps a second thread or process from writing the
same file; the files live in ``settings.DOWNLOADS_ROOT``, which every app
server of a host shares.
"""

import fcntl
import logging
import os
import threading
from pathlib import Path

from django.conf import settings
from django.db import connections

from .changes import last_change

logger = logging.getLogger(__name__)


def version():
    """The version of the data: the time of its last change, as digits and
    as a timestamp (0 if nothing ever changed)."""
    changed = last_change()
    if changed is None:
        return "0", 0
    return changed.strftime("%Y%m%d%H%M%S%f"), changed.timestamp()


def root():
    folder = Path(settings.DOWNLOADS_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_of(name, data_version):
    stem, _dot, suffix = name.rpartition(".")
    return root() / f"{stem}-{data_version}.{suffix}"


def written(name):
    """The files written of the download, newest version first."""
    stem, _dot, suffix = name.rpartition(".")
    return sorted(root().glob(f"{stem}-*.{suffix}"), reverse=True)


def current_or_last(name, write):
    """The file of the data's current version, or if it is not written yet,
    the last one written (None if none was), after starting its writing:
    ``write(file)`` writes the download into an open binary file. Without
    ``settings.DOWNLOADS_IN_BACKGROUND`` (tests: another thread would not
    see their transaction's rows) it is written before answering."""
    data_version, changed = version()
    current = path_of(name, data_version)
    if current.exists():
        return current
    lock = locked(name)
    if lock is not None:
        if settings.DOWNLOADS_IN_BACKGROUND:
            threading.Thread(
                target=write_file,
                args=(name, write, current, changed, lock),
                daemon=True,
            ).start()
        else:
            write_file(name, write, current, changed, lock, own_thread=False)
            return current if current.exists() else None
    files = written(name)
    return files[0] if files else None


def locked(name):
    """The download's lock file, locked; None if another writer has it."""
    lock = (root() / f".{name}.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock


def write_file(name, write, path, changed, lock, own_thread=True):
    """Write the file beside its place, then move it there (a reader never
    sees half a file), and remove the versions before it. The file's time
    is that of the change it follows (its Last-Modified)."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as file:
            write(file)
        os.utime(partial, (changed, changed))
        os.replace(partial, path)
        for older in written(name):
            if older.name < path.name:
                older.unlink(missing_ok=True)
    except Exception:
        logger.exception("download %s not written", name)
        partial.unlink(missing_ok=True)
    finally:
        if own_thread:
            # The thread's own database connections, before another writer
            # (or a test waiting for this one) may go on.
            connections.close_all()
        lock.close()
