"""Search over services, divisions and the standard's text.

``text`` normalises what is indexed and what people type the same way,
``indexing`` keeps the search entries current, ``sql`` writes the SQL the ORM
cannot compose fast enough, ``engine`` reads and answers queries, and
``results`` reads what a result shows, for pages and the API alike.
"""

from .text import INDEX_LETTERS, MAX_QUERY_LENGTH, clean_query, digits, index_letter

__all__ = ["INDEX_LETTERS", "MAX_QUERY_LENGTH", "clean_query", "digits", "index_letter"]
