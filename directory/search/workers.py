"""Building many records' entries in worker processes, while this process
reads the records and writes the entries.

Building entries is pure Python (``entries.py``: no database), and most of a
whole rebuild's time at national size; reading and writing stay here, in the
caller's connection and transaction. The workers are forked: they start at
once with the code loaded, and never use the connection they inherit (a
worker that closed it would close this process's session).
"""

import multiprocessing
import os
from collections import deque
from itertools import islice

# Fewer records than this are built here: starting workers would cost more
# than it saves (and a record saved by staff is one).
PARALLEL_FROM = 20_000
# Records per task, and tasks under way at once (so that the records read
# ahead stay few).
TASK_SIZE = 1000
TASKS_AHEAD = 4


def entry_batches(records, build, count, prepare):
    """The entries of the records, ``prepare``d, a batch per ``TASK_SIZE``
    records, in order; built by worker processes when there are
    ``PARALLEL_FROM`` records or more and cores to spare."""
    workers = min(os.cpu_count() or 1, 4)
    if count < PARALLEL_FROM or workers < 2:
        for batch in batches(records):
            yield built(build, prepare, batch)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = deque()
        for batch in batches(records):
            pending.append(pool.apply_async(built, (build, prepare, batch)))
            if len(pending) >= TASKS_AHEAD:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def batches(records):
    iterator = iter(records)
    while batch := list(islice(iterator, TASK_SIZE)):
        yield batch


def built(build, prepare, batch):
    return prepare([entry for record in batch for entry in build(record)])
