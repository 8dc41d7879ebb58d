"""Write corpora/sources/speaker_nouns.txt: the nouns that can stand for a speaker, from WordNet 3.0.

A speaker given as a common-noun phrase ("a senior official", "the committee") must have such a head
noun (docs/analyzers/sources.md, "Who can be a speaker"). The list holds every one-word noun of Princeton
WordNet 3.0 with a sense that is a kind of person (under person.n.01, "a human being") or of social group
(under social_group.n.01: organisations, bodies, parties, families, crews...), less the senses under
gathering.n.01 (a meeting, a party in the festive sense, a rally: people gathered, which do not speak as
one). Proper names (instance senses) and capitalised lemmas ("Democrat", "WHO") are left out: a speaker's
capitalised head is read as a name.

Run on a machine with the Debian package ``wordnet-base`` (WordNet 3.0, its ``data.noun``)::

    python scripts/build_speaker_nouns.py [/usr/share/wordnet] > corpora/sources/speaker_nouns.txt

Nothing is downloaded; the output is sorted, one lower-case word a line, after a header.
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON = "00007846"  # person.n.01
SOCIAL_GROUP = "07950920"  # social_group.n.01
GATHERING = "07975026"  # gathering.n.01
HEADER = """\
# Nouns that can stand for a speaker: people and social groups (organisations, bodies, families...).
# Derived by scripts/build_speaker_nouns.py from Princeton WordNet 3.0 (data.noun, Debian package
# wordnet-base 1:3.0): every one-word noun with a sense under person.n.01 or social_group.n.01, less the
# senses under gathering.n.01; instance senses and capitalised lemmas left out.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under the WordNet 3.0
# licence, whose full text (notice, statements and disclaimer) is in SOURCES.md beside this file.
"""


def read(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    """Hypernyms per synset, one-word lemmas per synset, and the synsets that are only instances."""
    hypernyms: dict[str, list[str]] = {}
    lemmas: dict[str, list[str]] = {}
    instances: set[str] = set()
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words = fields[4: 4 + 2 * count: 2]
        rest = fields[4 + 2 * count:]
        pointers = int(rest[0])
        ups, instance_ups = [], []
        for index in range(pointers):
            symbol, target, pos = rest[1 + 4 * index: 4 + 4 * index]
            if pos == "n" and symbol == "@":
                ups.append(target)
            elif pos == "n" and symbol == "@i":
                instance_ups.append(target)
        hypernyms[offset] = ups + instance_ups
        if instance_ups and not ups:
            instances.add(offset)
        lemmas[offset] = [w.split("(")[0] for w in words if "_" not in w and w.islower()]
    return hypernyms, lemmas, instances


def under(offset: str, roots: set[str], hypernyms: dict[str, list[str]], seen: dict[str, frozenset[str]]
          ) -> frozenset[str]:
    """The roots among the synset's ancestors (itself included)."""
    if offset in seen:
        return seen[offset]
    seen[offset] = frozenset()  # WordNet's noun hierarchy has no cycles; this guards anyway
    found = {offset} & roots
    for parent in hypernyms.get(offset, []):
        found |= under(parent, roots, hypernyms, seen)
    seen[offset] = frozenset(found)
    return seen[offset]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    hypernyms, lemmas, instances = read(folder)
    roots = {PERSON, SOCIAL_GROUP, GATHERING}
    seen: dict[str, frozenset[str]] = {}
    nouns = set()
    for offset, words in lemmas.items():
        if offset in instances:
            continue
        found = under(offset, roots, hypernyms, seen)
        if PERSON in found or (SOCIAL_GROUP in found and GATHERING not in found):
            nouns.update(w for w in words if w.replace("-", "").replace("'", "").isalpha())
    sys.stdout.write(HEADER + "".join(f"{w}\n" for w in sorted(nouns)))


if __name__ == "__main__":
    main()
