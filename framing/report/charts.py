"""The report's charts: matplotlib figures written as inline SVG (no image files, no JavaScript).

Analyzers draw their own charts (an optional ``charts(result)`` method returning :class:`Chart`
objects) with the helpers here; the report knows none of them. matplotlib is imported only when a
report is rendered, so the other commands do not pay its import time. An analyzer draws a chart when
the run has the records it needs. Every series has a hatch pattern as well as an Okabe-Ito colour,
so no chart relies on colour alone.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from framing.model import Metric, RunResult
from framing.report.evidence import PALETTE

WIDTH = 4.8  # inches
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")


@dataclass(frozen=True)
class Chart:
    """One figure: its title, the SVG markup and a caption saying how the numbers are made."""

    title: str
    svg: str
    caption: str


def charts(result: RunResult) -> list[Chart]:
    """Every chart the run's analyzers draw (``charts(result)``, optional), in analyzer order."""
    drawn: list[Chart] = []
    for analyzer in result.analyzers.values():
        draw = getattr(analyzer, "charts", None)
        if draw is not None:
            drawn.extend(draw(result))
    # Several inline SVGs share one page and one id space: number each chart's ids.
    return [replace(chart, svg=_prefix_ids(chart.svg, f"chart{number}-"))
            for number, chart in enumerate(drawn)]


def metric(result: RunResult, analyzer: str, name: str) -> Metric | None:
    """The declaration of one metric, if the run has it."""
    return next((m for m in result.catalogue.get(analyzer, ()) if m.name == name), None)


def values(result: RunResult, analyzer: str, name: str) -> dict[str, dict[str, float]]:
    """target -> article id -> value, for the records of one metric (None values left out)."""
    return result.values(analyzer, name, skip_missing=True)  # type: ignore[return-value]


def _articles(result: RunResult) -> list[str]:
    return [a.document.article.id for a in result.articles]


def _names(result: RunResult) -> dict[str, str]:
    """Article id -> the short label the first screen uses: long ids would crowd a phone's chart."""
    from framing.compare.screen import screen_labels

    return screen_labels(result)


def stacked_bars(result: RunResult, values: dict[str, dict[str, float]], unit: str) -> str:
    """One horizontal bar per article, one segment per target (colour and hatch)."""
    articles = _articles(result)
    figure, axes = _figure(len(articles) * 0.35 + 1.0)
    left = [0.0] * len(articles)
    for number, target in enumerate(values):
        widths = [values[target].get(article, 0.0) for article in articles]
        axes.barh(range(len(articles)), widths, left=left, label=target,
                  color=PALETTE[number % len(PALETTE)], hatch=HATCHES[number % len(HATCHES)],
                  edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, widths)]
    names = _names(result)
    axes.set_yticks(range(len(articles)), [names.get(a, a) for a in articles])
    axes.invert_yaxis()
    axes.set_xlabel(unit)
    _legend(figure, len(values))
    return _svg(figure)


def grouped_bars(
    result: RunResult,
    categories: Sequence[str],
    values: dict[str, dict[str, float]],
    unit: str,
    labels: dict[tuple[str, str], str] | None = None,
    limits: tuple[float, float] | None = None,
) -> str:
    """Horizontal bars: one group per category, one bar per article (colour and hatch)."""
    articles = _articles(result)
    names = _names(result)
    height = 0.8 / max(1, len(articles))
    figure, axes = _figure(len(categories) * (0.13 * len(articles) + 0.15) + 1.0)
    for number, article in enumerate(articles):
        positions = [c + number * height for c in range(len(categories))]
        widths = [values.get(category, {}).get(article, 0.0) for category in categories]
        bars = axes.barh(positions, widths, height=height, label=names.get(article, article),
                         color=PALETTE[number % len(PALETTE)],
                         hatch=HATCHES[number % len(HATCHES)], edgecolor="white", linewidth=0.5)
        if labels:
            texts = [labels.get((category, article), "") for category in categories]
            axes.bar_label(bars, texts, padding=2, fontsize=8)
    axes.set_yticks([c + 0.4 - height / 2 for c in range(len(categories))],
                    [_short(category) for category in categories])
    axes.invert_yaxis()
    axes.axvline(0, color="#333333", linewidth=0.8)
    if limits:
        axes.set_xlim(*limits)
    axes.set_xlabel(unit)
    _legend(figure, len(articles))
    return _svg(figure)


def _short(text: str, width: int = 32) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _figure(height: float) -> tuple[Any, Any]:
    from matplotlib.figure import Figure  # lazily: only reports pay matplotlib's import time

    # 4.8 inches wide (about 460 px): on a 390 px phone the figure shrinks by less than a fifth,
    # so 9-point labels stay readable; the page widens it up to 40rem on a large screen.
    figure = Figure(figsize=(WIDTH, min(max(height, 2.0), 12)), layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=9)
    axes.grid(axis="x", color="#dddddd", linewidth=0.5)
    axes.set_axisbelow(True)
    return figure, axes


def _legend(figure: Any, entries: int) -> None:
    """Below the plot, not beside it: the bars keep the figure's whole width."""
    figure.legend(fontsize=9, frameon=False, loc="outside lower center", ncols=min(entries, 3))


def _svg(figure: Any) -> str:
    """The figure as an ``<svg>`` element: no XML prologue, metadata or DOCTYPE (it has a URL)."""
    import matplotlib

    buffer = io.StringIO()
    # Text stays text (accessible, small); ids are stable so two runs write the same file. The
    # browser draws that text with its own fonts, so matplotlib's "Glyph ... missing from font"
    # (a CJK name, an emoji, measured with DejaVu Sans) says nothing about the page: silenced.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "framing",
                                "font.family": "sans-serif"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None,
                                                        "Format": None, "Type": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return svg


def _prefix_ids(svg: str, prefix: str) -> str:
    """Prefix every id and every reference to one."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
