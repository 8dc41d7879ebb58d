"""Attribution finding on sentences written for these tests: one construction per test."""

from __future__ import annotations

from framing import Document, document_from_text
from framing.nlp.attribution import Attribution, Sources, find_sources
from framing.nlp.entities import ActorSet


def sources_of(*paragraphs: str, actors=None) -> tuple[Document, Sources]:
    document = document_from_text("Test headline about a strike\n\n" + "\n\n".join(paragraphs))
    return document, find_sources(document, actors)


def content(document: Document, attribution: Attribution) -> str:
    return document.slice(attribution.start, attribution.end)


def speaker(sources: Sources, attribution: Attribution) -> str:
    found = sources.speaker_of(attribution)
    return found.name if found else ""


def only(sources: Sources) -> Attribution:
    assert len(sources.attributions) == 1, sources.attributions
    return sources.attributions[0]


def test_direct_curly_quote_then_pronoun_speaker_after_named_speaker():
    doc, found = sources_of(
        "Defense Minister Lera Voss spoke in Draskov on Tuesday.",
        "“We struck the people who fired rockets at our villages,” she said.",
    )
    attribution = only(found)
    assert attribution.kind == "direct"
    assert content(doc, attribution) == "We struck the people who fired rockets at our villages,"
    assert attribution.verb == "said" and attribution.verb_class == "neutral"
    assert attribution.words == 10


def test_pronoun_resolves_to_most_recent_compatible_person():
    doc, found = sources_of(
        "Defense Minister Lera Voss said the drones hit three buildings.",
        "Mr. Piet Aro said the strike was over by dawn.",
        "She said more strikes were possible.",
    )
    assert [speaker(found, a) for a in found.attributions] == ["Lera Voss", "Piet Aro", "Lera Voss"]


def test_straight_quotes_and_inverted_speaker():
    doc, found = sources_of(
        '"The aim is to help the army in its weak spots," said Kremlin spokesman Dmitry Peskov.'
    )
    attribution = only(found)
    assert attribution.kind == "direct"
    assert content(doc, attribution).startswith("The aim is to help")
    assert speaker(found, attribution) == "Dmitry Peskov"
    assert found.speaker_of(attribution).type == "government"  # "Kremlin" is a government word


def test_quote_split_by_attribution_is_two_direct_parts_of_one_speaker():
    doc, found = sources_of(
        "“Karvonia has the right to defend itself,” said Helen Marsh, a spokesperson for the "
        "Foreign Office, “but it must respect the law.”"
    )
    assert [a.kind for a in found.attributions] == ["direct", "direct"]
    assert content(doc, found.attributions[1]) == "but it must respect the law."
    assert {speaker(found, a) for a in found.attributions} == {"Helen Marsh"}
    assert found.speaker_of(found.attributions[0]).person


def test_multi_paragraph_quotation_is_one_direct_attribution():
    doc, found = sources_of(
        "Dr. Yusuf al-Hadri runs the hospital in Velmora.",
        "“We had no power for three hours. The generators failed twice.",
        "“We operated by torchlight,” he said.",
    )
    attribution = only(found)
    assert attribution.kind == "direct"
    assert "generators failed twice" in content(doc, attribution)
    assert content(doc, attribution).endswith("torchlight,")
    assert speaker(found, attribution) == "Yusuf al-Hadri" or speaker(found, attribution).endswith(
        "al-Hadri"
    )


def test_partial_quote_inside_reported_speech():
    doc, found = sources_of(
        "Iran's foreign ministry said the strikes were “based on an official request” from Syria "
        "and that they would continue."
    )
    attribution = only(found)
    assert attribution.kind == "partial"
    assert content(doc, attribution).startswith("the strikes were")
    assert found.speaker_of(attribution).type == "government"


def test_scare_quote_is_kept_apart_from_quotations():
    doc, found = sources_of("Warplanes hit “terrorist facilities” in Idlib on Thursday morning.")
    assert found.attributions == ()
    assert [doc.slice(q.start, q.end) for q in found.scare_quotes] == ["“terrorist facilities”"]


def test_indirect_speech_with_that_and_adverbials():
    doc, found = sources_of(
        "The Defense Ministry said in a statement on Tuesday that 14 fighters had been killed."
    )
    attribution = only(found)
    assert attribution.kind == "indirect"
    assert content(doc, attribution) == "14 fighters had been killed"
    assert found.speaker_of(attribution).type == "government"
    assert not found.speaker_of(attribution).person


def test_clause_final_verb_takes_the_content_before_the_speaker():
    doc, found = sources_of(
        "The aim of the strikes is to help the army where it is struggling, the Kremlin said on "
        "Thursday."
    )
    attribution = only(found)
    assert content(doc, attribution) == (
        "The aim of the strikes is to help the army where it is struggling"
    )
    assert speaker(found, attribution) == "the Kremlin"


def test_according_to():
    doc, found = sources_of(
        "At least 23 people were killed, according to the Regional Observatory for Human Rights."
    )
    attribution = only(found)
    assert attribution.verb == "according to"
    assert content(doc, attribution) == "At least 23 people were killed"
    assert speaker(found, attribution) == "the Regional Observatory for Human Rights"


def test_told_reporters_skips_the_listener():
    doc, found = sources_of(
        "Military spokesman Colonel Steve Warren told reporters the coalition had not changed its "
        "operations."
    )
    attribution = only(found)
    assert content(doc, attribution).startswith("the coalition had not changed")
    assert speaker(found, attribution) == "Steve Warren"
    assert found.speaker_of(attribution).type == "military"


