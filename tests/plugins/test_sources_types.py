"""Speaker types read from what the article says a person does (team-written sentences): the
organisation a person works for, appositives with no article, relative clauses, titles of lower-case
role words, an age alone, a plural title shared by two names."""

from __future__ import annotations

import pytest

from framing.nlp.attribution.affiliations import organisation_type
from framing.plugins.sources import SourceBalance
from framing.testing import measurements


def types(text: str) -> dict[str, str]:
    """Each speaker of the sources table with its type."""
    detail = next(m.detail for m in measurements(SourceBalance(None), text) if m.metric == "sources")
    rows = [line.split(" | ") for line in detail.splitlines()[1:]]
    return {row[0]: row[1] for row in rows}


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    # an appositive with no article: the post's organisation or the role word types it
    ('"We are running out of time," said David Marsh, senior editor for the Valley Courier.',
     "David Marsh", "media"),
    ('"Prices went up," said Ivo Brant, head of research at the Brookfield Institute.', "Ivo Brant",
     "expert"),
    ('"We are worried," said Eric Nordstrom, State Department regional security director.',
     "Eric Nordstrom", "government"),
    # the organisation after a link word, when the role word says nothing of the type
    ('"The bill is a mess," said Omar Lind, a writer for Slate.', "Omar Lind", "media"),
    # a relative clause
    ('"The polls are wrong," said Ann Roe, who writes for The Atlantic.', "Ann Roe", "media"),
    ('"Every plan has a consumption basis," said Leonard Vance, a former official in the Clinton '
     'administration who directs the Urban-Brookings Tax Policy Center.', "Leonard Vance", "expert"),
    # a title of lower-case role words, or an organisation and a post, before the name
    ('"We will keep asking," RT America host Abby Moran said.', "Abby Moran", "media"),
    ('"We check claims from both parties," said PolitiFact Executive Director Aaron Lind.',
     "Aaron Lind", "media"),
    # the outlet a writer writes in
    ('"It is the worst week of the campaign," wrote Ben Jacobs in The Guardian.', "Ben Jacobs",
     "media"),
    # a description set before the name by commas; an organisation after a lower-case adjective, or
    # the first of two that types its people, or one named with a possessive
    ('On Wednesday, however, the director of the Federal Bureau of Investigation, James Comfrey, said '
     'the messages were private.', "James Comfrey", "government"),
    ('"It is a threat," said Len Burnam, head of the centrist Tax Policy Center.', "Len Burnam", "expert"),
    ('"Suicide rates fell," said Craig Bryer, head of the National Center for Veterans Studies at the '
     'University of Utah.', "Craig Bryer", "expert"),
    ('"ISIS keeps a presence online," said J.M. Bergen, a fellow with George Washington University\'s '
     'Program on Extremism.', "J.M. Bergen", "expert"),
    ('"I think it can work," said Louisa Ermel, the reviews director at Publishers Weekly.', "Louisa Ermel",
     "media"),
    # people of the public: by occupation, or by an age alone
    ('"My kids need their school open," said Jane Roe, a retired nurse who voted for the governor.',
     "Jane Roe", "citizen"),
    ('"This is a disgrace," said Tom Hart, 54, who joined the protest outside the capitol.', "Tom Hart",
     "citizen"),
    # a post under an officeholder named with a possessive takes the office's type
    ('"We came close to the limit," said Peter Orsen, President Obama\'s first budget director.',
     "Peter Orsen", "government"),
    # the organisation's own appositive types the post at it when its name says nothing
    ('"Money talks," said Mike Shiels, president of the Harlow Leadership Fund, a super PAC allied with '
     'House leaders.', "Mike Shiels", "party"),
    ('"Tax cuts work," said Steven Lowe, who leads the American Renewal super PAC.', "Steven Lowe",
     "party"),
    # a description before the name opened by "one" or after "and"
    ('One delegate not on the Corbin slate, Kelly Smit, said she was leaning toward Corbin.',
     "Kelly Smit", "party"),
    ('His sister, Ann Schiff, said the family was proud.', "Ann Schiff", "citizen"),
    ('Those not on the slate included the mayor and the endorsed Republican candidate for governor, '
     'Wayne Stenner. "I will stay neutral," Stenner said.', "Wayne Stenner", "party"),
    # ", one of the Ys": what the many are
    ('"We broke the story," said Mike Allan, one of the site\'s best-known journalists.', "Mike Allan",
     "media"),
    # ", now a ...": the post held now
    ('"The ruling stands," said Mary Bart, now a federal judge.', "Mary Bart", "government"),
    ('"They have a real problem," said Jon Ralstead, who runs a Nevada politics newsletter.',
     "Jon Ralstead", "media"),
    # role words: offices, occupations, a political adviser
    ('"The report is not done," said Steve Lenick, the State Department inspector general.',
     "Steve Lenick", "government"),
    ('County freeholder Ernest Corsey said the city had been let down.', "Ernest Corsey", "government"),
    ('State Senate President Steve Swain said contractors were never paid.', "Steve Swain", "legislator"),
    ('"It was a great opportunity for us," said Maya Gomez, a housekeeper at the Marlin casino.',
     "Maya Gomez", "citizen"),
    ('"He is a fighter," said Paul Begg, a former political adviser to the governor.', "Paul Begg",
     "party"),
    ('"The numbers look good for him," said Mike Basel, an Austin-based political pollster.',
     "Mike Basel", "expert"),
    # a listed organisation before a post in a title: the post is at the organisation
    ('"Tax cuts work," said Brookings Institution President Strobe Talbert.', "Strobe Talbert", "expert"),
    ('Breitbart News Vice President Ann Roe said the site would grow.', "Ann Roe", "media"),
    ('Vice President Joe Biddle said the talks would resume.', "Joe Biddle", "government"),
    # a party speaks as a party
    ('"We stand with the workers," the Democratic Party said in a statement.', "Democratic Party",
     "party"),
])
def test_a_description_types_the_speaker(sentence: str, name: str, kind: str):
    text = f"Budget fight drags on\n\nThe state budget talks stalled again on Tuesday.\n\n{sentence}"
    assert types(text)[name] == kind


