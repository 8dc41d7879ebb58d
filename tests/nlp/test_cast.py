"""One cast per comparison: names taken apart, actors resolved across articles, sides from evidence.

The three articles in tests/fixtures/cast/ are team-written (invented people): Rep. Tom Whitfield
(R-Mo.) under four forms, Sen. Marcus Bell ("a Democrat from Oregon"), two Harlans, Victor Crane and
Victor Crane Jr., Eli Marston beside "the Marston administration" and "Marston Tower".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from framing import document_from_text
from framing.host.manager import load_manager
from framing.host.runner import run
from framing.model import ActorNote
from framing.nlp.attribution import find_sources
from framing.nlp.cast import build_cast, parse_name
from framing.nlp.sides import party_near

CAST = FIXTURES / "cast"
ONLY = ("actors", "sources")


@pytest.mark.parametrize("text, name, titles", [
    ("Missouri Rep. Tom Whitfield", "Tom Whitfield", ("missouri", "rep.")),
    ("Senate Minority Leader Ann Roe", "Ann Roe", ("senate", "minority", "leader")),
    ("Mr. Whitfield", "Whitfield", ("mr.",)),
    ("Sheriff Joe Ortega of Pima County", "Joe Ortega", ("sheriff",)),
    ("Secretary of State Lena Kravitz", "Lena Kravitz", ("secretary", "of", "state")),
    ("Secretary of Homeland Security Ivy Drum", "Ivy Drum", ("secretary", "of", "homeland", "security")),
    ("Director of National Intelligence Cy Hale", "Cy Hale", ("director", "of", "national", "intelligence")),
    ("Rep. Steve King", "Steve King", ("rep.",)),  # a surname that is also a title
    ("Rival Ann Roe", "Ann Roe", ("rival",)),
    ("Whitfield's", "Whitfield", ()),  # one word, untitled: maybe a surname, not yet a person
])
def test_titles_and_descriptors_are_not_part_of_a_name(text, name, titles):
    parsed = parse_name(text)
    assert parsed.text == name and parsed.titles == titles
    assert parsed.person == bool(titles) or len(parsed.words) > 1


def test_suffixes_particles_initials_and_places():
    junior = parse_name("Victor Crane Jr.")
    assert (junior.surname, junior.suffix, junior.given) == ("crane", "Jr.", ("victor",))
    assert parse_name("Bill de Blasio").surname == "de blasio"
    assert parse_name("Bashar al-Assad").alternative_surnames() == ("al-assad", "assad")
    assert parse_name("W. Tom Whitfield").given == ("thomas",)  # a short form is its given name
    assert parse_name("George H.W. Bush").initials == "hw"
    for place in ("Marston Tower", "Rose Garden", "Pima County"):
        assert not parse_name(place).person
    assert not parse_name("Marston administration").person


def _notes(*names: str, kind: str = "person", **fields) -> list[ActorNote]:
    return [ActorNote(name, kind, 1, **fields) for name in names]


def test_surnames_resolve_to_the_full_name_of_the_same_article_then_of_the_comparison():
    articles = [
        ("a", _notes("Hillary Rodham Clinton", "Clinton", gender="female")),
        ("b", _notes("Bill Clinton") + _notes("Clinton", kind="")),
        ("c", _notes("Mrs. Clinton", gender="female")),
        ("d", _notes("Clinton", kind="")),
    ]
    cast = build_cast(articles)
    names = {article: cast.article(notes) for article, notes in articles}
    assert names["a"].name("Clinton") == "Hillary Rodham Clinton"
    assert names["b"].name("Clinton") == "Bill Clinton"  # the Clinton that article names
    assert names["c"].name("Mrs. Clinton") == "Hillary Rodham Clinton"  # gender decides
    assert names["d"].name("Clinton") == "Clinton"  # two Clintons in the comparison: apart


def test_shared_surnames_with_different_first_names_or_suffixes_stay_apart():
    notes = _notes("Donald Trump", "Donald Trump Jr.", "Donald J. Trump", "Trump")
    cast = build_cast([("a", notes)])
    view = cast.article(notes)
    assert view.name("Donald J. Trump") == view.name("Donald Trump") == "Donald J. Trump"
    assert view.name("Donald Trump Jr.") == "Donald Trump Jr."
    assert view.name("Trump") == "Donald J. Trump"  # never the Jr.
    hillary, bill = _notes("Hillary Clinton"), _notes("Bill Clinton")
    cast = build_cast([("a", hillary), ("b", bill)])
    assert cast.article(hillary).name("Hillary Clinton") != cast.article(bill).name("Bill Clinton")


def test_a_titled_surname_goes_to_the_person_named_in_full_with_that_title_or_gender():
    # Jordan and Robin Marsh: given names that tell no gender; Robin is named more often
    jordan = ActorNote("Jordan Marsh", "person", 2, (("President Jordan Marsh", 1), ("Jordan Marsh", 1)))
    robin = ActorNote("Robin Marsh", "person", 5, (("Robin Marsh", 4), ("President Marsh", 1)))
    articles = [("a", [jordan]), ("b", [robin]), ("c", _notes("President Marsh", "Mr. Marsh"))]
    view = build_cast(articles).article(articles[2][1])
    # "President Marsh" merged into Robin's note is no evidence: only a titled full name is
    assert view.name("President Marsh") == "Jordan Marsh"
    assert "office title" in view.rules["President Marsh"]
    assert view.name("Mr. Marsh") == "Marsh"  # no gender evidence for either: apart, not the most named
    mister = ActorNote("Jordan Marsh", "person", 2, (("Mr. Jordan Marsh", 1), ("Jordan Marsh", 1)))
    articles = [("a", [mister]), ("b", [robin]), ("c", _notes("Mr. Marsh", "Gov. Marsh"))]
    view = build_cast(articles).article(articles[2][1])
    assert view.name("Mr. Marsh") == "Jordan Marsh"  # his full name carried "Mr."
    assert view.name("Gov. Marsh") == "Marsh"  # nobody named in full as governor


def test_organisations_and_places_never_merge_with_persons():
    notes = (_notes("Eli Marston") + _notes("Marston administration", kind="organisation")
             + _notes("Marston Tower", kind="person") + _notes("Marston", kind=""))
    view = build_cast([("a", notes)]).article(notes)
    assert view.name("Marston") == "Eli Marston"
    assert view.name("Marston administration") == "Marston administration"
    assert view.name("Marston Tower") == "Marston Tower"
    assert view.actor("Marston Tower").kind == "place"


@pytest.mark.parametrize("sentence, side, words", [
    ("Rep. Ann Roe (R-Texas) spoke.", "Republican Party", "(R-Texas)"),
    ("Sen. Ann Roe, D-Calif., spoke.", "Democratic Party", "D-Calif."),
    ("Republican Sen. Ann Roe spoke.", "Republican Party", "Republican Sen."),
    ("Ann Roe, a Democrat from Ohio, spoke.", "Democratic Party", "a Democrat from Ohio"),
    ("GOP presidential nominee Ann Roe spoke.", "Republican Party", "GOP presidential nominee"),
    ("Republicans attacked Ann Roe.", "", ""),  # a party near, but not hers
    ("Ann Roe spoke to Democrats.", "", ""),
    ("The GOP Aide Quits After Ridiculing Ann Roe.", "", ""),  # no title chain to the party
])
def test_party_stated_at_a_mention(sentence, side, words):
    document = document_from_text(sentence)
    start = sentence.index("Ann Roe")
    assert party_near(document, start, start + len("Ann Roe")) == (side, words)


@pytest.fixture(scope="module")
def compared():
    files = [str(p) for p in sorted(CAST.glob("*.txt"))]
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    return run(files, load_manager(), config, only=ONLY)


def _targets(result, analyzer: str, metric: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for record in result.records:
        if (record.analyzer, record.metric) == (analyzer, metric):
            found.setdefault(record.target, set()).add(record.article)
    return found


def test_one_row_per_actor_across_the_compared_articles(compared):
    mentions = _targets(compared, "actors", "mentions")
    assert mentions["Tom Whitfield"] == {"courier", "gazette", "ledger"}
    assert mentions["Marcus Bell"] == {"courier", "gazette", "ledger"}
    assert not {"Whitfield", "Mr. Whitfield", "Missouri Rep. Tom Whitfield", "Bell"} & set(mentions)
    speakers = _targets(compared, "sources", "speaker_words")
    assert speakers["Tom Whitfield"] == {"courier", "gazette", "ledger"}
    assert speakers["Marcus Bell"] == {"courier", "gazette", "ledger"}


def test_people_sharing_a_surname_and_organisations_stay_apart(compared):
    mentions = _targets(compared, "actors", "mentions")
    assert {"Ron Harlan", "Ruth Harlan", "Harlan"} <= set(mentions)  # courier names neither
    assert {"Victor Crane", "Victor Crane Jr."} <= set(mentions)
    assert {"Eli Marston", "Marston administration"} <= set(mentions)
    assert "Marston Tower" not in mentions  # a building is no actor, and never Eli Marston
    assert mentions["Eli Marston"] == {"courier", "gazette"}  # "President Marston" in courier


def test_sides_come_from_stated_parties_and_the_rest_is_unassigned(compared):
    actors = {a.name: a for a in compared.cast.named()}
    assert compared.cast.scheme == "party"
    assert actors["Tom Whitfield"].side == "Republican Party"
    assert "(R-Mo.) (ledger)" in actors["Tom Whitfield"].evidence
    # a membership stated in one article holds in the others: courier never states it
    sides = {(r.article, r.target) for r in compared.records
             if (r.analyzer, r.metric) == ("sources", "side_words")}
    assert ("courier", "Republican Party") in sides and ("courier", "Democratic Party") in sides
    assert actors["Marcus Bell"].evidence == "a Democrat from Oregon (ledger)"
    for unassigned in ("Ron Harlan", "Ruth Harlan", "Eli Marston", "Victor Crane"):
        assert actors[unassigned].side == ""
    balance = [r for r in compared.records if r.metric == "side_words" and r.article == "ledger"]
    assert {r.target for r in balance} == {"Republican Party", "Democratic Party", "unassigned"}
    assert "(R-Mo.) (ledger)" in next(r.detail for r in balance if r.target == "Republican Party")


def test_a_speaker_has_one_type_in_every_article(compared):
    table = next(t for t in compared.tables if t.title.startswith("Who speaks"))
    rows = {row[0]: row for row in table.rows}
    assert rows["Tom Whitfield"][1:3] == ["legislator", "Republican Party"]
    assert rows["Marcus Bell"][1:3] == ["legislator", "Democratic Party"]
    assert rows["Eli Marston"][1] == "government"  # "President Marston" in one article only
    for record in compared.records:
        if record.metric == "speaker_words" and record.target == "Tom Whitfield":
            assert "type legislator" in record.detail


def test_speakers_are_actors_not_time_words_fragments_or_headlines(compared):
    speakers = set(_targets(compared, "sources", "speaker_words"))
    for junk in ("Tuesday", "Instead", "his controversial", "Bell To Whitfield", "earlier Tuesday"):
        assert junk not in speakers
    assert "Victor Crane" in speakers  # "said earlier Tuesday": the speaker, not the day


def test_side_metrics_need_two_sides_that_speak():
    files = [str(CAST / "gazette.txt")]
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    alone = run(files, load_manager(), config, only=("sources",))
    values = {r.metric: r for r in alone.records}
    assert "side_words" not in values and values["side_balance"].value is None
    assert "not reported" in values["side_balance"].detail


def _speaker(text: str, quote: str) -> str:
    document = document_from_text(text)
    found = find_sources(document)
    attribution = next(a for a in found.attributions if quote in document.slice(a.start, a.end))
    speaker = found.speaker_of(attribution)
    return speaker.name if speaker else ""


def test_the_interviewee_speaks_not_the_interviewer():
    told = ("Interview\n\n\"I am not going anywhere,\" Tom Whitfield told radio host Ron Harlan "
            "on Tuesday.")
    assert _speaker(told, "not going anywhere") == "Tom Whitfield"
    on_show = ("Interview\n\nTom Whitfield spoke on Ron Harlan's radio show on Tuesday. "
               "\"We will win this seat,\" he said.")
    assert _speaker(on_show, "win this seat") == "Tom Whitfield"
    reporters = ("Interview\n\n\"We will win,\" Sen. Marcus Bell, who chairs the panel, told "
                 "reporters on Monday.")
    assert _speaker(reporters, "We will win") == "Marcus Bell"


@pytest.mark.parametrize("text, junk", [
    ("Race\n\nRep. Tom Whitfield had vowed to stay in the race earlier Tuesday on the radio show "
     "of a former governor.", "Tuesday"),
    ("Race\n\nRep. Tom Whitfield said he regretted his controversial comments on farm aid.",
     "his controversial"),
    ("Race\n\nInstead, Rep. Tom Whitfield spent the day calling donors, saying the race was "
     "close.", "Instead"),
    ("Race\n\nRep. Tom Whitfield said no senator had called him to ask him to leave.",
     "no senator"),
    ("Race\n\nThe White House on Wednesday said the race was close.", "The White House on Wednesday"),
    ("Race\n\nIn a pair of evening posts, Mr. Whitfield claimed the race was close.", "In"),
])
def test_no_time_word_or_fragment_is_a_speaker(text, junk):
    names = {s.name for s in find_sources(document_from_text(text)).speakers}
    assert junk not in names and names  # someone else speaks: the cue was still found


def test_a_title_case_headline_credits_nobody_its_body_does_not_name():
    document = document_from_text(
        "Bell To Whitfield: Drop Out\n\nWhitfield said he would stay. \"I will win,\" he said.")
    names = {s.name for s in find_sources(document).speakers} - {""}  # "" an unresolved "he"
    assert names == {"Whitfield"}


def test_the_actors_command_shows_and_writes_the_cast(tmp_path: Path):
    from conftest import run_cli

    written = tmp_path / "cast.toml"
    files = [str(p) for p in sorted(CAST.glob("*.txt"))]
    shown = run_cli("actors", *files, "--explain", "--write", str(written))
    assert shown.returncode == 0, shown.stderr.decode()
    out = shown.stdout.decode()
    # the titled forms are listed with the rule that stripped the title; the cast merges the surname
    # across articles
    assert "Tom Whitfield" in out and "'Whitfield' [courier 2, gazette 2, ledger 3]" in out
    assert "surname: the one person of that surname" in out
    assert ("'Missouri Rep. Tom Whitfield' [ledger 1]: title: 'missouri rep.' is not part of the name; "
            "merged in the article into 'Tom Whitfield', then full name") in out
    assert "'Mr. Whitfield' [courier 1]: title: 'mr.' is not part of the name" in out
    from framing.nlp.entities import ActorSet

    starter = {a.name: a for a in ActorSet.load(written).actors}
    assert starter["Tom Whitfield"].side == "Republican Party"
    assert "Whitfield" in starter["Tom Whitfield"].aliases
    assert "Mr. Whitfield" not in starter["Tom Whitfield"].aliases  # the matcher finds "Whitfield" in it
    assert all(alias not in ("I", "He", "he") for a in starter.values() for alias in a.aliases)
    again = run_cli("compare", *files, "--only", "actors", "--actors", str(written), "-f", "csv")
    assert again.returncode == 0, again.stderr.decode()


def test_short_forms_accents_and_a_far_more_named_namesake():
    notes = _notes("Joe Lieberman", "Joseph I. Lieberman", "Raúl Labrador", "Raul Labrador",
                   "Dave Brat", "David Brat")
    view = build_cast([("a", notes)]).article(notes)
    assert view.name("Joe Lieberman") == view.name("Joseph I. Lieberman")
    assert view.name("Raul Labrador") == view.name("Raúl Labrador")
    assert view.name("Dave Brat") == view.name("David Brat")
    busy = [ActorNote("Bernie Sanders", "person", 12), ActorNote("Sarah Sanders", "person", 2),
            ActorNote("Sanders", "", 9)]
    assert build_cast([("a", busy)]).article(busy).name("Sanders") == "Bernie Sanders"
    close = [ActorNote("Bernie Sanders", "person", 3), ActorNote("Sarah Sanders", "person", 2),
             ActorNote("Sanders", "", 9)]
    assert build_cast([("a", close)]).article(close).name("Sanders") == "Sanders"


def test_a_titled_name_is_a_person_whatever_kind_a_note_gives_it():
    notes = [ActorNote("Senate Minority Leader Chuck Schumer", "organisation", 2),
             ActorNote("Chuck Schumer", "person", 3), ActorNote("Senate", "organisation", 1)]
    view = build_cast([("a", notes)]).article(notes)
    assert view.name("Senate Minority Leader Chuck Schumer") == "Chuck Schumer"
    assert view.name("Senate") == "Senate"


@pytest.mark.parametrize("name, kind", [
    ("General Services Administration", "institution"), ("Major League Baseball", "organisation"),
    ("General Accounting Office", "organisation"),
])
def test_a_body_whose_name_opens_with_a_title_word_keeps_its_name_and_kind(name, kind):
    notes = [ActorNote(name, kind, 2), ActorNote("Gen. Ann Hale", "person", 1)]
    view = build_cast([("a", notes)]).article(notes)
    assert view.name(name) == name and view.actor(name).kind == kind
    assert view.name("Gen. Ann Hale") == "Ann Hale"  # a person's title still goes


@pytest.mark.parametrize("name, party", [
    ("GOP", True), ("Republicans", True), ("Democratic Party", True),
    ("Republican National Committee", True), ("Republican leadership", False),
    ("Democratic Leader Chuck Schumer", False),
])
def test_a_party_is_typed_by_its_name(name, party):
    notes = [ActorNote(name, "", 1)]
    actor = build_cast([("a", notes)]).article(notes).actor(name)
    assert (actor.kind == "party") == party


def test_the_cast_and_speaker_word_lists_are_read_on_first_use_not_at_import():
    """A non-editable install run from a checkout's root has no ``framing.corpora`` to read, and
    ``framing --version`` should read nothing: importing the modules loads none of their lists."""
    import subprocess
    import sys

    script = (
        "import framing.nlp.cast, framing.nlp.cast_names, framing.nlp.attribution\n"
        "from framing.nlp import gazetteers\n"
        "from framing.nlp.attribution import words\n"
        "loaded = [f.__name__ for f in (gazetteers.name_roles, gazetteers.given_names, gazetteers.titles,"
        " framing.nlp.cast_names.cast_titles, words.speaker_nouns) if f.cache_info().currsize]\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in done.stdout, done.stdout[-500:] + done.stderr[-500:]


def test_given_name_short_forms_and_title_words_come_from_the_bundled_lists():
    from framing.nlp.cast_names import cast_titles, parse_name, title_gender

    # "Joe" and "Joseph" are one given name (given_names.tsv); "Rival" titles a person (name_roles.tsv)
    assert parse_name("Joe Biden").given == parse_name("Joseph Biden").given == ("joseph",)
    assert "rival" in cast_titles() and parse_name("Rival Ann Roe").titles == ("rival",)
    assert title_gender()["congresswoman"] == "female"


def test_a_description_with_a_title_word_inside_is_not_a_titled_name():
    # "Justice" is a title, but the words after it are no person's name: the description stays whole
    name = parse_name("A former Justice Department fraud unit prosecutor", "description")
    assert not name.person and name.text.endswith("Justice Department fraud unit prosecutor")
    assert parse_name("Rep. Ann Roe", "description").text == "Ann Roe"


def test_a_news_organisation_that_speaks_is_one_media_actor_with_or_without_its_article():
    # the actors' note keeps "The", the speakers' note drops it: one actor, typed media
    notes = [ActorNote("The Harbor Ledger", "media", 1),
             ActorNote("Harbor Ledger", "", 1, (("Harbor Ledger", 1),), "", "other", "", "", False, 1)]
    cast = build_cast([("a", notes)])
    view = cast.article(notes)
    assert view.actor("Harbor Ledger") is view.actor("The Harbor Ledger")
    assert view.actor("Harbor Ledger").kind == "media"
    assert view.actor("Harbor Ledger").type == "media"
    assert [a.name for a in cast.named()] == ["Harbor Ledger"]


def test_a_plural_title_types_the_person_it_titles():
    notes = [ActorNote("Tom Harlow", "person", 2, (("Senators Tom Harlow", 1), ("Tom Harlow", 1)))]
    assert build_cast([("a", notes)]).article(notes).actor("Tom Harlow").type == "legislator"


# Invented: one article names the first lady in full and her husband only as "Mr. Varden" and
# "President Varden"; another names him in full; a third names only her.
VARDEN = {
    "gala": "The first lady, Michelle Varden, opened the gala. Mr. Varden spoke after her, and "
            "President Varden thanked the crowd. Mr. Varden said the vote mattered.\n",
    "rally": "President Paul Varden spoke at the rally. Varden said the vote mattered.\n",
    "visit": "Michelle Varden visited a school on Monday. She read to the pupils.\n",
}


def _compare(tmp_path: Path, *names: str):
    files = []
    for name in names:
        path = tmp_path / f"{name}.txt"
        path.write_text(VARDEN[name], encoding="utf-8")
        files.append(str(path))
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    return _targets(run(files, load_manager(), config, only=ONLY), "actors", "mentions")


def test_a_surname_kept_apart_by_gender_resolves_to_the_full_name_elsewhere_never_to_her(tmp_path):
    mentions = _compare(tmp_path, "gala", "rally", "visit")
    assert mentions["Paul Varden"] == {"gala", "rally"}  # "Mr. Varden" is the man the rally names
    assert mentions["Michelle Varden"] == {"gala", "visit"}
    alone = _compare(tmp_path, "gala", "visit")  # nobody names him in full: his own row, not hers
    assert alone["Varden"] == {"gala"} and alone["Michelle Varden"] == {"gala", "visit"}


def test_a_place_word_ends_a_place_unless_the_notes_give_an_institution():
    notes = [ActorNote("White House", "institution", 3), ActorNote("Marston Tower", "person", 1),
             ActorNote("Rose Garden", "", 1)]
    view = build_cast([("a", notes)]).article(notes)
    assert view.actor("White House").kind == "institution"
    assert view.actor("Marston Tower").kind == "place"
    assert view.actor("Rose Garden").kind == "place"


def test_an_armed_group_is_one_group_whichever_name_speaks(tmp_path: Path):
    path = tmp_path / "raid.txt"
    path.write_text("Raid on a border post leaves four dead\n\nThe Islamic State claimed the raid on the "
                    "border post on Tuesday. Islamic State fighters fled across the river. ISIS said in "
                    "a statement that it would strike again. The Taliban rejected the talks.\n",
                    encoding="utf-8")
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    cast = run([str(path)], load_manager(), config, only=ONLY).cast
    found = {a.name: a for a in cast.named()}
    assert {"Islamic State", "Taliban"} <= set(found) and "ISIS" not in found
    assert found["Islamic State"].kind == found["Taliban"].kind == "group"
    assert found["Islamic State"].type == "armed_group"
    assert found["Islamic State"].speaks


def test_a_speaker_named_by_a_form_of_an_organisation_joins_it():
    # the actors' note names the site by its short name and counts the long one among its forms;
    # the speakers' note writes the long one with "The" and no kind: one actor, one row
    notes = [ActorNote("HarborNet", "media", 2, (("HarborNet", 1), ("Harbor Network", 1))),
             ActorNote("The Harbor Network", "", 0, (("The Harbor Network", 1),), "", "media", "", "",
                       False, 2)]
    cast = build_cast([("a", notes)])
    view = cast.article(notes)
    assert view.actor("The Harbor Network") is view.actor("HarborNet")
    assert len(cast.named()) == 1
    # a person's surname that another note counts as a form stays the rule of the surname
    people = [ActorNote("Ada Roe", "person", 3, (("Ada Roe", 1), ("Roe", 2))),
              ActorNote("Ben Roe", "person", 1, (("Ben Roe", 1),))]
    assert build_cast([("a", people)]).article(people).actor("Ben Roe").name == "Ben Roe"