def test_added_after_a_quote_and_participle_speaker_is_inherited():
    doc, found = sources_of(
        "The Defense Ministry said the jets hit ammunition depots, adding that it avoided "
        "populated areas."
    )
    assert [a.verb for a in found.attributions] == ["said", "adding"]
    assert content(doc, found.attributions[1]) == "it avoided populated areas"
    assert found.attributions[0].speaker == found.attributions[1].speaker


def test_participle_takes_the_subject_of_its_clause_not_a_predicate_phrase():
    doc, found = sources_of(
        "Also on Monday, Veskaria threw its weight behind Karvonia's naval blockade describing it "
        "as a step toward ending \u201cthe standoff\u201d at sea."
    )
    attribution = only(found)
    assert attribution.verb == "describing"
    assert content(doc, attribution).startswith("it as a step toward ending")
    assert speaker(found, attribution) == "Veskaria"


def test_participle_subject_keeps_its_head_noun():
    doc, found = sources_of(
        "After the vote, two veteran negotiators left the talks, arguing that the "
        "ceasefire was holding."
    )
    arguing = found.attributions[-1]
    assert arguing.verb == "arguing"
    assert doc.slice(arguing.mention.start, arguing.mention.end) == "two veteran negotiators"


def test_participle_straight_after_a_clause_final_verb_keeps_both_contents():
    doc, found = sources_of(
        "The convoy reached \u201csafe ground\u201d near Rensk, the interior ministry said adding "
        "that no one was hurt."
    )
    said, adding = found.attributions
    assert content(doc, said) == "The convoy reached \u201csafe ground\u201d near Rensk"
    assert content(doc, adding) == "no one was hurt"
    assert said.speaker == adding.speaker
    assert speaker(found, adding) == "the interior ministry"


def test_reported_content_stops_at_a_contrasting_clause_and_a_semicolon():
    doc, found = sources_of(
        "Foreign Minister Tomas Brell said the jets struck only \u201cmilitary depots,\u201d but "
        "Veskaria sent observers to the border.",
        "The ministry said the convoy had turned back; its trucks were later seen in Rensk.",
    )
    first, second = found.attributions
    assert content(doc, first) == "the jets struck only \u201cmilitary depots"
    assert first.kind == "partial"
    assert content(doc, second) == "the convoy had turned back"


def test_as_clause_attributes_the_main_clause():
    doc, found = sources_of(
        "As aid workers have pointed out, the convoy cannot cross before the thaw.",
        "Velmora, as the mayor noted on Monday, has no shelter left for the displaced.",
    )
    first, second = found.attributions
    assert content(doc, first) == "the convoy cannot cross before the thaw"
    assert speaker(found, first) == "aid workers"
    assert content(doc, second).startswith("Velmora, as the mayor noted")
    assert content(doc, second).endswith("no shelter left for the displaced")


def test_passives_and_names_are_not_speech():
    doc, found = sources_of(
        "When the diagnosis was confirmed, the envoy left Rensk.",
        "The observer mission, called Clearwater, will stay until March.",
        "The envoy was told to leave the capital.",
        "A group calling itself the Velmora Watch counted the dead.",
        "Residents said the town had received no warning before the strike.",
    )
    assert [content(doc, a) for a in found.attributions] == [
        "the town had received no warning before the strike"
    ]
    doc, found = sources_of("Ilse Varga, the opposition leader, called on President Brell to resign.")
    attribution = only(found)
    assert attribution.verb == "called on"
    assert speaker(found, attribution) == "Ilse Varga"


def test_coordinated_subject_opening_the_sentence():
    doc, found = sources_of(
        "Experts on Karvonia and naval law said the blockade breaks the 1994 treaty.",
        "The jets struck the depot and officials said ten people died.",
    )
    first, second = found.attributions
    assert speaker(found, first) == "Experts on Karvonia and naval law"
    assert speaker(found, second) == "officials"


def test_question_quoted_before_the_speakers_own_sentence():
    doc, found = sources_of(
        "Ilse Varga toured the camp on Monday.",
        "\u201cHow many more winters must these families spend in tents?\u201d Varga said. "
        "\u201cThe aid is not coming.\u201d",
    )
    question, rest = found.attributions
    assert content(doc, question) == "How many more winters must these families spend in tents?"
    assert question.verb == "said"
    assert speaker(found, question) == speaker(found, rest) == "Varga"


def test_pronoun_fused_with_its_auxiliary_is_a_speaker():
    doc, found = sources_of(
        "Ilse Varga spoke in Rensk on Monday.",
        "She\u2019s claiming that the count was \u201crigged from the start.\u201d",
    )
    attribution = only(found)
    assert content(doc, attribution).startswith("the count was")
    assert speaker(found, attribution) == "Ilse Varga"


def test_no_speaker_from_an_opening_phrase_or_a_subordinate_clause():
    doc, found = sources_of(
        "The envoy showed up at the talks on Monday.",
        "At the summit in Rensk the delegation pushed for a ceasefire, calling it overdue.",
        "When the council cut the aid budget last year, Karvonia said enough.",
    )
    assert [a.verb for a in found.attributions] == ["said"]
    assert speaker(found, found.attributions[0]) == "Karvonia"