def test_a_plural_title_types_every_name_it_governs():
    text = ("Cruz tour\n\nSens. Johnny Isaksen of Georgia and John Boozer of Arkansas said they would "
            "campaign with Cruz.")
    assert types(text)["John Boozer"] == "legislator"


def test_words_near_a_name_that_say_nothing_of_the_person_type_nobody():
    text = ("Forum\n\nTrump, appearing after Ann Clay at the NBC forum, cited problems abroad. "
            "\"We are strong,\" Clay said.\n\n"
            "Her successor, Rita Moss, has that authority. \"I will decide,\" Moss said.\n\n"
            "\"Production will improve,\" said Phil Smyth, a spokesman for the United Mine Workers of "
            "America.\n\n"
            "\"Nobody wants a shutdown,\" said Lena Ortiz, president of the Harwell Teachers Union.")
    text += ("\n\nAt the rally, West landed a dig at \"my dear sister Kara Voss.\" \"I say no,\" Voss "
             "said.\n\n\"Mr. Hale, you're a lawyer,\" they told him. \"I listened,\" Omar Hale said.\n\n"
             "They watched the rise of Dane Corr, him insulting immigrants, with alarm. \"I win,\" Corr "
             "said.")
    found = types(text)
    assert found["Kara Voss"] == "other"  # a relation the speaker names ("my sister"), no type
    assert found["Omar Hale"] == "other"  # words addressed to him in a quotation describe nobody
    assert found["Dane Corr"] == "other"  # ", him insulting immigrants" is a clause, not a description
    assert found["Ann Clay"] == "other"  # not the NBC's media: the forum was NBC's
    assert found["Rita Moss"] == "other"  # ", has that authority" is a clause, not an authority
    assert found["Phil Smyth"] == "other"  # the Mine Workers' spokesman is no worker
    assert found["Lena Ortiz"] == "other"  # a union's president is no head of state


