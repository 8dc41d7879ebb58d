"""Speakers credited with words they never say, on text written for these tests: one rule per test
(docs/analyzers/sources.md, "Whose words")."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.attribution import Sources, find_sources


def sources_of(*paragraphs: str) -> Sources:
    return find_sources(document_from_text("Harbour plan goes to a vote\n\n" + "\n\n".join(paragraphs)))


def speakers(found: Sources) -> list[str]:
    """The name of each attribution's speaker, in text order ("" for none)."""
    return [s.name if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_a_list_of_places_after_a_preposition_is_not_the_speaker():
    found = sources_of("Most dock workers in Tarrow, Ellby and Hune said the plan would cost them jobs.",
                       "Farmers from Ellby and Hune said the levy was unfair.")
    assert speakers(found) == ["Most dock workers", "Farmers"]


def test_a_relative_pronoun_after_a_school_takes_the_person_as_antecedent():
    found = sources_of(
        "Dana Mirel, a graduate of Corran Law School who has argued that the fees are unlawful, will "
        "chair the panel.",
        "The port board met on Monday with Senator Ivo Brask of Tarrow, who warned that the vote "
        "would be close.",
        "The plan appealed to Senator Lena Vorst, Republican of Ellby, who had suggested that the "
        "fees were too high.")
    assert "Corran Law School" not in speakers(found)
    assert "Tarrow" not in speakers(found)
    assert {"Dana Mirel", "Ivo Brask", "Lena Vorst"} <= set(speakers(found))
    assert not any("Ellby" in name or name == "Republican" for name in speakers(found))


def test_which_after_an_institution_keeps_the_institution():
    found = sources_of("Both ports are members of the Coastal Trade Council, which writes the rules.")
    assert speakers(found) == ["the Coastal Trade Council"]


def test_he_is_not_a_person_named_inside_what_he_says():
    found = sources_of(
        "Tom Orvell said the fees were too high. Proposals so far from the council leader, Kerris "
        "Ilves, to cut the fees, he added, amount to very little.",
        "Any attempt to answer a complaint by Mr. Ilves, he said, comes too late.")
    assert speakers(found) == ["Tom Orvell"] * 3


def test_he_may_still_be_the_person_his_clause_opens_with():
    found = sources_of("Mira Tane said the port was busy.",
                       "Kerris Ilves said the vote was close. Ilves would run again, he said.")
    assert speakers(found) == ["Mira Tane", "Kerris Ilves", "Kerris Ilves"]


def test_a_courtesy_title_and_surname_before_of_the_institute_is_the_person():
    found = sources_of(
        "Tom Orvell, a fellow at the Harbour Institute, said the fees were too high.",
        "''There is no way,'' said Mr. Orvell of the Harbour Institute.")
    assert speakers(found) == ["Tom Orvell", "Tom Orvell"]


def test_a_credit_line_or_a_handle_is_no_speech():
    found = sources_of("Tom Orvell said the fees were too high.",
                       "Ann Roe reported from Tarrow. She tweets @annroe.",
                       "He has reported from every port on the coast.")
    assert speakers(found) == ["Tom Orvell"]


def test_reported_from_a_place_with_a_that_clause_stays_speech():
    found = sources_of("The Tarrow Courier reported from the harbour that the fees would rise.",
                       "Ann Roe tweets that the fees are too high.")
    assert speakers(found) == ["Tarrow Courier", "Ann Roe"]


def test_a_hypothetical_in_the_reporters_conditional_is_no_speech():
    found = sources_of(
        "By offering Ann Roe the second spot, Ben Lee would show voters he is serious.",
        "If the port closes, the mayor could argue that the fees were to blame.",
        "Tom Orvell said the fees were too high.")
    assert speakers(found) == ["Tom Orvell"]


def test_a_hypothetical_inside_reported_speech_stays():
    found = sources_of("Tom Orvell said that if the port closed, the mayor would argue that the fees "
                       "were to blame.",
                       "If the port closed, the mayor would argue that the fees were to blame, Tom "
                       "Orvell said.")
    # Orvell reports the mayor's hypothetical: both attributions of each sentence stay
    assert [name.lower() for name in speakers(found)] == ["tom orvell", "the mayor"] * 2


def test_may_want_to_is_the_reporters_advice():
    found = sources_of("Ben Lee may want to check his figures.",
                       "The mayor said Ben Lee may want to check his figures.")
    assert speakers(found) == ["The mayor", "Ben Lee"]  # the mayor's advice, as reported


def test_adding_to_a_lead_is_no_speech():
    found = sources_of("Ann Roe won the primary, adding to her delegate lead.",
                       "The delay only added to the confusion.",
                       "''It was a mistake,'' Roe added to reporters. She added that the vote was close.")
    assert speakers(found) == ["Ann Roe", "Ann Roe"]
    assert [a.verb for a in found.attributions] == ["added", "added"]