def test_speaker_with_a_dotted_abbreviation_in_parentheses():
    doc, found = sources_of(
        "Sen. Mara Olsen (R-S.C.) said the sanctions would hurt farmers in her state."
    )
    attribution = only(found)
    assert content(doc, attribution) == "the sanctions would hurt farmers in her state"
    assert speaker(found, attribution) == "Mara Olsen"


def test_loaded_verbs_accused_and_labelled():
    doc, found = sources_of(
        "The head of the main opposition group accused the Kremlin of supporting the regime.",
        "President Anton Vell labelled the reports as an information attack.",
    )
    accused, labelled = found.attributions
    assert (accused.verb, accused.verb_class) == ("accused", "loaded")
    assert found.speaker_of(accused).type == "opposition"
    assert (labelled.verb, labelled.verb_class) == ("labelled", "loaded")
    assert speaker(found, labelled) == "Anton Vell"


def test_speaker_before_quote_with_colon():
    doc, found = sources_of(
        "On Twitter, a member of the Army of Conquest said: “Our fighters will answer.”"
    )
    attribution = only(found)
    assert attribution.kind == "direct"
    assert content(doc, attribution) == "Our fighters will answer."
    assert found.speaker_of(attribution).type == "armed_group"
    assert not found.speaker_of(attribution).named


def test_institutional_speakers_and_it():
    doc, found = sources_of(
        "The Defense Ministry said it was exchanging intelligence with Iraq, Reuters news agency "
        "reported.",
        "It said a pinpoint strike had destroyed a depot.",
    )
    types = {speaker(found, a): found.speaker_of(a).type for a in found.attributions}
    assert types == {"The Defense Ministry": "government", "Reuters news agency": "media"}
    last = found.attributions[-1]
    assert speaker(found, last) == "The Defense Ministry"


def test_speaker_merging_by_surname_and_definite_description():
    doc, found = sources_of(
        "“We will continue,” said Kremlin spokesman Dmitry Peskov.",
        "Peskov said the operation would last months.",
        "The Kremlin spokesman said no date had been set.",
    )
    assert len(found.speakers) == 1
    assert found.speakers[0].name == "Dmitry Peskov" and found.speakers[0].named
    assert len(found.speakers[0].mentions) == 3


def test_anonymous_sources():
    doc, found = sources_of(
        "A Syrian military source said four warplanes struck bases near Hama.",
        "A U.S. official said the coalition would not change course.",
        "A Western diplomat, who asked not to be named, said both sides had been warned.",
        "Helen Marsh said the talks would go on.",
    )
    named = {speaker(found, a): found.speaker_of(a).named for a in found.attributions}
    assert named == {
        "A Syrian military source": False,
        "A U.S. official": False,
        "A Western diplomat": False,
        "Helen Marsh": True,
    }
    source = found.speaker_of(found.attributions[0])
    assert source.type == "military" and source.side == "Syria" or source.side == "Syrian"


def test_sides_from_an_actors_file():
    actors = ActorSet.loads(
        '[[actor]]\nname = "Russia"\naliases = ["Kremlin", "Russian*"]\nkind = "country"\n'
        'side = "Russia"\n\n[[actor]]\nname = "Federated States"\nkind = "country"\n'
        'side = "West"\n'
    )
    doc, found = sources_of(
        "“We will continue,” said Kremlin spokesman Dmitry Peskov.",
        "Helen Marsh, a spokesperson for the Federated States, said talks would go on.",
        actors=actors,
    )
    assert [found.speaker_of(a).side for a in found.attributions] == ["Russia", "West"]


def test_a_country_speaking_as_itself_is_a_government_source():
    actors = ActorSet.loads(
        '[[actor]]\nname = "Karvonia"\naliases = ["Karvonian*"]\nkind = "country"\n'
        'side = "Karvonia"\n'
    )
    doc, found = sources_of(
        "Karvonian jets struck a depot near Velmora a day after Karvonia closed its border.",
        "Karvonia said the depot stored rockets.",
        actors=actors,
    )
    source = found.speaker_of(only(found))
    assert (source.name, source.type, source.side) == ("Karvonia", "government", "Karvonia")


def test_sides_without_an_actors_file_come_from_discovered_countries():
    doc, found = sources_of(
        "Karvonia's Defense Ministry said its forces hit command sites.",
        "Col. Dmitar Halek, a spokesman for the Karvonian military, said the figures were false.",
        "Karvonia said the strikes had ended.",
    )
    assert [found.speaker_of(a).side for a in found.attributions] == ["Karvonia"] * 3


def test_unclosed_quote_recovers_at_paragraph_end():
    doc, found = sources_of(
        "“We have lost everything, said a resident of Velmora.",
        "The U.N. said it would send aid to the town within days.",
    )
    unclosed = found.attributions[0]
    assert unclosed.end <= doc.text.index("The U.N.")
    assert found.attributions[-1].verb == "said"
    assert content(doc, found.attributions[-1]) == "it would send aid to the town within days"


def test_noun_uses_of_cue_words_are_not_attributions():
    doc, found = sources_of(
        "The Federated States expressed concern over reports of civilian deaths and casualty "
        "claims."
    )
    assert found.attributions == ()


def test_article_without_quotations():
    doc, found = sources_of("Fighting along the border has intensified over the past four months.")
    assert found.attributions == () and found.speakers == () and found.scare_quotes == ()


