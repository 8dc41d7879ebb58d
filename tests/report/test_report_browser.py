"""The HTML report in a real browser: headless Chromium driven by playwright.

Uses the system's Chromium (Debian's ``chromium``; .ci/run installs it) and never downloads a
browser. Without playwright or Chromium these tests skip and say which one is missing.
"""

from __future__ import annotations

import io
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_report import HOSTILE, compared, distinct_spans

from framing.report import render_report

CHROMIUM = os.environ.get("FRAMING_CHROMIUM") or next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None,
                       reason="playwright is not installed: pip install '.[test]'"),
    pytest.mark.skipif(CHROMIUM is None,
                       reason="no chromium on PATH (apt-get install chromium, or set "
                              "FRAMING_CHROMIUM); the browser tests need a real browser"),
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    result = compared([str(EXAMPLES)])
    path = tmp_path_factory.mktemp("report") / "examples.html"
    path.write_text(render_report(result), encoding="utf-8")
    return result, path


class Visit:
    """A page opened from disk, with every console message, page error and request recorded."""

    def __init__(self, browser, path: Path, width: int = 1400) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.messages: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.messages.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.messages.append(f"dialog: {d.message}"),
                                          d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url, wait_until="load")

    @property
    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]


def test_the_page_loads_with_no_console_message_and_no_request(browser, example_report):
    _, path = example_report
    visit = Visit(browser, path)
    assert visit.page.title() == "framing report"
    assert visit.messages == []
    assert visit.outside_requests == []
    visit.page.close()


