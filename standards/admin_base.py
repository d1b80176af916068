"""The base every admin page of the project shares, for both apps."""

from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Every change is recorded; the history page shows it and can revert it."""
