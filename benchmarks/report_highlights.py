"""How much of each paragraph the HTML report highlights when it opens, on real news.

Usage: python benchmarks/report_highlights.py [--stories N]

Renders the report of the first N three-outlet BASIL development stories (../shared, never copied
into the repository) and counts, per paragraph of 80 characters or more, the characters inside a
highlight that is drawn when the page opens (a mark neither switched off nor drawn faintly as the
rest of a long span). Issue 18 asks that highlights never box most words of a paragraph.

2026-12-06, first 10 stories, 500 paragraphs: before (main at e63cfdc) 10-13 layers on at open and
299 paragraphs over half highlighted (mean share 0.572); after (one layer, spans capped) 1 layer
and 0 paragraphs (mean share 0.098).
"""

from __future__ import annotations

import argparse
from html.parser import HTMLParser
from pathlib import Path

from framing.compare.comparison import complete
from framing.host.manager import load_manager
from framing.host.runner import run
from framing.report import render_report

BASIL = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "basil-dev" / "texts"
LONG = 80  # characters: shorter blocks (a headline, a dateline) are left out


class Paragraphs(HTMLParser):
    """(characters, characters highlighted at open) per block of every article column."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_column = False
        self.block: list[int] | None = None
        self.open: list[bool] = []
        self.blocks: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and "column" in classes:
            self.in_column = True
        elif self.in_column and tag in ("p", "h3", "h4") and "article-id" not in classes:
            self.block = [0, 0]
        elif tag == "mark" and self.block is not None:
            self.open.append("off" not in classes and "rest" not in classes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.block is not None:
            self.open.pop()
        elif tag in ("p", "h3", "h4") and self.block is not None:
            self.blocks.append((self.block[0], self.block[1]))
            self.block = None
        elif tag == "article":
            self.in_column = False

    def handle_data(self, data: str) -> None:
        if self.block is not None:
            self.block[0] += len(data)
            if any(self.open):
                self.block[1] += len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10)
    stories = parser.parse_args().stories
    if not BASIL.is_dir():
        raise SystemExit(f"{BASIL}: not found (the BASIL development stories live beside the checkout)")
    stems = sorted({p.name.rsplit("_", 1)[0] for p in BASIL.glob("*.txt")})[:stories]
    blocks: list[tuple[int, int]] = []
    layers_on = []
    for stem in stems:
        inputs = [str(p) for p in sorted(BASIL.glob(f"{stem}_*.txt"))]
        result = run(inputs, load_manager(), {"settings": {}, "lexicons": [], "actors": None})
        complete(result, inputs)
        page = render_report(result)
        paragraphs = Paragraphs()
        paragraphs.feed(page)
        blocks.extend(paragraphs.blocks)
        toggles = page.split('class="toggle"')[1:]
        layers_on.append(sum(" checked>" in toggle.split(">", 1)[0] + ">" for toggle in toggles))
    long = [(n, drawn) for n, drawn in blocks if n >= LONG]
    print(f"{len(stems)} stories, {len(long)} paragraphs of {LONG}+ characters; layers on at open: "
          f"{min(layers_on)}-{max(layers_on)}")
    print(f"paragraphs over half highlighted at open: {sum(d > n / 2 for n, d in long)}; "
          f"mean highlighted share {sum(d / n for n, d in long) / len(long):.3f}")


if __name__ == "__main__":
    main()