def test_quotation_in_two_apostrophes_split_by_its_speaker():
    doc, found = sources_of(
        "''This is not tax reform,'' said Ann Holt, an economist. ''It is anti-reform.''"
    )
    kinds = [(a.kind, content(doc, a), speaker(found, a)) for a in found.attributions]
    assert kinds == [
        ("direct", "This is not tax reform,", "Ann Holt"),
        ("direct", "It is anti-reform.", "Ann Holt"),
    ]


def test_belief_and_evidence_cues_attribute_a_position():
    doc, found = sources_of(
        "Defense Minister Lera Voss believes that the talks will fail.",
        "The Tarn Front wants to keep its weapons.",
        "A survey by the Velmora Institute found most residents had left.",
    )
    rows = [(a.verb, a.verb_class, content(doc, a)) for a in found.attributions]
    assert rows == [
        ("believes", "belief", "the talks will fail"),
        ("wants", "belief", "to keep its weapons"),
        ("found", "evidence", "most residents had left"),
    ]
    assert [speaker(found, a) for a in found.attributions][:2] == ["Lera Voss", "Tarn Front"]


def test_position_cues_need_someone_who_holds_the_position():
    doc, found = sources_of(
        "The deal is expected to pass on Monday.",
        "Voss's plans to rebuild the port were shelved.",
        "The council still wants a vote.",
    )
    assert [(a.verb, content(doc, a)) for a in found.attributions] == [("wants", "a vote")]


def test_content_ends_where_another_speaker_starts():
    doc, found = sources_of(
        "Lera Voss agreed the rules should change, but Piet Aro said the talks should wait.",
    )
    assert [(speaker(found, a), content(doc, a)) for a in found.attributions] == [
        ("Lera Voss", "the rules should change"),
        ("Piet Aro", "the talks should wait"),
    ]


def test_nested_position_keeps_the_outer_content_whole():
    doc, found = sources_of("Daro Mekki said the group wanted guarantees for its fighters.")
    outer, inner = found.attributions
    assert content(doc, outer) == "the group wanted guarantees for its fighters"
    assert (inner.verb, content(doc, inner)) == ("wanted", "guarantees for its fighters")


def test_reported_content_stops_before_the_reporters_aside():
    doc, found = sources_of(
        "Lera Voss said the port would reopen in May, which would let aid ships dock again."
    )
    assert content(doc, only(found)) == "the port would reopen in May"


def test_position_cues_stay_out_of_the_reporting_verbs():
    from framing.nlp.quotes import attribution_cues, attribution_verbs

    assert set(attribution_verbs().verbs) == {"neutral", "loaded"}  # what loaded language counts
    cues = attribution_cues()
    assert set(cues.verbs) == {"neutral", "loaded", "belief", "evidence"}
    assert "believes" in cues.verbs["belief"] and "found" in cues.verbs["evidence"]
    assert not {"believes", "found"} & {v for vs in attribution_verbs().verbs.values() for v in vs}
    assert all(cues.definitions[c] for c in cues.verbs)


def test_according_to_opening_a_sentence_keeps_the_clause_as_content():
    doc, found = sources_of("According to Politika, both of these towns lost power overnight.")
    attribution = only(found)
    assert content(doc, attribution) == "both of these towns lost power overnight"
    assert speaker(found, attribution) == "Politika"


def test_relative_pronoun_speakers():
    doc, found = sources_of(
        "Officers turned to the Velmora Police Department, which reported 40 incidents in May.",
        "Voss refused to pay an architect who said he was owed money.",
    )
    rows = [(doc.slice(a.mention.start, a.mention.end), content(doc, a)) for a in found.attributions]
    assert rows == [
        ("the Velmora Police Department, which", "40 incidents in May"),
        ("an architect who", "he was owed money"),
    ]


def test_a_noun_after_a_comma_and_verb_is_not_an_inverted_speaker():
    doc, found = sources_of(
        "Lera Voss, the minister's eldest daughter, noted the rule in an interview last week."
    )
    attribution = only(found)
    assert speaker(found, attribution) == "Lera Voss"
    assert content(doc, attribution) == "the rule in an interview last week"


def test_quotation_after_verb_and_comma_and_participle_after_quotation():
    doc, found = sources_of(
        "Voss boasted, “That makes me smart.”",
        "Piet Aro said: “The port was busy,” adding that traffic had doubled.",
    )
    rows = [(a.kind, speaker(found, a), content(doc, a)) for a in found.attributions]
    assert rows == [
        ("direct", "Voss", "That makes me smart."),
        ("direct", "Piet Aro", "The port was busy,"),
        ("indirect", "Piet Aro", "traffic had doubled"),
    ]


def test_promises_take_an_infinitive_but_said_to_does_not():
    doc, found = sources_of(
        "Lera Voss vowed to rebuild the port.",
        "Piet Aro was told to leave the port.",
    )
    assert [(a.verb, content(doc, a)) for a in found.attributions] == [
        ("vowed", "to rebuild the port")
    ]


def test_a_finding_may_come_from_a_thing():
    doc, found = sources_of("Video shows that the driver had his hands raised.")
    attribution = only(found)
    assert (attribution.verb_class, content(doc, attribution)) == (
        "evidence", "the driver had his hands raised"
    )
    assert speaker(found, attribution) == "Video"


