"""Descriptions that refer to a speaker already listed, on text written for these tests
(framing/nlp/attribution/referents.py; docs/analyzers/sources.md, "Descriptions that refer to a named
speaker")."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.attribution import Sources, find_sources


def sources_of(*paragraphs: str) -> Sources:
    text = "Council vote goes to a second round\n\n" + "\n\n".join(paragraphs)
    return find_sources(document_from_text(text))


def speakers(found: Sources) -> list[str]:
    """The name of each attribution's speaker, in text order ("" for none)."""
    return [s.name if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_a_role_description_continues_the_speaker_just_before_who_holds_that_title():
    found = sources_of(
        "Sen. Mara Quillon and Sen. Tobias Fenner met the mayor on Monday.",
        "Quillon said the bridge would open in May. The longtime senator said the money was already there.",
    )
    assert speakers(found) == ["Quillon", "Quillon"]
    assert len(found.speakers) == 1


def test_a_role_description_after_someone_without_that_title_stays_apart():
    # two senators are named and the speaker just before is the mayor: the text does not say which
    found = sources_of(
        "Sen. Mara Quillon and Sen. Tobias Fenner met Mayor Ada Pike on Monday.",
        "Quillon said the bridge would open in May. Pike said the money was not there.",
        "The senator said the council would vote anyway.",
    )
    assert speakers(found) == ["Quillon", "Pike", "The senator"]


def test_a_description_in_apposition_after_a_name_is_that_person():
    found = sources_of(
        "The vote was close. Lena Okafor, the county clerk who wrote the final report, said nothing on "
        "Monday."
    )
    assert speakers(found) == ["Lena Okafor", "Lena Okafor"]
    assert len(found.speakers) == 1


def test_an_outlets_description_its_name_and_the_paper_are_one_speaker():
    found = sources_of(
        "But as the nationalist Harbour Ledger tabloid noted in an editorial, the port is failing.",
        "As the paper noted, the cranes are old and the ships are waiting.",
        "The mayor has not answered. The Harbour Ledger wrote that the council had lost its way.",
    )
    assert speakers(found) == ["Harbour Ledger"] * 3
    assert len(found.speakers) == 1


def test_the_person_continues_the_anonymous_source_who_spoke_just_before():
    found = sources_of(
        "The council will vote again, a source close to the mayor said. That person said the count was "
        "wrong.",
        "Another source familiar with the talks said the vote would pass. At the same time, the person "
        "added, the mayor was worried.",
    )
    first, second = "a source close to the mayor", "Another source familiar with the talks"
    assert speakers(found) == [first, first, second, second]
    assert len(found.speakers) == 2


def test_other_or_another_never_joins_an_earlier_speaker_by_its_words():
    found = sources_of("The senior councillor said the plan was sound.",
                       "Other councillors said it was too late.")
    assert speakers(found) == ["The senior councillor", "Other councillors"]


def test_a_role_description_continues_the_one_person_named_as_subject_just_before():
    found = sources_of("Maren Holstad filed the appeal on Monday. The Republican candidate said the first "
                       "count was wrong.")
    assert speakers(found) == ["Maren Holstad"]


def test_a_role_description_after_two_people_named_stays_apart():
    found = sources_of("Maren Holstad filed the appeal on Monday with Ivo Brandt. The Republican candidate "
                       "said the first count was wrong.")
    assert speakers(found) == ["The Republican candidate"]


def test_a_role_description_skips_a_person_named_in_the_paragraph_before_beside_another():
    # the subject of the sentence before is Brandt, but Holstad is named in that paragraph too
    found = sources_of("Maren Holstad met Mayor Ivo Brandt on Monday. Brandt closed the harbour office in "
                       "April.", "\u201cThe count was wrong,\u201d the Republican candidate said.")
    assert speakers(found) == ["the Republican candidate"]


def test_a_name_in_apposition_after_a_description_names_it():
    found = sources_of("The council met on Monday. \u201cThe count was wrong,\u201d said the party's "
                       "chairman, Ivo Brandt, after the vote.")
    assert speakers(found) == ["Ivo Brandt"]


def test_her_campaign_is_the_campaign_of_the_one_person_named_just_before():
    found = sources_of("Maren Holstad filed the appeal on Monday. Her campaign said the first count was "
                       "wrong.")
    assert speakers(found) == ["Holstad campaign"]


def test_her_campaign_after_two_people_named_stays_apart():
    found = sources_of("Maren Holstad filed the appeal on Monday with Ivo Brandt. Her campaign said the "
                       "first count was wrong.")
    assert speakers(found) == ["Her campaign"]
