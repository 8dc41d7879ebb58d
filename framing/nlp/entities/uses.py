"""Names the sentence uses as things: laws and plans by what is done to them, market indexes by how they
move, fictional characters by the words that make them one.

What a name's shape leaves open ("JASTA", "Nasdaq", "Harry Potter" may each be a body or a person), the
words around one of its mentions settle:

- **a law, a plan or a tax**: the object of a verb only a law or a deal takes ("veto JASTA", "repeal
  the ACA", "renegotiate NAFTA", "ratified the TPP"), of such a noun and "of" ("the repeal of X", "the
  passage of X"), a name "signed into law" ("signed X into law"), an acronym after "under" ("documents
  under FOIA"; "under Obama" is a person's time), or a rate's name after a percentage ("a 10 percent
  VAT");
- **a market index**: an index's word after the name, then a move or a close within a few words ("the
  Nasdaq composite increased 7.15 points", "the X industrial average closed down"; its first word is
  then the index too: "the Dow" of "the Dow Jones industrial average"), or the name's price moving
  with the market named in the sentence ("the Dow plummeted ... in market value"; not "added" or
  "closed", which a speaker does); "average" only after
  "industrial" ("the RealClearPolitics average fell" is a poll's), and a candidate who "rose 4 points
  in the poll" names no market;
- **a fictional character or a franchise**: a character's noun before the name ("the character X", "a
  character named X", "the fictional X"), or a work's plural noun after it ("the Harry Potter books",
  "the X films"); never a name that speaks ("X said") or has a title at some mention: a real person
  played or written about.

A listed name (the bundled lists) and a name with a title before it are never such a thing. Each test
reads a few tokens around one mention, and runs only while the name is not yet known to be a thing.
"""

from __future__ import annotations

from framing.model import Token
from framing.nlp import gazetteers
from framing.nlp.kinds import kind_of
from framing.nlp.names import is_acronym, is_given_name, is_title_word

# Verbs whose object is a law, a deal or a programme, never a person or a body
LAW_VERBS = frozenset("""veto vetoes vetoed vetoing repeal repeals repealed repealing enact enacts enacted
    enacting ratify ratifies ratified ratifying renegotiate renegotiates renegotiated renegotiating
    rescind rescinds rescinded rescinding overturn overturns overturned overturning""".split())
# Nouns of those acts before "of": "the repeal of X", "the passage of X"
LAW_ACTS = frozenset("repeal passage enactment ratification renegotiation implementation veto".split())
RATE_WORDS = frozenset({"percent", "%", "per cent"})  # "a 10 percent VAT"
# Words of a market index right after its name: "the Nasdaq composite", "the Dow Jones industrial average"
# ("average" only after "industrial": "the RealClearPolitics average" is a polling average)
INDEX_WORDS = frozenset("index composite industrials".split())
INDEX_MODIFIERS = frozenset("stock 500-stock".split())
INDUSTRIAL = ("industrial", "average")
MOVES = frozenset("""rose rises rising fell falls falling gained gains lost loses dropped drops climbed
    climbs slipped slips jumped jumps tumbled tumbles plunged plunges plummeted plummets surged surges
    sank sinks edged edges increased increases declined declines added adds shed sheds closed closes
    ended ends finished finishes opened opens slid slides soared soars""".split())
MARKET_WORDS = frozenset("market markets stocks shares trading investors".split())
# Moves of a price that no speaker makes, for a name with no index word after it ("the Dow plummeted";
# not "added", "closed", "opened": "Roe added that markets ...")
PRICE_MOVES = MOVES - frozenset("""added adds closed closes ended ends finished finishes opened opens
    lost loses""".split())
INDEX_REACH = 4  # tokens from the index word to its move: "average closed down 24.11 points"
# A character's noun before its name: "the character Dumbledore", "the fictional X"
CHARACTER_CUES = frozenset("character characters fictional cartoon superhero".split())
# Plural nouns of a work's series after its name: "the Harry Potter books"
SERIES_NOUNS = frozenset("books novels films movies stories franchise saga comics".split())
SPEECH = frozenset("said says told tells tweeted wrote writes added adds asked argued noted".split())
ARTICLES = frozenset({"the", "a", "an"})

