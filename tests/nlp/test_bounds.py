"""Where a name starts and ends, on copy written for these tests: a word the capitalised run would glue
to a name, or cut from it (docs/analyzers/actors.md, "Name boundaries"; docs/analyzers/sources.md)."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.attribution import find_sources
from framing.nlp.cast_names import parse_name
from framing.nlp.entities import discover
from framing.nlp.entities.recognise import find_candidates

# Invented for these tests: a council story with a foundation, a committee, a network and a hearing.
COUNCIL_TEXT = """Harlow council weighs the grant

Entrusting Maria Fenwick with the budget is a risk, the council's critics say. Fenwick has not \
answered them.

The grant will be run by the Laura and Tomas Harker Foundation, which Bill and Ada Roe praised.

The Committee on Civil Liberties, Justice and Home Affairs will give its opinion first. The Senate \
Committee on Health, Education, Labor, and Pensions met on Monday.

A survey by the One America News Network found the plan popular. Organisers from Our Revolution \
marched on Tuesday.

Fenwick spoke at a Senate Benghazi hearing in 2014, and later to the American Action Forum, a \
think tank.

Ban Ki-moon and Park Geun-hye sent letters. The Roe-era rules and Kremlin-backed groups stay out.
"""


def _found(text: str) -> list[str]:
    document = document_from_text(text)
    return [document.text[s.start : s.end] for s in find_candidates(document) if s.label != "thing"]


def _actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(text)]).actors}


def test_a_verb_form_opening_the_sentence_is_no_part_of_the_name_after_it():
    found = _found(COUNCIL_TEXT)
    assert "Entrusting Maria Fenwick" not in found and "Maria Fenwick" in found
    # a given name opening the sentence stays: it is the name's own first word
    assert "Maria Fenwick" in _found("Vote ends\n\nMaria Fenwick spoke. Later Fenwick left.\n")


def test_two_given_names_before_a_surname_and_an_organisation_word_are_one_body():
    found = _found(COUNCIL_TEXT)
    assert "Laura and Tomas Harker Foundation" in found
    assert "Tomas Harker Foundation" not in found
    assert "Bill and Ada Roe" not in found  # two people, no organisation word after them


def test_a_committees_topic_list_stays_in_its_name():
    actors = _actors(COUNCIL_TEXT)
    assert "Committee on Civil Liberties, Justice and Home Affairs" in actors
    assert "Senate Committee on Health, Education, Labor, and Pensions" in actors
    assert "Home Affairs" not in actors and "Pensions" not in actors


def test_a_listed_name_keeps_the_function_word_it_opens_with():
    actors = _actors(COUNCIL_TEXT)
    assert "One America News Network" in actors and "America News Network" not in actors
    assert "Our Revolution" in actors and "Revolution" not in actors
    # before a thing's noun the listed name names the thing: no party called One Nation here
    assert "One Nation" not in _actors("Poll\n\nThe poll is part of the Ledger's One Nation initiative, "
                                       "a series of forums.\n")


def test_a_common_word_opening_the_sentence_before_a_listed_group_only_describes_it():
    actors = _actors("Race tightens\n\nMainstream Republicans are running out of time, she said.\n\n"
                     "James Zogby, a pollster, said the race was close.\n")
    assert "Mainstream Republicans" not in actors and "Republican Party" in actors
    assert "James Zogby" in actors  # a given name is the name's own first word


def test_a_listed_body_before_a_listed_place_that_modify_a_noun_is_the_body():
    found = _found(COUNCIL_TEXT)
    assert "Senate Benghazi" not in found and "Senate" in found
    assert "Benghazi" not in _actors(COUNCIL_TEXT)
    # an outlet's regional edition stays whole, and so does a name before a function word
    found = _found("Show notes\n\nBreitbart Texas editor Lena Marsh called in. Tom Bell spoke to "
                   "NBC South Florida on Thursday.\n")
    assert "Breitbart Texas" in found and "NBC South Florida" in found


def test_a_demonym_before_two_common_words_opens_a_bodys_name():
    actors = _actors(COUNCIL_TEXT)
    assert actors.get("American Action Forum") == "organisation"
    assert "Action Forum" not in actors
    assert "Russian Middle East" not in _actors("Talks end\n\nThe talks were attended by the Russian "
                                                "Middle East envoy.\n")  # a region, no body


def test_a_hyphenated_given_name_is_no_adjective():
    found = _found(COUNCIL_TEXT)
    assert "Ban Ki-moon" in found and "Park Geun-hye" in found
    assert not any("Roe-era" in f or "Kremlin-backed" in f for f in found)  # adjectives stay out


def _speakers(*paragraphs: str) -> list[str]:
    document = document_from_text("Council vote goes to a second round\n\n" + "\n\n".join(paragraphs))
    found = find_sources(document)
    return [s.name if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_a_speaker_phrase_drops_a_verb_form_glued_to_a_name():
    names = _speakers("Entrusting Maria Fenwick with the budget is a risk, said Tom Bell.",
                      "Entrusting Maria Fenwick said nothing new.")
    assert "Entrusting Maria Fenwick" not in names and "Maria Fenwick" in names


def test_a_month_after_a_given_name_is_the_speakers_surname():
    assert _speakers("Prime Minister Ada May said this week that the council would leave.") == ["Ada May"]
    assert _speakers("Officials in May said the plan would work.") != ["May"]


def test_a_speaker_phrase_runs_across_a_listed_names_and_and_conference_of():
    names = _speakers(
        "Officials at a division of Immigration and Customs Enforcement said they were concerned.",
        "Proponents, including the Harlow Conference of Mayors, have urged the council to act.",
    )
    assert "Customs Enforcement" not in names
    assert any(n.endswith("Immigration and Customs Enforcement") for n in names)
    assert "Harlow Conference of Mayors" in names


def test_a_nickname_in_quotation_marks_stays_inside_the_name_and_out_of_the_display():
    actors = _actors('Seat filled\n\nThe mayor picked former Chief of Staff Tomas "Mo" Harker, who '
                     'also served as counsel. Harker said he was honored.\n')
    assert "Tomas Harker" in actors and actors["Tomas Harker"] == "person"
    assert not any(name.startswith("Chief of Staff") for name in actors)


def test_three_name_words_after_a_whole_linked_title_are_the_name():
    actors = _actors("Aide quits\n\nLena Marsh, an aide to Secretary of State Ada Rodham Fenwick, spoke. "
                     "Fenwick left.\n")
    assert "Ada Rodham Fenwick" in actors and "Rodham Fenwick" not in actors



def test_a_national_committeeman_is_a_title_and_no_actor():
    actors = _actors("Delegates meet\n\nTom Bell is a longtime Republican National Committeeman "
                     "representing Harlow. Bell spoke.\n")
    assert "Committeeman" not in actors and "Tom Bell" in actors




def test_a_cast_name_with_a_comma_is_written_as_the_article_writes_it():
    name = "EP Committee on Civil Liberties, Justice and Home Affairs"
    assert parse_name(name, "institution").text == name
