"""One person, one row, on team-written copy: a courtesy title before a surname that is also a word,
and a first name with a maiden name beside the full married name."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.entities import discover
from framing.nlp.kinds import kind_of


def _actors(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.kind, a.aliases) for a in discover([document_from_text(text)]).actors}


def test_a_courtesy_title_before_white_names_a_person_not_the_white_house():
    assert kind_of("Ms. White") == "person"
    assert kind_of("Obama White") == "institution"  # "the Obama White House", cut before "House"
    assert kind_of("National Post") == "media"  # a title's modifier, no title: the paper
    actors = _actors("Vigil\n\nLena Ashby White, a teacher, organised the vigil. Ms. White said the town "
                     "would gather again, and Ms. White thanked the volunteers.\n")
    assert "Ms. White" not in actors
    assert actors["Lena Ashby White"][0] == "person"


def test_a_first_name_and_maiden_name_join_the_full_married_name():
    actors = _actors("Race\n\nDena Marlow Ashcroft filed to run on Monday. Friends who knew Dena Marlow in "
                     "college said she was driven, and Ashcroft thanked them.\n")
    assert "Dena Marlow" not in actors
    assert "Dena Marlow" in actors["Dena Marlow Ashcroft"][1]


def test_two_people_who_share_a_first_name_stay_apart():
    actors = _actors("Race\n\nDena Marlow Ashcroft and Dena Keller debated on Monday. Keller said the "
                     "race was close.\n")
    assert {"Dena Marlow Ashcroft", "Dena Keller"} <= set(actors)
