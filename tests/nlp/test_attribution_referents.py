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


# Rows beside their speaker (referents.appositive widened; framing/nlp/attribution/beside.py)

def test_a_post_without_an_article_between_a_name_and_a_second_appositive_is_that_person():
    found = sources_of(
        "Mara Quillon, president of the Harbour Fund, a group allied with the council, said the donors "
        "were worried about the port.",
        "\u201cThey want the cranes fixed,\u201d Quillon said.",
    )
    assert speakers(found) == ["Mara Quillon", "Mara Quillon"]
    assert len(found.speakers) == 1


def test_who_is_and_a_description_after_a_name_is_that_person():
    found = sources_of("Tobias Fenner, who is a pastor at the Harbour Church of Elmdale, Ohio, slammed the "
                       "plan on Sunday.")
    assert speakers(found) == ["Tobias Fenner"]


def test_a_possessive_description_set_off_before_a_name_is_that_person():
    found = sources_of(
        "\u201cHe never wanted the shop,\u201d said his oldest friend, Ivo Brandt, who worked there.",
        "\u201cHe wanted the sea,\u201d Mr. Brandt said.",
    )
    assert speakers(found) == ["Ivo Brandt", "Ivo Brandt"]
    assert len(found.speakers) == 1


def test_a_role_nobody_is_titled_with_continues_the_person_who_just_spoke():
    found = sources_of(
        "\u201cI have nothing to hide,\u201d Maren Holstad told the radio station on Monday.",
        "The former secretary of state has long said that she followed the rules.",
    )
    assert speakers(found) == ["Maren Holstad", "Maren Holstad"]


def test_a_role_description_before_the_name_is_the_one_person_titled_so():
    found = sources_of(
        "While the president has said he opposes new troops, the missions have grown.",
        "President Ivo Brandt met the council on Monday. Mr. Brandt said the port would stay open.",
    )
    assert speakers(found) == ["Ivo Brandt", "Ivo Brandt"]
    assert len(found.speakers) == 1


def test_a_role_description_before_the_name_takes_the_holder_its_capitalised_word_points_to():
    found = sources_of(
        "The Elmdale senator said on Monday that the port would close.",
        "Sen. Mara Quillon of Elmdale and Sen. Tobias Fenner of Harwick met the mayor.",
        "Quillon said the money was gone. Fenner said nothing.",
    )
    assert speakers(found) == ["Mara Quillon", "Mara Quillon", "Fenner"]
    assert len(found.speakers) == 2


def test_a_role_description_before_two_people_titled_so_stays_apart():
    found = sources_of(
        "The senator said on Monday that the port would close.",
        "Sen. Mara Quillon and Sen. Tobias Fenner met the mayor. Quillon said the money was gone.",
    )
    assert speakers(found) == ["The senator", "Quillon"]


def test_the_star_continues_the_performer_just_named():
    found = sources_of("The actress Lena Okafor was asked about the film. Okafor said it was hard work. "
                       "The star then recalled a night at a cinema in Elmdale.")
    assert speakers(found) == ["Lena Okafor", "Lena Okafor"]
    assert len(found.speakers) == 1


def test_a_generational_suffix_is_not_the_surname_the_speaker_is_merged_by():
    found = sources_of(
        "\u201cThe count was wrong,\u201d Brent Harlow III, founder of the Harbour Institute, told us.",
        "\u201cIt will be counted again,\u201d Harlow said.",
    )
    assert speakers(found) == ["Brent Harlow III", "Brent Harlow III"]
    assert len(found.speakers) == 1


def test_a_surname_misspelt_by_one_letter_is_the_speaker_of_that_surname():
    found = sources_of(
        "Senate President Steve Sweeney said the casino bill would pass.",
        "\u201cThe vote will be held in June,\u201d Sweeny said.",
    )
    assert speakers(found) == ["Steve Sweeney", "Steve Sweeney"]


def test_a_surname_one_letter_different_in_place_is_someone_else():
    found = sources_of(
        "Mayor Ada Rubin said the casino bill would pass.",
        "Tom Rubio said the vote would be held in June. Rubio said it would fail.",
    )
    assert speakers(found) == ["Ada Rubin", "Tom Rubio", "Tom Rubio"]


def test_a_description_the_article_sets_beside_one_name_elsewhere_is_that_person():
    found = sources_of(
        "The shop closed in 1998. His son said the family never wanted it.",
        "The owner's estate went to his son, Eric Harlow, who sold the building.",
    )
    assert speakers(found) == ["Eric Harlow"]


def test_their_candidate_is_the_person_whose_group_the_sentence_named():
    found = sources_of(
        "Ivo Brandt said the count was over. The candidate said he had won.",
        "Maren Holstad lost the first count. Holstad campaign officials looked into what would happen if "
        "their candidate said she had lost.",
    )
    assert speakers(found) == ["Ivo Brandt", "Ivo Brandt", "Maren Holstad"]


def test_the_campaign_before_the_one_campaign_the_article_names_is_that_campaign():
    found = sources_of(
        "The emails were marked secret, though the campaign has long maintained they were not.",
        "The Holstad campaign said the count was wrong. Maren Holstad did not comment.",
    )
    assert speakers(found) == ["Holstad campaign", "Holstad campaign"]


def test_the_campaign_in_a_story_naming_two_campaigns_stays_apart():
    found = sources_of(
        "The emails were marked secret, though the campaign has long maintained they were not.",
        "The Holstad campaign said the count was wrong. The Brandt campaign said nothing. Maren Holstad "
        "and Ivo Brandt did not comment.",
    )
    assert speakers(found)[0] == "the campaign"


def test_a_description_set_beside_two_names_elsewhere_stays_apart():
    found = sources_of(
        "The shop closed in 1998. His son said the family never wanted it.",
        "The estate went to his son, Eric Harlow, and the boat to his son, Tom Harlow.",
    )
    assert speakers(found) == ["His son"]


def test_a_bare_campaign_in_a_headline_is_the_campaign_of_the_main_person():
    found = find_sources(document_from_text(
        "Report: Holstad lost the recount; campaign says count \u2018cherry-picked.\u2019\n\n"
        "Maren Holstad lost the recount on Monday. The Holstad campaign said the count was wrong. Holstad "
        "will appeal, and Ivo Brandt will not."))
    assert speakers(found) == ["Holstad campaign", "Holstad campaign"]


def test_a_family_name_in_the_plural_is_no_misspelling():
    found = sources_of(
        "Mayor Ada Holstad said the casino bill would pass.",
        "\u201cWe will fight it,\u201d Holstads said.",  # the family, not Holstad misspelt
    )
    assert len(found.speakers) == 2