def test_continuations_share_the_speaker_phrase_of_their_attribution():
    doc, found = sources_of(
        "“The aim,” said Piet Aro, “is to reopen the port.” He said traffic would double, "
        "adding that ships were waiting.",
    )
    phrases = [doc.slice(a.mention.start, a.mention.end) for a in found.attributions]
    assert phrases == ["Piet Aro", "Piet Aro", "He", "He"]
    assert found.attributions[1].cue == found.attributions[0].cue


def test_dash_appositive_and_poll_shares_as_speakers():
    doc, found = sources_of(
        "Lera Voss -- a former general who led the northern command -- said the talks failed.",
        "In the same poll, 63 percent said the port should reopen.",
    )
    rows = [(doc.slice(a.mention.start, a.mention.end), content(doc, a)) for a in found.attributions]
    assert rows == [
        ("Lera Voss -- a former general who led the northern command", "the talks failed"),
        ("63 percent", "the port should reopen"),
    ]
    assert speaker(found, found.attributions[0]) == "Lera Voss"


def test_speaker_phrase_stops_at_what_reflexives_and_a_possessive_after_a_noun():
    doc, found = sources_of(
        "President Anton Merek praised the soldiers and intelligence officers for what he called "
        "“a job done with courage.”",
    )
    assert speaker(found, found.attributions[0]) == "Anton Merek"  # "he", not "officers for what he"
    doc, found = sources_of(
        "A foreign-funded group calling itself the Regional Observatory for Human Rights alleged "
        "that 23 people were killed.",
    )
    assert speaker(found, only(found)).startswith("the Regional Observatory")
    doc, found = sources_of(
        "The drones hit the Sarn Liberation Front, a shadowy armed group her government blames for "
        "rocket attacks on its villages.",
    )
    assert only(found).verb == "blames" and speaker(found, only(found)) == "her government"


def test_title_case_headline_content_follows_the_verb():
    headline = "Railing Against Brell, Varga Vows To Block Fuel Convoys"
    doc = document_from_text(
        f"{headline}\n\nIlse Varga spoke in Rensk on Monday. Varga left.", title=headline
    )
    attribution = only(find_sources(doc))
    assert attribution.verb == "vows"
    assert content(doc, attribution) == "To Block Fuel Convoys"


def test_content_in_a_subordinate_clause_ends_at_its_comma():
    doc, found = sources_of(
        "While opposition leaders have suggested the vote was rigged, the council certified the "
        "results on Monday."
    )
    attribution = only(found)
    assert content(doc, attribution) == "the vote was rigged"
    assert speaker(found, attribution) == "opposition leaders"


def test_modals_and_adverbs_are_skipped_but_a_negated_cue_gives_no_voice():
    doc, found = sources_of(
        "Observers could warn that the count is incomplete.",
        "Governor Lena Brell has long insisted that the bridge is safe.",
        "The ministry did not say how many soldiers were hurt.",
        "The campaign did not immediately respond to requests for comment.",
        "One resident, who did not want to be named, told us the shelling lasted an hour.",
    )
    assert [speaker(found, a) for a in found.attributions] == [
        "Observers", "Lena Brell", "One resident"
    ]
    assert [a.verb for a in found.attributions][-1] == "told"


def test_clause_about_the_speaking_is_not_content():
    doc, found = sources_of(
        "The blockade is a crime, Ilse Varga said on Friday as she left the camp.",
        "The shelling was deliberate, opposition lawmakers said, as they walked out of the chamber.",
        "VELMORA, Ostrel (CPA) \u2015 The depot held fuel, the army said.",
    )
    assert [content(doc, a) for a in found.attributions] == [
        "The blockade is a crime", "The shelling was deliberate", "The depot held fuel",
    ]


# --- who can be a speaker: a cast actor, a description or an organisation, never a piece of text -----


def _speakers(text: str, title: str = "") -> list[str]:
    found = find_sources(document_from_text(text, title=title))
    return [found.speaker_of(a).name for a in found.attributions if found.speaker_of(a)]


def test_a_capitalised_phrase_read_only_in_a_headline_is_no_speaker():
    body = "Harlan aide apologizes\n\nThe plan was sent back on Monday, officials said.\n"
    assert _speakers(body, title="Council Smackdown: Harlan Tells Mayor To Quit") == ["", "officials"]
    assert _speakers(body, title="Harlan Aide Claims Plan Fails") == ["", "officials"]
    # the same word in the body makes it a speaker the headline shares
    assert _speakers(body, title="Tax Plan Draws Fire, Officials Say") == ["Officials", "Officials"]


def test_a_descriptor_speaker_is_the_person_it_describes():
    assert _speakers("Vote nears\n\nSen. Ada Roe, R-Ohio, spoke first. The Ohio Republican said the "
                     "bill would fail.\n") == ["Ada Roe"]
    assert _speakers("Vote nears\n\nAnother Democrat, Rep. Cole Varner of Maine, said the bill would "
                     "fail.\n") == ["Cole Varner"]


def test_places_laws_and_clause_fragments_are_no_speakers():
    assert _speakers("Vote nears\n\nThe Kessler Doctrine says that allies come first.\n") == [""]
    assert _speakers("Vote nears\n\nTwo aides said the talks, held in Brooklyn, were calm. Brooklyn "
                     "said nothing.\n") == ["Two aides", ""]
    # "of Ohio, who said": the person of Ohio spoke, not the state
    assert _speakers("Vote nears\n\nThe governor met Sen. Ada Roe of Ohio, who said the bill would "
                     "fail.\n") == ["Ada Roe"]
    assert _speakers("Vote nears\n\nMany of the Republicans who now control the House said they "
                     "would wait.\n") == [""]
    # a noun phrase with a prepositional phrase stays a description
    assert _speakers("Vote nears\n\nMembers of both parties said the vote would wait.\n") == [
        "Members of both parties"]


