"""Names of things, not actors (framing/nlp/entities/things.py and the recogniser's shapes), on
team-written copy: titles, shows, programmes, products, shouted headlines, adjectives."""

from __future__ import annotations

from framing import Span, document_from_text
from framing.nlp import gazetteers
from framing.nlp.entities import discover, mentions_for
from framing.nlp.entities.recognise import find_candidates
from framing.nlp.names import non_actor
from framing.nlp.words import is_common_word

# Invented for these tests, in the style of US political and feature copy.
THINGS_TEXT = """Varnow Tour Draws Crowds

Sen. Ada Roe spoke in Harlow on Monday. A boy wearing a 'Make Harlow Proud Again' hat asked her \
about the wall, and Roe laughed. She later told the hosts of ''Sunday Night Curling,'' that she \
would run.

Her memoir Opening Bell sold well, and polls show Quill ahead. Tom Vance, a rival, wrote the book \
Roe Money about her donors; Roe Money was a bestseller. Vance said on Morning Download that the \
Cadillac tax would hurt. Critics of the Cadillac tax agree. Mr. Quill said the Quill tax plan was \
fair, and Quill thanked Roe.

At the gala, Vance was singing Paper Roses when Lena Kettleby arrived. Kettleby hosted Pell later, \
and Roe said on WKRP that Pell was welcome. Many Central American migrants and a Muslim American \
soldier attended; South Korean officials sent a note. Allied troops stood guard.

VARNOW BOOSTS PHONE SECURITY.

Roe holds the No. 2 spot in the Harlow Gazette poll.
"""


def _actors() -> dict[str, str]:
    return {a.name: a.kind for a in discover([document_from_text(THINGS_TEXT)]).actors}


def _labels() -> dict[str, set[str]]:
    document = document_from_text(THINGS_TEXT)
    labels: dict[str, set[str]] = {}
    for span in find_candidates(document):
        labels.setdefault(document.text[span.start : span.end], set()).add(span.label)
    return labels


def test_a_name_inside_a_short_quoted_title_is_a_thing():
    labels = _labels()
    assert labels["Harlow Proud Again"] == {"thing"}  # single quotation marks, "Make" dropped
    assert labels["Night Curling"] == {"thing"}  # typewriter '' marks, the weekday dropped
    actors = _actors()
    assert not any("Proud" in name or "Curling" in name for name in actors)
    assert "Harlow" in actors  # written outside the title too


def test_a_work_noun_or_a_title_verb_before_a_name_makes_it_a_work():
    labels = _labels()
    assert labels["Opening Bell"] == {"thing"}  # "Her memoir ..."
    assert labels["Roe Money"] == {"thing"}  # "the book ...": every mention, also the one without a cue
    assert labels["Paper Roses"] == {"thing"}  # "singing ...", two words
    assert labels["Morning Download"] == {"thing"}  # "said on ...": a programme
    actors = _actors()
    assert {"Ada Roe", "Tom Vance", "Quill", "Lena Kettleby", "Pell"} <= set(actors)  # "polls show Quill",
    # "hosted Pell" (one word: no title verb's object)
    assert "WKRP" in actors  # an acronym after "said on": a station's call letters


def test_a_thing_noun_after_every_mention_makes_it_a_thing():
    labels = _labels()
    assert labels["Cadillac"] == {"thing"}  # "the Cadillac tax", twice
    actors = _actors()
    assert "Cadillac" not in actors
    assert "Quill" in actors  # "the Quill tax plan" once, "Mr. Quill" and "Quill thanked" elsewhere


def test_a_works_name_is_no_mention_of_the_person_inside_it():
    document = document_from_text(THINGS_TEXT)
    roe = [document.text[m.start : m.end] for m in mentions_for(document) if m.actor.name == "Ada Roe"]
    assert roe and "Roe Money" not in roe
    ends = {m.end for m in mentions_for(document) if m.actor.name == "Ada Roe"}
    starts = {document.text.index("Roe Money") + 3, document.text.rindex("Roe Money") + 3}
    assert not ends & starts  # neither "Roe" of "Roe Money" is a mention of Ada Roe


