"""Laws, deals and court cases named like actors, told by the words around them.

A law's or a case's name is often made of its sponsors' or parties' names, so it looks like one:

- **a court case** "X v. Y" ("Roe v. Wade", "United States v. Texas", "Fisher v. University of Texas"):
  the two names and the "v." are one name, a case's, never a mention of either party ("Texas" stays an
  actor where the article writes it alone);
- **a law's short name**: a compound of capitalised names joined by hyphens ("Glass-Steagall",
  "Dodd-Frank", "Rubio-Schumer") that the article also writes before a law's head word ("the
  Glass-Steagall Act") or, at some mention, before a law's noun ("the Rubio-Schumer amnesty plan"). A
  single name before one ("Kate's Law", "the Buffett Rule") is left alone: a person may have it;
- **a law's initials**: an acronym in parentheses right after a law's name ("the Freedom of Information
  Act (FOIA)", "the Trans-Pacific Partnership (TPP)"), or made of the initials of a law's name the
  article writes ("NCLB" beside "No Child Left Behind"), and a law's sequel ("TARP II");
- **a health plan named after its sponsor**: a word ending in "care" whose stem the article names
  ("Trumpcare" beside "Donald Trump", "Romneycare" beside "Mitt Romney"; not "Omnicare").

Read by the built-in recogniser: :func:`join_cases` on its spans, :func:`law_names` inside
``things.label_things``, whose ``thing`` label keeps these names from being actors.
"""

from __future__ import annotations

from framing.model import Token
from framing.nlp import gazetteers
from framing.nlp.names import is_acronym, non_actor
from framing.nlp.words import strip_possessive

# Lowercase nouns of a law, a deal or a plan right after its name ("the Cadillac tax", "the
# Rubio-Schumer amnesty plan": up to LAW_MODIFIERS lowercase words may sit between)
LAW_NOUNS = frozenset("""tax taxes program programs programme programmes initiative act law laws bill bills
    amendment treaty accord accords agreement agreements doctrine deal deals pact pacts plan strategy policy
    rule reform reforms legislation""".split())  # not "plans", "rules": "the Blue Cross Blue Shield plans"
LAW_TITLES = LAW_NOUNS | frozenset("partnership compact protocol charter resolution".split())  # a name's end
LAW_MODIFIERS = 2
# Where a programme's name may be cut: "Deferred Action for Parents of Americans" [and Lawful ...] program
TAIL_OPENERS = frozenset({"for", "of", "and"})
TAIL_LINKS = frozenset({"for", "of", "and", "the", "on", "in", "to"})
TAIL_WORDS = 10
# Nouns that make a law's or a tax's noun a modifier: "a Yale law professor", "the Romney tax returns"
COMPOUND_HEADS = frozenset("""professor professors school schools student students firm firms clerk clerks
    degree journal review partner partners enforcement returns return cuts cut rate rates code credit
    credits break breaks bracket brackets payer payers form forms director directors manager managers
    signing""".split())
CLOSING = frozenset({"]", ")", "\u201d", '"', "'", "\u2019"})  # a name's closing mark before its noun
LAW_REASONS = frozenset({"law", "law, work or venue"})
CASE_MARK = "v"  # "Roe v. Wade" (not "vs.", which also pits candidates: "Trump vs. Clinton")
CASE_LINKS = frozenset({"of", "for"})  # inside a party's name: "Brown v. Board of Education"
SEQUELS = (" II", " III", " IV")  # a law's second act: "TARP II"
PLAN_SUFFIX = "care"  # a health plan named after its sponsor: "Obamacare", "Romneycare"
# After a name's possessive, a law's name: "Kate's Law" (not "Plan", "Bill": "Obama's Plan Fails",
# "Hillary's Bill")
LAW_HEADS = frozenset("Law Act Rule Amendment Doctrine".split())

Found = tuple[int, int, int, int, str]  # start, end, sentence's first and end token, label