def test_a_person_is_never_a_side():
    found = find_sources(document_from_text(
        "Deal holds\n\nSusan Vale, President Harlan's national security adviser, said the deal would "
        "hold. The Harlan administration said so too. Mr. Harlan said he agreed.\n"))
    # "Harlan's" adviser and "the Harlan administration" do not make a country of Mr. Harlan
    assert [(s.name, s.side) for s in found.speakers] == [
        ("Susan Vale", ""), ("The Harlan administration", ""), ("Harlan", "")]


def test_a_leading_time_expression_is_cut_from_a_speaker():
    # "the same day" dates the clause; the senator speaks
    assert _speakers("Vote nears\n\nThe mayor will visit Rensk on Friday, the same day the Ohio "
                     "senator plans to hold a rally there.\n") == ["the Ohio senator"]


def test_a_trailing_time_expression_is_cut_from_a_speaker():
    assert _speakers("Vote nears\n\nThe aides met a Brell-backed lawyer in March 2019 who promised "
                     "new documents on the mayor.\n") == ["a Brell-backed lawyer"]
    assert _speakers("Vote nears\n\nThe panel heard a county judge on Tuesday who said the count "
                     "was fair.\n") == ["a county judge"]


def test_a_clause_is_cut_to_its_subject():
    # "cast his presidency": a verb and its object, not part of the speaker's name
    assert _speakers("Vote nears\n\n“This stops now,” Varga said.\n\nVarga cast her term as a "
                     "return to power for the people and vowed never to let them down.\n") == [
        "Varga", "Varga"]
    assert _speakers("Vote nears\n\nIlse Varga spoke first. She left the Brell administration last "
                     "year but said the move was worth it.\n") == ["Ilse Varga"]


def test_a_dash_after_a_dateline_is_not_part_of_the_speaker():
    assert _speakers("Vote nears\n\nRENSK –- The city council on Wednesday released the emails, "
                     "saying they were complete.\n") == ["The city council"]


def test_a_lower_case_hyphenated_word_is_a_modifier_not_a_name():
    assert _speakers("Vote nears\n\nThe network dropped Ann and Bea -- two pro-Varga hosts who have "
                     "long claimed they are being silenced.\n") == ["two pro-Varga hosts"]



def test_a_past_tense_after_a_role_word_ends_the_speaker_phrase():
    assert _speakers("Vote nears\n\nAt 9:40 p.m., a council spokesman e-mailed to other agency staff "
                     "members a draft note intended for Mr. Varga, warning him that while the mayor "
                     "had quickly cleared the plan, the police had not.\n") == ["a council spokesman"]


def test_a_sentence_initial_capital_before_a_lower_case_noun_is_no_name():
    # "Online" is never capitalised mid-sentence: the phrase is a description, not a name
    assert _speakers("Online Retailers Face Fines\n\nOnline retailers, facing fines from the "
                     "regulator, have promised to change.\n") == ["Online retailers"]


def test_a_verb_or_a_plural_noun_before_the_speaker_is_cut():
    assert _speakers("Vote nears\n\nBut those arguments didn’t sway lawmakers, who say the plan "
                     "is too costly.\n") == ["lawmakers"]
    assert _speakers("Vote nears\n\nThe mayor is waiting to see what changes lawmakers will add "
                     "to the plan.\n") == ["lawmakers"]


def test_a_name_particle_before_a_hyphen_still_names():
    assert _speakers("Vote nears\n\nThe expert Omar al-Rashed said the vote would wait.\n") == [
        "Omar al-Rashed"]


def test_of_the_inside_an_organisation_name_joins_it():
    assert _speakers("Vote nears\n\nThe Rensk Department of the Interior announced on Thursday that "
                     "the park would close.\n") == ["Rensk Department of the Interior"]
    assert _speakers("Vote nears\n\nSen. Ada Roe of the Ohio delegation said the bill would fail.\n") == [
        "Ada Roe"]


def test_a_name_before_lower_case_words_and_a_role_modifies_the_role():
    # an anonymous prosecutor speaks, not the ministry
    assert _speakers("Vote nears\n\nA former Rensk Water Board fraud unit prosecutor said the case "
                     "was weak.\n") == ["A former Rensk Water Board fraud unit prosecutor"]


# --- who can be a speaker: the head noun of a description (team-written sentences) ---------------------

def test_a_description_whose_head_names_no_speaker_is_none():
    # an act, a process or an event does not speak; the attribution is kept under "unknown speaker"
    assert _speakers("Vote nears\n\nThe March decision found that the tax was fair.\n") == [""]
    assert _speakers("Vote nears\n\nThe process began with a memo warning aides not to talk.\n") == [""]
    assert _speakers("Vote nears\n\nThe intensity of the protests showed that voters were angry.\n") == [""]
    assert _speakers("Vote nears\n\nAbout 40 percent think the tax is fair.\n") == [""]


