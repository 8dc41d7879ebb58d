"""Names the sentence uses as things (framing/nlp/entities/uses.py), on team-written copy: laws and
plans by what is done to them, market indexes by how they move, fictional characters by the words that
make them one; and the people beside them, who stay actors."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp.entities import discover
from framing.nlp.entities.recognise import find_candidates


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(text)]).actors}


def _labels(text: str) -> dict[str, set[str]]:
    document = document_from_text(text)
    labels: dict[str, set[str]] = {}
    for span in find_candidates(document):
        labels.setdefault(document.text[span.start : span.end], set()).add(span.label)
    return labels


LAWS = """Harbour bill heads to the governor

Sen. Ada Roe urged Gov. Tom Vance to veto HOPRA, the harbour bill. Vance vowed instead to repeal the \
Pell Act, and his allies want the repeal of Calder before June. Records obtained under CLARA show the \
delays. Last year Vance signed FARMA into law. Roe proposed a 10 percent VAT.

Roe said the vote would be close. Under Secretary Ben Alder agreed with Roe.
"""


def test_the_object_of_a_laws_verb_or_act_is_a_law_not_an_actor():
    labels = _labels(LAWS)
    for name in ("HOPRA", "Calder", "CLARA", "FARMA", "VAT"):
        assert labels[name] == {"thing"}, name  # veto, repeal of, under, into law, a 10 percent
    kinds = _kinds(LAWS)
    assert not {"HOPRA", "Calder", "CLARA", "FARMA", "VAT"} & kinds.keys()
    assert kinds["Ada Roe"] == kinds["Tom Vance"] == kinds["Ben Alder"] == "person"  # "Under Secretary"


MARKETS = """Stocks end the week higher

The Vantor composite rose 12 points, or 0.4 percent, to 4,210, and the Kelmar industrial average \
closed up 80 points. The Vantor gained again on Friday. Earlier, the Brisk plunged in minutes as \
investors sold shares.

Mr. Quill rose 4 points in the latest poll, and Quill said he was pleased. Ada Roe's lead fell. \
Ben Alder, a trader, spoke next; Alder closed with a warning that stocks were too high.
"""


def test_a_name_that_moves_like_an_index_is_a_market_index():
    labels = _labels(MARKETS)
    assert labels["Vantor"] == labels["Kelmar"] == labels["Brisk"] == {"thing"}
    kinds = _kinds(MARKETS)
    assert not {"Vantor", "Kelmar", "Brisk"} & kinds.keys()
    assert kinds["Quill"] == kinds["Ada Roe"] == "person"  # a candidate rising in a poll is no index
    assert kinds["Ben Alder"] == "person"
    assert labels["Alder"] == {""}  # "closed with a warning": no price moves without an index word


CHARACTERS = """Pastor takes aim at children's books

Pastor Dan Hurl attacked the Wendle Finch books and the character Ozzle on Sunday. Hurl said a \
character named Greta Moss set a bad example, and he mocked the fictional Tobbin.

Hurl also criticised Ada Roe. Roe said the books were harmless.
"""


def test_a_characters_noun_or_a_series_noun_makes_a_fictional_name():
    labels = _labels(CHARACTERS)
    for name in ("Wendle Finch", "Ozzle", "Greta Moss", "Tobbin"):
        assert labels[name] == {"thing"}, name
    kinds = _kinds(CHARACTERS)
    assert not {"Wendle Finch", "Ozzle", "Greta Moss", "Tobbin"} & kinds.keys()
    assert kinds["Dan Hurl"] == kinds["Ada Roe"] == "person"


def test_a_person_who_speaks_or_has_a_title_is_never_a_character():
    kinds = _kinds("Comedy\n\nThe comic who plays the character Tom Vance on television met Sen. Tom "
                   "Vance on Friday. Vance said the show was fair.\n")
    assert kinds["Tom Vance"] == "person"
