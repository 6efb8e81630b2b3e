"""The tone detectors (blame, pressure, self-promotion) on a labelled set of sentences.

``data/tone_sentences.yaml`` labels each sentence blame, pressure, intro or fine. For each of the first
three, precision and recall must be at least 0.9; a failure lists the sentences on the wrong side. The
sentences of issue 11 must all be right. ``benchmarks/tone_precision.py`` prints the same figures.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from reinstate.review import review_text
from reinstate.review.rules.meaning import classify

DATA = Path(__file__).parent / "data" / "tone_sentences.yaml"
CATEGORIES = ("blame", "pressure", "intro")
LABELS = (*CATEGORIES, "fine")
MINIMUM = 0.9
LEAST = {"blame": 60, "pressure": 40, "intro": 40, "fine": 120}
ISSUE_11 = [
    ("blame", "Honestly the real problem was USPS, whose drivers kept coming late and losing our parcels."),
    ("blame", "Some of these buyers were also clearly trying to get free products by filing claims."),
    ("blame", "Most of the returns came from buyers who simply did not read the product description."),
    ("blame", "Amazon's algorithm also counted claims that should have been excluded."),
    ("pressure", "this account deserves to be reinstated immediately"),
    ("intro", "a family-owned business that has served thousands of happy customers since 2009"),
    (
        "fine",
        "Our supplier shipped the wrong colour in lot 14, but checking incoming stock was our job and we did not do it.",
    ),
    (
        "fine",
        "When a snowstorm is forecast for our region, the shipping lead raises the handling time to three days "
        "the day before.",
    ),
]


@cache
def labelled() -> tuple[tuple[str, str], ...]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return tuple((label, sentence) for label in LABELS for sentence in data[label])


@cache
def predicted() -> dict[str, set[str]]:
    return {sentence: classify(sentence) for _, sentence in labelled()}


def test_the_set_is_large_and_labelled_once() -> None:
    counts = Counter(label for label, _ in labelled())
    assert set(counts) == set(LABELS)
    for label, least in LEAST.items():
        assert counts[label] >= least, (label, counts[label])
    assert sum(counts.values()) >= 300
    repeated = [s for s, n in Counter(s for _, s in labelled()).items() if n > 1]
    assert not repeated, repeated


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall(category: str) -> None:
    guesses = predicted()
    missed = [s for label, s in labelled() if label == category and category not in guesses[s]]
    wrong = [(label, s) for label, s in labelled() if label != category and category in guesses[s]]
    found = sum(1 for label, s in labelled() if label == category and category in guesses[s])
    precision = found / (found + len(wrong)) if found + len(wrong) else 0.0
    recall = found / (found + len(missed)) if found + len(missed) else 0.0
    confusion = "\n".join(
        [f"precision {precision:.3f}, recall {recall:.3f}"]
        + [f"  missed: {s}" for s in missed]
        + [f"  flagged but {label}: {s}" for label, s in wrong]
    )
    assert precision >= MINIMUM and recall >= MINIMUM, confusion


@pytest.mark.parametrize(("label", "sentence"), ISSUE_11, ids=lambda v: str(v)[:24])
def test_the_sentences_of_issue_11_are_in_the_set_and_right(label: str, sentence: str) -> None:
    assert (label, sentence) in labelled()
    assert classify(sentence) == (set() if label == "fine" else {label})


def test_a_letter_with_the_paraphrases_of_issue_11_is_no_longer_strong() -> None:
    letter = (Path(__file__).parent / "letters" / "won_headed.txt").read_text(encoding="utf-8")
    before = review_text(letter).score
    flawed = letter.replace(
        "Root causes:\n",
        "Root causes:\n"
        + " ".join(s for label, s in ISSUE_11 if label == "blame")
        + " We are a family-owned business that has served thousands of happy customers since 2009."
        + " We believe this account deserves to be reinstated immediately.\n",
        1,
    )
    review = review_text(flawed)
    codes = {f.code for f in review.findings}
    assert {"POA501", "POA502", "POA503", "POA540"} <= codes, codes
    assert review.score < 50 <= before - 35, (before, review.score)


HELD_OUT = Path(__file__).parent / "data" / "tone_heldout.yaml"
# Measured 2026-12-03 with the shipped model on 400 sentences it never saw (benchmarks/RESULTS.md): blame
# 0.968 / 0.910, pressure 0.959 / 0.940, intro 0.979 / 0.920 (precision / recall). The floors are those
# figures less about two sentences' worth, so noise from retraining passes and a real loss does not.
HELD_OUT_FLOORS = {"blame": (0.94, 0.89), "pressure": (0.92, 0.90), "intro": (0.94, 0.88)}


@pytest.mark.parametrize("category", CATEGORIES)
def test_held_out_sentences_keep_their_figures(category: str) -> None:
    data = yaml.safe_load(HELD_OUT.read_text(encoding="utf-8"))
    items = [(label, s) for label in LABELS for s in data[label]]
    assert not {s for _, s in items} & {s for _, s in labelled()}, (
        "a held-out sentence is in the training set"
    )
    guesses = {s: classify(s) for _, s in items}
    found = sum(1 for label, s in items if label == category and category in guesses[s])
    flagged = sum(1 for _, s in items if category in guesses[s])
    total = sum(1 for label, _ in items if label == category)
    least_precision, least_recall = HELD_OUT_FLOORS[category]
    assert found / flagged >= least_precision and found / total >= least_recall, (found, flagged, total)
