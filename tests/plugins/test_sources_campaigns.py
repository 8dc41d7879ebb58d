"""Campaign news: the types and sides of candidates, their staff and party people (team-written text)."""

from __future__ import annotations

from framing.plugins.sources import SourceBalance
from framing.testing import measurements


def speakers(text: str) -> dict[str, tuple[str, str]]:
    """Each speaker's (type, side) as the sources detail shows them."""
    found = {}
    for m in measurements(SourceBalance(None), text):
        if m.metric == "speaker_words":
            parts = m.detail.split("; ")
            kind = next(p[5:] for p in parts if p.startswith("type "))
            side = next(p[5:] for p in parts if p.startswith("side ")).split(" (")[0]
            found[m.target] = (kind, side)
    return found


RACE = (
    "Harlan wins in Ohio\n\n"
    "Dale Harlan, the Republican front-runner, held a rally in Columbus on Monday.\n\n"
    "The businessman has never held office. “We will win this state,” Harlan said.\n\n"
    "Corbin, a Democrat, trails in the polls. “I will keep fighting,” Corbin said.\n\n"
    "“He has no plan,” said Maria Fenwick, a spokeswoman for the Corbin campaign.\n\n"
    "“Our numbers look strong,” said Ann Pike, the Corbin campaign’s pollster.\n\n"
    "“The hall is restless,” said Tom Ruiz, a delegate from Ohio.\n\n"
    "“He speaks for us,” said Lena Ortiz, a surrogate who travels with the Harlan team."
)


def test_a_candidate_is_party_from_what_another_mention_says():
    # "Harlan said" names no role; the lead called him the Republican front-runner.
    assert speakers(RACE)["Dale Harlan"] == ("party", "Republican Party")


def test_campaign_staff_delegates_and_surrogates_are_party():
    found = speakers(RACE)
    assert found["Maria Fenwick"][0] == "party" and found["Ann Pike"][0] == "party"
    assert found["Tom Ruiz"][0] == "party" and found["Lena Ortiz"][0] == "party"


def test_a_campaign_speaks_for_the_party_its_candidate_is_stated_in():
    found = speakers(RACE)
    assert found["Maria Fenwick"][1] == "Democratic Party"
    assert found["Ann Pike"][1] == "Democratic Party"
    # "a Democrat" alone may be a voter; "the Corbin campaign" makes him a candidate
    assert found["Corbin"] == ("party", "Democratic Party")


def test_an_office_held_beats_a_campaign_and_an_office_left_gives_none():
    text = (
        "Two in the race\n\n"
        "Sen. Ilse Varga, who is running for president, spoke in Dayton on Friday.\n\n"
        "“The plan works,” Varga said.\n\n"
        "Former Gov. Piet Aro, a Republican presidential hopeful, was in Toledo.\n\n"
        "“It does not,” Aro said."
    )
    found = speakers(text)
    assert found["Ilse Varga"][0] == "legislator"
    assert found["Piet Aro"] == ("party", "Republican Party")


def test_a_party_stated_after_a_state_or_at_the_sentence_end():
    text = (
        "Debate night\n\n"
        "Senator Ilse Varga of Vermont, a Democratic rival, spoke first.\n\n"
        "“We need jobs,” Varga said.\n\n"
        "“I have heard it before,” said former Sen. Piet Aro, R-Mass.\n\n"
        "The Republican front-runner, Dale Harlan, spoke in Akron on Tuesday.\n\n"
        "“It is over,” Harlan said."
    )
    found = speakers(text)
    assert found["Ilse Varga"][1] == "Democratic Party"
    assert found["Piet Aro"][1] == "Republican Party"
    assert found["Dale Harlan"] == ("party", "Republican Party")


def test_a_nationality_is_no_side_for_who_speaks_for_no_state():
    text = (
        "Bakery reopens\n\n"
        "“We are happy,” said Rosa Ortiz, a Peruvian immigrant who runs the bakery.\n\n"
        "A Peruvian diplomat said the embassy would send a letter."
    )
    found = speakers(text)
    assert found["Rosa Ortiz"] == ("citizen", "unassigned")
    assert found["A Peruvian diplomat"] == ("government", "Peru")


def test_the_party_whose_contest_a_candidate_runs_in():
    text = (
        "Race tightens\n\n"
        "Dale Harlan is bent on securing the Republican presidential nomination before July.\n\n"
        "“We are close,” Harlan said.\n\n"
        "“He will get there,” said Mark Veld, a spokesman for the Harlan campaign.\n\n"
        "Ann Roe said Harlan would never reach the Republican nomination. “He cannot,” Roe said."
    )
    found = speakers(text)
    assert found["Dale Harlan"][1] == "Republican Party"
    assert found["Mark Veld"][1] == "Republican Party"
    assert found["Ann Roe"][1] == "unassigned"  # she speaks of his contest, not hers


