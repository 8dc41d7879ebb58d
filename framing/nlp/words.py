"""Word tests that name-finding code shares: what a capital means, possessives, function words.

Kept in one place so the rules have one name each: :func:`is_name_word` (a word that can be part of a
name) is not :func:`has_capital` (any upper-case letter), and the two give different answers for
"al-Assad" and "iPhone".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

NAME_PARTICLES = frozenset("al el bin ibn abu de da di du del della der van von la le ter".split())

# Words that never start or make up a name on their own; sentence-initial capitals are usually these.
FUNCTION_WORDS = frozenset(
    """a an the this that these those in on at by for from of to with without into onto over under
    after before since during while when where which who whom whose what why how if but and or
    nor so yet as according although though because despite however meanwhile moreover also
    still even only just then there here it its they them their we our us you your i me my he
    him his she her hers mr mrs ms yesterday today tomorrow tonight earlier later last next
    first second third many some most all both each every several no not none one two three four
    five six seven eight nine ten other another such asked said says told added western eastern
    northern southern""".split()
)
# Prepositions and conjunctions that open sentences ("Among Republicans, ...", "Like Allen, ..."): never
# a name's first word. Not function words for a mention's role (entities/roles.py), which the sentiment
# model's features read.
OPENING_WORDS = frozenset(
    """among amid amidst beneath like unlike against toward towards upon within until unless whether
    whereas behind around across through throughout above below besides along more fewer less""".split()
)
# Also never a name's first word: verbs and adverbs that open sentences ("Is it...", "Let me...").
NEVER_NAME_START = FUNCTION_WORDS | OPENING_WORDS | frozenset(
    """is are was were be been has have had do does did can could will would shall should might must
    let lets am instead yes no oh ok okay dear""".split()
)
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
APOSTROPHES = ("'", "\u2019")
COURTESY = frozenset("mr mr. mrs mrs. ms ms. miss dr dr.".split())  # courtesy titles: a person's
CONTRACTED_S = frozenset("it that what who here there he she let where how".split())  # "It's", "Let's"


@lru_cache(maxsize=65_536)
def is_name_word(word: str) -> bool:
    """A word that can be part of a name: no digit, and a capital (also after a particle: al-Assad,
    el-Sisi, bin-Salman). Remembered per word, since discovery asks it of every body token."""
    if not word or any(c.isdigit() for c in word):
        return False
    if word[0].isupper():
        return True
    head, _, tail = word.partition("-")
    return head.lower() in NAME_PARTICLES and tail[:1].isupper()


def has_capital(word: str) -> bool:
    """A word that starts with a letter and has an upper-case letter anywhere ("iPhone", "McCain")."""
    return word[:1].isalpha() and not word.islower()


def strip_possessive(word: str) -> str:
    """``Russia's`` -> ``Russia``, ``Jones'`` -> ``Jones`` (straight or curly apostrophe)."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    return word[:-1] if word.endswith(APOSTROPHES) else word


def is_contraction(word: str) -> bool:
    """"I'm", "It's", "Don't": a function word glued to a verb or "not", never part of a name."""
    lowered = word.lower().replace("\u2019", "'")
    head, mark, tail = lowered.partition("'")
    if not mark:
        return False
    return tail in ("m", "d", "ll", "ve", "re", "t") or (tail == "s" and head in CONTRACTED_S)


def is_adverb(word: str) -> bool:
    """An -ly adverb ("Strikingly", "Absolutely"), by its ending; names ending in -ly are listed apart."""
    return len(word) > 4 and word.lower().endswith("ly")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """About 11,000 common English words, all lowercase (corpora/actors/common_words.txt, SCOWL)."""
    text = resources.files("framing.corpora").joinpath("actors/common_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_common_word(word: str) -> bool:
    """A lowercase dictionary word, also in a plural, comparative or -ing/-ed form ("Toughest",
    "Allied")."""
    lowered = word.lower()
    words = common_words()
    if lowered in words:
        return True
    for ending, replace in (("s", ""), ("es", ""), ("est", ""), ("est", "e"), ("er", ""), ("ed", ""),
                            ("ed", "e"), ("ing", ""), ("ing", "e"), ("iest", "y"), ("ies", "y"),
                            ("ied", "y")):
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            if lowered[: -len(ending)] + replace in words:
                return True
    return False


# --- content words and quotations, shared by coverage's sentence matching and the story finder ---

STEM_SUFFIXES = ("ing", "ed", "es", "s", "ly")
# Titles written before a name, without their full stop; "Dr. Yusuf al-Hadri" is "Yusuf al-Hadri".
HONORIFICS = frozenset("mr mrs ms dr prof col gen lt sgt capt maj sen rep gov rev".split())
# Quoted words shorter than this are scare quotes ("so-called 'reform'"), not a quotation to match.
MIN_QUOTE_WORDS = 4


def stem(word: str) -> str:
    """A light suffix stem (killed/kills/killing -> kill) so inflection does not hide a match."""
    word = word.removesuffix("'s").removesuffix("\u2019s")
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def quoted_runs(words: list[str], size: int = MIN_QUOTE_WORDS) -> list[str]:
    """Every run of ``size`` consecutive quoted words, space-joined: two texts that quote the same
    words share runs even when one quotes more of the sentence than the other."""
    return [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
