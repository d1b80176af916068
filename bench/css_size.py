"""Print the raw and gzipped size of every stylesheet and check the budget.

Usage: python bench/css_size.py [--budget KB]

Exits 1 when the gzipped total is over the budget (20 KB unless told), so
that the stylesheets stay far lighter than KRDS's own (about 590 KB raw).
"""

import argparse
import gzip
import sys
from pathlib import Path

CSS_DIR = Path(__file__).resolve().parent.parent / "static" / "css"


def gzipped_size(data):
    # Level 9, as whitenoise compresses static files when they are collected.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=20, help="KB, gzipped")
    budget = parser.parse_args(argv).budget * 1024
    total_raw = total_gzip = 0
    print(f"{'file':<32}{'raw':>10}{'gzip':>10}")
    for path in sorted(CSS_DIR.rglob("*.css")):
        data = path.read_bytes()
        raw, packed = len(data), gzipped_size(data)
        total_raw += raw
        total_gzip += packed
        print(f"{path.relative_to(CSS_DIR).as_posix():<32}{raw:>10}{packed:>10}")
    print(f"{'total':<32}{total_raw:>10}{total_gzip:>10}")
    within = total_gzip <= budget
    print(
        f"gzipped total {total_gzip / 1024:.1f} KB: "
        f"{'within' if within else 'over'} the {budget / 1024:g} KB budget"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
