"""Laws, deals, court cases and books named like actors (framing/nlp/entities/laws.py and the cues in
things.py), on team-written copy: the names are no actors, and the people they are named after still
are wherever they act."""

from __future__ import annotations

from collections import Counter

from framing import document_from_text
from framing.nlp.entities import discover, mentions_for

# Invented for these tests, in the style of US political copy.
LAWS_TEXT = """Court Weighs Banking Rules

The justices cited Ostrel v. Marland County and Harlow v. Vance Mining Company on Monday. Marland \
County officials said they would appeal, and Sen. Lena Harlow said she was pleased.

Banks fought the Pell-Varden Act for years. Democrats want to restore Pell-Varden, and critics say \
Pell-Varden was too strict. Former Rep. Tomas Varden said he was proud of the law, and Varden \
thanked his staff.

Congress passed Corin's Law in June. Corin Mabry was killed in 2015, and Mabry's family backed the \
bill. Sen. Dale Kessock backed the Kessock-Orme amnesty plan in 2013; Kessock later called it a \
mistake.

The governor opposed the Trans-Atlantic Partnership trade pact, and unions fought the Cadillac tax. \
The Cadillac tax's delay pleased them. The agency denied requests under the Freedom of Records Act \
(FORA), and the Harlow Ledger filed FORA requests. FORA was passed in 1966.

Congress passed the Harbor Tariff Relief Act in May; HTRA was popular, and HTRA II followed. Critics \
said No Child Left Behind failed, and NCLB expired.

Voters backed Dunmorecare, and the Stoll Tax was repealed after the Inaugural Address; the Varne \
Trophy went to Omnicare.

Ed Klane, the author of Unlikeable, said Unlikeable sold well. Ann Pryce, the author of Gov. \
Marsh's health law, praised Marsh. President Dunmore's health care law passed, and Dunmore signed it. \
A Quillfield law professor and the Quillfield tax returns were cited.
"""


def _counts() -> Counter[str]:
    document = document_from_text(LAWS_TEXT)
    actors = discover([document])
    return Counter(m.actor.name for m in mentions_for(document, actors))


def test_a_court_case_is_no_mention_of_its_parties():
    counts = _counts()
    assert not any(name.startswith(("Ostrel", "Vance")) for name in counts)  # only inside a case
    assert counts["Marland County"] == 0 or "Marland County" not in counts  # a county, never an actor
    assert counts["Lena Harlow"] == 2  # "Sen. Lena Harlow" and "she"; not "Harlow v. Vance ..."


def test_a_laws_short_name_is_no_actor_and_its_sponsor_still_is():
    counts = _counts()
    assert not any("Pell" in name for name in counts)  # "the Pell-Varden Act", then "Pell-Varden"
    assert counts["Tomas Varden"] == 4  # "Former Rep. Tomas Varden", "he", "Varden", "his"
    assert not any(name.startswith("Kessock-") for name in counts)  # "the Kessock-Orme amnesty plan"
    assert counts["Dale Kessock"] == 2  # "Sen. Dale Kessock", "Kessock later called it"


def test_a_law_named_after_a_person_keeps_the_person():
    counts = _counts()
    assert counts["Corin Mabry"] == 2  # "Corin Mabry", "Mabry's family": not the "Corin" of "Corin's Law"


def test_a_deal_a_tax_and_a_laws_initials_are_no_actors():
    counts = _counts()
    assert not any("Partnership" in name or "Cadillac" in name for name in counts)  # "tax's delay" too
    assert "FORA" not in counts  # "the Freedom of Records Act (FORA)"
    assert "Harlow Ledger" in counts


def test_a_book_after_its_author_is_no_actor_and_an_owners_law_keeps_the_owner():
    counts = _counts()
    assert "Unlikeable" not in counts  # "the author of Unlikeable"
    assert counts["Ed Klane"] >= 1
    assert counts["Marsh"] >= 1  # "the author of Gov. Marsh's health law": a titled person
    assert counts["Dunmore"] == 2  # "President Dunmore's health care law": the law is his
    assert counts["Quillfield"] == 2  # "a Quillfield law professor", "tax returns": compounds, no law


def test_a_tax_a_speech_a_trophy_and_a_sponsors_health_plan_are_no_actors():
    counts = _counts()
    assert not any(word in name for name in counts for word in ("Tax", "Address", "Trophy"))
    assert "Dunmorecare" not in counts  # "Dunmore" is named: his plan
    assert "Omnicare" in counts  # no one called "Omni": a company


def test_a_laws_initials_without_parentheses_and_its_sequel_are_no_actors():
    counts = _counts()
    assert not any(name.startswith(("HTRA", "NCLB", "Harbor", "Child")) for name in counts)


def test_a_programmes_name_cut_at_and_is_still_the_programme():
    text = ("Harbour relief\n\nThe Harbour Relief for Owners of Boats and Licensed Harbour Workers program "
            "began in May. Sen. Ada Roe said the Harbour Relief for Owners of Boats and Licensed Harbour "
            "Workers program worked.\n")
    actors = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Ada Roe" in actors
    assert not any(name.startswith("Harbour Relief") for name in actors)
