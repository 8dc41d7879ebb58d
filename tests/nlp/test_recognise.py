"""The built-in recogniser and the bundled lists on team-written copy: what is and is not an actor."""

from __future__ import annotations

from framing import document_from_text
from framing.nlp import gazetteers
from framing.nlp.entities import discover
from framing.nlp.entities.recognise import find_candidates
from framing.nlp.kinds import kind_of
from framing.nlp.names import non_actor

# Invented for these tests, in the style of online political copy: a post with embedded tweets, an
# author's note at the end, groups named by religion and origin, publications named without a list entry.
POST_TEXT = """Senator Lends Support to Refugee Bill

Sen. Ada Roe said on Tuesday that the state should take in more Muslim refugees. Roe spoke after \
Muslims and Christians in Harlow held a joint vigil.

Beyond Roe, few lawmakers have weighed in. Everything Roe proposes is costly, said Tom Vance, a \
rival. Vance told Brightwater magazine that Hispanic voters and Central European immigrants would \
decide the race, and that African Americans in the district were split. As The Larkspur Review put \
it, Sunni Muslims have long settled in Harlow.

Like the tweet below.@AdaRoe: Proud to stand with #HarlowStrong today.

Donations to super PACs have tripled. Following Monday's vigil, Roe thanked the organisers at the \
Eid-al-Adha dinner.

Lena Marsh covers politics for the Harlow Ledger. Follow her on Twitter: @LenaMarsh.
"""


def _found(text: str) -> list[str]:
    """The candidates that may name actors (a title, a programme or a product is labelled "thing")."""
    document = document_from_text(text)
    return [document.text[s.start : s.end] for s in find_candidates(document) if s.label != "thing"]


def test_a_word_that_only_opens_the_sentence_is_not_part_of_the_name():
    found = _found(POST_TEXT)
    assert "Beyond Roe" not in found and "Everything Roe" not in found
    assert found.count("Roe") >= 4  # the name stays, without the opener
    assert "Following Monday" not in found and "Following" not in found
    # The rest must open a name somewhere mid-sentence: "York" alone never does, so "New York" stays.
    assert "New York" in _found("Rally ends\n\nNew York.\n\nThe mayor of New York spoke.\n")


def test_handles_hashtags_and_the_authors_note_are_no_names():
    found = _found(POST_TEXT)
    assert "AdaRoe" not in found and "HarlowStrong" not in found
    assert "Lena Marsh" not in found and "Harlow Ledger" not in found  # the author's note
    assert "Follow Pam Key" not in _found('Talk ends\n\nTrump spoke.\n\n"Follow Pam Key on Twitter @pk."\n')


def test_group_adjectives_are_not_actors_and_plurals_are_groups():
    found = _found(POST_TEXT)
    for adjective in ("Muslim", "Hispanic", "Central European"):
        assert adjective not in found
    actors = {a.name: a for a in discover([document_from_text(POST_TEXT)]).actors}
    for group in ("Muslims", "Christians", "African Americans", "Sunnis"):
        assert actors[group].kind == "group"
    assert gazetteers.lookup("Eastern Europeans").kind == "group"
    assert gazetteers.lookup("African-Americans").name == "African Americans"
    assert gazetteers.describes_group("African-American") and gazetteers.describes_group("Eastern European")
    assert not gazetteers.describes_group("Muslim Brotherhood")
    assert gazetteers.lookup("Muslims Brotherhood") is None


def test_publications_named_as_such_are_media():
    actors = {a.name: a for a in discover([document_from_text(POST_TEXT)]).actors}
    assert actors["Brightwater"].kind == "media"  # "Brightwater magazine"
    assert actors["Larkspur Review"].kind == "media"  # "As The Larkspur Review put it"
    assert actors["Tom Vance"].kind == "person"
    rally = "Rally\n\nFans cheered for The Donald on Monday. Donald Roe spoke later.\n"
    cast = {a.name: a for a in discover([document_from_text(rally)]).actors}
    assert "Donald" not in cast and cast["Donald Roe"].kind == "person"  # a first name, not a paper
    hug = ("Storm\n\nMayor Ilse Varga toured the town with President Brandt on Friday. Brandt thanked "
           "her twice.\n\nOct. 31 The Brandt \"hug.\"\n\nThe picture followed Brandt for years.\n")
    cast = {a.name: a for a in discover([document_from_text(hug)]).actors}
    assert cast["Brandt"].kind == "person"  # a surname after "The", not a paper called Brandt


