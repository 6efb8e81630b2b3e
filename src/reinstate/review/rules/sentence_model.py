"""The trained sentence model of blame, pressure and self-promotion, read in plain Python.

The word-list detectors (``blame.py``, ``pressure.py``, ``promotion.py``) know the words of their lexicon;
on wording written after they were tuned they found 56-83% of what they should (benchmarks/RESULTS.md).
This model learned from our labelled sentences and the phrase bank (``scripts/train_tone_model.py``): for
each of blame, pressure and intro a logistic regression over TF-IDF features (words, word pairs and the
3-5 character pieces of words), so a new word for a carrier or a new way of saying "it was not our
fault" still weighs. ``meaning.py`` flags a sentence the detectors leave alone when the model's probability
reaches its threshold: as a warning when it also reaches ``sure``, else as a note to read it again. The arithmetic is scikit-learn's (``TfidfVectorizer`` with ``sublinear_tf``,
L2-normalised per feature kind, then the heads' weights and a sigmoid); the test of this module checks it
gives the probabilities scikit-learn gave when the model was trained. No dependency beyond the standard
library, the file loaded once, on first use.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

CATEGORIES = ("blame", "pressure", "intro")
TOKEN = re.compile(r"(?u)\b\w\w+\b")
SPACES = re.compile(r"\s\s+")
# A "sentence" longer than this is a paste with no full stops: it is read in pieces by ``meaning.py``, and
# the model, trained on sentences of 5-60 words, says nothing useful about it.
MOST_WORDS = 80
LEAST_WORDS = 6


@dataclass(frozen=True)
class Kind:
    """One kind of feature: its vocabulary (feature -> column) and IDF weights."""

    index: dict[str, int]
    idf: tuple[float, ...]
    offset: int


@dataclass(frozen=True)
class Model:
    words: Kind
    chars: Kind
    heads: dict[str, tuple[tuple[float, ...], float]]
    threshold: float  # flagged at all
    sure: float  # flagged as a warning; between the two, as a note to read the sentence again
    checks: dict[str, dict[str, float]]


def _kind(data: dict[str, list[str] | list[float]], offset: int) -> Kind:
    vocabulary = [str(v) for v in data["vocabulary"]]
    return Kind({v: i for i, v in enumerate(vocabulary)}, tuple(float(v) for v in data["idf"]), offset)


def load(path: Path | None = None) -> Model:
    """The model in ``path``, or the one the package ships."""
    if path is None:
        text = (resources.files("reinstate.review") / "data" / "tone_model.json").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    words = _kind(data["words"], 0)
    chars = _kind(data["chars"], len(words.index))
    heads = {
        name: (tuple(float(w) for w in head["weights"]), float(head["bias"]))
        for name, head in data["heads"].items()
    }
    return Model(words, chars, heads, float(data["threshold"]), float(data["sure"]), data["checks"])


_current: list[Model] = []


def use(path: Path | None) -> None:
    """Read sentences with the model in ``path`` from now on (``None``: the shipped one). For benchmarks."""
    _current[:] = [load(path)] if path else []
    probabilities.cache_clear()


def model() -> Model:
    if not _current:
        _current.append(load())
    return _current[0]


def _word_grams(text: str) -> list[str]:
    tokens = TOKEN.findall(text)
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def _char_grams(text: str) -> list[str]:
    grams: list[str] = []
    for word in SPACES.sub(" ", text).split():
        padded = f" {word} "
        for n in range(3, 6):
            grams += [padded[i : i + n] for i in range(max(len(padded) - n, 0) + 1)]
            if len(padded) <= n:  # a word no longer than n counts once, as scikit-learn counts it
                break
    return grams


def _weighted(grams: list[str], kind: Kind) -> dict[int, float]:
    counts = Counter(kind.index[g] for g in grams if g in kind.index)
    values = {kind.offset + i: (1.0 + math.log(n)) * kind.idf[i] for i, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {i: v / norm for i, v in values.items()} if norm else {}


@lru_cache(maxsize=4096)
def probabilities(sentence: str) -> dict[str, float]:
    """The model's probability that ``sentence`` is blame, pressure and intro (each on its own)."""
    current = model()
    text = sentence.lower()
    features = _weighted(_word_grams(text), current.words) | _weighted(_char_grams(text), current.chars)
    out = {}
    for name, (weights, bias) in current.heads.items():
        z = bias + sum(weights[i] * v for i, v in features.items())
        out[name] = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
    return out


def labels(sentence: str) -> dict[str, bool]:
    """What the model flags, each with whether it is sure (at least ``sure``) or only likely (at least
    ``threshold``): keys among blame, pressure and intro. A heading (it ends in a colon), a fragment of
    fewer than six words or a run-on paste of more than 80 says nothing."""
    words = len(sentence.split())
    if not LEAST_WORDS <= words <= MOST_WORDS or sentence.rstrip().endswith(":"):
        return {}
    current = model()
    return {name: p >= current.sure for name, p in probabilities(sentence).items() if p >= current.threshold}
