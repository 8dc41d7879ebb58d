"""What the article says of a person at its other mentions: the type it reads there (team-written text)."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.attribution.described import described_types, person_type
from framing.nlp.entities import mentions_for


def types_of(text: str, name: str) -> list[str]:
    document = document_from_text(text)
    mentions = [m for m in mentions_for(document, None, None) if m.actor.name == name]
    return described_types(document, mentions)


def test_the_head_of_a_title_types_the_person():
    text = "Race\n\nThe crowd cheered when White House hopeful Dale Harlan walked in."
    assert types_of(text, "Dale Harlan") == ["party"]


def test_after_of_for_to_only_a_named_institution_counts():
    aide = ("Race\n\nThe plan came from Steven Roe, a former aide to Senate Majority Leader Ada Marsh, "
            "on Monday.")
    assert types_of(aide, "Steven Roe") == []
    wife = "Race\n\nThe rally opened with Mara Lind, the wife of the Republican nominee, on stage."
    assert types_of(wife, "Mara Lind") == ["citizen"]
    staff = "Race\n\nThe memo came from Maria Fenwick, a spokeswoman for the Corbin campaign, on Monday."
    assert types_of(staff, "Maria Fenwick") == ["party"]


def test_an_office_left_gives_no_type():
    text = ("Race\n\nThe list includes former Ohio Gov. Lee Marsh and Trent Holm, who was Senate "
            "majority leader, among others.")
    assert types_of(text, "Lee Marsh") == [] and types_of(text, "Trent Holm") == []


def test_an_office_held_beats_a_campaign():
    assert person_type("other", ["party", "legislator", "party"]) == "legislator"
    assert person_type("party", ["government"]) == "government"
    assert person_type("expert", ["party"]) == "expert"  # the speaker's own phrases win
    assert person_type("other", ["party", "media", "party"]) == "party"
    assert person_type("other", []) == "other"


def test_a_title_abbreviation_the_segmenter_ends_a_sentence_at():
    text = ("Bill talks\n\nInstead, Holm teamed up with Sens. Ada Roe (D-N.J.), Lee Marsh (D-W.Va.) "
            "and two more.")
    assert types_of(text, "Ada Roe") == ["legislator"]