def test_a_contest_tied_to_a_candidate_by_another_actors_verb():
    # Only the endorser's verb and the candidate's bid tie the candidates to their contests.
    text = (
        "Mayor backs Harlan\n\n"
        "Mayor Ruth Abel endorsed former Ohio Gov. Dale Harlan for the Republican presidential "
        "nomination on Monday.\n\n"
        "“He is ready,” Abel said. “I am grateful,” Harlan said.\n\n"
        "Unions backed Tom Corbin in the Democratic primary last spring. “We stand firm,” Corbin said.\n\n"
        "Lena Pike's bid for the GOP nomination ended in March. “I am done,” Pike said.\n\n"
        "Harlan was backed by Ed Stone in the Republican primary. “He earned it,” Stone said."
    )
    found = speakers(text)
    assert found["Dale Harlan"] == ("party", "Republican Party")
    assert found["Tom Corbin"] == ("party", "Democratic Party")
    assert found["Lena Pike"] == ("party", "Republican Party")
    assert found["Ruth Abel"][1] == "unassigned"  # the endorser: not the one in the contest
    assert found["Ed Stone"][1] == "unassigned"  # "backed by": the backer, not the candidate


def test_a_candidacy_named_by_the_campaign_or_a_joined_title():
    text = (
        "A long night\n\n"
        "The debate pitted Dale Harlan against GOP presidential candidate and former Ohio Gov. "
        "Ann Roe.\n\n"
        "“We won,” Roe said.\n\n"
        "Volunteers of the Corbin campaign knocked on doors. “Every vote counts,” Tom Corbin said.\n\n"
        "Lena Pike's campaign against the dam drew crowds. “Save the river,” Pike said."
    )
    found = speakers(text)
    assert found["Ann Roe"] == ("party", "Republican Party")
    assert found["Tom Corbin"][0] == "party"
    assert found["Lena Pike"][0] == "other"  # a campaign for a cause is no candidacy


def test_a_bare_surname_two_people_bear_says_nothing_of_either():
    text = (
        "On the trail\n\n"
        "Ann Roe spoke in Dayton on Monday, and her daughter, Lena Roe, spoke in Toledo.\n\n"
        "“Our family is proud,” Lena Roe said.\n\n"
        "The Roe campaign raised more money than ever. Roe won the Democratic primary in May."
    )
    # "her daughter, Lena Roe": a relative (citizen), not the candidate: which Roe runs is not said
    assert speakers(text)["Lena Roe"] == ("citizen", "unassigned")
    text = text.replace("The Roe campaign raised", "Mrs. Roe's campaign raised")
    assert speakers(text)["Lena Roe"] == ("citizen", "unassigned")  # nor with a courtesy title


def test_a_campaign_a_resolved_pronoun_runs():
    text = (
        "On the trail\n\n"
        "Dale Harlan toured Ohio this week. Reporters have followed his campaign since June.\n\n"
        "“We will win this state,” Harlan said."
    )
    assert speakers(text)["Dale Harlan"][0] == "party"
    # beside a namesake, a "her" may be the other Roe's
    text = (
        "On the trail\n\n"
        "Ann Roe toured Ohio this week with her daughter.\n\n"
        "“Our family is proud,” Lena Roe said. Reporters have followed her campaign since June."
    )
    assert speakers(text)["Lena Roe"][0] == "other"


def test_candidates_joined_as_subjects_at_a_party_debate():
    # a short parenthesis after each name, and the second candidate joined by "and"
    text = (
        "A sharp exchange\n\n"
        "Sens. Ann Roe (Ky.) and Lena Pike (Fla.) debated farm aid at Tuesday's Republican debate.\n\n"
        "“That is not conservative,” Roe said. “It is,” Pike said."
    )
    found = speakers(text)
    assert found["Ann Roe"][1] == "Republican Party"
    assert found["Lena Pike"][1] == "Republican Party"


def test_a_rival_beaten_in_the_contest_and_a_victory_declared_in_it():
    text = (
        "Two results\n\n"
        "Tom Corbin beat Hale in the GOP primary runoff two years ago.\n\n"
        "“I learned a lot,” Corbin said.\n\n"
        "Ruth Abel, who declared victory in the Democratic race Tuesday night, spoke in Akron.\n\n"
        "“We are ready,” Abel said."
    )
    found = speakers(text)
    assert found["Tom Corbin"][1] == "Republican Party"
    assert found["Ruth Abel"][1] == "Democratic Party"


