"""The subject of a clause that a participle or a second verb hangs off ("Iran threw its support behind
the strikes, describing them as ..." -> Iran; "Early in his campaign, Trump attacked Romney, calling
him ..." -> Trump): names, titles and role words opening the clause, never a phrase of its predicate.
``cues.Cues`` asks for it when no speaker phrase stands before such a cue.
"""

from __future__ import annotations

from framing.nlp.attribution.phrases import OBJECT_OPENERS
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import (
    BOUNDARIES,
    CARRY_OVER,
    DETERMINERS,
    FRONTED_PREPOSITIONS,
    LINKING_WORDS,
    MAX_SUBJECT,
    NOT_NAMES,
    OPENING_ADVERBIALS,
    adverb,
    fold,
    has_capital,
    is_speaker_noun,
    role_matcher,
)


class ClauseSubjects:
    """Find clause subjects in one indexed article (module docstring)."""

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.tokens, self.words = text.tokens, text.words

    def find(self, first: int, verb: int) -> tuple[int, int]:
        """The subject opening the clause a participle or a second verb hangs off: after a dateline
        and an opening adverbial ("Also on Thursday, Iran threw ..." -> "Iran"), names, titles,
        role words and their determiners up to the first other lower-case word (the predicate).
        (first, first) when the clause opens with something else (a quotation)."""
        words, tokens = self.words, self.tokens
        start = self.text.after_dateline(first, verb)
        opener = next((i for i in range(start, min(verb, start + 8)) if words[i] == ","), None)
        if opener is not None and (
            words[start] in OPENING_ADVERBIALS or words[start] in LINKING_WORDS
            or words[start] in FRONTED_PREPOSITIONS or self._opening_adverb(start)
        ):
            start = opener + 1
        elif opener is not None and words[start] in DETERMINERS and opener + 2 < verb \
                and has_capital(tokens[opener + 1].text) and tokens[opener + 1].is_word \
                and words[opener + 1] not in DETERMINERS | NOT_NAMES:
            start = opener + 1  # a fronted appositive: "The son of Cuban immigrants, Rubio has ..."
        elif start < verb and words[start] in CARRY_OVER:
            start += 1
        elif start < verb and words[start] in LINKING_WORDS | OPENING_ADVERBIALS:
            return start, start  # "In the next eight weeks the campaign would ...": no subject
        roles = {
            i for m in role_matcher().find(tokens, start, min(verb, start + MAX_SUBJECT),
                                           words=self.text.role_words)
            for i in range(m.first_token, m.end_token)
        }
        end = start
        while end < verb and end - start < MAX_SUBJECT:
            word, token = words[end], tokens[end]
            if not token.is_word and word not in ("'", "’", "-", ".") or word in BOUNDARIES:
                break
            if token.is_word and end - 1 in roles and token.text.islower() and not word.endswith("ed") \
                    and is_speaker_noun(word) and not (end + 1 < verb and words[end + 1] in OBJECT_OPENERS):
                roles.add(end)  # a role word modifying the head: "the state's general assembly"
                # (not a verb before its object: "The president left no doubt ..., saying")
            elif self._adverb_and_verb(end, verb, roles):
                break  # "Hillary Clinton sternly reprimanded Mr. Trump, saying": the predicate
            elif token.is_word and not (has_capital(token.text) or end in roles
                                        or word in DETERMINERS or word.endswith(("'s", "’s"))):
                linking = word in LINKING_WORDS and end + 1 < verb and (
                    has_capital(tokens[end + 1].text) or words[end + 1] in DETERMINERS)
                # lower-case modifiers before a role ("the main opposition group")
                if not linking and not any(i in roles for i in range(end + 1, end + 4)):
                    if words[start] in DETERMINERS and not any(
                        i in roles for i in range(start, end)
                    ):  # "two veteran negotiators left ...": lower-case words up to the head noun
                        return start, self._head_end(end, verb)
                    break
            end += 1
        while end > start and not (has_capital(tokens[end - 1].text) or end - 1 in roles):
            end -= 1
        return start, end

    def _opening_adverb(self, index: int) -> bool:
        """An -ly adverb opening the sentence ("Early in his campaign, Trump attacked ..., calling",
        "Shortly after the vote, the families ..."), not a name ("Kelly", capitalised mid-sentence)."""
        word = self.words[index]
        return adverb(word) and fold(word) not in self.text.capitalised_mid

    def _adverb_and_verb(self, index: int, verb: int, roles: set[int]) -> bool:
        """An -ly adverb and a past tense at ``index`` that modify no lower-case role after them: a
        predicate ("sternly reprimanded Mr. Trump"), not a modifier ("the newly elected governor")."""
        tokens = self.tokens  # the token's own case: "Schlafly" is a name, "sternly" an adverb
        return index + 1 < verb and adverb(tokens[index].text) and self.words[index + 1].endswith(
            "ed") and not (index + 2 < verb and index + 2 in roles and tokens[index + 2].text.islower())

    def _head_end(self, index: int, verb: int) -> int:
        """End of a noun phrase's lower-case words from ``index``: up to three, stopping after a
        plural, before a past tense, a clause boundary or a word followed by a determiner (a verb:
        "the veteran negotiator left the talks")."""
        words, end = self.words, index
        while end < min(verb, index + 3) and self.tokens[end].is_word:
            word = words[end]
            if word.endswith("ed") or word in BOUNDARIES or has_capital(self.tokens[end].text) or (
                end + 1 < verb and words[end + 1] in DETERMINERS
            ):
                break
            end += 1
            if word.endswith("s"):
                break
        return end
