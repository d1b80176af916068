"""The translations indexed by whole words: what the search index would weigh.

    DATABASE_URL="postgres:///directory?host=/var/run/postgresql" \\
        .venv/bin/python bench/word_index.py

PostgreSQL only; needs ICU's word breaks (``pip install PyICU-binary``, built
against the system's ICU: ``apt-get install libicu-dev``), which the product
does not use yet. Reads the database bench/search.py made last and builds,
in a transaction it rolls back, the design docs/benchmarks.md proposes for
the translated names (the four fifths of today's index):

- every entry that is no translation (Korean texts, numbers, entries that
  borrow their team's) in a table of its own with today's indexes: the part
  of the index that would stay as it is;
- the translations' words (their ``words`` column: the words, their stems
  and their forms without accents; runs of Thai, Lao, Khmer, Chinese and
  Japanese broken into words by ICU) once each, in a word list with a
  trigram index for parts of words;
- per record, the ids of its translations' words (a GIN index).

Prints each part's size, the total beside today's, and how long it takes to
find the records of a word or of a part of one (the word list first, then
the records with any of its ids), beside today's trigram lookup.
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import bench_database_url, setup_django  # noqa: E402

# Today's translation entries: a first-priority text in no Hangul (numbers and
# entries that borrow their team's texts have no character pairs).
TRANSLATED = "priority < 2 AND grams <> '' AND key !~ '[가-힣]'"
# Words or parts of words a reader types, in the benchmark's languages.
LOOKUPS = [
    ("visa", "part"),
    ("support", "whole"),
    ("migrant", "part"),
    ("han", "part"),
    ("поддержка", "whole"),
    ("адаптац", "part"),
    ("เกาหลี", "whole"),
    ("ผู้ย้าย", "part"),
    ("การปรับตัวในชุมชน", "whole"),
    ("社区", "whole"),
    ("支援", "whole"),
    ("社区支援", "whole"),
    ("ការសម្រប", "whole"),
    ("सहयोग", "whole"),
]
UNSPACED = {
    "th": r"[\u0e00-\u0e7f]",
    "lo": r"[\u0e80-\u0eff]",
    "km": r"[\u1780-\u17ff]",
    "zh": r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]",
}


def breaker():
    """A function from a word to its words by ICU's rules for its script."""
    import re

    import icu

    found = {
        code: (
            re.compile(pattern),
            icu.BreakIterator.createWordInstance(icu.Locale(code)),
        )
        for code, pattern in UNSPACED.items()
    }

    def words(word):
        for pattern, iterator in found.values():
            if pattern.search(word):
                iterator.setText(word)
                start, parts = iterator.first(), []
                for end in iterator:
                    parts.append(word[start:end])
                    start = end
                return parts
        return [word]

    return words


def size(cursor, table, part="pg_total_relation_size"):
    cursor.execute(f"SELECT {part}(%s)", [table])
    return int(cursor.fetchone()[0])


def build(cursor, words_of):
    """The three tables; returns the records' and the words' counts."""
    # The first priorities' partition without its translations, with its own
    # indexes built once at the end, as a rebuild builds them.
    cursor.execute(
        "CREATE TEMP TABLE kept (LIKE directory_searchentry_first INCLUDING DEFAULTS)"
    )
    cursor.execute(
        "INSERT INTO kept SELECT * FROM directory_searchentry_first "
        f"WHERE NOT ({TRANSLATED})"
    )
    cursor.execute(
        "SELECT indexdef FROM pg_indexes "
        "WHERE tablename = 'directory_searchentry_first'"
    )
    for (definition,) in cursor.fetchall():
        on = definition.index(" ON ")
        cursor.execute(
            "CREATE INDEX ON kept "
            + definition[on + 4 :].replace("public.directory_searchentry_first ", "", 1)
        )
    cursor.execute(
        f"SELECT kind, object_id, words FROM directory_searchentry WHERE {TRANSLATED}"
    )
    vocabulary, records = {}, {}
    for kind, object_id, text in cursor.fetchall():
        ids = records.setdefault((kind, object_id), set())
        for word in text.split():
            for part in words_of(word):
                ids.add(vocabulary.setdefault(part, len(vocabulary) + 1))
    cursor.execute("CREATE TEMP TABLE word (id integer PRIMARY KEY, word text)")
    cursor.execute(
        "CREATE TEMP TABLE translated "
        "(kind varchar(10), object_id bigint, words integer[])"
    )
    # Words are keys: no tab, newline or backslash (``search_key``).
    cursor.copy_expert(
        "COPY word FROM STDIN",
        io.StringIO("".join(f"{n}\t{word}\n" for word, n in vocabulary.items())),
    )
    cursor.copy_expert(
        "COPY translated FROM STDIN",
        io.StringIO(
            "".join(
                f"{kind}\t{object_id}\t{{{','.join(map(str, sorted(ids)))}}}\n"
                for (kind, object_id), ids in records.items()
            )
        ),
    )
    cursor.execute("CREATE INDEX ON word USING gin (word gin_trgm_ops)")
    cursor.execute("CREATE INDEX translated_words ON translated USING gin (words)")
    cursor.execute("CREATE INDEX ON translated (kind, object_id)")
    cursor.execute("ANALYZE kept, word, translated")
    return len(records), len(vocabulary)