def test_plural_acronyms_and_respelled_holidays_are_not_actors_and_programmes_are_networks():
    found = _found(POST_TEXT)
    assert "PACs" not in found
    actors = {a.name for a in discover([document_from_text(POST_TEXT)]).actors}
    assert not {"Eid-al-Adha", "PACs"} & actors
    assert non_actor("Eid-al-Adha") == "time" and non_actor("Eid al-Adha") == "time"
    assert gazetteers.lookup("Morning Joe").name == "MSNBC"  # a programme stands for its network
    assert gazetteers.lookup("Hannity") is None  # a one-word programme is also its host's surname


# Invented: a short report with a law firm, bodies named with their topic, regions of a state, a survey.
REPORT_TEXT = """Firm Hired

Ada Roe worked at the law firm Moore & Kessel before she joined the Commission on Electoral Reform, a \
panel that reviews electoral rules. The Senate Judiciary Committee on Harlan's nomination met later.

Voters in North Florida and South Texas were polled. The 2014 American Community Survey found \
more TV viewers than ever, and Roe said Islam was not on the ballot.
"""


def test_ampersand_and_a_bodys_topic_stay_in_the_name():
    found = _found(REPORT_TEXT)
    assert "Moore & Kessel" in found and "Kessel" not in found
    two = _found("Talk\n\nNothing is as biased as CNN & MSNBC, he wrote.\n")
    assert "CNN" in two and "MSNBC" in two  # two names the lists know are two
    assert "Commission on Electoral Reform" in found  # "electoral" is also written in lowercase
    assert "Senate Judiciary Committee" in found  # a person after "on" is not the body's topic
    actors = {a.name: a for a in discover([document_from_text(REPORT_TEXT)]).actors}
    assert actors["Moore & Kessel"].kind == "organisation"


def test_regions_of_a_place_surveys_religions_and_initialisms():
    actors = {a.name: a for a in discover([document_from_text(REPORT_TEXT)]).actors}
    assert actors["North Florida"].kind == "region" and actors["South Texas"].kind == "region"
    assert gazetteers.lookup("North Carolina").name == "North Carolina"  # a listed name matches first
    assert not {"American Community Survey", "Community Survey", "TV", "Islam"} & set(actors)
    assert non_actor("U.S. Geological Survey") == ""  # an agency, not a questionnaire


def test_a_slogan_before_a_campaign_noun_is_no_actor_but_a_given_name_is():
    found = _found("March draws crowds\n\nThousands joined the Resist Roe movement on Saturday, and a "
                   "Dump Roe rally drew hundreds. Hope Hicks campaign aides and Rand Paul rally "
                   "organisers watched a New Hampshire rally. Roe said she was not worried.\n")
    assert not any(text.startswith(("Resist", "Dump")) for text in found)
    assert "Rand Paul" in found and any(text.startswith("Hope Hicks") for text in found)
    assert "New Hampshire" in found  # a place's name, not a slogan


# Invented for these tests: bodies the bundled lists do not know, named once or twice with a body's cues,
# beside people named the same short way with a person's cues.
BODIES_TEXT = """Court Blocks Voter Purge

Lawyers for the Brennan Center for Justice and Quillwork filed suit on Monday. Economists at Halvorsen \
found the same pattern. According to Halvorsen, about 40,000 voters were removed. His Brackley degree \
helped Judge Ada Roe follow the numbers.

Marta Lindqvist, who leads the Ohio effort, said the case was strong. According to Lindqvist, it will \
reach the appeals court. Mr. Osterman said Osterman's poll was wrong. Both sides met at a \
\u201cVoters First Forum\u201d sponsored by a charity.
"""