def test_a_work_cue_never_takes_a_persons_name():
    text = ("Books\n\nThe book Ada Roe wrote sold well. Ada Roe thanked her readers. The film Hillary Roe "
            "opened, and Hillary Roe went.\n")
    actors = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Ada Roe" in actors  # a given name and a surname that is no common word
    assert "Hillary Roe" in actors


def test_shouted_headlines_numbering_and_adjectives_name_no_one():
    actors = _actors()
    for junk in ("VARNOW", "VARNOW BOOSTS PHONE SECURITY", "PHONE SECURITY", "No.", "Central American",
                 "Muslim American", "Allied"):
        assert junk not in actors, junk
    assert actors["South Korea"] == "country"  # a country's own demonym stays
    assert gazetteers.describes_group("Central American") and gazetteers.describes_group("Mexican American")
    assert not gazetteers.describes_group("South Korean")
    assert is_common_word("Allied") and is_common_word("Worried")


def test_a_persons_name_quoted_alone_stays_a_person():
    text = ("Debate\n\nAsked whom she had insulted, Kim Varga interjected, \u201cOnly Rosa Delmonte.\u201d "
            "The crowd laughed.\n")
    assert "Rosa Delmonte" in {a.name for a in discover([document_from_text(text)]).actors}


def test_a_person_named_like_a_building_or_a_law_stays_a_person():
    text = ("Budget\n\nGov. Nathan Vale Deal signed the bill. Deal said the Harlow Street plan would pass. "
            "Arsenio Hall and Rep. Dave Camp disagreed; Camp said the Fifth Amendment protects him. "
            "The House Bill failed, and Harlow Tower rose.\n")
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert {"Nathan Vale Deal", "Arsenio Hall", "Dave Camp"} <= names  # a title, or given names alone
    assert not names & {"Harlow Street", "Fifth Amendment", "House Bill", "Bill", "Harlow Tower"}
    assert non_actor("Arsenio Hall") == "" and non_actor("Harlow Hall") != ""
    assert non_actor("Nathan Deal", titled=True) == "" and non_actor("Nathan Deal") == ""
    assert non_actor("Tax Deal") != ""


def test_shouted_common_words_are_never_part_of_a_name():
    text = ("Digest\n\nTOP STORIES\n\nDEAD, INJURED IN HARLOW CLUB SHOOTING Three people were hurt, said "
            "Tom Vance. NEW YORK sent help, conservatives FIRED Ada Roe, and the NAACP President Derrick "
            "Oyelaran came. He watched BET. DONALD BUSH SPEAKS.\n")
    document = document_from_text(text)
    found = [document.text[s.start : s.end] for s in find_candidates(document)]
    assert not any(w in f for f in found for w in ("TOP", "STORIES", "DEAD", "INJURED", "SHOOTING", "Three",
                                                   "FIRED", "SPEAKS"))
    assert "Ada Roe" in found and "Tom Vance" in found
    assert "NEW YORK" in found  # a known name in capitals keeps its common word
    assert "NAACP President Derrick Oyelaran" in found and "BET" in found  # acronyms stay
    assert "DONALD BUSH" in found  # a given name before a shouted common word: a surname


def test_a_title_in_title_case_a_compound_of_common_words_and_a_document_of_something_name_no_one():
    text = ("Column\n\nLena Marsh likened Vance to the Lodger Who Never Leaves. Marsh, a former All-Star "
            "pitcher, cited the Treaty of Harlow and a Memorandum of Understanding with Korvel Mining. "
            "Vance told Marsh she was wrong.\n")
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert {"Lena Marsh", "Vance", "Korvel Mining"} <= names
    assert not names & {"Lodger", "All-Star", "Treaty of Harlow", "Memorandum of Understanding", "Harlow"}
    assert non_actor("Pro-Life") == "modifier" and non_actor("Sun-Times") == ""  # a paper's name stays


