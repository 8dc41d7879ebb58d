"""Places the bundled lists do not know, told by the words around them
(framing/nlp/entities/places.py), on team-written copy: towns named like surnames, and surnames named
like towns."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.entities import discover, mentions_for

# Invented for these tests, in the style of US campaign copy. None of the towns is in the bundled lists.
TOWNS_TEXT = """Roe Tours the Small Towns

QUENBY, Iowa — Sen. Ada Roe spent Monday in the state's small towns.

She stopped first at a Pellston, N.H., diner, then flew back to talk to teachers at the Marrowdale, \
Connecticut, school where a gunman killed six. "We owe them more," Roe said.

In the town of Ostrander, farmers asked about water. Many Tillford residents, who lost a plant last year, \
were angrier. "Nobody listens," said Lena Voss, a machinist from Dunwick who drove an hour to hear her. \
Carl Haney, 55, of Brackley, agreed. Roe drove on to Corvale, Ohio. She spoke for an hour.

Halbrook, Pellston and Quenby all voted for her in 2012.
"""


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(text)]).actors}


def test_a_town_before_a_state_or_in_a_dateline_is_a_place():
    kinds = _kinds(TOWNS_TEXT)
    assert kinds["Pellston"] == "place"  # "a Pellston, N.H., diner"
    assert kinds["Marrowdale"] == "place"  # "the Marrowdale, Connecticut, school"
    assert kinds["Corvale"] == "place"  # "to Corvale, Ohio."
    assert kinds["Quenby"] == "place"  # the dateline "QUENBY, Iowa —"


def test_a_place_noun_or_where_someone_is_from_makes_a_place():
    kinds = _kinds(TOWNS_TEXT)
    assert kinds["Ostrander"] == "place"  # "the town of Ostrander"
    assert kinds["Tillford"] == "place"  # "Tillford residents"
    assert kinds["Dunwick"] == "place"  # "a machinist from Dunwick who"
    assert kinds["Brackley"] == "place"  # ", 55, of Brackley"
    assert kinds["Ada Roe"] == "person" and kinds["Lena Voss"] == "person" and kinds["Carl Haney"] == "person"


def test_a_pronoun_goes_to_the_person_not_to_the_town_before_it():
    document = document_from_text(TOWNS_TEXT)
    pronouns = [m for m in mentions_for(document) if m.kind == "pronoun"
                and document.text[m.start : m.end] == "She"]
    assert pronouns and all(m.actor.name == "Ada Roe" for m in pronouns)  # not "Corvale", not "Pellston"


def test_person_evidence_keeps_a_surname_that_is_also_a_town_a_person():
    # The same shapes, but the article also treats the name as a person's.
    said = _kinds("Voters Gather\n\nThe rally in Keene, N.H., drew hundreds. Later, Keene said the crowd was "
                  "the largest of the year. \"We will win,\" Keene added.\n")
    assert said["Keene"] == "person"
    full = _kinds("Voters Gather\n\nDana Keene, the county's treasurer, spoke first. The rally moved to "
                  "Harlow, N.H., and Keene, N.H., on Tuesday, and Keene thanked the volunteers.\n")
    assert full["Dana Keene"] == "person" and "Keene" not in full
    assert full["Harlow"] == "place"
    titled = _kinds("Voters Gather\n\nMr. Halbrook met voters. The town of Halbrook loves him, and "
                    "Halbrook residents cheered.\n")
    assert titled["Halbrook"] == "person"
    # A state after a comma that describes a person ("Walker, Wisconsin governor") makes no place.
    kinds = _kinds("Governors Meet\n\nThe governors met in Denver. Among them were Haney, Wisconsin governor "
                   "since 2011, and Voss, Ohio Republican, who both spoke. Absent "
                   "was Vance, Ohio's senior senator.\n")
    assert kinds.get("Haney") == "person"
    assert kinds.get("Voss") == "person"
    assert kinds.get("Vance") == "person"


def test_a_given_name_needs_a_state_or_a_place_noun_to_be_a_place():
    kinds = _kinds("Voters Gather\n\nJo Keller, a nurse from Hudson who came with friends, waved a sign. "
                   "Another nurse, from Sharon, Conn., cheered.\n")
    assert kinds.get("Hudson") != "place"  # a given name with only "from" before it
    assert kinds["Sharon"] == "place"  # "Sharon, Conn."


def test_a_place_noun_after_the_name_makes_a_place():
    kinds = _kinds("Turnout Rises\n\nTurnout rose in the Tarvesh region and in Wexmoor and Dunlin counties, "
                   "officials said.\n")
    assert kinds["Tarvesh"] == "place"  # "the Tarvesh region"
    assert kinds["Wexmoor"] == "place"  # "Wexmoor and Dunlin counties"
    assert kinds["Dunlin"] == "place"


def test_territories_provinces_and_small_countries_are_known():
    kinds = _kinds("Ice Melts\n\nThe envoy has seen the melting ice of Antarctica and Greenland, the "
                   "floods of Ontario and the disappearing Pacific nation of Kiribati. He later visited "
                   "Scotland, Jamaica and the Cayman Islands.\n")
    assert kinds["Greenland"] == "region"
    assert kinds["Ontario"] == "region"
    assert kinds["Scotland"] == "region"
    assert kinds["Cayman Islands"] == "region"
    assert kinds["Kiribati"] == "country"
    assert kinds["Jamaica"] == "country"


def test_a_listed_city_that_is_also_a_surname_is_a_person_when_a_mention_says_so():
    # "Jackson", "Lincoln" and "Franklin" are cities of cities.tsv tagged also_person.
    kinds = _kinds("Panel Votes\n\nThe hearing in Jackson drew a crowd. Later, Jackson said he would run "
                   "again. The panel's chairman, Lincoln, who rarely speaks, said nothing. The town of "
                   "Franklin sent a letter.\n")
    assert kinds["Jackson"] == "person"  # "Jackson said", then "he"
    assert kinds["Lincoln"] == "person"  # "Lincoln, who"
    assert kinds["Franklin"] == "place"  # no person's cue: the listed city, as before


def test_a_plural_after_in_the_is_a_place():
    kinds = _kinds("Donors Gather\n\nShe raised money at a fund-raiser in the Tallinghams last week. Her "
                   "rival gave money to the Pellingtons, who host a show.\n")
    assert kinds["Tallinghams"] == "place"  # "in the Tallinghams"
    assert kinds.get("Pellingtons") != "place"  # "to the X": a family as often as a place


def test_a_place_head_opening_the_name_makes_a_place():
    document = document_from_text("Leaving Town\n\nMr. Dale Orrin left the ceremony by helicopter for Joint "
                                  "Base Tarrow in the suburbs, where he thanked his aides. Then he flew on "
                                  "to Fort Quessley.\n")
    kinds = {a.name: a.kind for a in discover([document]).actors}
    assert kinds["Joint Base Tarrow"] == "place" and kinds["Fort Quessley"] == "place"
    pronouns = [m for m in mentions_for(document) if m.kind == "pronoun"]
    assert pronouns and all(m.actor.name == "Dale Orrin" for m in pronouns)
