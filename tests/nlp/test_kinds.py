"""The kind of an actor and where its name starts and ends, on team-written copy: bodies whose names
look like a person's, groups named by a plural, names a title word opens."""

from __future__ import annotations

import pytest

from framing import document_from_text
from framing.nlp.entities import discover
from framing.nlp.names import kind_of


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(text)]).actors}


@pytest.mark.parametrize("name", ["Harlan Democrats", "Orthodox Christians", "Varden Republicans"])
def test_a_name_ending_in_a_groups_plural_is_a_group_not_a_person(name):
    assert kind_of(name) == "group"


def test_a_group_plural_after_a_name_is_a_group_and_after_a_qualifier_the_listed_group():
    kinds = _kinds("Vote\n\nThe so-called Varden Democrats backed Gov. Tom Brandt, and Orthodox Christians "
                   "in Harlow agreed.\n")
    assert kinds["Varden Democrats"] == kinds["Orthodox Christians"] == "group"
    assert kinds["Tom Brandt"] == "person"


@pytest.mark.parametrize("name, kind", [
    ("Middle East Quartet", "organisation"),  # a region the lists know, then a word no given name
    ("New Jersey Lantern", "organisation"),  # a state, then a word
    ("Dallas Mavericks", "organisation"),
    ("Harlow Securities Investigations", "organisation"),  # a common plural after two words
    ("Virginia Foxx", "person"),  # the first word is a given name
    ("Jordan Banks", "person"),  # a country is left out: "Jordan" is a given name too
    ("Ana Cole", "person"),
])
def test_a_place_before_a_word_and_a_plural_after_two_words_name_a_body(name, kind):
    assert kind_of(name) == kind
