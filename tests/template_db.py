"""Test databases migrated once per run, not once per test process.

The first pytest-xdist worker to take the lock migrates a template database;
every worker then copies it: PostgreSQL with ``CREATE DATABASE … TEMPLATE``,
SQLite by reading the template's file into an in-memory database of the
worker's own. A run without workers is one worker.
"""

import fcntl
import json
import sqlite3
from contextlib import contextmanager

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import get_unique_databases_and_mirrors, setup_databases

STATE = "test-databases.json"


@contextmanager
def _locked(root):
    with open(root / "test-databases.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _disconnect(connection):
    # Django's SQLite backend ignores close() on an in-memory database, which
    # would keep this process on its old copy: each copy is kept alive by a
    # connection of worker_databases' own instead.
    BaseDatabaseWrapper.close(connection)


def _make_template(root, aliases):
    """Migrate the template databases: their names, by alias."""
    for alias in aliases:
        connection = connections[alias]
        _disconnect(connection)
        if connection.vendor == "sqlite":
            name = str(root / f"template-{alias}.sqlite3")
        else:
            # Named after the run's temporary folder (pytest-N), which no
            # other run has at the same time.
            run = root.name.replace("-", "_")
            name = f"test_{connection.settings_dict['NAME']}_{run}"
        connection.settings_dict["TEST"]["NAME"] = name
    # Nothing is serialized: no test uses ``serialized_rollback``.
    setup_databases(
        verbosity=0, interactive=False, aliases=aliases, serialized_aliases=()
    )
    names = {alias: connections[alias].settings_dict["NAME"] for alias in aliases}
    for alias in aliases:
        _disconnect(connections[alias])
    return names


def _copy(alias, template, worker, kept):
    """Point ``alias`` at a copy of ``template`` of this worker's own: the
    name of a database to drop after, if any."""
    connection = connections[alias]
    _disconnect(connection)
    if connection.vendor == "sqlite":
        name = f"file:{template}_{worker}?mode=memory&cache=shared"
        memory = sqlite3.connect(name, uri=True)
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        source.backup(memory)
        source.close()
        kept.append(memory)
        connection.settings_dict["NAME"] = name
        return None
    connection.settings_dict["NAME"] = template
    connection.creation.clone_test_db(suffix=worker, verbosity=0)
    connection.settings_dict.update(
        connection.creation.get_test_db_clone_settings(worker)
    )
    return connection.settings_dict["NAME"]


@contextmanager
def worker_databases(root, worker):
    """This worker's copies of the run's template (made by the first worker
    to come, in ``root``), dropped at the end."""
    databases, mirrors = get_unique_databases_and_mirrors()
    aliases = [names[1][0] for names in databases.values()]
    originals = {
        alias: (
            connections[alias].settings_dict["NAME"],
            dict(connections[alias].settings_dict["TEST"]),
        )
        for alias in connections
    }
    kept, copies = [], {}
    state_file = root / STATE
    with _locked(root):
        state = json.loads(state_file.read_text()) if state_file.exists() else {}
        if not state:
            state = {"names": _make_template(root, aliases), "users": 0}
        for alias in aliases:
            copies[alias] = _copy(alias, state["names"][alias], worker, kept)
        state["users"] += 1
        state_file.write_text(json.dumps(state))
    for mirror, primary in mirrors.items():
        connections[mirror].creation.set_as_test_mirror(
            connections[primary].settings_dict
        )
    try:
        yield
    finally:
        for alias in connections:
            _disconnect(connections[alias])
        for alias, copy in copies.items():
            if copy is not None:
                connections[alias].creation._destroy_test_db(copy, verbosity=0)
        for memory in kept:
            memory.close()
        for alias, (name, test) in originals.items():
            connections[alias].settings_dict.update(NAME=name, TEST=test)
        with _locked(root):
            _leave(state_file)


def _leave(state_file):
    """The last worker to leave drops the PostgreSQL templates (SQLite's are
    files in pytest's temporary folder); a worker that comes later makes them
    again."""
    state = json.loads(state_file.read_text())
    state["users"] -= 1
    if state["users"] == 0:
        for alias, name in state["names"].items():
            connection = connections[alias]
            if connection.vendor != "sqlite":
                connection.creation._destroy_test_db(name, verbosity=0)
        state = {}
    state_file.write_text(json.dumps(state))
