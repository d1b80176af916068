"""The SQL of search that the ORM cannot compose fast enough, in one place:
what an entry matches and how it ranks (``conditions``), and the whole
statements that rank the entries and read what a result shows
(``statements``; the latter planned once per connection, ``prepared``).

Invariant: every piece here is SQL text built only from the models' table and
column names (quoted by the connection) and fixed words; whatever comes from
a query travels as a parameter (``%s``), never inside the text. Keys hold no
``%`` or ``_`` (``search_key`` drops them), so they go into ``LIKE`` patterns
as they are, and no ``"`` either, so they go into FTS5 phrases as they are
(``phrase`` doubles one all the same). The SQL is the same on SQLite and
PostgreSQL but for where a substring is looked up: PostgreSQL's trigram
indexes serve ``LIKE`` on the entries' own columns; on SQLite the FTS5
trigram tables that mirror them (``fts.py``, kept in step by triggers)
answer a ``MATCH`` of the same substring.

Why not the ORM: a query's tests are many small lookups (a search with three
synonyms has over thirty), and the ORM resolved each anew for every query,
which took longer than PostgreSQL took to answer (docs/benchmarks.md).
"""

from .conditions import (
    FIRST_PRIORITY,
    TIERS,
    WORD_WEIGHT,
    Condition,
    RowSQL,
    any_of,
    contains,
    every_word,
    key_condition,
    kind_is,
    number_prefix,
    phrase,
    rank,
    slips,
    unindexed,
    words_missed,
)
from .statements import (
    FACETS,
    QUERIES,
    facets_statement,
    first_or_every_statement,
    ranked_entries,
)
from .teams import ranked_through_teams, through_teams

__all__ = [
    "FACETS",
    "FIRST_PRIORITY",
    "QUERIES",
    "TIERS",
    "WORD_WEIGHT",
    "Condition",
    "RowSQL",
    "any_of",
    "contains",
    "every_word",
    "facets_statement",
    "first_or_every_statement",
    "key_condition",
    "kind_is",
    "number_prefix",
    "phrase",
    "rank",
    "ranked_entries",
    "ranked_through_teams",
    "slips",
    "through_teams",
    "unindexed",
    "words_missed",
]
