"""Speakers merged across an article, on text written for these tests: one merging rule per test
(docs/analyzers/sources.md, "Speakers")."""

from __future__ import annotations

from framing import Document, document_from_text
from framing.nlp.attribution import Sources, find_sources


def sources_of(*paragraphs: str) -> tuple[Document, Sources]:
    document = document_from_text("Council vote goes to a second round\n\n" + "\n\n".join(paragraphs))
    return document, find_sources(document)


def speakers(found: Sources) -> list[str]:
    """The name of each attribution's speaker, in text order ("" for none)."""
    return [s.name if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_two_people_of_one_surname_stay_two_speakers():
    _, found = sources_of(
        "Laura Brennick said the council had failed the city.",
        "Daniel Brennick said he would vote for the plan anyway.",
        "Brennick said later that the vote would be close.",
    )
    assert speakers(found)[:2] == ["Laura Brennick", "Daniel Brennick"]
    # a bare surname joins the most recent of them
    assert speakers(found)[-1] == "Daniel Brennick"
    assert len({a.speaker for a in found.attributions}) == 2


def test_a_courtesy_title_keeps_a_surname_to_its_gender():
    _, found = sources_of(
        "Laura Brennick said the council had failed the city.",
        "Daniel Brennick said the plan was fair.",
        "Ms. Brennick said the budget would not pass.",
        "Mr. Brennick said the budget would pass.",
    )
    assert speakers(found) == ["Laura Brennick", "Daniel Brennick", "Laura Brennick", "Daniel Brennick"]


def test_a_longer_surname_and_an_initial_still_join_the_full_name():
    _, found = sources_of(
        "Anna Vell Orsini said the port would reopen.",
        "Vell Orsini said the ships were waiting.",
        "J. Tomas Harker said the dock was safe.",
        "Tomas Harker said the cranes were repaired.",
    )
    names = speakers(found)
    assert names[0] == names[1] == "Anna Vell Orsini"
    assert names[2] == names[3]
    assert len({a.speaker for a in found.attributions}) == 2


def test_he_and_she_skip_a_person_whose_given_name_tells_the_other_gender():
    _, found = sources_of(
        "John Ardley said the tax would fall on renters.",
        "Maria Fenwick said the tax was overdue.",
        "He said the council had not listened.",
    )
    assert speakers(found) == ["John Ardley", "Maria Fenwick", "John Ardley"]


def test_they_never_refers_to_one_named_person():
    _, found = sources_of(
        "Maria Fenwick said the tax was overdue.",
        "They said the vote had been rigged.",
    )
    assert speakers(found) == ["Maria Fenwick", ""]
    assert found.attributions[0].speaker != found.attributions[1].speaker


def test_they_still_refers_to_a_group_or_an_organisation():
    _, found = sources_of(
        "Maria Fenwick spoke first.",
        "Local business owners said the tax would close shops.",
        "They said the council had not listened.",
    )
    assert speakers(found) == ["Local business owners", "Local business owners"]


def test_an_adverb_and_a_verb_end_the_subject_a_participle_hangs_off():
    _, found = sources_of(
        "Maria Fenwick sternly reprimanded Mr. Ardley, saying the tax would fall on renters.",
    )
    assert speakers(found) == ["Maria Fenwick"]


def sides(found: Sources) -> list[str]:
    """The side of each attribution's speaker, in text order ("" for none)."""
    return [s.side if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_a_country_a_speaker_talks_about_or_sits_in_is_not_their_side():
    _, found = sources_of(
        "Tomas Harker, a former adviser on Syria in the administration, said the options were poor.",
        "A Western diplomat in Damascus said the talks would fail.",
        "The ambassador to Syria said the embassy would stay closed.",
        "Anna Orsini, an expert on Iran at a research institute, said sanctions would not work.",
    )
    assert sides(found) == ["", "", "", ""]


def test_a_country_a_speaker_speaks_for_is_their_side():
    _, found = sources_of(
        "A spokesman for Syria said the talks would go on.",
        "The Syrian foreign minister said the talks were useful.",
        "The government in Damascus said the ceasefire would hold.",
        "Iran said the sanctions were illegal.",
    )
    assert sides(found) == ["Syria", "Syria", "Syria", "Iran"]


def test_a_listed_country_opening_a_sentence_is_a_speaker_even_when_named_once():
    _, found = sources_of(
        "The minister said the ceasefire would hold.",
        "Russia said the sanctions were illegal.",
        "Social media companies said the ban was wrong.",
    )
    assert speakers(found) == ["The minister", "Russia", "Social media companies"]
    assert sides(found)[1] == "Russia"


def test_an_opening_adverb_and_its_comma_are_skipped_to_find_a_participles_subject():
    _, found = sources_of(
        "Early in the campaign, Maria Fenwick attacked the plan, calling it a tax on renters.",
        "Senator Anna Kelly spoke first. Kelly, the senator, attacked the plan, calling it a tax.",
    )
    assert speakers(found) == ["Maria Fenwick", "Kelly"]  # a name, not an adverb


def test_he_and_she_never_refer_to_a_group_named_by_plurals():
    _, found = sources_of(
        "Maria Fenwick spoke on Monday. Critics said the tax was unfair.",
        "She said the council had not listened.",
        "The chairman of the board of Harbour Partners said the port would reopen.",
        "He said the cranes were repaired.",
    )
    assert speakers(found) == ["Critics", "Maria Fenwick", "The chairman of the board of Harbour Partners",
                               "The chairman of the board of Harbour Partners"]


def test_a_superlative_before_a_cue_used_as_a_noun_is_no_speaker():
    _, found = sources_of(
        "Maria Fenwick called the council the city's best hope for a fair budget.",
        "Their worst fears came true, the residents said.",
    )
    assert "" not in speakers(found)
    assert all(s.name not in ("the city's best", "Their worst") for s in found.speakers)


def test_called_and_a_name_with_nothing_said_of_it_is_no_attribution():
    _, found = sources_of(
        "A newly formed group called Fair Rents Now ran its first ads on Monday.",
        "Maria Fenwick called Tomas Harker to congratulate him.",
        "Harker called Fenwick a liar.",
        "Fenwick called Harker's plan “a tax on renters.”",
        "The mayor called on the council to act.",
    )
    assert [a.verb for a in found.attributions] == ["called", "called", "called on"]
    assert speakers(found) == ["Harker", "Fenwick", "The mayor"]


def test_an_indefinite_pronoun_opening_a_sentence_is_no_given_name():
    _, found = sources_of(
        "Tomas Harker said the port would reopen.",
        "Everything Harker says is a promise, critics said.",
    )
    assert found.speaker_of(found.attributions[0]).name == "Tomas Harker"
    assert all(s.name != "Everything Harker" for s in found.speakers)


def test_a_pronoun_skips_a_person_whose_own_pronouns_tell_the_other_gender():
    _, found = sources_of(
        "Ariel Nkosi said the port would reopen. She said the cranes were repaired.",
        "She said the ships were waiting.",
        "Ariel Nkosi met Kim Ostrova on Monday. He said the talks had failed.",
    )
    assert speakers(found)[:3] == ["Ariel Nkosi", "Ariel Nkosi", "Ariel Nkosi"]
    assert speakers(found)[3] != "Ariel Nkosi"


def test_they_skips_one_person_or_thing_described_and_keeps_an_institution():
    _, found = sources_of(
        "Harbour workers said the port was unsafe.",
        "One employee said the cranes were old. They said the council had not listened.",
        "The port authority said the cranes were new. They said repairs would start in May.",
    )
    assert speakers(found) == ["Harbour workers", "One employee", "Harbour workers", "The port authority",
                               "The port authority"]


def test_a_bare_surname_stays_with_the_person_the_article_calls_by_it():
    _, found = sources_of(
        "Laura Brennick said the plan was sound. Brennick said taxes would rise.",
        "Her husband, Daniel Brennick, said the budget was fair.",
        "Brennick said later that the vote would be close.",
    )
    assert speakers(found) == ["Laura Brennick", "Laura Brennick", "Daniel Brennick", "Laura Brennick"]


def test_a_party_noun_or_a_sentence_opening_word_before_a_full_name_is_no_part_of_it():
    _, found = sources_of(
        "Democrat Maria Fenwick said the plan was sound.",
        "The Republican National Committee said it was not.",
        "Rival Tomas Harker said the plan would fail, and his rival agreed.",
    )
    names = speakers(found)
    assert names[:2] == ["Maria Fenwick", "The Republican National Committee"]
    assert "Tomas Harker" in names and "Rival Tomas Harker" not in names
    _, found = sources_of("Supporters of Republican Tomas Harker said they would vote.")
    assert speakers(found) == ["Supporters of Republican Tomas Harker"]


def test_that_after_a_speakers_comma_opens_the_reported_clause_not_an_appositive():
    _, found = sources_of(
        "It was the first such suit in a decade, according to officials, that the state has filed "
        "against a news agency.",
    )
    speaker = found.speaker_of(found.attributions[0])
    assert speaker is not None and speaker.name == "officials"
    assert speaker.type == "government"  # not "media", from the news agency in the reported clause
    assert "agency" not in speaker.description


def test_a_local_or_state_office_holder_never_speaks_for_the_country():
    _, found = sources_of(
        "The self-styled America's Toughest Sheriff, who runs the county jail, said the governor had "
        "done more than anyone.",
        "The British capital's new mayor said the city would stay open.",
        "A Mexican governor said the border was calm.",
        "Tom Bruch, a Washington state delegate, said the rules were unfair.",
        "Canada's ambassador said the talks would go on.",
        "The Canadian central bank governor said rates would hold.",
    )
    # a national office (an ambassador, a central bank's governor) keeps its country
    assert sides(found) == ["", "", "", "", "Canada", "Canada"]


def types(found: Sources) -> list[str]:
    """The type of each attribution's speaker, in text order ("" for none)."""
    return [s.type if (s := found.speaker_of(a)) else "" for a in found.attributions]


def test_a_poll_survey_study_or_report_is_a_document_whoever_produced_it():
    document, found = sources_of(
        "A recent poll found that most residents back the harbour plan.",
        "A Carrow University poll released on Tuesday found that most voters disapprove.",
        "A report by the Harbour Institute said repair costs had doubled.",
        "According to a study by economists Ada Roe and Tom Bell, repair costs doubled, but wages did not.",
        "Carrow University said the margin of error was three points.",
        "According to a poll of 400 registered voters, the council is unpopular.",  # voters were asked
    )
    # the producer stays in the document's description; a pollster speaking itself keeps its type
    assert speakers(found) == [
        "A recent poll", "A Carrow University poll", "A report by the Harbour Institute",
        "a study by economists Ada Roe and Tom Bell", "Carrow University", "a poll of 400 registered voters",
    ]
    assert types(found) == ["document", "document", "document", "document", "expert", "document"]
    assert all(s.named and not s.person for s in found.speakers if s.type == "document")
    according = found.attributions[3]
    assert document.slice(according.start, according.end) == "repair costs doubled"


def test_a_document_noun_before_its_participle_and_producer_is_no_cue():
    _, found = sources_of(
        "A watchdog report released by the county last month shows costs rose.",
        "Exit polls conducted for the network show a close race.",
        "After the polls closed officials said the count would start.",  # a verb, not a modifier
    )
    assert [a.verb for a in found.attributions] == ["shows", "show", "said"]
    assert speakers(found) == [
        "A watchdog report released by the county", "Exit polls conducted for the network", "officials",
    ]
    assert types(found) == ["document", "document", "government"]


def test_a_share_of_respondents_inside_a_polls_finding_is_the_polls():
    document, found = sources_of(
        "A Carrow poll found that 74 percent of likely voters said the council should resign.",
    )
    assert speakers(found) == ["A Carrow poll"]  # not also "74 percent of likely voters"
    poll = found.attributions[0]
    assert document.slice(poll.start, poll.end).startswith("74 percent of likely voters said the council")


def test_the_survey_repeats_the_poll_and_a_document_noun_after_the_speaks():
    _, found = sources_of(
        "A Carrow University poll found that most voters disapprove of the council.",
        "The survey also showed a drop in support for the mayor.",
        "The report said repair costs rose.",  # "report" is a cue word, here a noun after "The"
    )
    assert speakers(found) == ["A Carrow University poll", "A Carrow University poll", "The report"]
    assert types(found) == ["document"] * 3


def test_a_document_and_its_producer_after_from_is_a_document():
    _, found = sources_of(
        "A report from the Harbour Institute found that repair costs had doubled.",
        "Data from the Department of Harbours show that traffic fell.",
        "Officials from the Department of Harbours said the bridge would reopen.",
        "The mayor will resign, according to a report Tuesday from the Harlow Ledger.",  # a day between
    )
    assert speakers(found) == [
        "A report from the Harbour Institute", "Data from the Department of Harbours",
        "Officials from the Department of Harbours", "a report Tuesday from the Harlow Ledger",
    ]
    assert types(found) == ["document", "document", "government", "document"]
