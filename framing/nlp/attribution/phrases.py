"""Candidate speaker spans: the phrase before or after a cue, and what it says about its speaker.

``SpeakerPhrases`` reads the tokens around a cue: the subject before the verb ("the ministry said"),
the phrase after it ("..., said Kremlin spokesman Dmitry Peskov") or after "according to", the subject
opening a clause a participle hangs off ("Iran threw its support ..., describing it as ..."). ``mention``
then describes such a span as a ``Phrase``: pronoun, personal name, role and institution words, type,
gender, side candidates, anonymity; a span that names nobody is no speaker (None).
"""

from __future__ import annotations

from framing.model import Span, Token
from framing.nlp.attribution.heads import Heads
from framing.nlp.attribution.phrase_names import NOT_A_HEAD, NameRuns, Phrase, listed_across_and
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import (
    BOUNDARIES,
    CLAUSE_HEAD_PRONOUNS,
    CONTRACTED,
    DAYS,
    DETERMINERS,
    FRONTED_PREPOSITIONS,
    INDEFINITE,
    LINKING_WORDS,
    MAX_OBJECT,
    MAX_SUBJECT,
    PHRASE_OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE,
    SKIP_BEFORE_VERB,
    TIME_HEADS,
    TIME_LINKS,
    TIME_OPENERS,
    TIME_WORDS,
    adjective_like,
    adverb,
    age_or_home,
    anonymity_matcher,
    fold,
    fold_normalised,
    generic_plural,
    has_capital,
    is_document,
    is_speaker_noun,
    office_left,
    role_matcher,
    verb_words,
)
from framing.nlp.names import FORMER, OFFICE_TYPES, ORG_WORDS, is_given_name, is_qualifier
from framing.nlp.words import CALENDAR_WORDS

SUBJECT_PRONOUNS = frozenset("he she they we i".split())
# A phrase opening with a negation names nobody ("no senator had called"), nor one that opens with
# an infinitive or a preposition and has no name ("to remain in the race")
NEGATIVES = frozenset("no none nobody neither".split())
OPENERS = frozenset("to in on with without of at from according under during into".split())
LINKS = frozenset("of for to".split())  # in an appositive, a role word after these names someone else
# What opens an appositive after a speaker's comma: a determiner, but not "that", which after a comma
# opens the reported clause ("according to officials, that the government has filed suit")
APPOSITIVE_OPENERS = DETERMINERS - {"that"}
# Words after which a lower-case word is a verb, not the start of a noun phrase ("didn't sway lawmakers")
OBJECT_OPENERS = DETERMINERS | {"no"}  # "left no doubt", "left the room": a verb's object follows
AUXILIARIES = frozenset("do does did will would could can should might must not never".split())
# What follows a participle that modifies a document noun ("a poll released in May", "conducted by")
MODIFIER_OPENERS = PREPOSITIONS | TIME_OPENERS | DAYS | {"by"}
PRODUCER_LINKS = frozenset({"by", "from"})  # a document's producer after it: "a report by/from X"
# Prepositions that open a time expression closing a phrase ("an attorney in June 2016")
TIME_PREPOSITIONS = frozenset("in on at since during until by".split())


