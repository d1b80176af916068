"""Load the shipped fixtures without ever overwriting what staff have changed.

``loaddata`` replaces rows that share a natural key, which would undo staff
edits on every deployment. Seeding runs the loader ``add_only`` instead: it
adds only what is missing, leaves every existing row as it is, and remembers
what it added (``SeedRecord``) so that a row staff renamed or deleted is not
brought back either. The ledger keeps the values each row was seeded with,
which an import compares to tell staff edits from rows a newer document may
update.
"""

from .loader import RowLoader, loading
from .plans import FIXTURE_NAMES, fixture_rows
from .report import LoadReport

# Written into the history of every row that seeding adds or translates.
HISTORY_REASON = "seed_directory"


def directory_seed(names=FIXTURE_NAMES):
    """Add the fixture rows that are missing; leave every existing row alone."""
    report = LoadReport()
    with loading():
        loader = RowLoader(report, add_only=True, reason=HISTORY_REASON)
        loader.rows_load(fixture_rows(names))
        loader.finish()
    return report