def join_cases(tokens: tuple[Token, ...], found: list[Found], keys: list[str], label: str
               ) -> tuple[list[Found], list[str]]:
    """``found`` and ``keys`` with each court case "X v. Y" made one span labelled ``label``: the
    capitalised words on both sides of a lowercase "v" (and its period) beside a candidate, whether or
    not the recogniser kept each side ("Roe" may open a quotation), and "of" inside the second ("Brown
    v. Board of Education"); and each name's possessive before a law's head word ("Kate's Law")."""
    marks: dict[int, tuple[int, int]] = {}  # the "v" token -> its sentence's first and end token
    for start, end, first, last, _label in found:
        if end < last and tokens[end].text == CASE_MARK:
            marks[end] = (first, last)
        mark = start - 2 if start - 2 >= first and tokens[start - 1].text == "." else start - 1
        if mark >= first and tokens[mark].text == CASE_MARK:
            marks[mark] = (first, last)
    joins = [span for mark, (first, last) in marks.items() if (span := _case(tokens, mark, first, last))]
    joins += [(start, end + 1, first, last) for start, end, first, last, _label in found
              if end < last and tokens[end - 1].text.endswith(("'s", "\u2019s"))
              and tokens[end].text in LAW_HEADS]  # "Kate's Law": the name is the law's
    if not joins:
        return found, keys
    kept = [(span, key) for span, key in zip(found, keys)
            if not any(start < span[1] and span[0] < end for start, end, _f, _l in joins)]
    kept += [((start, end, first, last, label),
              " ".join(t.text for t in tokens[start:end]).replace(" v .", " v."))
             for start, end, first, last in joins]
    kept.sort(key=lambda pair: pair[0][0])
    return [span for span, _key in kept], [key for _span, key in kept]


def _case(tokens: tuple[Token, ...], mark: int, first: int, last: int) -> tuple[int, int, int, int] | None:
    """The span of the court case around the "v" at ``mark``, or None when a side has no capitalised
    word."""
    start = mark
    while start > first and _capitalised(tokens[start - 1]) and (
            start == mark or tokens[start - 1].text == strip_possessive(tokens[start - 1].text)):
        start -= 1  # not "the Supreme Court's" before "Obergefell v. Hodges"
    size = len(tokens)  # the splitter may have ended a sentence at "v."
    end = mark + 2 if mark + 1 < size and tokens[mark + 1].text == "." else mark + 1
    right = end
    while end < size and (_capitalised(tokens[end]) or (
            tokens[end].text in CASE_LINKS and end + 1 < size and _capitalised(tokens[end + 1]))):
        end += 1
    return (start, end, first, max(last, end)) if start < mark and end > right else None


def _capitalised(token: Token) -> bool:
    return token.is_word and token.text[:1].isupper()


def law_names(tokens: tuple[Token, ...], found: list[Found], keys: list[str]) -> set[str]:
    """The keys the article names as a law: a hyphenated compound of names that is a law's stem in the
    article or comes before a law's noun, an acronym in parentheses after a law's name, and a word
    ending in "care" whose stem the article names."""
    stems: set[str] = set()
    hyphenated: dict[str, bool] = {}
    laws: set[str] = set()
    for (_start, end, _first, last, _label), key in zip(found, keys):
        if "-" in key:  # most names have no hyphen: nothing more to read
            words = key.split()
            if _compound(words[-1]):
                hyphenated[key] = hyphenated.get(key, False) or before_law_noun(tokens, end, last)
            elif len(words) > 1 and _compound(words[-2]) and non_actor(key) in LAW_REASONS:
                stems.add(words[-2])  # "Glass-Steagall Act"
        if end + 2 < last and tokens[end].text == "(" and tokens[end + 2].text == ")" \
                and is_acronym(tokens[end + 1].text) and _law(key):
            laws.add(tokens[end + 1].text)  # "Freedom of Information Act (FOIA)"
    laws.update(key for key, before in hyphenated.items() if before or key.split()[-1] in stems)
    acronyms = {key.replace(".", ""): key for key in set(keys) if len(key) > 2 and key.isupper()
                and is_acronym(key)}
    if acronyms:  # "NCLB" beside "No Child Left Behind", with no parentheses
        initials = {acronym[0] for acronym in acronyms}
        for (start, _end, first, _last, _label), key in zip(found, keys):
            if start > first and tokens[start - 1].text[:1].isupper():
                key = f"{tokens[start - 1].text} {key}"  # "No" was dropped from "No Child Left Behind"
            if key[0] in initials and " " in key and (found_key := _initials(key, acronyms)) and _law(key):
                laws.add(found_key)
    laws.update(key for key in keys if key.endswith(SEQUELS)  # "TARP II", "HTRA II"
                and ((stem := key.rsplit(" ", 1)[0]) in laws or _law(stem)))
    plans = [key for key in keys if key.endswith(PLAN_SUFFIX) and len(key) > len(PLAN_SUFFIX) + 2
             and " " not in key]
    if plans:  # "Trumpcare", "Romneycare" beside "Trump", "Mitt Romney" (not "Omnicare")
        named = {word for key in keys for word in key.split()}
        laws.update(key for key in plans if key[: -len(PLAN_SUFFIX)] in named)
    return {key for key in laws if gazetteers.lookup(key) is None}


