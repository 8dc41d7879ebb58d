"""Frames: indicator lexicons, the JSON frame classifier, `framing train` and the frames.model setting."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import run_cli

from framing.plugins.frames import Frames, load_frames
from framing.plugins.frames import model as frames_model
from framing.plugins.frames.model import FramesModelError
from framing.text.pipeline import document_from_text

CONFLICT = (
    "Rival factions clash over border\n\nThe two rival factions traded accusations on Monday. "
    "Each side blamed the other for the clashes, and opposition leaders denounced the "
    "government's response. The dispute threatens to escalate."
)
HUMAN = (
    "A mother's long wait\n\nAmina, a mother of three, wept as she recalled the night her "
    "children fled. Her daughter still has nightmares, she said. Neighbours brought blankets to "
    "the family, and the grief in the small home was hard to bear."
)

# A small hand-coded set written for these tests: three frames, eight paragraphs each.
CODED = {
    "economic": [
        "The factory closure will cost the region thousands of jobs and millions in revenue.",
        "Shares fell sharply as investors feared the new tariffs would hurt exports.",
        "The budget deficit widened after tax revenue dropped for a third quarter.",
        "Farmers say the drought has doubled the price of feed and cut their income.",
        "Economists expect the recession to push unemployment above eight percent.",
        "The company reported record profits despite rising wage costs.",
        "Rebuilding the bridge will cost taxpayers an estimated two billion dollars.",
        "Small businesses struggle to repay loans as interest rates climb.",
    ],
    "legal": [
        "The supreme court ruled the law unconstitutional in a five to four decision.",
        "Lawyers for the defendants filed an appeal against the judge's ruling.",
        "The lawsuit claims the agency violated federal statutes on disclosure.",
        "A tribunal will decide whether the treaty violation breached international law.",
        "The judge granted an injunction blocking the new rules pending trial.",
        "Prosecutors charged the former official with fraud in a federal court.",
        "The constitution guarantees the right to a fair and public hearing.",
        "Legal experts say the ruling sets a precedent for similar cases.",
    ],
    "human": [
        "Maria held her son's photograph and cried as she spoke about his last morning.",
        "The family lost everything in the fire, including the children's toys.",
        "Neighbours brought food and blankets to the grieving widow's home.",
        "He still remembers his father's voice calling from the flooded street.",
        "The little girl smiled for the first time since her mother went missing.",
        "Survivors hugged one another and wept outside the ruined school.",
        "Her grandmother had lived in the village for eighty years before the storm.",
        "The boy told how he carried his baby sister through the smoke.",
    ],
}


def _texts_labels() -> tuple[list[str], list[str]]:
    texts = [text for texts in CODED.values() for text in texts]
    labels = [label for label, texts in CODED.items() for _ in texts]
    return texts, labels


@pytest.fixture(scope="module")
def model() -> frames_model.FramesModel:
    return frames_model.train(*_texts_labels())


def test_lexicons_load_with_cues_and_citations():
    frames = load_frames()
    schemes = {frame.scheme for frame in frames}
    assert schemes == {"generic", "policy"}
    generic = [f.label for f in frames if f.scheme == "generic"]
    assert generic == ["Conflict", "Human interest", "Economic consequences", "Morality",
                       "Attribution of responsibility"]
    assert len([f for f in frames if f.scheme == "policy"]) == 14
    assert all(frame.cues for frame in frames)


def _shares(text: str) -> dict[str, float]:
    measurements = Frames().analyze(document_from_text(text))
    return {m.target: m.value for m in measurements if m.metric == "generic_share"}


def test_conflict_story_leads_with_conflict_and_victim_story_with_human_interest():
    conflict, human = _shares(CONFLICT), _shares(HUMAN)
    assert max(conflict, key=conflict.get) == "Conflict"
    assert max(human, key=human.get) == "Human interest"
    assert abs(sum(conflict.values()) - 1) < 1e-9


def test_cue_spans_point_at_the_cue_words():
    document = document_from_text(HUMAN)
    [human] = [m for m in Frames().analyze(document)
               if m.metric == "generic_cues" and m.target == "Human interest"]
    found = {document.text[s.start:s.end].lower() for s in human.spans}
    assert {"mother", "wept", "children", "daughter", "grief"} <= found
    assert human.value == pytest.approx(1000 * len(human.spans) /
                                        sum(t.is_word for t in document.tokens))
    assert "wept" in human.detail


def test_json_model_predicts_exactly_what_the_fitted_pipeline_predicts(tmp_path):
    texts, labels = _texts_labels()
    chosen, pipeline = frames_model.choose(texts, labels)
    model = frames_model.from_pipeline(pipeline, chosen)
    path = tmp_path / "m.json"
    model.save(path)
    loaded = frames_model.load(path)
    probe = ["The ruling was appealed.", "Prices rose.", "She wept for her son.", CONFLICT]
    assert np.allclose(loaded.predict_proba(probe), pipeline.predict_proba(probe), atol=1e-4)
    assert json.loads(path.read_text())["version"] == frames_model.MODEL_VERSION


def test_train_then_predict_unseen_texts(model, tmp_path):
    path = tmp_path / "frames.json"
    model.save(path)
    loaded = frames_model.load(path)
    unseen = ["Judges ruled that the statute violated the constitution.",
              "Tariffs raised costs and cut profits for exporters.",
              "The widow cried as her children hugged her."]
    assert loaded.predict(unseen) == ["legal", "economic", "human"]
    assert loaded.chosen["features"] in frames_model.FEATURE_SETS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"format": "something-else"}', "format is not"),
        ('{"format": "framing-frames-model", "version": 99}', "version 99"),
        ('{"format": "framing-frames-model", "version": 1, "labels": ["a", "b", "c"], '
         '"blocks": [{"analyzer": "word", "ngram_range": [1, 1], "vocabulary": ["x"], '
         '"idf": [1.0]}], "coef": [[1.0, 2.0]], "intercept": [0.0]}', "do not match"),
        ('{"format": "framing-frames-model", "version": 1}', "corrupted"),
    ],
)
def test_bad_model_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FramesModelError, match=message) as caught:
        frames_model.load(path)
    assert str(path) in str(caught.value)


def test_training_data_with_one_class_or_too_few_examples_is_refused():
    with pytest.raises(FramesModelError, match="only one frame label"):
        frames_model.train(["a text", "another text"] * 5, ["x"] * 10)
    with pytest.raises(FramesModelError, match="fewer than 5 examples"):
        frames_model.train(["one", "two", "three", "four", "five", "six"],
                           ["x", "x", "x", "x", "x", "y"])


def _write_coded(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)


def test_train_command_writes_a_model_and_prints_the_report(tmp_path):
    coded, model_path = tmp_path / "coded.csv", tmp_path / "frames.json"
    texts, labels = _texts_labels()
    _write_coded(coded, ["paragraph", "code"], [[t, label] for t, label in zip(texts, labels)])
    result = run_cli("train", str(coded), "--text-col", "paragraph", "--label-col", "code",
                     "-o", str(model_path))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "confusion matrix" in out and "macro F1" in out
    assert frames_model.load(model_path).labels == ["economic", "human", "legal"]
    compared = run_cli("compare", "--only", "frames", "--set", f"frames.model={model_path}",
                       "-f", "csv", "--layout", "long", "--no-summary",
                       str(Path(__file__).resolve().parents[2] / "corpora" / "examples"))
    rows = [r for r in csv.DictReader(compared.stdout.decode().splitlines())
            if r["metric"] == "predicted"]
    assert {r["target"] for r in rows} == {"economic", "human", "legal"}
    for article in {r["article"] for r in rows}:
        total = sum(float(r["value"]) for r in rows if r["article"] == article)
        assert total == pytest.approx(1.0, abs=1e-6)


def test_train_command_errors_are_clear(tmp_path):
    coded = tmp_path / "coded.csv"
    _write_coded(coded, ["text", "label"], [["Some text.", "x"]])
    result = run_cli("train", str(coded), "-o", str(tmp_path / "m.json"))
    assert result.returncode == 2
    assert "no column 'frame'" in result.stderr.decode() and "--label-col" in result.stderr.decode()
    _write_coded(coded, ["text", "frame"], [[f"Text number {i}.", "only"] for i in range(10)])
    result = run_cli("train", str(coded), "-o", str(tmp_path / "m.json"))
    assert result.returncode == 2 and "only one frame label" in result.stderr.decode()
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    result = run_cli("compare", "--set", f"frames.model={broken}", str(coded))
    assert result.returncode == 2 and "frames model" in result.stderr.decode()
