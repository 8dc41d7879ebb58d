"""Words that look like actors' names on team-written copy: listed outlets and parties whose names are
common words or given names (framing/nlp/entities/homonyms.py), units named after people, job titles
standing alone, and the components of government agencies."""

from __future__ import annotations

import pytest

from framing import document_from_text
from framing.nlp.entities import discover
from framing.nlp.kinds import kind_of
from framing.nlp.names import non_actor


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(text)]).actors}


def test_a_listed_outlets_common_word_name_needs_a_cue_to_be_the_outlet():
    kinds = _kinds("Poll\n\nThe survey is part of the Harlow Ledger's One Nation initiative, Tom Vance said. "
                   "Nation by nation, the answers differed.\n")
    assert "Daily Nation" not in kinds
    assert kinds["Tom Vance"] == "person"
    cued = _kinds("Talks\n\nThe Nation reported on Monday that the vote was delayed, and Tom Vance told "
                  "the Nation he would wait. Sun and rain slowed the count.\n")
    assert cued["Daily Nation"] == "media"  # "the Nation reported", "told the Nation"
    assert "The Sun" not in cued  # "Sun" opens a sentence with no cue: the sun


def test_an_outlets_name_that_is_a_given_name_is_the_persons_first_name_without_a_cue():
    kinds = _kinds("Vigil\n\nThe school's principal, Dawn Ashby, was honoured. \"Her daughter, Dawn, "
                   "taught here,\" said Tom Vance. Vance spoke for an hour.\n")
    assert "Dawn" not in kinds  # not Pakistan's newspaper, and no row of its own
    assert kinds["Dawn Ashby"] == "person"
    cued = _kinds("Talks\n\nAmir Qadri told Dawn that the talks had failed. Pakistan's Dawn also "
                  "quoted Qadri.\n")
    assert cued["Dawn"] == "media"


def test_a_partys_plural_alias_in_a_sentence_about_a_sport_is_a_team():
    kinds = _kinds("Opener\n\nThe Nationals' pitcher threw seven innings as the Nationals won their "
                   "baseball opener. Tom Vance, the manager, was pleased.\n")
    assert kinds["Nationals"] == "organisation"  # the baseball team, not Australia's National Party
    assert "National Party of Australia" not in kinds
    party = _kinds("Canberra\n\nThe Nationals backed the farm bill, and Tom Vance, a senator, said "
                   "the Nationals would vote for it.\n")
    assert party["National Party of Australia"] == "party"


def test_units_named_after_people_are_no_actors():
    kinds = _kinds("Climate\n\nThe pact caps warming at 2 degrees Celsius (3.6 degrees Fahrenheit), "
                   "Tom Vance said. The quake measured 6.1 on the Richter scale.\n")
    assert not {"Celsius", "Fahrenheit", "Richter"} & set(kinds)
    assert kinds["Tom Vance"] == "person"
    assert non_actor("Celsius") == "unit"


@pytest.mark.parametrize("text, reason", [
    ("Washington Political Editor", "descriptor"),  # a place, a qualifier, a role noun
    ("Harlow Ledger Chairman", "descriptor"),  # an outlet's name, then a role noun
    ("Ken Griffey Junior", ""),  # a name's ending, no role
    ("League of Women Voters", ""),  # a body named for whom it serves: a plural, after "of"
    ("Committee to Protect Journalists", ""),
    ("Amir Vance", ""),
])
def test_a_role_noun_with_no_name_after_it_is_a_descriptor(text, reason):
    assert non_actor(text) == reason


def test_a_job_title_standing_alone_is_no_row_and_the_named_holder_keeps_the_mentions():
    kinds = _kinds("Praise\n\nTom Vance praised the Harlow Ledger's Washington Political Editor Ben Alder. "
                   "Alder is the Harlow Ledger's Washington Political Editor and runs its team.\n")
    assert not any("Editor" in name for name in kinds)
    assert kinds["Ben Alder"] == "person"


@pytest.mark.parametrize("name, kind", [
    ("Homeland Security Investigations", "institution"),  # a listed department's name, then the head
    ("Customs Enforcement", "institution"),
    ("National Park Service", "institution"),
    ("Central Command", "institution"),
    ("Harlow Securities Investigations", "organisation"),  # a firm: a proper name before the head
    ("Harlow News Service", "media"),  # a news service
])
def test_a_government_bodys_component_is_an_institution(name, kind):
    assert kind_of(name) == kind


def test_a_listed_name_with_and_inside_is_one_name():
    kinds = _kinds("Raids\n\nAgents from Immigration and Customs Enforcement and Homeland Security "
                   "Investigations searched the site, Tom Vance said.\n")
    assert kinds["Immigration and Customs Enforcement"] == "institution"
    assert kinds["Homeland Security Investigations"] == "institution"
    assert "Immigration" not in kinds and "Customs Enforcement" not in kinds


def test_a_listed_team_is_an_organisation_and_its_nickname_joins_it():
    kinds = _kinds("Deal\n\nThe Denver Broncos signed Tom Vance on Monday. The Broncos said Vance would "
                   "start, and the Washington Nationals' pitcher Ben Alder agreed with the Nationals.\n")
    assert kinds["Denver Broncos"] == kinds["Washington Nationals"] == "organisation"
    assert "Broncos" not in kinds
    assert kinds["Tom Vance"] == "person"


def test_an_unknown_plural_after_the_in_a_sentence_about_a_sport_is_a_team():
    kinds = _kinds("Finals\n\nBen Alder and the Cavaliers are in the NBA Finals. Tom Vance said Alder "
                   "would lead the Cavaliers past Vance's old club.\n")
    assert kinds["Cavaliers"] == "organisation"
    assert kinds["Ben Alder"] == kinds["Tom Vance"] == "person"


def test_an_unknown_plural_with_a_teams_word_in_an_article_about_a_sport_is_a_team():
    text = ("Stadium deal\n\nThe mayor, a lifelong baseball fan, spoke on Monday. He said the Harriers "
            "had a great season and that the city would pay for a new stadium.\n\nThe Liberals won the "
            "vote in parliament, and the Greens said the budget was fair.\n")
    kinds = _kinds(text)
    assert kinds["Harriers"] == "organisation"  # "season": no sports word in its sentence
    assert "Liberals" not in kinds and "Greens" not in kinds  # parties: no team's word beside them
    assert "Liberal Party of Canada" in kinds


def test_a_teams_word_without_a_sports_word_in_the_article_makes_no_team():
    kinds = _kinds("Campaign\n\nThe Harriers had a great season of fundraising, and the Harriers said "
                   "the fans of the mayor would vote.\n")
    assert kinds.get("Harriers") != "organisation"


def test_a_familys_plural_name_is_no_team():
    kinds = _kinds("Donors\n\nThe mayor, a baseball fan, spoke on Monday. A coach praised the Harlows "
                   "family for its support this season.\n")
    assert kinds.get("Harlows") != "organisation"