def test_descriptions_of_people_groups_documents_and_media_stay_speakers():
    assert _speakers("Vote nears\n\nVoss refused to pay an architect who said he was owed money.\n") == [
        "an architect"]
    assert _speakers("Vote nears\n\nThree officials familiar with the talks said the vote would "
                     "wait.\n") == ["Three officials familiar with the talks"]
    assert _speakers("Vote nears\n\nA group of farmers said the tax was unfair.\n") == [
        "A group of farmers"]
    assert _speakers("Vote nears\n\nThe study found that the tax was fair.\n") == ["The study"]
    assert _speakers("Vote nears\n\nA new poll shows the mayor ahead.\n") == ["A new poll"]
    assert _speakers("Vote nears\n\nThe Varga campaign said the tax was unfair.\n") == [
        "The Varga campaign"]


def test_a_sentence_opening_capital_the_article_writes_lower_case_is_no_name():
    # "Questions" opens a sentence and "questions" is written lower case later: no name; the
    # description's head (a question) names no speaker
    assert _speakers("Vote nears\n\nQuestions about the plan remain on many minds, calling for a new "
                     "vote. Aides ignored the questions.\n") == [""]
    # a surname the article also uses after a lower-case word stays a name ("said Price")
    assert _speakers("Vote nears\n\nPrice said the plan was fair. The price of bread rose, said "
                     "Price.\n") == ["Price", "Price"]


def test_a_capitalised_word_before_a_lower_case_person_noun_is_a_modifier():
    # "reality TV star": TV modifies the star, it is not a speaker's name
    assert _speakers("Vote nears\n\nThe reality TV star said he would run.\n") == [
        "The reality TV star"]


def test_a_role_description_with_describing_modifiers_resolves_to_the_one_holder():
    # "four-term" only describes the holder: the one person titled Rep. in the article
    text = ("Vote nears\n\nRep. Cole Varner (R-Ohio) resigned on Friday. “I had no idea how to run an "
            "office,” the four-term congressman said in December.\n")
    assert _speakers(text) == ["Cole Varner"]
    # two representatives: the description fits both and stays a description
    two = ("Vote nears\n\nRep. Cole Varner (R-Ohio) and Rep. Ann Roe (D-Ohio) met on Friday. “I had "
           "no idea,” the four-term congressman said.\n")
    assert _speakers(two) == ["the four-term congressman"]
    # "other" points to someone else: no resolution
    other = ("Vote nears\n\nRep. Cole Varner (R-Ohio) resigned on Friday. “I had no idea,” the other "
             "congressman said.\n")
    assert _speakers(other) == ["the other congressman"]


def test_a_chief_of_staff_is_government_unless_a_military_word_says_otherwise():
    found = find_sources(document_from_text(
        "Vote nears\n\n“He will wait,” Ann Roe, Varner’s chief of staff, told reporters. “We are "
        "ready,” said Gen. Ilse Varga, the army chief of staff.\n"))
    assert [(s.name, s.type) for s in found.speakers] == [("Ann Roe", "government"),
                                                          ("Ilse Varga", "military")]


def test_a_fronted_appositive_leaves_the_name_after_the_comma_as_subject():
    # "The daughter of Brell farmers" describes Varga, who speaks ("saying")
    assert _speakers("Vote nears\n\nThe daughter of Brell farmers, Varga has opposed the tax, saying it "
                     "would ruin them.\n") == ["Varga"]


def test_a_role_word_modifying_a_body_keeps_the_body_as_head():
    # "general" is a rank, but here it modifies "assembly", the legislature that speaks
    found = find_sources(document_from_text(
        "Vote nears\n\nOn Thursday, the state's general assembly passed new language stating that the "
        "law is fair.\n"))
    assert [(s.name, s.type) for s in found.speakers] == [("the state's general assembly", "legislator")]


def test_the_noun_after_whose_is_not_the_speaker_when_a_subject_follows():
    assert _speakers("Vote nears\n\nThe plan follows a study by the Brell Institute, whose work Mr. "
                     "Varga’s advisers often cite.\n") == ["Mr. Varga’s advisers"]
    assert _speakers("Vote nears\n\nThe plan came from the ministry, whose spokesman said it would "
                     "pass.\n") == ["spokesman"]


def test_a_pronoun_never_resolves_to_a_name_cut_from_a_programme_or_a_firm():
    doc, found = sources_of(
        "Former Senator Alan Marsh, Democrat of Vermont, said the party had drifted.",
        "The programme that shields young settlers — Deferred Action for Young Settlers — is an "
        "important issue, he said.",
        "From 1997 to 2009 he was a partner of Hart, Minsky, Ferris, Glovin & Pell. He said the "
        "firm had taught him patience.",
    )
    assert [speaker(found, a) for a in found.attributions] == ["Alan Marsh"] * 3


def test_a_name_that_only_modifies_a_noun_does_not_name_a_pronoun():
    doc, found = sources_of(
        "Brell tweeted that the vote was rigged.",
        "Activists of the progressive, Resist Brell movement marched on Sunday.",
        "“We will win,” he said.",
    )
    assert {speaker(found, a) for a in found.attributions} == {"Brell"}


def test_an_epithet_with_a_capitalised_title_is_the_person_given_that_title():
    doc, found = sources_of(
        "Sheriff Joe Marlow endorsed the governor on Monday.",
        "The self-styled America's Toughest Sheriff, who runs the county jail, said that the governor "
        "had done more than anyone.",
    )
    assert [speaker(found, a) for a in found.attributions] == ["Joe Marlow"]