def _law(key: str) -> bool:
    """A law's, a programme's or a deal's name: listed ("Medicaid", "No Child Left Behind") or ending
    in a law's head word ("Freedom of Information Act"; not a venue's: "Trump Tower")."""
    reason = non_actor(key)
    return reason == "law" or (reason in LAW_REASONS and key.rsplit(" ", 1)[-1].lower() in LAW_TITLES)


def _initials(key: str, acronyms: dict[str, str]) -> str:
    """The acronym among ``acronyms`` (dots removed -> as written) made of the name's initials, with or
    without its small words ("FOIA" or "FIA" for "Freedom of Information Act"), else ""."""
    words = key.replace("-", " ").split()
    every = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return acronyms.get(every) or acronyms.get(capitals) or ""


def _compound(word: str) -> bool:
    """Two or more capitalised names joined by hyphens ("Dodd-Frank", "Gramm-Leach-Bliley"; not
    "Trans-Pacific", whose second part is no name, nor "al-Assad")."""
    parts = strip_possessive(word).split("-")
    return len(parts) > 1 and all(len(p) > 1 and p[:1].isupper() and p[1:].islower() for p in parts)


def before_law_noun(tokens: tuple[Token, ...], end: int, last: int) -> bool:
    """A law's noun right after the name, or after at most LAW_MODIFIERS lowercase words ("the
    Rubio-Schumer amnesty plan", "the Cadillac tax's delay"), also after the rest of a name cut at "for"
    or "of" ("the Deferred Action for Childhood Arrivals program"); not after a possessive name, whose
    law it is ("President Obama's health care law")."""
    if not (tokens[end].text.islower() or tokens[end].text in CLOSING) or tokens[end - 1].text.endswith(
            ("'s", "\u2019s")):
        return False  # most names: a capital, a mark or a stop next
    index, words = _name_tail(tokens, end, last), 0
    while index < last and words <= LAW_MODIFIERS:
        token = tokens[index]
        if token.text in CLOSING:  # "the [Central American Minors] program"
            index += 1
            continue
        noun = strip_possessive(token.text)
        if noun in LAW_NOUNS:  # lowercase only: "Kate's Law" is a name
            return noun != token.text or not compound(tokens, index + 1, last)
        if not (token.is_word and token.text.islower()) or token.text != noun:
            return False  # "the Obama administration's deal": the deal is the administration's
        index, words = index + 1, words + 1
    return False


def _name_tail(tokens: tuple[Token, ...], end: int, last: int) -> int:
    """The end of the rest of a programme's name cut at "for", "of" or "and" ("Deferred Action for
    Parents of Americans" of "... and Lawful Permanent Residents program"): capitalised words and small
    links, up to TAIL_WORDS, then a lowercase word; ``end`` when none follows."""
    if tokens[end].text not in TAIL_OPENERS:
        return end
    index = end + 1
    while index < last and index - end <= TAIL_WORDS and (
            (tokens[index].is_word and tokens[index].text[:1].isupper()) or tokens[index].text in TAIL_LINKS):
        index += 1
    capitalised = any(tokens[i].text[:1].isupper() for i in range(end + 1, index))
    return index if capitalised and index < last and tokens[index].text.islower() else end


def compound(tokens: tuple[Token, ...], index: int, last: int) -> bool:
    """The word at ``index`` makes the noun before it a modifier ("law professor", "tax returns")."""
    return index < last and tokens[index].text in COMPOUND_HEADS