def test_a_candidacy_held_or_served_and_the_campaign_that_follows_it():
    text = (
        "Emails released\n\n"
        "Ruth Abel kept her status as the Democratic presidential front-runner all winter.\n\n"
        "“Nothing has changed,” Abel said.\n\n"
        "Mark Veld, then a lawyer in private practice, is now senior adviser to the 2016 Republican "
        "front-runner.\n\n"
        "“I was not involved,” said Mark Veld.\n\n"
        "“The process was followed,” said Ed Stone, a spokesman for the Abel campaign."
    )
    found = speakers(text)
    assert found["Ruth Abel"][1] == "Democratic Party"
    assert found["Mark Veld"][1] == "Republican Party"
    assert found["Ed Stone"][1] == "Democratic Party"  # the campaign follows its candidate


def test_a_resolved_her_in_her_path_to_the_nomination():
    text = (
        "Caucuses loom\n\n"
        "Ruth Abel toured Nevada on Monday. If she loses, her path to the Democratic nomination narrows.\n\n"
        "“We will win here,” Abel said."
    )
    assert speakers(text)["Ruth Abel"][1] == "Democratic Party"


def test_another_persons_contest_gives_no_side():
    # The contest belongs to the person a relative clause or a verb describes, not to the speaker.
    text = (
        "On the trail\n\n"
        "Ruth Abel was eager to talk about Harlan, who on Thursday clinched the Republican nomination.\n\n"
        "“He is unfit,” Abel said.\n\n"
        "Voters may turn to Tom Corbin unless Pike disavows the deal that won her the Democratic "
        "nomination.\n\n"
        "“I am the choice,” Corbin said.\n\n"
        "Lena Pike's coalition, along with a photo finish in the GOP race, could upend both contests.\n\n"
        "“We will see,” Pike said."
    )
    found = speakers(text)
    assert found["Ruth Abel"][1] == "unassigned"
    assert found["Tom Corbin"][1] == "unassigned"
    assert found["Lena Pike"][1] == "unassigned"


def test_no_side_from_what_only_outside_knowledge_would_give():
    # A well-known candidate and her campaign with no party stated and no party contest named: a
    # reader may know her party, the text does not say it.
    text = (
        "Emails released\n\n"
        "The State Department released more of Ruth Abel's emails on Friday.\n\n"
        "“There is nothing new here,” Abel said.\n\n"
        "“The process was followed,” said Ed Stone, a spokesman for the Abel campaign."
    )
    found = speakers(text)
    assert found["Ruth Abel"][1] == "unassigned"
    assert found["Ed Stone"][1] == "unassigned"


def test_a_candidates_name_before_a_staff_word_ties_the_staff_to_the_candidate():
    text = (
        "Report disputed\n\n"
        "Democratic presidential candidate Ruth Abel called the report misleading.\n\n"
        "Abel spokesman Ed Stone said the report left out hundreds of meetings.\n\n"
        "“It is outrageous,” Stone said.\n\n"
        "Abel Foundation director Mark Veld said the foundation would answer. “We will,” Veld said."
    )
    found = speakers(text)
    assert found["Ed Stone"] == ("party", "Democratic Party")
    assert found["Mark Veld"][1] == "unassigned"  # a foundation's director is no candidate's staff


def test_a_name_listed_in_a_partys_group():
    text = (
        "Forum in Reno\n\n"
        "Democratic presidential candidates Ruth Abel and Tom Corbin spoke in Reno.\n\n"
        "“We need water,” Abel said. “And jobs,” Corbin said.\n\n"
        "He praised Republican politicians, like Ann Roe, who backed the dam. “It works,” Roe said.\n\n"
        "Unlike the Republican candidates, Lena Pike and Mark Veld spoke of taxes.\n\n"
        "“Too high,” Pike said. “Far too high,” Veld said."
    )
    found = speakers(text)
    assert found["Ruth Abel"][1] == "Democratic Party"
    assert found["Tom Corbin"][1] == "Democratic Party"
    assert found["Ann Roe"][1] == "Republican Party"
    # after the comma a new clause opens: they are contrasted with the group, not listed in it
    assert found["Lena Pike"][1] == "unassigned"
    assert found["Mark Veld"][1] == "unassigned"


def test_a_candidacy_for_an_office_set_before_a_name_by_a_comma():
    text = (
        "Convention in Fargo\n\n"
        "Delegates met the endorsed Republican candidate for governor, Ann Roe, on Saturday.\n\n"
        "“I will stay neutral,” Roe said.\n\n"
        "They also met a candidate for mayor, Tom Corbin. “Good luck,” Corbin said."
    )
    found = speakers(text)
    assert found["Ann Roe"][1] == "Republican Party"
    assert found["Tom Corbin"][1] == "unassigned"
