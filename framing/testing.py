"""Helpers for testing analyzer plugins (yours or framing's own).

Use them from pytest::

    from framing.testing import analyze_text, check_declared_metrics

    def test_my_analyzer():
        values = analyze_text(MyAnalyzer(), "Officials said the plan was a disaster.")
        assert values["disaster_words"] == 1

or load them as a pytest plugin (``pytest_plugins = ["framing.testing"]``) for the ``make_document``
fixture.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from framing.model import Analyzer, Document, Measurement
from framing.text.pipeline import document_from_text


def measurements(analyzer: Analyzer, text: str, title: str = "") -> list[Measurement]:
    """Run one analyzer on a text, segmented exactly as ``framing`` does for a file."""
    return list(analyzer.analyze(document_from_text(text, title=title)))


def analyze_text(analyzer: Analyzer, text: str, title: str = "") -> dict[str, float | None]:
    """Values by metric name (``metric[target]`` for per-target metrics)."""
    return {
        f"{m.metric}[{m.target}]" if m.target else m.metric: m.value
        for m in measurements(analyzer, text, title)
    }


def check_declared_metrics(analyzer: Analyzer, text: str) -> None:
    """Fail unless every returned metric is declared and every declared one is returned.

    Per-target metrics may be absent (an article can mention no actor); every other declared metric
    must come back, with None where it does not apply.
    """
    declared = {m.name for m in analyzer.metrics}
    required = {m.name for m in analyzer.metrics if not m.per_target}
    returned = {m.metric for m in measurements(analyzer, text)}
    assert returned <= declared, f"undeclared metrics: {sorted(returned - declared)}"
    assert required <= returned, f"declared but not returned: {sorted(required - returned)}"
    for metric in analyzer.metrics:
        assert metric.unit and metric.direction and metric.description, (
            f"metric {metric.name!r} needs a unit, a direction and a description"
        )


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """A factory: ``make_document("Text ...", title="Headline")`` -> a segmented Document."""
    return document_from_text
