"""Cues and their content: where an attribution starts, who it names as speaker, what was said.

``Cues.find`` walks the article sentence by sentence. Each cue of ``framing.nlp.quotes.attribution_cues``
outside quotation marks is tested (a noun such as "the reports", a passive, a particle verb, a name
given by "called" are no attribution); its speaker phrase comes from ``phrases.SpeakerPhrases`` (before
the verb, after it when inverted, after "according to", or the subject of the clause a participle hangs
off) and its content from the rest of the sentence or the quotation next to the speaker. A cue with no
speaker is not an attribution. The result is a list of ``Raw`` attributions whose kinds and speakers are
settled afterwards (``framing.nlp.attribution.find_sources``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from framing.model import Quotation, Span
from framing.nlp.attribution.credits import filed_from, only_handles
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.phrases import SpeakerPhrases
from framing.nlp.attribution.subjects import ClauseSubjects
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.unsaid import added_to, hypothetical
from framing.nlp.attribution.words import (
    ADVERBIAL,
    ADVERBIAL_PREPOSITIONS,
    ASIDES,
    AUXILIARY_WORDS,
    BE,
    BOUNDARIES,
    CARRY_OVER,
    CAUSATIVES,
    CLAUSE_AFTER,
    CLAUSE_JOINS,
    COMPOUND_TAILS,
    CONTRACTED,
    DETERMINERS,
    LINKING_WORDS,
    NO_INFINITIVE,
    NOUN_ENDS,
    OBJECT_PRONOUNS,
    OWN_ACCOUNT,
    PARTICLES,
    PLURAL_NOUNS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    REFLEXIVES,
    RELATIVE,
    SINGULAR_OPENERS,
    SKIP_BEFORE_VERB,
    SUBORDINATORS,
    THING_SOURCES,
    Kind,
    adverb,
    base_form,
    cue_matcher,
    fold,
    has_capital,
    is_document,
    strip_possessive,
    verb_words,
)
from framing.nlp.matcher import Match
from framing.nlp.quotes import attribution_verbs

# "called" and its forms: also a name given or a telephone call (``Cues._names_or_phones``)
CALLS = frozenset("call calls called calling".split())
# Words after "called NAME" that say nothing of the name: a purpose, a time, a relative clause
AFTER_A_CALL = frozenset(
    """to and after before shortly earlier later last on which who that monday tuesday wednesday
    thursday friday saturday sunday morning evening night afternoon week weekend month year today
    yesterday""".split())


@dataclass
class Raw:
    """An attribution before kinds and speakers are settled."""

    start: int
    end: int
    cue: Match[str] | None
    mention: Phrase | None
    inherit: bool = False
    kind: Kind = "indirect"
    speaker: int = -1
    host: Raw | None = None  # the attribution a cue-less quotation of the same sentence continues
    borrowed: Phrase | None = None  # the speaker phrase of the attribution this one continues


class Cues:
    """Find one article's attributions (see the module docstring)."""

    def __init__(self, text: ArticleText, phrases: SpeakerPhrases) -> None:
        self.text, self.phrases = text, phrases
        self.subjects = ClauseSubjects(text)
        self.doc, self.tokens, self.words = text.doc, text.tokens, text.words
        self.previous: Raw | None = None  # the last attribution of an earlier sentence

    def find(self) -> list[Raw]:
        """Every attribution with a cue (or a headline colon), in text order, before kinds."""
        raws: list[Raw] = []
        cues = [
            m for m in cue_matcher().find_in(self.doc) if not self.doc.in_quotation(m.start, m.end)
        ]
        cue_index = 0
        for sentence in self.text.sentences:
            if self.doc.blocks[sentence.block].kind == "heading":
                continue
            in_sentence: list[Raw] = []
            own = self._by_own_account(sentence.first_token, sentence.end_token)
            if own is not None:
                in_sentence.append(own)
            while cue_index < len(cues) and cues[cue_index].first_token < sentence.end_token:
                cue = cues[cue_index]
                cue_index += 1
                capitalised_inside = (
                    cue.first_token > sentence.first_token
                    and has_capital(self.tokens[cue.first_token].text)
                    and self.doc.blocks[sentence.block].kind != "headline"  # Title Case Says
                )
                if cue.first_token >= sentence.first_token and not capitalised_inside:
                    raw = self._attribution(cue, sentence.first_token, sentence.end_token,
                                            in_sentence)
                    if raw is not None and not only_handles(self.text, raw.start, raw.end):
                        in_sentence.append(raw)
            if len(in_sentence) == 1 and in_sentence[0].cue is not None and hypothetical(
                    self.text, in_sentence[0].cue.first_token, sentence.first_token, sentence.end_token):
                in_sentence = []  # "By offering ..., X would show voters ...": the reporter imagines it
            for earlier, later in zip(in_sentence, in_sentence[1:]):
                self._stop_before(earlier, later)
            if not in_sentence and self.doc.blocks[sentence.block].kind == "headline":
                headline = self._headline_colon(sentence.first_token, sentence.end_token)
                in_sentence = [headline] if headline else []
            raws.extend(in_sentence)
            if in_sentence:
                self.previous = in_sentence[-1]
        return raws

    def _stop_before(self, earlier: Raw, later: Raw) -> None:
        """End an attribution's content where the next one of its sentence begins: before "and
        said" / ", adding", and before a new speaker joined by a conjunction or comma ("X agreed
        ..., but he said ...", "..., while 73 percent said ..."). A speaker right at the start of
        the content is nested ("X said the group wanted ...") and leaves it whole."""
        joint = later.cue.first_token - 1 if later.cue else -1
        if later.inherit or (later.mention is not None and joint >= 0
                             and self.words[joint] in CARRY_OVER):
            if earlier.start < self.tokens[joint].start < earlier.end:
                earlier.end = self.tokens[joint - 1].end
            return
        if later.mention is None or later.cue is None:
            return
        subject = min(first for first, _ in later.mention.ranges)
        join = subject - 1
        if subject >= later.cue.first_token or join < 0 or self.words[join] not in CLAUSE_JOINS:
            return
        while join > 0 and self.words[join - 1] in CLAUSE_JOINS:
            join -= 1
        if earlier.start < self.tokens[join].start < earlier.end:
            earlier.end = self.tokens[join - 1].end

    def _by_own_account(self, first: int, stop: int) -> Raw | None:
        """"By his own account, ...", "By Trump's own admission, ...": a sentence that opens with "by",
        a possessive name or pronoun, an optional "own" and a reporting noun (OWN_ACCOUNT) before a
        comma reports the possessor's words: the rest of the sentence."""
        words, tokens = self.words, self.tokens
        start = self.text.after_dateline(first, stop)
        if start + 4 >= stop or words[start] != "by":  # a dash alone is a "dateline" ending the text
            return None
        owner = start + 1
        end = owner
        if words[owner] in POSSESSIVE_PRONOUNS:
            end = owner + 1
        else:
            while end < min(stop, owner + 4) and has_capital(tokens[end].text) and tokens[end].is_word:
                end += 1
                if words[end - 1].endswith(("'s", "’s")):
                    break
            if end == owner or not words[end - 1].endswith(("'s", "’s")):
                return None
        noun = end + (words[end] == "own")
        if noun + 1 >= stop or words[noun] not in OWN_ACCOUNT or words[noun + 1] != ",":
            return None
        span = Span(tokens[owner].start, tokens[end - 1].end)
        if words[owner] in POSSESSIVE_PRONOUNS:
            pronoun = POSSESSIVE_PRONOUNS[words[owner]]
            mention = Phrase(span, [(owner, end)], pronoun=pronoun, gender=PRONOUNS[pronoun])
        else:
            name = [t.text for t in tokens[owner:end]]
            name[-1] = strip_possessive(name[-1].replace("’", "'"))
            mention = Phrase(span, [(owner, end)], name=name, person=True,
                             words={fold(w) for w in name})
        mention.text = self.doc.slice(span.start, span.end)
        end_token = stop
        while end_token > noun + 2 and not tokens[end_token - 1].is_word:
            end_token -= 1
        return Raw(tokens[noun + 2].start, tokens[end_token - 1].end, None, mention)

    def _headline_colon(self, first: int, stop: int) -> Raw | None:
        """'Pat Caddell: Voters Worried ...': a headline that opens with a name and a colon."""
        for colon in range(first + 1, min(stop, first + 6)):
            if self.words[colon] == ":":
                if not all(has_capital(self.tokens[i].text) for i in range(first, colon)):
                    return None
                mention = self.phrases.mention(first, colon, [], (first, stop))
                if mention is None or colon + 1 >= stop:
                    return None
                end = stop
                while end > colon + 1 and not self.tokens[end - 1].is_word:
                    end -= 1
                return Raw(self.tokens[colon + 1].start, self.tokens[end - 1].end, None, mention)
        return None

    def _attribution(self, cue: Match[str], first: int, stop: int,
                     earlier: list[Raw]) -> Raw | None:
        words = self.words
        verb, after = cue.first_token, cue.end_token
        while stop > first and not self.tokens[stop - 1].is_word and self.words[stop - 1] in ".!?":
            stop -= 1
        if words[verb] == "according":
            a, b, appositives = self.phrases.following(after, stop)
            if verb == first:  # "According to X, <content>": no appositive runs to the end, nor
                # holds a verb ("According to a study by Ada Roe, the recession is ..., but ...")
                appositives = [r for r in appositives if r[1] < stop and not any(
                    words[i] in BE or words[i] in AUXILIARY_WORDS for i in range(*r))]
            mention = self.phrases.mention(a, b, appositives, (first, stop), accept_any=True)
            if mention is None:
                return None
            if verb == first:
                start = max(r[1] for r in mention.ranges)
                while start < stop and words[start] == ",":
                    start += 1
                return self._raw_after(cue, start, stop, mention)
            return self._raw_before(cue, first, verb, mention)
        previous = verb - 1
        if previous >= first and (
            words[previous] in DETERMINERS | PREPOSITIONS | QUANTIFIERS
            or (words[previous].endswith("'s") and words[previous] not in CONTRACTED)
        ):
            return None  # "the reports", "of claims", "no warning", "Clinton's plans": a noun
        if after < stop and words[after] in PARTICLES or filed_from(self.text, verb, after, stop) \
                or added_to(self.text, verb, after):
            return None  # "showed up", "added to her lead": another verb; "reported from Kiev": a credit
        if after < stop and words[after] in COMPOUND_TAILS.get(words[verb], ()):
            return None  # "a founder of the think tank Third Way": a compound noun, no verb
        if after + 1 < stop and words[after + 1] == "by" and words[after].endswith("ed") and \
                self.tokens[after].text.islower() and is_document(self.tokens[verb].text):
            return None  # "a watchdog report released by the county shows": the document's noun
        if (after >= stop or words[after] in NOUN_ENDS) and self._noun_cue(verb, first):
            return None  # "his signature campaign promise": the head of a singular noun phrase
        if self._caused(verb, first):
            return None  # "threatened to make Kadzik testify": speech someone would cause, not report
        speech = cue.payloads[0] in attribution_verbs().verbs
        if not speech and previous >= first and words[previous] in BE:
            return None  # "the deal is expected to pass": nobody's expectation is named
        auxiliary = previous
        while auxiliary > first and adverb(words[auxiliary]):
            auxiliary -= 1
        if auxiliary >= first and words[auxiliary] in BE and words[verb].endswith(("ed", "told")):
            return None  # "was told", "was immediately dismissed": a passive names no speaker
        if words[verb] == "called" and after == verb + 1 and previous >= first and (
            words[previous] == "," and after < stop and has_capital(self.tokens[after].text)
        ):
            return None  # "The program, called EB-5, ...": a name, not speech
        if words[verb] in CALLS and self._names_or_phones(verb, after, stop, first):
            return None  # "a website called Real News Right Now", "she called Sanders to congratulate"
        tensed = words[verb] in ("said", "says", "told", "tells", "wrote", "writes") or (
            words[verb].endswith(("ed", "s"))
        )  # "..., state news agency MNA reported": "state" is never an inverted verb
        # "..., said X" (a phrasal verb is not inverted: "X, the leader, called on Y to resign")
        inverted = tensed and after == verb + 1 and previous >= first and words[verb] not in (
            "told", "tells", "tell") and (  # "..., told reporters": the listener, not the speaker
            words[previous] == "," or self.tokens[previous].end in self.text.by_end
        )
        if inverted:
            a, b, appositives = self.phrases.following(after, stop)
            # not a phrase opening with a preposition: "..., said at a House committee hearing"
            if b > a and words[a] not in ("that",) and words[a] not in LINKING_WORDS and (
                    b >= stop or words[b] in (",", ".", "—")):
                mention = self.phrases.mention(a, b, appositives, (first, stop))
                # after a comma (not a quotation) "..., noted the rule" is no speaker: it needs
                # a name, a role or an institution
                if mention is not None and (
                    self.tokens[previous].end in self.text.by_end or mention.name or mention.pronoun
                    or mention.person or mention.institution
                ):
                    return self._raw_before(cue, first, verb, mention)
        participle = self._participle(verb, first)
        if participle and after < stop and words[after] in REFLEXIVES:
            return None  # "a group calling itself the Observatory": a name, not speech
        a, b, appositives = self.phrases.subject(first, verb)
        # a finding's source is often a thing ("Video shows ...", "Projections suggest ...")
        mention = None if participle else self.phrases.mention(
            a, b, appositives, (first, stop), accept_any=cue.payloads[0] in THING_SOURCES)
        if mention is None:
            carried = participle or (previous >= first and words[previous] in CARRY_OVER)
            if not carried:
                return None
            if earlier:
                raw = self._raw_after(cue, after, stop, None)
                raw.inherit = True
                raw.borrowed = earlier[-1].mention or earlier[-1].borrowed
                return raw
            # "Foreign Minister Tomas Brell called the attack ... and said ...", "Iran threw its
            # support behind the strikes, describing them as ...": the subject of the clause
            a, b = self.subjects.find(first, verb)
            mention = self.phrases.mention(a, b, [], (first, stop))
            if mention is None and participle and self.previous is not None and (
                self.text.block(first) == self.text.block(self.previous.cue.first_token)
                if self.previous.cue else False
            ):  # no credible subject: the previous speaker of the paragraph, never the predicate
                raw = self._raw_after(cue, after, stop, None)
                raw.inherit = True
                raw.borrowed = self.previous.mention or self.previous.borrowed
                return raw
            return None if mention is None else self._raw_after(cue, after, stop, mention)
        if not speech and a > first and words[a - 1] in ("what", "whatever"):
            return None  # "below what she wants": the object is what is wanted, no content
        content_first = self._content_start(cue, after, stop)
        if words[content_first:content_first + 1] in (("to",), ("not",)) and (
            words[content_first] == "not" or words[verb] in NO_INFINITIVE
        ):  # "asked not to be named", "told to leave": no speech reported (but "vowed to ...")
            return None
        before_subject = a - 1 if a > first else None
        after_quote = before_subject is not None and (
            self.tokens[a - 1].end in self.text.by_end
            or (words[a - 1] == "," and self.tokens[a - 2].end in self.text.by_end)
        )
        if not after_quote and content_first + 1 < stop and words[content_first] in (",", ":") and (
            self.tokens[content_first + 1].start in self.text.by_start
        ):  # "Trump boasted, “That makes me smart.”" (but not “A,” he said, “B.”)
            return self._raw_after(cue, content_first + 1, stop, mention)
        ends_clause = content_first >= stop or words[content_first] == "," or (
            words[content_first].endswith("ing") and content_first > after
            and words[content_first - 1] == ","
        )
        if after_quote and not ends_clause:
            rest = words[content_first:stop]
            ends_clause = "that" not in rest and not any(
                self.tokens[i].start in self.text.by_start for i in range(content_first, stop)
            )  # “...,” Varga told supporters in Rensk.
        if ends_clause and before_subject is not None:
            if not speech:
                return None  # "the hit show. They described ...": a position is stated after
            if content_first < stop and words[a - 1] == "," and words[content_first] == "," and (
                self.tokens[a - 2].end not in self.text.by_end
            ) and not self._aside_after(content_first + 1, stop):
                # "But to prevent problems, he said, the plan ...": the whole sentence (not "...,
                # lawmakers said Friday, as they bristled ...": the clause before)
                start = self.text.after_dateline(first, stop)
                return Raw(self.tokens[start].start, self.tokens[stop - 1].end, cue, mention)
            if words[a - 1] == "as" and content_first + 1 < stop and words[content_first] == ",":
                if a - 1 == self.text.after_dateline(first, a):  # "As experts noted, the rule ..."
                    raw = self._raw_after(cue, content_first + 1, stop, None)
                    raw.mention = mention
                    return raw
                # "Hawaii, as an adviser pointed out, rarely gets ...": the whole sentence
                start = self.text.after_dateline(first, stop)
                return Raw(self.tokens[start].start, self.tokens[stop - 1].end, cue, mention)
            return self._raw_before(cue, first, a, mention)
        if a > first and words[a - 1] in SUBORDINATORS:
            # "While Republicans have suggested ..., Mr. Obama is ...": the subordinate clause ends
            # at its comma
            index = bisect_left(self.text.plain_commas, after)
            if index < len(self.text.plain_commas) and self.text.plain_commas[index] < stop:
                stop = self.text.plain_commas[index]
        if ends_clause and content_first >= stop and a == first:
            # “How many times must we see this?” Clinton said.: the segmenter ended the sentence
            # at the quotation's "?" or "!", so its speaker opens the next one
            closing = self._quotation_before(first)
            if closing is not None:
                return Raw(closing.inner_start, closing.inner_end, cue, mention)
        return self._raw_after(cue, after, stop, mention)

    def _quotation_before(self, first: int) -> Quotation | None:
        """The quotation that ends right before token ``first``, in the same paragraph."""
        if first == 0:
            return None
        closing = self.text.by_end.get(self.tokens[first - 1].end)
        if closing is None or self.text.block(first - 1) != self.text.block(first):
            return None
        return closing

    def _aside_after(self, index: int, stop: int) -> bool:
        """The reporter's aside (ASIDES) opens at ``index``: "..., as they bristled at ..."."""
        if index >= stop:
            return True
        word = self.words[index]
        return word in ASIDES

    def _noun_cue(self, verb: int, first: int) -> bool:
        """A cue in its base form ("promise", "claim") that ends its clause (the caller checks: a
        comma, "and", a stop follows) after a singular noun phrase that opens with "a", "this" or a
        possessive pronoun ("his signature campaign promise and ...", "a signature campaign promise,
        ...") is that phrase's head noun: a singular subject would take "promises". A plural head ("his aides
        say"), an adverb before the cue ("his family still say"), a coordination ("he and his wife
        say") or an auxiliary ("does his campaign claim") before the phrase keeps the verb."""
        words = self.words
        word = words[verb]
        if not base_form(word):
            return False
        head = verb - 1
        if head <= first or not self.tokens[head].is_word or words[head] in SINGULAR_OPENERS | \
                AUXILIARY_WORDS | SKIP_BEFORE_VERB or adverb(words[head]):
            return False
        if words[head].endswith("s") and not words[head].endswith("ss") or words[head] in PLURAL_NOUNS \
                or words[head] in PRONOUNS or words[head] in CONTRACTED:  # "a provision they say"
            return False
        index = head
        while index > max(first, head - 4) and self.tokens[index].is_word and words[index] not in (
                BOUNDARIES | PREPOSITIONS | SINGULAR_OPENERS) and not words[index].endswith("'s"):
            index -= 1
        if words[index] not in SINGULAR_OPENERS:
            return False
        before = words[index - 1] if index > first else ""
        return before not in CARRY_OVER | AUXILIARY_WORDS

    def _names_or_phones(self, verb: int, after: int, stop: int, first: int) -> bool:
        """"called" and a capitalised name with nothing said of it: a name given ("a super PAC called
        Future 45 ran ads", "a company called Sansun USA, owned by ...") or a telephone call ("she
        called Sanders to congratulate him", "he called Haugland earlier this month"). The name
        (capitalised words, "of", "&") ends the sentence, or "to", "and", a relative pronoun, a time
        or a past participle follows it (AFTER_A_CALL); or "called" follows an indefinite noun ("a
        company called ...", not "an open letter calling Trump unfit"). A complement keeps the cue:
        a determiner, a quotation, a possessive or another word after the name ("called Trump a
        liar", "called Haley “weak”", "called Clinton's remarks ...", "called Clinton dishonest",
        "called Clinton, his rival, a liar"); so does a phrasal cue ("called on Congress to act") and
        a title-case headline."""
        words, tokens = self.words, self.tokens
        if after != verb + 1 or self.doc.blocks[self.text.block(verb)].kind == "headline":
            return False  # "called on Congress to ...", "Trump Calls On Obama To Resign" (title case)
        end = after
        while end < stop and tokens[end].is_word and (
                has_capital(tokens[end].text) or words[end] in ("of", "&") and end > after):
            if words[end].endswith(("'s", "’s")):
                return False  # "called Clinton's remarks ...": the object's owner
            end += 1
        if end == after or words[end - 1] in ("of", "&"):
            return False
        if words[verb] == "called" and self._indefinite_thing(verb - 1, first):
            return True  # "a company called ...", "one PAC called ...", "An anti-Trump super PAC called"
        if end >= stop or words[end] in (".", ";"):
            return True
        following = words[end]
        return following in AFTER_A_CALL or (following.endswith("ed") and tokens[end].text.islower())

    def _indefinite_thing(self, head: int, first: int) -> bool:
        """``head`` ends a noun phrase opened by "a", "an", "another" or "one" within four words, of
        words only, and is no role word: "a company", "An anti-Trump super PAC" (not "a spokesman",
        "a man who")."""
        words, tokens = self.words, self.tokens
        if head <= first or not tokens[head].is_word or words[head] in RELATIVE | PRONOUNS.keys() \
                or self.phrases.person_role_at(head):
            return False
        for index in range(head - 1, max(first, head - 5) - 1, -1):
            if not tokens[index].is_word or words[index] in RELATIVE:
                return False
            if words[index] in ("a", "an", "another", "one"):
                return True
        return False

    def _caused(self, verb: int, first: int) -> bool:
        """A cue in its base form whose subject, a name or an object pronoun, follows a causative verb
        ("to make Kadzik testify", "in ways that help Mr. Putin maintain", "let them know"): the
        speaking is caused or allowed, not reported ("made the following comment" keeps its noun)."""
        words, tokens = self.words, self.tokens
        word = words[verb]
        if not base_form(word):
            return False
        index = verb - 1
        while index > max(first, verb - 5) and words[index] not in CAUSATIVES and tokens[index].is_word \
                and (has_capital(tokens[index].text) or words[index] in OBJECT_PRONOUNS):
            index -= 1
        return index < verb - 1 and words[index] in CAUSATIVES and tokens[index].text.islower()

    def _participle(self, verb: int, first: int) -> bool:
        """An -ing cue hanging off a clause (", adding that ...", "... the strikes describing them
        as ...", "after saying ..."), not a progressive ("was saying") nor a noun ("the warning",
        ruled out before): its speaker is the subject of that clause, never a phrase before it."""
        if not self.words[verb].endswith("ing") or verb <= first:
            return False
        previous = verb - 1
        while previous > first and self.words[previous] in SKIP_BEFORE_VERB - BE:
            previous -= 1
        return self.words[previous] not in BE and self.words[previous] not in CONTRACTED
    def _content_start(self, cue: Match[str], after: int, stop: int) -> int:
        """Skip the object of "told" and adverbials ("on Tuesday in a statement") up to "that"."""
        index, after_preposition = after, False
        # In a Title Case headline every word is capitalised: none is a skipped name
        title_case = after < stop and self.doc.blocks[self.text.block(after)].kind == "headline"
        while index < stop and index - after < 10 and self.tokens[index].start not in self.text.by_start:
            word = self.words[index]
            if word in ADVERBIAL or (has_capital(self.tokens[index].text) and not title_case) or (
                after_preposition and word in DETERMINERS
            ):
                after_preposition = word in ADVERBIAL_PREPOSITIONS or (
                    after_preposition and word in DETERMINERS
                )
                index += 1
            else:
                break
        if index < stop and self.words[index] in ("that", ":"):
            return index + 1
        if index < stop and self.words[index].endswith("ing") and (
            index > after or self.words[index] in verb_words()
        ):  # "said on Thursday, adding ...", "said adding ...": the verb closes its clause
            return stop
        if index < stop and self.words[index] in CLAUSE_AFTER:
            return stop  # "said before he died", "said Friday as she left": no content after
        if index >= stop or self.words[index] == ",":
            return index
        if self.words[cue.first_token] in ("told", "tell", "tells", "telling"):
            for look in range(index, min(stop, index + 10)):  # "told a news conference that"
                if self.words[look] in (",", ":") or self.tokens[look].start in self.text.by_start:
                    break
                if self.words[look] == "that":
                    return look + 1
            return index
        return after if self.words[after:after + 1] != (":",) else after + 1

    def _raw_after(self, cue: Match[str], start: int, stop: int, mention: Phrase | None) -> Raw:
        start = self._content_start(cue, start, stop) if mention is not None else start
        if start < stop and self.words[start] == "that":
            start += 1
        if start >= stop:
            last = self.tokens[stop - 1] if stop > 0 else self.tokens[cue.end_token - 1]
            following = self._quotation_after(last.end) if last.text == ":" else None
            if following is not None:  # "The New York Times reports:" + a quoted paragraph
                return Raw(following.inner_start, following.inner_end, cue, mention)
            return Raw(self.tokens[cue.end_token - 1].end, self.tokens[cue.end_token - 1].end,
                        cue, mention)
        opening = self.text.by_start.get(self.tokens[start].start)
        if opening is None:  # "..., which forced her to ...": the reporter's aside, not content
            aside = bisect_left(self.text.aside_commas, start + 1)
            if aside < len(self.text.aside_commas) and self.text.aside_commas[aside] < stop:
                stop = self.text.aside_commas[aside]
        end = self.tokens[stop - 1].end
        if opening is not None:
            end = max(end, opening.inner_end)
        return Raw(self.tokens[start].start, end, cue, mention)

    def _quotation_after(self, offset: int) -> Quotation | None:
        index = bisect_left(self.text.quotation_starts, offset)
        if index == len(self.doc.quotations):
            return None
        quotation = self.doc.quotations[index]
        return quotation if not self.doc.slice(offset, quotation.start).strip() else None

    def _raw_before(self, cue: Match[str], first: int, before: int,
                    mention: Phrase | None) -> Raw:
        """Content ending before ``before`` (the speaker or the verb): a quotation or the clause."""
        end = before
        while end > first and self.words[end - 1] in (",", "—", ":"):
            end -= 1
        closing = self.text.by_end.get(self.tokens[end - 1].end) if end > first else None
        if closing is None and end > first and self.words[end - 1] == "," and end - 1 > first:
            closing = self.text.by_end.get(self.tokens[end - 2].end)
        if closing is not None:
            return Raw(closing.inner_start, closing.inner_end, cue, mention)
        first = self.text.after_dateline(first, end)
        if end <= first:
            return Raw(self.tokens[first].start, self.tokens[first].start, cue, mention)
        return Raw(self.tokens[first].start, self.tokens[end - 1].end, cue, mention)