def timed(cursor, sql, params, rounds):
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        cursor.execute(sql, params)
        found = cursor.fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def lookups(cursor, rounds, words_of):
    """Each lookup as the design would make it, beside the test today's
    engine makes of the same text (``key_condition``: trigrams of the key,
    or the character pairs of a text under three characters); the records
    each finds (today a record has an entry per script), and the time to
    count them and to read the first 500 rows."""
    from directory.search.sql.conditions import filled, key_condition
    from directory.search.text import search_key

    columns = {name: name for name in ("key", "words", "grams", "initials")}
    print(
        f"{'lookup':<14} {'kind':<5} {'records':>8} {'ms':>6} {'500 ms':>6}"
        f"  today: {'records':>8} {'ms':>6} {'500 ms':>6}"
    )
    for text, how in LOOKUPS:
        # A text in a script written without spaces is broken as the
        # translations are; each of its words must be there.
        parts = words_of(search_key(text))
        test = "word LIKE %s" if how == "part" else "word = %s"
        found_by = " AND ".join(
            f"words && (SELECT coalesce(array_agg(id), '{{}}') FROM word WHERE {test})"
            for _part in parts
        )
        params = [f"%{part}%" if how == "part" else part for part in parts]
        condition = key_condition(search_key(text))
        today = f"{TRANSLATED} AND {filled(condition, columns)}"
        figures = []
        for table, where, values in [
            ("translated", found_by, params),
            ("directory_searchentry", today, condition.params),
        ]:
            counted_ms, counted = timed(
                cursor,
                f"SELECT count(DISTINCT (kind, object_id)) FROM {table} WHERE {where}",
                values,
                rounds,
            )
            # What a search reads: the first 500 candidates (``sql/statements.py``).
            first_ms, _rows = timed(
                cursor,
                f"SELECT object_id FROM {table} WHERE {where} LIMIT 500",
                values,
                rounds,
            )
            figures += [counted[0][0], counted_ms, first_ms]
        row = "{:<14} {:<5} {:>8,} {:>6.1f} {:>6.1f}  {:>15,} {:>6.1f} {:>6.1f}"
        print(row.format(text, how, *figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    url = bench_database_url(reuse=True)
    if not url.startswith("postgres"):
        sys.exit(
            "PostgreSQL only: set DATABASE_URL as bench/search.py's docstring says."
        )
    setup_django(url)

    from django.db import connection, transaction

    words_of = breaker()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT sum(pg_total_relation_size(oid)) FROM pg_class "
            "WHERE relname LIKE 'directory_search%%' AND relkind = 'r'"
        )
        today = int(cursor.fetchone()[0])
        started = time.perf_counter()
        records, words = build(cursor.cursor, words_of)
        print(f"built in {time.perf_counter() - started:.0f} s")
        sizes = {
            "kept entries": size(cursor, "kept")
            + size(cursor, "directory_searchentry_rest"),
            "word list": size(cursor, "word"),
            "records' words": size(cursor, "translated"),
        }
        others = today - sum(
            size(cursor, name)
            for name in ("directory_searchentry_first", "directory_searchentry_rest")
        )
        sizes["other search tables"] = others
        print(f"{records:,} records with translations, {words:,} distinct words")
        cursor.execute("SELECT avg(cardinality(words)) FROM translated")
        print(f"{cursor.fetchone()[0]:.0f} words a record on average")
        print(
            "records' words: table {:.1f} MB, GIN {:.1f} MB".format(
                size(cursor, "translated", "pg_relation_size") / 1e6,
                size(cursor, "translated_words", "pg_relation_size") / 1e6,
            )
        )
        for name, value in sizes.items():
            print(f"{name:<22} {value / 1e6:>8.1f} MB")
        total = sum(sizes.values())
        print(f"{'total':<22} {total / 1e6:>8.1f} MB (today {today / 1e6:,.1f} MB)")
        lookups(cursor, args.rounds, words_of)
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