Found = tuple[int, int, int, int, str]  # start, end, sentence's first and end token, label


def used_as_things(tokens: tuple[Token, ...], found: list[Found], keys: list[str]) -> set[str]:
    """The keys that some mention uses as a law, a plan, a market index or a fictional character (see
    the module docstring), less listed names and names that speak or carry a title somewhere."""
    laws: set[str] = set()
    characters: set[str] = set()
    for (start, end, first, last, _label), key in zip(found, keys):
        if key in laws or tokens[end - 1].text.endswith(("'s", "\u2019s")):
            continue  # "Trump's stock rose": the possessive's owner
        if _law_use(tokens, start, end, first, last, key):
            laws.add(key)
        elif _index_use(tokens, start, end, first, last):
            laws.add(key)
            laws.update(key.split()[:1])  # "the Dow" of "the Dow Jones industrial average"
        elif key not in characters and _character_use(tokens, start, end, first, last):
            characters.add(key)
    if not laws and not characters:
        return set()
    people = _people(tokens, found, keys)
    return {key for key in laws | characters if gazetteers.lookup(key) is None and key not in people
            and (key in characters or kind_of(key) in ("", "person", "organisation"))}


def _law_use(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int, key: str) -> bool:
    """The mention is the object of a law's verb or act, is signed into law, follows "under" as an
    acronym, or follows a percentage as a rate's name."""
    index = start - 1
    if index >= first and tokens[index].lower == "the":
        index -= 1
    if index < first:
        return False
    word = tokens[index].lower
    if word in LAW_VERBS or (word == "of" and index > first and tokens[index - 1].lower in LAW_ACTS):
        return True
    if word == "under" and is_acronym(key):
        return True  # "under FOIA", "under the ACA" (not "under Obama")
    if end + 1 < last and tokens[end].lower == "into" and tokens[end + 1].lower == "law":
        return True  # "signed JASTA into law"
    return (tokens[start - 1].lower in RATE_WORDS and start - 2 >= first
            and tokens[start - 2].text[:1].isdigit())  # "a 10 percent VAT"


def _index_use(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int) -> bool:
    """An index's word after the mention and a move within INDEX_REACH tokens of it, or a move right
    after the mention in a sentence that names the market."""
    index = end
    while index < last and tokens[index].lower in INDEX_MODIFIERS:
        index += 1
    if index + 1 < last and (tokens[index].lower, tokens[index + 1].lower) == INDUSTRIAL:
        index += 1
    elif not (index < last and tokens[index].lower in INDEX_WORDS):
        index = -1
    if index >= 0:
        return any(tokens[j].lower in MOVES for j in range(index + 1, min(index + 1 + INDEX_REACH, last)))
    return end < last and tokens[end].lower in PRICE_MOVES and any(
        tokens[j].lower in MARKET_WORDS for j in range(first, last))


def _character_use(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int) -> bool:
    """A character's noun before the mention ("the character X", "a character named X", "the
    fictional X") or a series noun after it with an article before it ("the X books")."""
    index = start - 1
    if index >= first and tokens[index].lower == "named":
        index -= 1
    if index >= first and tokens[index].lower == "of":
        index -= 1  # "the character of X"
    if index >= first and tokens[index].lower in CHARACTER_CUES:
        return True
    return (end < last and tokens[end].lower in SERIES_NOUNS and start > first
            and tokens[start - 1].lower in ARTICLES)


def _people(tokens: tuple[Token, ...], found: list[Found], keys: list[str]) -> set[str]:
    """The keys some mention shows as a person: a title before it ("Sen. X", "Mr. X") or a verb of
    speech right after it ("X said"), and the names of one word inside such a person's full name."""
    people: set[str] = set()
    for (start, end, first, last, _label), key in zip(found, keys):
        if (start > first and is_title_word(tokens[start - 1].text)
                and tokens[start - 1].lower != "under") or (  # "under secretary", not "under FOIA"
                end < last and tokens[end].lower in SPEECH):
            people.add(key)
    for key in list(people):
        words = key.split()
        if len(words) > 1 and is_given_name(words[0]):
            people.update(words)
    return people