def test_each_layer_shows_one_highlight_per_analyzer_span(browser, example_report):
    result, path = example_report
    visit = Visit(browser, path)
    shown = visit.page.evaluate("""() => {
        const spans = {};
        document.querySelectorAll('mark.hl[data-span]').forEach(m => {
            spans[m.dataset.span] = m.closest('article').dataset.article;
        });
        return spans;
    }""")
    per_article = Counter(shown.values())
    expected = {article: len(spans) for article, spans in distinct_spans(result).items()}
    assert per_article == expected
    titles = visit.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        'input.toggle')].map(i => [i.dataset.title, new Set([...document.querySelectorAll(
        'mark.hl[data-layer="' + i.dataset.layer + '"]')].map(m => m.dataset.span)).size]))""")
    scare = sum(r.value or 0 for r in result.records
                if (r.analyzer, r.metric) == ("loaded_language", "scare_quotes"))
    attributions = sum(r.value or 0 for r in result.records
                       if (r.analyzer, r.metric) == ("sources", "attributions"))
    assert titles["Scare quotes"] == scare > 0
    assert titles["Quotations and reported speech, shaded by the speaker's side"] == attributions
    visit.page.close()


def test_toggles_hide_and_show_a_layer(browser, example_report):
    _, path = example_report
    visit = Visit(browser, path)
    page = visit.page
    title = "Quotations and reported speech, shaded by the speaker's side"
    toggle = page.locator(f'input.toggle[data-title="{title}"]')
    layer = toggle.get_attribute("data-layer")
    first = page.locator(f'mark.hl[data-layer="{layer}"]').first

    def background() -> str:
        return first.evaluate("m => getComputedStyle(m).backgroundColor")

    assert not toggle.is_checked()  # the first finding is not about quotations: off at first
    assert background() == "rgba(0, 0, 0, 0)"
    toggle.check()
    shaded = background()
    assert shaded != "rgba(0, 0, 0, 0)"
    assert title in page.locator("details.legend .shown").inner_text()
    toggle.uncheck()
    hidden = page.evaluate(f"""() => [...document.querySelectorAll(
        'mark.hl[data-layer="{layer}"]')].every(m => m.classList.contains('off'))""")
    assert hidden
    assert background() == "rgba(0, 0, 0, 0)"
    toggle.check()
    assert background() == shaded
    # A layer that starts switched off turns on.
    naming = page.locator('input.toggle[data-title="Naming choices"]')
    assert not naming.is_checked()
    naming.check()
    naming_layer = naming.get_attribute("data-layer")
    weight = page.locator(f'mark.hl[data-layer="{naming_layer}"]').first.evaluate(
        "m => getComputedStyle(m).fontWeight")
    assert weight == "700"
    assert visit.messages == []
    page.close()


def test_clicking_a_speaker_row_scrolls_to_and_flashes_its_spans(browser, example_report):
    _, path = example_report
    visit = Visit(browser, path)
    page = visit.page
    row = page.locator("#tables tr.cited", has_text="Lera Voss").first
    refs = row.get_attribute("data-ref").split()
    row.click()
    flashing = page.evaluate("""refs => [...document.querySelectorAll('mark.hl.flash')].map(
        m => m.dataset.refs.split(' ').some(r => refs.includes(r)))""", refs)
    assert flashing and all(flashing)
    # The smooth scroll ends with the first flashing highlight in view (waited for, not assumed).
    page.wait_for_function("""() => { const m = document.querySelector('mark.hl.flash');
        const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }""",
                           timeout=1600)
    page.close()


def test_the_hostile_article_runs_nothing_and_shows_its_markup(browser, tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    path = tmp_path / "hostile.html"
    path.write_text(render_report(compared([str(source), str(EXAMPLES / "wire_neutral.txt")])),
                    encoding="utf-8")
    visit = Visit(browser, path)
    page = visit.page
    page.locator("mark.hl").first.hover()
    page.mouse.move(5, 5)
    assert page.evaluate("() => window.__xss") is None
    text = page.locator("#highlights").inner_text()
    assert "<script>window.__xss = 1</script>" in text
    assert "<b onmouseover=alert(1)>regime</b>" in text
    assert page.locator("#highlights img").count() == 0
    assert visit.messages == []
    assert visit.outside_requests == []
    page.close()


def test_articles_stand_side_by_side_and_stack_on_a_narrow_screen(browser, example_report):
    _, path = example_report
    for width, side_by_side in ((1400, True), (420, False)):
        visit = Visit(browser, path, width=width)
        lefts = visit.page.evaluate(
            "() => [...document.querySelectorAll('article.column')].map("
            "a => Math.round(a.getBoundingClientRect().left))")
        assert len(lefts) == 4
        assert (len(set(lefts)) > 1) == side_by_side, (width, lefts)
        visit.page.close()


def test_a_screenshot_of_the_examples_report_is_not_blank(browser, example_report, tmp_path):
    from matplotlib.image import imread

    _, path = example_report
    visit = Visit(browser, path)
    for section in ("#charts", "#highlights"):
        png = visit.page.locator(section).screenshot()
        (tmp_path / f"{section[1:]}.png").write_bytes(png)
        pixels = imread(io.BytesIO(png))[..., :3]
        assert pixels.shape[0] > 300 and pixels.shape[1] > 300
        inked = (pixels.min(axis=2) < 0.9).mean()  # share of pixels that are not near-white
        colours = len({tuple(p) for p in (pixels[::7, ::7] * 255).astype(int).reshape(-1, 3)})
        assert inked > 0.02, (section, inked)
        assert colours > 20, (section, colours)  # text alone would be greys: the highlights show
    visit.page.close()


# --- a phone and a desktop --------------------------------------------------------------------------

WIDTHS = (390, 1400)


@pytest.fixture(scope="module")
def story_report(tmp_path_factory):
    """The team-written stories corpus with its story column: the coverage view is on the page."""
    from test_report_stories import _corpus

    folder = tmp_path_factory.mktemp("stories")
    result = compared([str(_corpus(folder / "with_story.csv", True))])
    path = folder / "stories.html"
    path.write_text(render_report(result), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_page_scroll_and_readable_charts(browser, example_report, story_report,
                                                       width, tmp_path):
    from matplotlib.image import imread

    for path in (example_report[1], story_report):
        visit = Visit(browser, path, width=width)
        page = visit.page
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        # A table wider than the screen scrolls inside its own box, which fits the screen.
        escaping = page.evaluate("""() => [...document.querySelectorAll('table')].filter(t => {
            const box = t.closest('.scroll');
            return t.getBoundingClientRect().width > innerWidth && !(box && getComputedStyle(box)
                .overflowX === 'auto' && box.getBoundingClientRect().width <= innerWidth); }).length""")
        assert escaping == 0
        charts = page.evaluate("""() => [...document.querySelectorAll('figure.chart svg')].map(
            s => [s.getBoundingClientRect().width, s.parentElement.getBoundingClientRect().width])""")
        assert all(0 < drawn <= box + 0.5 for drawn, box in charts)
        heights = page.evaluate("""() => [...document.querySelectorAll('figure.chart svg text')]
            .map(t => t.getBoundingClientRect().height).filter(h => h > 0)""")
        if path == example_report[1]:
            assert len(charts) == 4 and min(heights) >= 9, min(heights)  # about 9 px letters or more
        assert float(page.evaluate("() => getComputedStyle(document.body).fontSize")[:-2]) >= 15
        shot = tmp_path / f"{path.stem}-{width}.png"
        shot.write_bytes(page.screenshot(full_page=True))
        pixels = imread(str(shot))
        assert pixels.shape[1] == width  # nothing was drawn beyond the screen's width
        assert visit.messages == []
        page.close()


def test_a_finding_switches_its_layer_on_and_the_panel_folds(browser, example_report):
    _, path = example_report
    visit = Visit(browser, path, width=390)
    page = visit.page
    checked = page.locator("input.toggle:checked")
    assert checked.count() == 1
    button = page.locator("#findings button.show-layer").nth(1)
    layer = button.get_attribute("data-layer")
    toggle = page.locator(f'input.toggle[data-layer="{layer}"]')
    was_on = toggle.is_checked()
    button.click()
    assert toggle.is_checked()
    assert page.locator("input.toggle:checked").count() == 1 + (not was_on)
    off = page.evaluate(f"""() => [...document.querySelectorAll('mark.hl[data-layer="{layer}"]')]
        .filter(m => m.classList.contains('off')).length""")
    assert off == 0
    panel = page.locator("details.legend .layers")
    assert panel.is_visible()
    page.locator("details.legend > summary").click()
    assert not panel.is_visible()
    assert page.locator("details.legend > summary").bounding_box()["height"] < 60  # one line
    assert visit.messages == []
    page.close()


def test_the_row_marker_is_drawn_not_a_character(browser, example_report):
    _, path = example_report
    visit = Visit(browser, path)
    marker = visit.page.locator("tr.cited td.pin").first
    assert marker.inner_text() == ""
    ring = marker.evaluate("""c => { const s = getComputedStyle(c, '::before');
        return [s.borderTopStyle, s.borderRadius, s.width]; }""")
    assert ring[0] == "solid" and ring[1] == "50%" and ring[2] != "auto"
    visit.page.close()


def test_a_storys_button_shows_its_articles_side_by_side(browser, story_report):
    visit = Visit(browser, story_report, width=1400)
    page = visit.page

    def visible() -> list[str]:
        return page.evaluate("""() => [...document.querySelectorAll('article.column')]
            .filter(a => !a.hidden).map(a => a.dataset.article)""")

    assert len(visible()) == 6
    page.locator('button.show-story[data-story="bridge"]').click()
    assert visible() == ["a-bridge", "b-bridge-1", "b-bridge-2"]
    tops = page.evaluate("""() => [...document.querySelectorAll('article.column')]
        .filter(a => !a.hidden).map(a => Math.round(a.getBoundingClientRect().top))""")
    assert len(set(tops)) == 1  # side by side
    assert "bridge" in page.locator(".story-shown").inner_text()
    page.locator(".story-shown button").click()
    assert len(visible()) == 6
    assert visit.messages == []
    page.close()
