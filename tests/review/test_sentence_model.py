"""The trained sentence model (``review/rules/sentence_model.py``): read as scikit-learn reads it, trained on
what the repository holds now, and used only where the word-list detectors say nothing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from reinstate.review import review_text
from reinstate.review.rules import sentence_model
from reinstate.review.rules.meaning import classify, use_model

ROOT = Path(__file__).resolve().parents[2]


def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_tone_model", ROOT / "scripts" / "train_tone_model.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plain_python_reads_the_model_as_scikit_learn_did() -> None:
    model = sentence_model.model()
    assert set(model.heads) == set(sentence_model.CATEGORIES)
    for sentence, expected in model.checks.items():
        got = sentence_model.probabilities(sentence)
        for category, p in expected.items():
            assert got[category] == pytest.approx(p, abs=1e-5), (sentence, category)


def test_the_model_was_trained_on_the_labelled_set_and_phrase_bank_of_today() -> None:
    module = trainer()
    items = module.training_items()
    shipped = json.loads((ROOT / "src/reinstate/review/data/tone_model.json").read_text(encoding="utf-8"))
    assert shipped["trained_on"] == {"sentences": len(items), "sha256": module.digest(items)}, (
        "the labelled sentences or the phrase bank changed: run `make tone-model` and commit the model"
    )


def test_training_again_gives_the_same_model(tmp_path: Path) -> None:
    module = trainer()
    again = module.train(module.training_items())
    shipped = sentence_model.model()
    for sentence, expected in shipped.checks.items():
        for category, p in expected.items():
            assert again["checks"][sentence][category] == pytest.approx(p, abs=1e-3)


def test_headings_fragments_and_pastes_say_nothing() -> None:
    assert sentence_model.labels("Actions we have taken:") == {}
    assert sentence_model.labels("Customers deserve better.") == {}  # five words
    paste = " ".join(["The carrier lost the parcels and the buyers lied about it"] * 10)
    assert sentence_model.probabilities(paste)["blame"] > 0.5
    assert sentence_model.labels(paste) == {}


def test_the_model_adds_what_the_word_lists_miss_and_nothing_twice() -> None:
    missed = "Frankly, the people at the sorting hub in Leipzig were the ones who let these parcels sit for a week."
    assert classify(missed) == {"blame"}
    review = review_text(missed)
    found = [f for f in review.findings if f.name == "tone.shifts_blame"]
    assert len(found) == 1 and missed[found[0].start : found[0].end] == missed
    assert found[0].message_zh == "这句话读起来像是把原因推给了别人。"
    # The blame rules name the carrier here; the model does not flag the same sentence again.
    known = "Honestly the real problem was USPS, whose drivers kept coming late and losing our parcels."
    names = [f.name for f in review_text(known).findings if f.name.startswith("tone.")]
    assert "tone.blames_carrier" in names and "tone.shifts_blame" not in names


def test_another_model_can_be_used_and_put_back(tmp_path: Path) -> None:
    data = json.loads((ROOT / "src/reinstate/review/data/tone_model.json").read_text(encoding="utf-8"))
    data["threshold"] = data["sure"] = 1.01  # a model that never flags
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    sentence = "For over a decade our small team in Leeds has delighted shoppers across Europe."
    assert sentence_model.labels(sentence) == {"intro": True}
    try:
        use_model(path)
        assert sentence_model.labels(sentence) == {}
    finally:
        use_model(None)
    assert sentence_model.labels(sentence) == {"intro": True}