def test_names_treated_as_bodies_are_organisations_and_people_stay_people():
    kinds = {actor.name: actor.kind for actor in discover([document_from_text(BODIES_TEXT)]).actors}
    assert kinds["Quillwork"] == "organisation"  # joined by "and" to an organisation
    assert kinds["Halvorsen"] == "organisation"  # "economists at", "according to"
    assert kinds["Brackley"] == "organisation"  # "his Brackley degree"
    assert kinds["Marta Lindqvist"] == "person"  # "according to Lindqvist", but a given name elsewhere
    assert kinds["Osterman"] == "person"  # "Osterman's poll", but "Mr. Osterman"


def test_a_name_written_only_in_quotation_marks_is_a_title():
    assert not any("Forum" in text for text in _found(BODIES_TEXT))
    assert not any("Forum" in actor.name for actor in discover([document_from_text(BODIES_TEXT)]).actors)
    found = _found("Rally\n\nThe \u201cVoters First Forum\u201d drew crowds. The Voters First Forum "
                   "will meet again.\n")
    assert "Voters First Forum" in found  # written without quotation marks too: kept


def test_a_storm_named_after_a_lowercase_storm_word_is_no_person():
    text = ("Storm\n\nTwo days after superstorm Greta flooded the coast, Gov. Tom Brandt toured the town. "
            "The aftermath of Greta cost him the race, said Ilse Varga.\n")
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert "Greta" not in names and {"Tom Brandt", "Ilse Varga"} <= names


# Invented for these tests: names the rules of 2026-12-07 (unseen articles) handle. Bodies that open with
# a direction word, carry an acronym, or are known by their leader; titles and headlines pasted into
# paragraphs; names used in pairs as modifiers.
UNSEEN_TEXT = """Honest Varnow Sues Over Voter Rolls

Critics said little about Honest Varnow on Monday. Honest Varnow President Ana Dorr said the group \
would sue. As reported by Western Tidings, the Southern Harbor Law Center joined the case, and Korvel XM \
aired the hearing.

Former CIA director Gen. Tom Vance backed the suit. Vance once hosted the quiz show \u201cThe Larkspur \
Hour,\u201d which ran for years. Vance met Roe in May. The Roe-Vance plan failed.

Lena Marsh wrote a column entitled \u201cWhy Electing Roe Is More Important Than Electing Vance.\u201d \
Roe did not reply.
"""


def test_a_direction_word_opens_a_bodys_name_and_no_persons():
    found = _found(UNSEEN_TEXT)
    assert "Western Tidings" in found and "Tidings" not in found
    assert "Southern Harbor Law Center" in found
    kinds = {a.name: a.kind for a in discover([document_from_text(UNSEEN_TEXT)]).actors}
    assert kinds["Western Tidings"] == "organisation"  # two capitalised words, yet no person's name
    assert kinds["Korvel XM"] == "organisation"  # an acronym after the first word
    assert _found("Drive\n\nHe lives in Northern Virginia now.\n") == ["Northern Virginia"]
    assert gazetteers.lookup("Northern Virginia").kind == "region"


def test_a_leader_after_a_name_makes_it_a_body_whichever_mention_has_the_cue():
    kinds = {a.name: a.kind for a in discover([document_from_text(UNSEEN_TEXT)]).actors}
    assert kinds["Honest Varnow"] == "organisation"  # the first mention has no cue, the second has
    assert kinds["Ana Dorr"] == "person"
    people = discover([document_from_text("Vote\n\nMr. Kettleby said no. Kettleby president Ana Dorr "
                                          "said yes.\n")]).actors
    assert {a.name: a.kind for a in people}["Kettleby"] == "person"  # "Mr. Kettleby": a person's cue