def test_a_recognisers_thing_label_blocks_the_name():
    text = "Books\n\nAda Roe wrote Roe Money. Roe said so.\n"
    document = document_from_text(text)

    def recogniser(doc):
        spans = []
        for name, label in (("Ada Roe", "person"), ("Roe Money", "thing"), ("Roe", "")):
            start = doc.text.index(name) if name != "Roe" else doc.text.rindex("Roe said")
            spans.append(Span(start, start + len(name), label))
        return spans

    actors = discover([document], recogniser)
    assert [a.name for a in actors.actors] == ["Ada Roe"]
    assert "Roe Money" in actors.blocked
    spans = [document.text[m.start : m.end] for m in mentions_for(document, actors)]
    assert spans.count("Roe") == 1  # "Roe" of "Roe Money" is no mention


def test_cues_never_take_a_titled_persons_surname_a_quoted_sentence_a_star_or_a_body():
    text = ("Film\n\nFormer Rep. Tom Varnow (D-Ohio) watched the documentary Varnow. Varnow, 51, said "
            "little. \u201cThat\u2019s Jed Bush and Marco Ruiz.\u201d The remake stars Lucas Tilling. Ohio "
            "Republicans award delegates.\n")
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Tom Varnow" in names  # "Varnow" after "the documentary" is his surname: he is named in full
    assert {"Jed Bush", "Marco Ruiz"} <= names  # a quoted sentence, no title
    assert "Lucas Tilling" in names  # "stars X": X is a person ("starred in X" is a work)
    assert "Ohio Republicans" in names  # "award" after a group: a verb, and a group is no thing


def test_a_name_cut_after_an_initial_is_a_fragment_and_the_full_name_matches():
    text = "Vote\n\nGeorge W. Bush campaigned, and Jeb Bush spoke. The pill is known as Plan B.\n\nIt sold.\n"
    document = document_from_text(text)
    actors = discover([document])
    assert {"George W. Bush", "Jeb Bush"} <= {a.name for a in actors.actors}
    assert not any(a.name.startswith("Plan") for a in actors.actors)
    assert non_actor("Donald J.") == "fragment" and non_actor("J. Edgar Hoover") == ""
    spans = [document.text[m.start : m.end] for m in mentions_for(document, actors)]
    assert "George W. Bush" in spans  # the initial's period is part of the name, as in the text


def test_a_quoted_title_with_a_subtitle_after_a_colon_is_a_thing():
    text = ("Book tour\n\nSen. Ada Roe signed copies of her book, \u201cFlooded Varnow: How to Make Harlow "
            "Proud Again,\u201d on Monday. Roe said Harlow would recover.\n")
    document = document_from_text(text)
    labels: dict[str, set[str]] = {}
    for span in find_candidates(document):
        labels.setdefault(document.text[span.start : span.end], set()).add(span.label)
    # the subtitle doubles the title's length; a participle opens no person's name
    assert labels["Flooded Varnow"] == labels["Make Harlow Proud Again"] == {"thing"}
    actors = {a.name: a.kind for a in discover([document]).actors}
    assert actors["Ada Roe"] == "person"
    assert "Harlow" in actors  # written outside the title too
    assert not any("Flooded" in name or "Make" in name for name in actors)


def test_a_name_before_a_projects_or_a_rules_noun_at_every_mention_is_a_thing():
    text = ("Energy\n\nSen. Ada Roe opposed the Varnow pipeline and the Quellen loophole on Monday. Roe "
            "said the Varnow pipeline would leak, and the Quellen loophole cost billions.\n")
    actors = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Ada Roe" in actors
    assert "Varnow" not in actors and "Quellen" not in actors
