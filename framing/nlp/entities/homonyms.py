"""Listed names that are also ordinary words: when the bundled list's name applies, and when the word
is just the word.

A news organisation whose one-word name is a common English word or a given name ("Nation" for the
Daily Nation, "Dawn" for Pakistan's paper, "Time", "Fortune", "Sun") is that outlet only where the
article treats it as one at some mention: styled as a publication ("The Nation" inside a sentence), next
to a publication noun ("the newspaper Dawn", "Fortune magazine"), after a country's possessive
("Pakistan's Dawn"), after a verb of telling ("told Dawn"), "according to", "interview with" or before
a verb of reporting ("the Nation reported"). Otherwise it is labelled ``common``: the common word ("USA
Today's One Nation initiative"), or a given name ("Erica's mother, Dawn,"), which may join the person
of that first name.

A party's one-word plural alias ("Nationals" for Australia's National Party, "Greens", "Liberals") in a
sentence about a sport (baseball, pitcher, inning, quarterback, playoffs, NBA...) names a team: labelled
``team`` (an organisation), never the party; so does a one-word plural the lists do not know, after
"the", in such a sentence ("the Cavaliers are in the NBA Finals"; a person's surname takes no "the").
A sentence with no such word but a team's word (season, fans, coach, stadium, league...) is about a
sport when another sentence of the article has a sports word ("the Harriers had a great season" after
"the mayor, a baseball fan").

Both are read from the words right around each mention, a few token reads per candidate of a listed
one-word name, so the cost stays small (issue #22).
"""

from __future__ import annotations

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.names import is_given_name
from framing.nlp.words import is_common_word

COMMON = "common"  # a listed name used as the common word or given name it also is
TEAM = "team"  # a party's alias naming a sports team

PUBLICATION_NOUNS = frozenset("newspaper newspapers paper daily weekly magazine website site tabloid "
                              "outlet broadsheet journal".split())
TELLING = frozenset("told tells telling tell".split())  # "told Dawn", "told the Nation"
# "Time editor", "Fars news agency"
STAFF = frozenset("news agency reporter reporters editor editors columnist correspondent".split())
REPORTING = frozenset("reported reports reporting wrote writes published publishes quoted quotes "
                      "revealed reveals editorialized".split())  # "the Nation reported"
AFTER_PAIRS = frozenset({("according", "to"), ("interview", "with"), ("interviewed", "by"),
                         ("spoke", "to"), ("speaking", "to"), ("published", "in"), ("wrote", "in"),
                         ("reported", "by"), ("op-ed", "in"), ("column", "in")})
DETERMINERS = frozenset({"the", "The"})
# Words only a sports story uses ("game", "season", "team", "fans" and "coach" are a campaign's too)
SPORTS_WORDS = frozenset("""baseball football basketball hockey soccer pitcher pitchers pitching inning
    innings quarterback quarterbacks touchdown touchdowns playoff playoffs ballpark outfielder infielder
    shortstop homer homers slugger bullpen dugout rookie mlb nfl nba nhl usfl nascar""".split())
# Words of a team's story that a campaign's also uses: a team's only in an article with a sports word
# ("the Cubs' season" two paragraphs after "the pitcher")
# (not "won", "beat", "lost": an election's too)
TEAM_WORDS = frozenset("""season seasons fans fan coach coaches stadium franchise championship
    championships league""".split())
FAMILY = frozenset("family families clan dynasty".split())  # "the Ricketts family": a surname

Found = tuple[int, int, int, int, str]  # start, end, sentence's first and end token, label


def label_homonyms(document: Document, found: list[Found], keys: list[str]) -> list[Found]:
    """``found`` with ``common`` on the mentions of a listed outlet's one-word name that no mention
    treats as the outlet, ``team`` on a party's plural alias and ``organisation`` on an unknown plural
    after "the" in a sentence about a sport (see the module docstring). ``keys``: each candidate's text
    without its possessive."""
    outlets: dict[str, bool] = {}  # one-word listed outlet that is also a word -> some mention is cued
    teams: dict[str, str] = {}  # name -> label: a party's alias is no party, an unknown plural a body
    tokens = document.tokens
    ends = {key.rsplit(" ", 1)[-1] for key in keys if " " in key}
    sporting: bool | None = None  # some sentence has a sports word: read once, when first needed
    for (start, end, first, last, label), key in zip(found, keys):
        if end - start != 1 or " " in key or not key[:1].isupper():
            continue
        entry = gazetteers.lookup(key)
        if entry is None or entry.kind == "party":
            plural = is_common_word(key) if entry else start > first and tokens[start - 1].lower == "the" \
                and key not in ends  # "the Broncos" beside "Denver Broncos" joins it later
            if not (plural and key.endswith("s")) or (end < last and tokens[end].lower in FAMILY):
                continue
            team = _sporting(tokens, first, last)
            if not team and _team_word(tokens, first, last):  # "the Cubs' season", a sports word elsewhere
                if sporting is None:
                    sporting = _sporting(tokens, 0, len(tokens))
                team = sporting
            if team:
                teams[key] = TEAM if entry else "organisation"  # "the Nationals' pitcher", "the Cavaliers"
        elif entry.kind == "media" and (is_common_word(key) or is_given_name(key)):
            if not outlets.get(key, False):
                outlets[key] = label == "media" or _cued(tokens, start, end, first, last)
    common = {key for key, cued in outlets.items() if not cued}
    if not common and not teams:
        return found
    return [(s, e, f, t, COMMON if key in common else teams.get(key, label))
            for (s, e, f, t, label), key in zip(found, keys)]


def _sporting(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The sentence has a word only a sports story uses."""
    return any(tokens[j].lower in SPORTS_WORDS for j in range(first, last))


def _team_word(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The sentence has a word a team's story uses, also outside sport ("season", "fans")."""
    return any(tokens[j].lower in TEAM_WORDS for j in range(first, last))


def _cued(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int) -> bool:
    """The words around one mention treat the name as a news organisation."""
    before = start - 1
    styled = before > first and tokens[before].text == "The"  # "told The Nation", "as The Sun put it"
    while before >= first and tokens[before].text in DETERMINERS:
        before -= 1  # "told the Nation"
    previous = tokens[before].lower if before >= first else ""
    earlier = tokens[before - 1].lower if before - 1 >= first else ""
    following = tokens[end].lower if end < last else ""
    return (styled or previous in TELLING or previous in PUBLICATION_NOUNS or following in PUBLICATION_NOUNS
            or following in REPORTING or following in STAFF or (earlier, previous) in AFTER_PAIRS
            or (before >= first and _country(tokens[before].text)))


def _country(word: str) -> bool:
    """A country's possessive before an outlet's name: "Pakistan's Dawn"."""
    if not word.endswith(("'s", "\u2019s")):
        return False
    entry = gazetteers.lookup(word[:-2])
    return entry is not None and entry.kind == "country"
