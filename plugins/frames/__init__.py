"""Frames: indicator-lexicon scores for generic news frames and policy frame dimensions.

Two schemes ship in ``corpora/frames/`` (CC BY 4.0, the framing team): Semetko and Valkenburg's
(2000) five generic frames and Boydstun et al.'s (2014) policy frame dimensions. Each frame has a
list of cue words and phrases written from the scheme's definitions; all cues are matched once with
the shared PhraseMatcher over the whole article (headline included). A cue listed under two frames
counts for both.

Per frame the analyzer reports cues per 1,000 words and the frame's share of the scheme's cues in
the article (the frame distribution). A cue count is an indicator of the vocabulary a frame uses,
not a human coder's judgement of the story's frame.

With ``framing compare --set frames.model=frames.json`` (or ``model = "frames.json"`` under
``[settings.frames]`` in framing.toml) it also reports a classifier's predicted frame distribution:
the mean of the predicted probabilities over the headline and paragraphs (see ``framing train``).
A broken model file stops the run before any article.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

from framing import Document, Measurement, Metric, Span, hookimpl
from framing.config import Setting, read_settings
from framing.nlp.matcher import PhraseMatcher

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCHEMES = ("generic", "policy")

METRICS = (
    Metric("generic_cues", "Generic frame cues", "cues per 1,000 words", "neutral",
           "Matches of the frame's indicator lexicon (corpora/frames/generic.toml; Semetko and "
           "Valkenburg 2000) per 1,000 word tokens of the article, headline included.",
           per_target=True),
    Metric("generic_share", "Generic frame share", "share (0-1)", "neutral",
           "The frame's cues divided by all generic-frame cues in the article (a cue in two "
           "frames counts for both); empty when the article has none.", per_target=True),
    Metric("policy_cues", "Policy frame cues", "cues per 1,000 words", "neutral",
           "Matches of the dimension's indicator lexicon (corpora/frames/policy.toml; Boydstun "
           "et al. 2014) per 1,000 word tokens of the article, headline included.",
           per_target=True),
    Metric("policy_share", "Policy frame share", "share (0-1)", "neutral",
           "The dimension's cues divided by all policy-frame cues in the article; empty when the "
           "article has none.", per_target=True),
    Metric("predicted", "Predicted frame", "probability (0-1)", "neutral",
           "Mean predicted probability of the frame over the headline and paragraphs, from the "
           "classifier given with --set frames.model=PATH (TF-IDF + logistic regression, `framing train`).",
           per_target=True),
)


@dataclass(frozen=True)
class Frame:
    """One frame of a scheme: its name, label and cues."""

    scheme: str
    name: str
    label: str
    cues: tuple[str, ...]


def load_frames() -> list[Frame]:
    """The frames of both shipped schemes, in file order."""
    frames = []
    folder = resources.files("framing.corpora") / "frames"
    for scheme in SCHEMES:
        data = tomllib.loads((folder / f"{scheme}.toml").read_text(encoding="utf-8"))
        for entry in data["frame"]:
            frames.append(Frame(scheme, entry["name"], entry["label"], tuple(entry["cues"])))
    return frames


SETTINGS = (
    Setting("model", Path, None,
            "A frame classifier (JSON) from `framing train`: adds its predicted frame distribution."),
)


class Frames:
    name = "frames"
    version = "1.0"
    metrics = METRICS
    settings = SETTINGS

    def __init__(self, model_path: Path | None = None) -> None:
        self.frames = load_frames()
        # each frame's place in a list (equal frames share one): a match's payloads are places, so
        # analyze() never hashes a frame (its hash reads every cue) per match
        self.places: dict[Frame, int] = {}
        for frame in self.frames:
            self.places.setdefault(frame, len(self.places))
        self.labels = [f"{frame.scheme}:{frame.name}" for frame in self.places]  # the spans' labels
        self.matcher: PhraseMatcher[int] = PhraseMatcher(
            (cue, self.places[frame]) for frame in self.frames for cue in frame.cues)
        self.model = None
        if model_path is not None:
            from framing.plugins.frames.model import load

            self.model = load(model_path)

    def analyze(self, document: Document) -> list[Measurement]:
        words = document.words_before[-1]
        found: list[list[Span]] = [[] for _ in self.places]
        for match in self.matcher.find_in(document):
            for place in dict.fromkeys(match.payloads):
                found[place].append(Span(match.start, match.end, self.labels[place]))
        hits = {frame: found[place] for frame, place in self.places.items()}
        measurements = []
        for scheme in SCHEMES:
            frames = [f for f in self.frames if f.scheme == scheme]
            total = sum(len(hits[f]) for f in frames)
            for frame in frames:
                spans = tuple(hits[frame])
                cues = Counter(document.slice(s.start, s.end).lower() for s in spans)
                detail = ", ".join(f"'{cue}' x{n}" for cue, n in cues.most_common(8))
                detail = f"{len(spans)} cues: {detail}" if spans else "no cues"
                measurements.append(Measurement(
                    f"{scheme}_cues", 1000 * len(spans) / words if words else None,
                    frame.label, detail, spans))
                measurements.append(Measurement(
                    f"{scheme}_share", len(spans) / total if total else None, frame.label,
                    f"{len(spans)} of {total} {scheme}-frame cues"))
        if self.model is not None:
            measurements.extend(self._predicted(document))
        return measurements

    def _predicted(self, document: Document) -> list[Measurement]:
        assert self.model is not None
        texts = [document.slice(b.start, b.end) for b in document.blocks]
        texts = [text for text in texts if text.strip()]
        probabilities = self.model.predict_proba(texts).mean(axis=0)
        detail = f"mean over {len(texts)} blocks (headline and paragraphs)"
        return [Measurement("predicted", float(p), label, detail)
                for label, p in zip(self.model.labels, probabilities, strict=True)]


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    register(Frames(read_settings(config, "frames", SETTINGS)["model"]))


@hookimpl
def framing_register_commands(app: typer.Typer) -> None:
    """``framing train``: a frame classifier fitted on the user's own coded texts."""
    from framing.plugins.frames.train import train

    app.command("train")(train)