def test_titles_headlines_and_pairs_inside_paragraphs_name_no_one():
    found = _found(UNSEEN_TEXT)
    assert not any("Larkspur" in text for text in found)  # "The" and the comma inside the marks
    assert not any(text.startswith(("Electing", "More", "Important")) for text in found)
    assert found.count("Roe") >= 3 and "Vance" in found  # the names inside the title stay
    assert "Roe-Vance" not in found  # both names are used alone: a pair as a modifier
    assert "Wasserman-Stiles" in _found("Vote\n\nThe chair, Wasserman-Stiles, quit.\n")
    assert "Former CIA" not in found and "CIA" in found  # "Former" qualifies a lower-case role


def test_holidays_regions_and_party_forms():
    for text in ("Cinco de Mayo", "Mid-Atlantic", "Northeastern", "Midwestern"):
        assert non_actor(text), text
    assert gazetteers.lookup("Democrat Party").name == "Democratic Party"


def test_a_members_possessive_inside_a_bodys_name_and_a_chief_after_a_body():
    found = _found("Vote\n\nThe Harlow Police Patrolmen\u2019s Association asked for a ban, and the "
                   "Children's Hospital agreed. Harlow Police Chief Ada Roe said no. Karvonia's Defense "
                   "Ministry was silent.\n")
    assert "Harlow Police Patrolmen\u2019s Association" in found and "Association" not in found
    assert "Children's Hospital" in found
    assert "Defense Ministry" in found  # a name's possessive still ends the name
    actors = {a.name: a.kind for a in discover([document_from_text(
        "Vote\n\nHarlow Police Chief Ada Roe said no. Chief Roe added more.\n")]).actors}
    assert actors == {"Ada Roe": "person"}


def test_ordinals_party_arms_teams_and_families():
    text = ("Vote\n\nMr. Varden moved his sons to top jobs at 21st Century Vox. Democrats Abroad voted "
            "early, and the Harlow Republicans, the 45th President Donald Trump and the New York Jets "
            "watched. Tom Varden and Ada Varden came; the Vardens left. Tom Adams stayed.\n")
    found = _found(text)
    assert "21st Century Vox" in found and "President Donald Trump" in found
    kinds = {a.name: a.kind for a in discover([document_from_text(text)]).actors}
    assert kinds["21st Century Vox"] == "organisation"  # an ordinal opens no person's name
    assert kinds["Democrats Abroad"] == "organisation"  # a party's plural before no given name
    assert kinds["New York Jets"] == "organisation"  # a city and a common plural: a team
    assert kinds["Vardens"] == "group"  # the family of the Vardens named in full
    assert kinds["Tom Adams"] == "person"
    assert kind_of("Jordan Banks") == kind_of("Georgia Hollins") == "person"  # given names, surnames
    assert kind_of("New Hampshire Republicans") == "group"


def test_a_preposition_never_opens_a_name_and_a_country_abbreviation_can_end_a_sentence():
    text = ("Ban\n\nBrandt called to bar Ostrelis from entering the U.S. While Varga has condemned the plan, "
            "the groups wrote to her. Among Republicans, Gov. Tom Brandt is popular. Ilse Varga said no. "
            "U.S. Attorney Lena Marsh agreed.\n")
    names = {a.name for a in discover([document_from_text(text)]).actors}
    assert not {n for n in names if n.split()[0] in ("While", "Among", "U.S.")}
    assert {"Ilse Varga", "Tom Brandt", "Lena Marsh"} <= names


def test_a_partys_common_word_alias_opening_a_sentence_is_the_common_word():
    # Invented US copy: "Conservatives", "Labor", "Citizens" open sentences as common words here,
    # though the bundled lists give them as aliases of the British, Australian and Spanish parties.
    us = ("Senate Passes Budget\n\nConservatives in the Senate said on Tuesday that the plan was too "
          "costly. Labor unions backed it. Citizens in many states wrote to their senators.\n")
    assert {"Conservatives", "Labor", "Citizens"}.isdisjoint(_found(us))
    # An article that also writes the party's word mid-sentence names the party at the opening too.
    uk = ("Vote Count Begins\n\nConservatives held the seat, and the Conservatives now lead the "
          "count in the north.\n")
    names = {actor.name for actor in discover([document_from_text(uk)]).actors}
    assert "Conservative Party" in names