class SpeakerPhrases:
    """Find and describe speaker phrases in one article (see the module docstring)."""

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.doc, self.tokens, self.words = text.doc, text.tokens, text.words
        self.role_words = text.role_words
        self.names = NameRuns(text)
        self.heads = Heads(text, self._walk_back, self.person_role_at)

    def subject(self, sentence_first: int, verb: int) -> tuple[int, int, list[tuple[int, int]]]:
        """The phrase before a verb: (first, end) tokens and appositives; first == end when none."""
        end = self._skip_before_verb(sentence_first, verb)
        if end - 1 >= sentence_first and self.words[end - 1] in SUBJECT_PRONOUNS:
            return end - 1, end, []  # "... in an interview with RT he blasted": the pronoun speaks
        appositives: list[tuple[int, int]] = []
        closing = self._dash_ending(end, sentence_first)
        if closing < end:  # "Kall -- co-editor of a book on the debates -- said"
            opening = closing
            while opening > sentence_first and closing - opening < 25 and (
                self._dash_ending(opening, sentence_first) == opening
            ):
                opening -= 1
            start = self._dash_ending(opening, sentence_first)
            if start < opening and start > sentence_first:
                appositives.append((opening, closing))
                end = start
        while end > sentence_first and self.words[end - 1] == "," and len(appositives) < 3:
            comma = end - 1
            previous = comma - 1
            while previous > sentence_first and self.words[previous] != ",":
                previous -= 1
            if self.words[previous] != "," or comma - previous > 25:
                break
            appositives.append((previous + 1, comma))
            end = previous
        if end - 1 > sentence_first and self.words[end - 1] in ("who", "whom", "which"):
            # "a designer who said ...": the antecedent speaks; the mention includes "who"
            before = end - 1
            if self.words[before - 1] == "," and before - 1 > sentence_first:
                before -= 1
            antecedent = self._walk_back(sentence_first, before)
            # "paying an architect who said": the antecedent starts at its last determiner, or
            # after its last "of" ("the support of Republicans who"; but "many of whom")
            antecedent = next((i + (self.words[i] == "of")
                               for i in range(before - 2, antecedent - 1, -1)
                               if self.words[i] in DETERMINERS or self.words[i] == "of"),
                              antecedent)
            head = self.heads.person_before_of(sentence_first, antecedent, end - 1)
            if head < antecedent:  # "Ann Roe, a graduate of Yale Law School who": Ann Roe
                named = self.heads.named_before(sentence_first, head)
                if named is not None:
                    return named[0], named[1], appositives + [(head, end)]
                antecedent = head
            if antecedent < before and any(self.words[i] not in DETERMINERS
                                           for i in range(antecedent, before)):
                return antecedent, end, appositives
        first = self._walk_back(sentence_first, end)
        listed = self.heads.listed_object(sentence_first, first, end)
        if listed is not None:  # "Most voters in Ohio, Iowa and Utah said": the voters
            first, end = listed
        steps = 0  # "Harry Bond, 30, of Raleigh, N.C., who ..., said": past an age and a home town
        while steps < 3 and first - 1 > sentence_first and self.words[first - 1] == "," and \
                age_or_home([t.text for t in self.tokens[first:end]]):
            earlier = self._walk_back(sentence_first, first - 1)
            if earlier - 1 > sentence_first and self.words[earlier - 1] == "of":
                earlier -= 1
            if earlier >= first - 1:
                break
            appositives.append((first, end))
            first, end, steps = earlier, first - 1, steps + 1
        if first - 1 > sentence_first and self.words[first - 1] == "and" and first < end:
            # "Experts on Korea and nuclear arms said": a coordinated subject opening the clause
            earlier = self._walk_back(sentence_first, first - 1)
            if earlier < first - 1 and earlier == self.text.after_dateline(sentence_first, end) and (
                self.text.has_role(earlier, first - 1) and not any(  # not "The jets struck the depot"
                    self.words[i] in DETERMINERS and self.words[i - 1] not in LINKING_WORDS
                    and not has_capital(self.tokens[i - 1].text) for i in range(earlier + 1, first)
                )
            ):
                first = earlier
        # "A Western diplomat in the capital, Lenhart, said": a bare name after a described phrase
        while first - 1 > sentence_first and self.words[first - 1] == "," and len(appositives) < 3:
            earlier = self._walk_back(sentence_first, first - 1)
            if earlier == first - 1 or self.text.has_role(first, end) or not self.text.has_role(
                earlier, first - 1
            ) or (earlier > sentence_first and self.words[earlier - 1] in BOUNDARIES) or (
                self.words[earlier].endswith("ing") or self.words[earlier] in LINKING_WORDS
                or self.words[earlier] in FRONTED_PREPOSITIONS
                or earlier > sentence_first and self.words[earlier - 1].endswith("ing")
            ):  # not a clause: "when Congress cut funding, Mexico said", "Facing ..., many said",
                # "without the backing of the Senate, Schatz noted", "announcing his opposition"
                break
            appositives.append((first, end))
            first, end = earlier, first - 1
        if first == end and appositives:  # "“...,” said X": the comma belongs to the content
            return verb, verb, []
        return first, end, appositives

    def _skip_before_verb(self, sentence_first: int, verb: int) -> int:
        """Where the subject ends: before auxiliaries and adverbs next to the verb ("has also
        said", "quickly called") and time expressions ("on Wednesday said", "has at times said")."""
        words, end = self.words, verb
        while end > sentence_first:
            word = words[end - 1]
            if word in SKIP_BEFORE_VERB and not _month_surname(self.tokens, end - 1) or adverb(word):
                end -= 1
            elif word in DAYS and not self.tokens[end - 1].text.isupper() or (
                    word in TIME_WORDS and self.tokens[end - 1].text.islower()):
                end -= 1  # "Wednesday", "at times" (not "WEDNESDAY" in a dateline, "The Times")
                while end > sentence_first and (words[end - 1] in TIME_OPENERS
                                                or words[end - 1] in TIME_LINKS):
                    end -= 1  # also "this past week", "a poll out this week"
            else:
                return end
        return end

    def _dash_ending(self, end: int, sentence_first: int) -> int:
        """The first token of a dash ("—", "–" or "--") that ends at ``end``; ``end`` if none."""
        if end - 1 >= sentence_first and self.words[end - 1] in ("—", "–"):
            return end - 1
        if end - 2 >= sentence_first and self.words[end - 1] == self.words[end - 2] == "-":
            return end - 2
        return end

    def _walk_back(self, sentence_first: int, end: int) -> int:
        first = head = end  # MAX_SUBJECT counts from the head: a document's producer is extra
        while first > sentence_first and head - first < MAX_SUBJECT:
            word, token = self.words[first - 1], self.tokens[first - 1]
            if word == ")":  # "Sen. David Perdue (R-Ga.) said"
                opening = first - 1
                while opening > max(sentence_first, first - 10) and self.words[opening] != "(":
                    opening -= 1
                if self.words[opening] != "(" or opening == sentence_first:
                    break
                first = opening
                continue
            lower = not has_capital(token.text)
            document = self._document_before(first - 1, sentence_first) if lower else -1
            if document >= 0:  # "a report by the institute said", "exit polls conducted for ..."
                first = head = document  # (a document noun may be a cue word: "report")
                continue
            boundary = word in BOUNDARIES and not _month_surname(self.tokens, first - 1) and not (
                has_capital(self.tokens[end - 1].text)  # the phrase ends in the name, no role noun after
                and listed_across_and(self.tokens, first - 1))  # "Theresa May", "Immigration and Customs ...
            if not token.is_word or boundary or lower and (word in verb_words() and not (
                    first - 2 >= sentence_first and self.words[first - 2] in DETERMINERS and is_document(
                        word)) or word.endswith("ed") and not self.text.has_role(first - 1, first)):
                break
            if first < end and self.words[first] in PHRASE_OPENERS and lower and (
                word not in LINKING_WORDS
            ):
                break
            first -= 1
        return first

    def _document_before(self, index: int, sentence_first: int) -> int:
        """The index of a lower-case document noun before "by", "from" or a past participle at
        ``index`` ("a report by", "a report from", "a study published by", "polls conducted for"; a
        preposition or time word follows a participle: not "after the polls closed officials said"),
        or of one that opens the sentence before "by" or "from" ("Data from the agency show"); -1 if
        none."""
        words, by = self.words, self.words[index] in PRODUCER_LINKS
        if not by and not (words[index].endswith("ed") and words[index + 1:index + 2] and
                           words[index + 1] in MODIFIER_OPENERS):
            return -1
        before = index - 1 - (by and index - 1 > sentence_first and words[index - 1].endswith("ed"))
        token = self.tokens[before] if before >= sentence_first else None
        lowered = token is not None and (token.text.islower() or (by and before == sentence_first))
        return before if token is not None and lowered and is_document(token.text.lower()) else -1

    def following(self, start: int, stop: int) -> tuple[int, int, list[tuple[int, int]]]:
        """The phrase after a verb or "according to": (first, end) tokens and one appositive."""
        end = head = start  # MAX_OBJECT counts from a document's producer, if any
        while end < stop and end - head < MAX_OBJECT:
            word, token = self.words[end], self.tokens[end]
            if word in ("and", "or") and end > start and (all(
                    is_qualifier(self.tokens[i].text) for i in range(start, end)) or head > start
                    and end + 1 < stop and has_capital(self.tokens[end + 1].text)):
                end += 1  # "according to Democratic and independent analysts": two adjectives;
                continue  # "a study by Ada Roe and Tom Bell": two producers
            if word in PRODUCER_LINKS and end > start and self._document_before(end, start) == end - 1:
                end = head = end + 1  # "according to a report by the institute"
                continue
            if not token.is_word or (word in BOUNDARIES and end > start):
                break
            if word in ("on", "in", "at") and not (
                end + 1 < stop and (has_capital(self.tokens[end + 1].text)
                                    or self.words[end + 1] in DETERMINERS)
            ):
                break
            end += 1
        appositives: list[tuple[int, int]] = []
        position = end
        while len(appositives) < 2 and position + 1 < stop and self.words[position] == "," and (
            self.words[position + 1] in APPOSITIVE_OPENERS or self.words[position + 1].isdigit()
        ):  # "said Mirela Dask, 54, a shopkeeper ..."
            close = position + 1
            while close < stop and self.tokens[close].is_word or (
                close < stop and self.words[close] in ("'", "’", "-")
            ):
                close += 1
            appositives.append((position + 1, close))
            position = close
        return start, end, appositives

    def mention(self, first: int, end: int, appositives: list[tuple[int, int]],
                 sentence: tuple[int, int], accept_any: bool = False) -> Phrase | None:
        """Describe a speaker phrase; None if it names nobody (no name, role, pronoun)."""
        first, end = self._noun_phrase(first, end)
        if first >= end:
            return None
        tokens, words = self.tokens, self.words
        span = Span(tokens[first].start, tokens[end - 1].end)
        mention = Phrase(span, [(first, end), *appositives])
        mention.text = self.doc.slice(span.start, span.end)
        pronoun = CONTRACTED.get(words[first], words[first]) if end - first == 1 else ""
        if pronoun in PRONOUNS:
            mention.pronoun = pronoun
            mention.gender = PRONOUNS[pronoun]
            return mention
        core_roles = 0
        head_role = False  # the phrase ends in a role word ("... the Vermont senator")
        # a document's producer ("a study published by Ada Roe") is no name or role of the phrase
        produced = next((d + 1 for i in range(first + 1, end) if words[i] in PRODUCER_LINKS
                         for d in [self._document_before(i, first)] if d >= 0), end)
        for index, (a, b) in enumerate(mention.ranges):
            if words[a] in RELATIVE:
                continue
            if index == 0:
                b = produced  # (its words are not the document's: "prosecutors" never joins it)
            else:  # an appositive ends at its relative clause: "a nurse who voted for the governor"
                b = next((i for i in range(a + 1, b) if words[i] in RELATIVE), b)
            matches = role_matcher().find(tokens, a, b, words=self.role_words)
            linked = next((i for i in range(a, b) if words[i] in LINKS), b) if index else b
            covered = {i for m in matches for i in range(m.first_token, m.end_token)}
            head_role = head_role or (index == 0 and end - 1 in covered)
            for match in matches:
                for role in match.payloads:
                    if role.kind in ("role", "institution") and index == 0:
                        core_roles += 1
                        mention.person |= role.kind == "role"
                        mention.institution |= role.kind == "institution"
                    if role.gender:
                        mention.gender = role.gender
                    if match.first_token > linked + 1 and role.kind == "role" and \
                            tokens[match.first_token - 1].text[:1].isupper():
                        continue  # a word of a name: "a spokesman for the United Mine Workers"
                    if role.type and not (role.type in OFFICE_TYPES and (
                            office_left(words, match.first_token, a) or index > 0 and any(
                                words[i] in FORMER for i in range(a, match.first_token)))):
                        # an appositive of an office left: "a former official in the administration"
                        mention.type = role.type  # last match wins: the head of the phrase
                matched = range(match.first_token, match.end_token)
                mention.words.update(fold_normalised(words[i]) for i in matched)
            self.names.read(mention, a, b, covered, index == 0, sentence[0])
            if index == 0:  # "the committee" must be able to find "the Helsinki Committee"
                mention.words.update(
                    fold_normalised(words[i]) for i in range(a, b)
                    if tokens[i].is_word and words[i] not in DETERMINERS
                )
        head = words[produced - 1]  # a document's noun, not its producer's ("a review by The Times")
        if end - first == 1 and generic_plural(head):
            return None  # "Presidents have declared ...", "States might respond": nobody in particular
        if words[first] in NEGATIVES or not mention.name and (words[first] in OPENERS or (
                not head_role and (head in TIME_HEADS or adjective_like(head)))):
            return None  # "to remain ...", "no senator", "this week", "his controversial (comments)",
            # "Michigan Rep. Rashida Tlaib's vulgar (comments)"
        mention.definite = words[first] not in INDEFINITE and (
            words[first] in DETERMINERS or words[first].endswith("'s") or bool(mention.name)
        )
        mention.bare_plural = words[first] not in DETERMINERS and words[end - 1].endswith("s")
        sentence_matches = self.text.anonymity.get(sentence)
        if sentence_matches is None:  # once per sentence, not once per speaker phrase in it
            sentence_matches = anonymity_matcher().find(tokens, sentence[0], sentence[1], words=words)
            self.text.anonymity[sentence] = sentence_matches
        mention.anonymous_cue = any(first <= m.first_token for m in sentence_matches)
        described = words[end - 1] not in DETERMINERS and (
            (end - first > 1 and (words[first] in DETERMINERS or words[first].endswith("'s")))
            or (end - first <= 3 and words[end - 1].endswith("s") and words[end - 1] != "its")
            or (end - first == 2 and words[first][:1].isdigit() and words[end - 1] == "percent")
        )  # "the bank", "Connecticut's tax commissioner", "critics", "63 percent" (of a poll)
        if self.text.in_headline(first):
            described = False  # title case: "Mueller Statement Disputes" is no description
        if not (mention.name or core_roles or accept_any or described):
            return None
        if mention.name and not core_roles and any(
            m.kind == "role" for r in mention.ranges[1:] if words[r[0]] not in RELATIVE
            for match in role_matcher().find(tokens, r[0], r[1], words=self.role_words) for m in
            match.payloads
        ):
            mention.person = True  # "Helen Marsh, a spokesperson for ..."
        if mention.name and not mention.person:
            # "Karvonia said", "the Federated States said": an organisation or place named as
            # itself,
            # unless a person of that surname has spoken (settled when merging).
            if words[first] == "the" or len(mention.name) == 1:
                if len(mention.name) == 1 and words[first] != "the":
                    mention.own_side = mention.name[0]
                mention.institution = words[first] == "the" or fold(
                    mention.name[-1]) not in self.text.capitalised_mid
            elif fold(mention.name[-1]) in ORG_WORDS:
                mention.institution = True  # "House Judiciary Committee said": a body, not a person
            else:
                mention.person = True
        return mention

    def _noun_phrase(self, first: int, end: int) -> tuple[int, int]:
        """The noun phrase a speaker span holds (docs/analyzers/sources.md, "Who can be a speaker"):
        without leading punctuation, a verb before the antecedent of "who" ("didn't sway lawmakers,
        who"), a plural
        noun before a role word ("what changes lawmakers will add"), a leading time expression
        ("the same day the Vermont senator"), a trailing one ("an attorney in June 2016 who") or
        the predicate of a clause ("Trump cast his presidency", "He left the Patrick
        administration": a subject, a lower-case word that is no role and a determiner; "a
        spokesman e-mailed to": a role word, a past tense and "to" or a determiner)."""
        words, tokens = self.words, self.tokens
        while first < end and not tokens[first].is_word and words[first] not in ("(", "'", "’"):
            first += 1  # a dash after a dateline ("WASHINGTON –- The White House")
        if 0 < first < end - 2 and words[first - 1] == "whose" and tokens[first].text.islower() and (
                has_capital(tokens[first + 1].text) or words[first + 1] in DETERMINERS):
            first += 1  # "whose work Mr. Trump's advisers often cite": "work" is the object
        stop = end - 1 if end - 1 > first and words[end - 1] in RELATIVE else end
        if first + 1 < stop and tokens[first].text.islower() and words[first] not in DETERMINERS and (
            stop < end and first > 0 and (words[first - 1] in AUXILIARIES
                                          or words[first - 1].endswith("n't"))
            or words[first].endswith("s") and self.role_at(first + 1) and not self.role_at(first)
        ):
            first += 1  # "didn't sway lawmakers, who", "what changes lawmakers will add"
        if first + 1 < stop and words[first] in CLAUSE_HEAD_PRONOUNS and words[first + 1] in (
                DETERMINERS | SUBJECT_PRONOUNS | NEGATIVES):
            first += 1  # "Nothing the president said": the clause's subject speaks ("nobody": no one)
        if first < stop and words[first] in ("a", "an", "the"):  # "an arrangement the Sanders campaign has"
            inner = next((i for i in range(first + 2, min(stop - 1, first + 5))
                          if words[i] in ("the", "a", "an") and tokens[i - 1].text.islower()
                          and tokens[i - 1].is_word and words[i - 1] not in NOT_A_HEAD | AUXILIARIES
                          and not adverb(words[i - 1])), None)
            if inner is not None and all(tokens[j].text.islower() for j in range(first, inner)):
                first = inner  # the object of a clause with no "that": its subject speaks
        for head in range(first + 1, min(stop - 1, first + 4)):
            if words[head] in TIME_HEADS and tokens[head].text.islower():
                if words[first] in DETERMINERS and words[head + 1] in DETERMINERS and all(
                        tokens[i].text.islower() for i in range(first, head)):
                    first = head + 1
                break
        cut = stop
        while cut - 1 > first and (words[cut - 1] in CALENDAR_WORDS and has_capital(tokens[cut - 1].text)
                                   and not (cut == stop and _month_surname(tokens, cut - 1))
                                   or words[cut - 1].isdigit() or words[cut - 1] == ","
                                   or words[cut - 1] in TIME_HEADS and tokens[cut - 1].text.islower()):
            cut -= 1
        timed = cut < stop and cut - 1 > first and words[cut - 1] in TIME_PREPOSITIONS and any(
            words[i] not in (",",) for i in range(cut, stop))
        cut -= timed  # then a participle before the time goes too ("a poll released in August")
        if cut - 2 > first and tokens[cut - 1].text.islower() and is_speaker_noun(words[cut - 2]) and (
                words[cut - 1] in TIME_LINKS or words[cut - 1].endswith("ed")):
            return first, cut - 1  # "a report released (by ...)", "a poll out (this week)": the noun speaks
        if timed:
            return first, cut
        for verb in range(first + 1, stop - 1):  # "a spokesman e-mailed to other staff members"
            if words[verb].endswith("ed") and tokens[verb].text.islower() and (
                    words[verb + 1] in DETERMINERS or words[verb + 1] == "to") and self.role_at(
                        verb - 1) and not self.role_at(verb):
                return first, verb
        subject = first
        while subject < stop and (has_capital(tokens[subject].text) or words[subject] in SUBJECT_PRONOUNS
                                  and subject == first):
            subject += 1
        verb = subject
        if first < verb < stop - 1 and tokens[verb].is_word and tokens[verb].text.islower() and (
            words[verb + 1] in DETERMINERS and not words[verb + 1][:1].isdigit()
        ) and words[verb] not in DETERMINERS | PREPOSITIONS | LINKING_WORDS | BOUNDARIES | RELATIVE \
                and not words[verb].endswith(("'s", "’s")) and not self.role_at(verb):
            return first, verb
        return first, end

    def role_at(self, index: int) -> bool:
        """A role or institution word of roles.toml starts at token ``index``."""
        return bool(role_matcher().find(self.tokens, index, index + 1, words=self.role_words))

    def person_role_at(self, index: int) -> bool:
        """A person's role word of roles.toml ("spokesman", "senator") ends at token ``index``."""
        return any(role.kind == "role" for match in role_matcher().find(
            self.tokens, max(0, index - 2), index + 1, words=self.role_words)
            if match.end_token == index + 1 for role in match.payloads)


def _month_surname(tokens: tuple[Token, ...], index: int) -> bool:
    """A capitalised month (or "May", also an auxiliary) right after a given name is the surname:
    "Theresa May said", "Brian May said" (never a weekday; "Clinton, May 5" is cut for its number)."""
    return index > 0 and tokens[index].text[:1].isupper() and tokens[index].lower not in DAYS \
        and is_given_name(tokens[index - 1].text)
