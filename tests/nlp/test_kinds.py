"""The kind of an actor and where its name starts and ends, on team-written copy: bodies whose names
look like a person's, groups named by a plural, names a title word opens."""

from __future__ import annotations

import pytest

from framing import document_from_text
from framing.nlp.entities import discover
from framing.nlp.kinds import kind_of


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
    ("New York Jets", "organisation"),  # a city and a common plural: a team
    ("Harlow Securities Investigations", "organisation"),  # a common plural after two words
    ("Virginia Foxx", "person"),  # the first word is a given name
    ("Jordan Banks", "person"),  # a country is left out: "Jordan" is a given name too
    ("Ana Cole", "person"),
])
def test_a_place_before_a_word_and_a_plural_after_two_words_name_a_body(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize("name, kind", [
    ("Harlow Chemical", "organisation"), ("Brandt Industries", "organisation"),
    ("Larkspur Airlines", "organisation"), ("Department of Energy", "institution"),
    ("Danielle Steel", "person"),  # no industry word: a person
])
def test_an_industry_word_ends_a_companys_name(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize("name, kind", [
    ("Harlow Action Network", "organisation"),  # an advocacy network
    ("Christian Broadcasting Network", "media"), ("Larkspur News Network", "media"),
    ("USA Today Network", "media"),  # after a listed outlet's name
])
def test_a_network_is_a_broadcasters_only_beside_a_broadcasting_word(name, kind):
    assert kind_of(name) == kind


def test_a_bare_word_of_a_publication_named_with_the_is_the_publication():
    text = ("Show\n\nTom Vance told TheBlaze founder Ana Dorr that he would run. \u201cWe will see,\u201d "
            "said Blaze co-host Lena Marsh.\n")  # "TheBlaze": the list's "The Blaze"
    actors = {a.name: a for a in discover([document_from_text(text)]).actors}
    assert "Blaze" not in actors and "Blaze" in actors["The Blaze"].aliases
    assert actors["The Blaze"].kind == "media" and actors["Lena Marsh"].kind == "person"


def test_the_last_word_of_one_bodys_name_alone_is_that_body():
    text = ("Peace\n\nThe Middle East Quartet met in Oslo. Officials said the Quartet statement was ready, "
            "and Ana Dorr of the Harlow Action Network agreed. Mr. Quill, a diplomat, said little.\n")
    actors = {a.name: a for a in discover([document_from_text(text)]).actors}
    assert actors["Middle East Quartet"].kind == "organisation"
    assert "Quartet" in actors["Middle East Quartet"].aliases and "Quartet" not in actors


def test_a_month_before_a_date_ends_no_name():
    text = "Plan\n\nThe committee meets in Harlow July 8 and 9, and Theresa May spoke in Harlow.\n"
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Harlow July" not in names and "Theresa May" in names


def test_names_listed_after_a_plural_noun_of_bodies_take_its_kind():
    text = ("Harbour\n\nThree casinos \u2014 Larkin\u2019s, Velmora Palace and Quill \u2014 reported losses. "
            "Revenue rose at two of the casinos: Ostrel Star by 9 percent; Brandywine by 4 percent. "
            "Networks such as Harlow One and Marsh Channel covered it, and Ana Dorr spoke at Larkin\u2019s. "
            "Mr. Tobin, who runs Brandywine, and firms like Osgood said nothing.\n")
    kinds = _kinds(text)
    for name in ("Larkin", "Velmora Palace", "Quill", "Ostrel Star", "Brandywine"):
        assert kinds[name] == "organisation", name
    assert kinds["Harlow One"] == "media"
    assert kinds["Ana Dorr"] == kinds["Tobin"] == "person"


def test_a_listed_name_with_a_persons_cue_stays_a_person():
    text = ("Board\n\nThe firms \u2014 Cole, Varden and Marsh \u2014 merged. Mr. Varden retired, and "
            "staff at Cole and Marsh said nothing.\n")
    kinds = _kinds(text)
    assert kinds["Cole"] == "organisation" and kinds["Varden"] == "person"


def test_a_bodys_noun_before_a_name_or_its_board_after_it_make_a_body():
    text = ("Money\n\nThe tech start-up Osgood raised money. Her blood-testing start-up, Velmora, failed, "
            "said a Quillon board member. Both Osgood and Velmora were sold, and shares of Quillon fell. "
            "Tom Vance, who founded Larkin, and the firm Quillon said nothing.\n")
    kinds = _kinds(text)
    assert kinds["Osgood"] == kinds["Velmora"] == kinds["Quillon"] == "organisation"
    assert kinds["Tom Vance"] == "person"


@pytest.mark.parametrize("name, kind", [
    ("Cuban-Americans", "group"), ("Muslim-Americans", "group"), ("Irish-Americans", "group"),
    ("Wasserman-Schultz", "person"),
])
def test_a_hyphenated_peoples_plural_is_a_group(name, kind):
    assert kind_of(name) == kind


def test_a_listed_outlet_run_into_its_hosts_name_is_two_actors():
    text = ("Show\n\nAt the rally, Tom Vance spoke, and Fox News Ana Dorr and "
            "Republican Ted Cruz listened. Dorr smiled.\n")
    kinds = _kinds(text)
    assert kinds["Fox News"] == "media" and kinds["Ana Dorr"] == kinds["Ted Cruz"] == "person"
    assert "Fox News Ana Dorr" not in kinds and "Republican" not in kinds
    kinds = _kinds("Rally\n\nThe town heard Ku Klux Klan Grand Wizard Tom Vance on Monday, and NRA President "
                   "Lena Marsh on Tuesday.\n")  # an unlisted role between: still two; a listed title: one
    assert kinds["Ku Klux Klan"] == "organisation" and kinds["Tom Vance"] == kinds["Lena Marsh"] == "person"
    assert "National Rifle Association" not in kinds


def test_a_companys_first_word_alone_is_the_company_but_a_persons_name_before_a_body_is_the_person():
    text = ("Deal\n\nHarlow Chemical agreed to buy Velmora Foods. Analysts said Harlow paid too much, "
            "and the Brandt administration approved it. Brandt said little.\n")
    actors = {a.name: a for a in discover([document_from_text(text)]).actors}
    assert "Harlow" in actors["Harlow Chemical"].aliases and "Harlow" not in actors
    assert actors["Brandt"].kind == "person" and actors["Brandt administration"].kind == "institution"


def test_a_title_linked_to_its_body_inside_a_run_leaves_the_persons_name():
    kinds = _kinds("Aide\n\nThe memo went to White House Chief of Staff Dennis Quill on Friday. Quill "
                   "read it.\n")
    assert kinds["Dennis Quill"] == "person"


@pytest.mark.parametrize("name, kind", [
    ("Emily Post", "person"), ("Paula White", "person"),  # surnames that are a media or body word
    ("Charlotte Observer", "media"),  # a given name that is also a city
    ("Yale Daily News", "media"),
])
def test_a_given_name_before_a_media_word_is_a_persons_unless_it_names_a_place(name, kind):
    assert kind_of(name) == kind


def test_a_show_named_after_its_host_is_the_host():
    kinds = _kinds("Air\n\nOnly The Laura Quill Show hit 50%, said Tom Vance.\n")
    assert kinds["Laura Quill"] == "person"


def test_listed_publishers_pacs_advocacy_groups_and_broadcasters_are_no_persons():
    text = ("Book\n\nThe memoir, out from Henry Holt, was praised by La Raza and attacked by America Rising. "
            "Its author told Sirius XM that Ansar al-Sharia was behind the attack.\n")
    kinds = _kinds(text)
    assert kinds["Henry Holt and Company"] == kinds["National Council of La Raza"] == "organisation"
    assert kinds["America Rising PAC"] == "organisation" and kinds["SiriusXM"] == "media"
    assert kinds["Ansar al-Sharia"] == "group"


@pytest.mark.parametrize("name, kind", [
    ("Breitbart London", "media"), ("POLITICO Massachusetts", "media"),  # a listed outlet and a place
    ("Ana Dorr", "person"),
])
def test_a_listed_outlet_before_a_place_is_its_edition(name, kind):
    assert kind_of(name) == kind


def test_a_plural_possessive_two_words_before_a_body_word_is_inside_the_name():
    kinds = _kinds("Gift\n\nProceeds go to St. Jude Children's Research Hospital, said Tom Vance. "
                   "Karvonia's Defense Ministry agreed.\n")
    assert kinds["St. Jude Children's Research Hospital"] == "organisation"
    assert kinds["Defense Ministry"] == "institution" and "Karvonia's Defense Ministry" not in kinds


def test_runs_that_are_no_outlet_and_host_and_no_host_after_the():
    assert kind_of("Laura Action Network") == "organisation"  # "network" is no surname
    kinds = _kinds("Air\n\nAs The Denver Informer reported, Fox News Channel White House correspondent "
                   "Tom Vance asked first.\n")
    assert kinds["Denver Informer"] == "media"  # a city, not a host's given name
    assert not any("Channel" in name and kinds[name] == "person" for name in kinds)
    assert kinds["Tom Vance"] == "person"