def test_a_bare_plural_of_a_one_person_office_or_a_place_is_nobody_in_particular():
    doc, found = sources_of(
        "Presidents have declared national emergencies under the 1976 law.",
        "States might also respond to the ruling with new rules.",
        "Officials said the ruling would stand.",
    )
    assert [speaker(found, a) for a in found.attributions] == ["Officials"]


def test_a_base_form_cue_after_a_singular_noun_phrase_is_a_noun():
    doc, found = sources_of(
        "The president called his wall, a signature campaign promise, a matter of security.",
        "Nobody in the room wanted to lose on his signature campaign promise and risk the base.",
        "A provision they say could exclude single mothers remains in the plan.",
    )
    verbs = [a.verb for a in found.attributions]
    assert "promise" not in verbs
    assert "say" in verbs  # a pronoun before the cue keeps it a verb ("a provision they say")


def test_an_organisation_name_with_a_role_word_inside_is_named_whole():
    doc, found = sources_of(
        "The Harlow Police Department revealed Tuesday that a drug was found in the car.",
    )
    assert speaker(found, only(found)) == "Harlow Police Department"


def test_a_capital_after_an_opening_bracket_still_opens_the_sentence():
    doc, found = sources_of(
        "The ministry wants lower taxes, having promised them for years. (Having said that, some "
        "economists argue the rate matters less.)",
    )
    assert "Having" not in [speaker(found, a) for a in found.attributions]


def test_by_a_possessive_own_account_reports_the_possessor():
    doc, found = sources_of(
        "Mayor Ann Voss filed her forms on Monday. By her own account, the forms were incomplete.",
        "By Dale Corwin's own admission, his returns are far thicker than the report.",
        "By the time it ended, the hall was empty.",
    )
    assert [(speaker(found, a), content(doc, a)) for a in found.attributions] == [
        ("Ann Voss", "the forms were incomplete"),
        ("Dale Corwin", "his returns are far thicker than the report"),
    ]


def test_a_pronoun_resolved_only_to_a_party_descriptor_names_nobody():
    doc, found = sources_of(
        "The nominee spoke on Friday. The Republican is also encouraging his supporters to vote early.",
        "He said, “We have big plans.”",
        "He spoke later at the Harlow County Republican headquarters.",
    )
    assert [speaker(found, a) for a in found.attributions] == [""]


def test_a_cue_after_a_causative_and_its_object_reports_nothing():
    doc, found = sources_of(
        "One senator threatened to make Halden testify in a public setting.",
        "The channel works in ways that help Mr. Voss maintain his image.",
        "Mayor Ann Voss made the following comment: “We will rebuild.”",
    )
    assert [(a.verb, speaker(found, a)) for a in found.attributions] == [
        ("threatened", "One senator"), ("comment", "Ann Voss")]


def test_a_speaker_phrase_ends_before_the_time_or_the_participle_after_its_noun():
    doc, found = sources_of(
        "A Harlow University poll out this week shows Roe with an 8-point lead.",
        "Tom Vance, the county chairman, this past week announced a new website.",
        "Roe spent $80,000 on tickets, according to a Harlow Watchdog report released by the mayor's office.",
    )
    assert [speaker(found, a) for a in found.attributions] == [
        "A Harlow University poll", "Tom Vance", "a Harlow Watchdog report"]


def test_an_age_and_a_home_town_between_a_name_and_its_verb_are_passed_over():
    assert _speakers("Poll\n\n\u201cBoth of them scare me,\u201d Tom Ridley, 30, of Harlow, Ohio, who was "
                     "among those polled, said in an interview.\n") == ["Tom Ridley"]
    assert _speakers("Poll\n\n\u201cIt is close,\u201d Ada Roe, of Harlow, said.\n") == ["Ada Roe"]


def test_a_fronted_preposition_a_think_tank_and_two_adjectives_are_no_cut_speakers():
    doc, found = sources_of(
        "Roe must win big, according to Democratic and independent analysts.",
        "Among Democrats, about two-thirds of voters described themselves as liberals, with one in ten "
        "saying they are very liberal.",
        "Tom Vance, a founder of the think tank Harlow Forward, said Roe had avoided tacking left.",
    )
    speakers = [speaker(found, a) for a in found.attributions]
    assert "Democratic and independent analysts" in speakers and "Democratic" not in speakers
    assert "Among Democrats" not in speakers
    assert "Tom Vance" in speakers and not any("founder" in s for s in speakers)
    assert not any(a.verb == "think" for a in found.attributions)


def test_the_subject_of_a_relative_clause_without_that_speaks():
    doc, found = sources_of(
        "The party relies on Roe for a fifth of its income, an arrangement the Vance campaign has criticized."
    )
    assert [speaker(found, a) for a in found.attributions] == ["the Vance campaign"]
    doc, found = sources_of(
        "Nothing the mayor said would calm them.",
        "The turn was one nobody realized at the time.",
    )
    assert [speaker(found, a) for a in found.attributions] == ["the mayor"]  # "nobody" names no one


def test_a_verb_that_is_also_a_noun_ends_the_participles_subject():
    doc, found = sources_of(
        "The president left no doubt of his support for Roe, saying that nobody was more qualified.",
        "The state's general assembly met on Monday, saying the budget would pass.",
    )
    assert [speaker(found, a) for a in found.attributions] == [
        "The president", "The state's general assembly"]