def test_a_short_name_ending_a_sentence_is_no_title():
    text = ("Talks\n\n\"We will keep working,\" said Carla Diaz, a spokeswoman for Rep. Ann Lowe.\n\n"
            "Marsh said the talks would go on. \"It is late,\" said Dan Marsh.")
    assert types(text)["Dan Marsh"] == "other"  # "Rep. Ann Lowe. | Marsh" titles no legislator


@pytest.mark.parametrize(("name", "kind"), [
    ("Tax Policy Center", "expert"),  # listed: a think tank
    ("Urban-Brookings Tax Policy Center", "expert"),  # a listed name inside a longer one
    ("Gallup", "media"),  # a pollster speaks as an outlet
    ("University of Utah", "expert"),
    ("Harvard Law School", "expert"),
    ("Valley Courier", ""),  # no head word of a newspaper the lists know
    ("Springfield Daily Times", "media"),
    ("Ohio Department of Health", "government"),
    ("Harwell Teachers Union", ""),
    ("Democratic Party", "party"),  # a party (parties.tsv) speaks as a party
    ("Ohio Republican Party", "party"),
])
def test_an_organisation_types_its_people(name: str, kind: str):
    assert organisation_type(name) == kind


def test_an_office_the_appositive_says_the_person_left_gives_no_type():
    # "former" before the post: the person no longer works for the legislature
    found = types('"Keep the race local," said Tom Avery, a former top aide to Senate Majority Leader '
                  'Ann Roe who now runs a consulting firm.')
    assert found["Tom Avery"] != "legislator"
    assert types('"Keep the race local," said Tom Avery, a top aide to Senate Majority Leader Ann Roe.')[
        "Tom Avery"] == "legislator"


def test_a_candidates_staff_are_party():
    text = ("Race\n\nHillary Clayton, the Democratic front-runner, spoke on Monday.\n\n"
            "\"It is overclassification run amok,\" one Clayton spokesman said.\n\n"
            "Hillary Clayton's top foreign policy staffer Jake Sullen was one of the authors. \"We did "
            "nothing wrong,\" Sullen said.\n\n"
            "\"This is a long play,\" said Alan Cobbett, a senior adviser to Clayton.")
    found = types(text)
    assert found["one Clayton spokesman"] == "party"
    assert found["Jake Sullen"] == "party"
    assert found["Alan Cobbett"] == "party"
    # a governor's spokesman is no campaign staff: the governor is described running for nothing, and
    # her staff speak for her office
    text = ("Budget\n\nGov. Ann Lowe signed the budget.\n\n\"The governor is pleased,\" said Carl Dunn, "
            "a spokesman for Lowe.")
    assert types(text)["Carl Dunn"] == "government"
    text = text.replace("a spokesman for Lowe", "a former spokesman for Lowe")
    assert types(text)["Carl Dunn"] == "other"  # staff who left speak for no office


def test_a_description_before_another_name_types_nobody_after_it():
    # the sheriff is Arpo; Trump is the subject of the clause that follows
    text = ('Rally\n\nPreceded at the lectern by Joe Arpo, the Arizona sheriff and hard-liner, Trump '
            'launched into a lament. "We will win," Trump said.')
    assert types(text)["Trump"] == "other"


def test_an_office_near_a_post_that_is_not_its_own_types_nobody():
    text = ('Secrecy\n\n"It is suspect," said Steven Aftergud, who heads a project on government secrecy '
            'for the Federation of Concerned Scientists.\n\nThe debate featured David Axelrad, President '
            'Barack Obama\'s former top adviser. "It is misleading," Axelrad said.')
    found = types(text)
    assert found["Steven Aftergud"] == "other"  # the project is on government, not in it
    assert found["David Axelrad"] == "other"  # an adviser who left the president's staff


def test_a_sentence_that_says_what_the_person_was_then_gives_no_type():
    text = ('Brothers\n\nHe took his little brother Donald, then a student at a military academy, '
            'fishing. "I loved the boat," Donald said.')
    assert types(text)["Donald"] == "other"
