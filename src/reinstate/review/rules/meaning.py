"""What the meaning detectors (``blame.py``, ``pressure.py``, ``promotion.py``) find in a letter.

The letter is read sentence by sentence (a sentence wrapped over several lines as one, an over-long one
in pieces); each span a detector flags is filed under the tone rule it belongs to (``tone.py`` registers
them). A pressure or praise rule that also has phrases flags a sentence once: the detector adds only
sentences its phrases do not already flag. A sentence none of them says anything about of a kind is
given to the trained sentence model (``sentence_model.py``); what it is sure of is filed under the model's
own rules of that kind (``MODEL_RULES``: a warning when it is sure, a note when it is only likely), so a
reader knows a model, not a word list, found it.
``classify`` gives the labels of the test set: the detectors' and the model's together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from reinstate.review.document import ReviewDoc
from reinstate.review.rules import pressure, promotion, sentence_model
from reinstate.review.rules._phrases import pattern
from reinstate.review.rules.blame import blames
from reinstate.review.sections import LIST_ITEM

Spans = dict[str, list[tuple[int, int]]]


BLAME_RULES = {
    "buyer": "tone.blames_buyer",
    "amazon": "tone.blames_amazon",
    "carrier": "tone.blames_carrier",
    "supplier": "tone.blames_supplier",
    "competitor": "tone.blames_competitor",
    "external": "tone.blames_weather",
    "staff": "tone.blames_staff",
}
PRESSURE_RULES = {
    "legal": "tone.legal_threat",
    "escalation": "tone.escalation_threat",
    "innocence": "tone.did_nothing_wrong",
    "entitle": "tone.entitlement",
    "demand": "tone.dictates_decision",
    "urgent": "tone.dictates_decision",
    "hardship": "tone.emotional_plea",
}
# Phrase lists of pressure: a sentence one of them flags is not flagged again by the detector.
PRESSURE_PHRASES = (
    "tone.emotional_plea",
    "tone.begging",
    "tone.legal_threat",
    "tone.escalation_threat",
    "tone.did_nothing_wrong",
    "tone.dictates_decision",
)
PROMOTION_RULES = {"company": "tone.company_introduction", "praise": "tone.good_metrics_plea"}
# What the trained sentence model flags in a sentence the word-list detectors and phrases leave alone:
# the rule when it is sure, the note when it is only likely.
MODEL_RULES = {
    "blame": ("tone.shifts_blame", "tone.may_shift_blame"),
    "pressure": ("tone.argues", "tone.may_argue"),
    "intro": ("tone.self_promotion", "tone.may_self_promote"),
}
PROMOTION_PHRASES = {
    "company": ("structure.business_introduction",),
    "praise": ("structure.business_introduction", "tone.good_metrics_plea"),
}
# The phrase rules that already flag a sentence of that kind, so the model does not flag it again.
MODEL_PHRASES = {"blame": (), "pressure": PRESSURE_PHRASES, "intro": PROMOTION_PHRASES["praise"]}
WRAPPED = 60  # a line this long that ends without punctuation was wrapped, and goes on on the next line
END = ".!?:;"
# The detectors read a sentence in bounded windows; a "sentence" longer than this (a paste with no full
# stops) is read in pieces cut at a comma or a space, so a letter costs time in proportion to its length.
LONGEST = 600


def classify(sentence: str, following: str = "") -> set[str]:
    """What a sentence is, for the labelled set: a subset of blame, pressure and intro."""
    return word_lists(sentence, following) | set(sentence_model.labels(sentence))


def word_lists(sentence: str, following: str = "") -> set[str]:
    """What the word-list detectors alone say a sentence is (``classify`` without the model)."""
    found = set()
    if blames(sentence, following):
        found.add("blame")
    if pressure.cues(sentence):
        found.add("pressure")
    if promotion.cues(sentence):
        found.add("intro")
    return found


def _phrased(sentence: str, names: tuple[str, ...]) -> bool:
    """Whether one of the phrase rules ``names`` flags the sentence."""
    return any(pattern(name).search(sentence) for name in names)


def use_model(path: Path | None) -> None:
    """Read with the sentence model in ``path`` from now on (``None``: the shipped one); for benchmarks
    that measure a model trained on part of the set."""
    sentence_model.use(path)
    _tone_spans.cache_clear()


def letter_sentences(doc: ReviewDoc) -> list[tuple[int, int, str]]:
    """The letter's sentences, with a sentence wrapped over several lines read as one."""
    out: list[tuple[int, int, str]] = []
    for start, end, sentence in doc.sentences():
        if out:
            first, last, previous = out[-1]
            gap = doc.text[last:start]
            line = doc.text[doc.text.rfind("\n", 0, last) + 1 : last]
            if (
                not gap.strip()
                and gap.count("\n") == 1
                and previous[-1:] not in END
                and not LIST_ITEM.match(doc.text[start - len(gap) + gap.rfind("\n") + 1 : end])
                and (sentence[:1].islower() or len(line) >= WRAPPED)
            ):
                out[-1] = (first, end, doc.text[first:end].replace("\n", " "))
                continue
        out.append((start, end, sentence))
    return [piece for sentence in out for piece in _pieces(*sentence)]


def _pieces(start: int, end: int, sentence: str) -> Iterator[tuple[int, int, str]]:
    offset = 0
    while len(sentence) - offset > LONGEST:
        cut = sentence.rfind(", ", offset, offset + LONGEST)
        if cut < offset + LONGEST // 2:
            cut = sentence.rfind(" ", offset, offset + LONGEST)
        if cut <= offset:
            cut = offset + LONGEST
        yield start + offset, start + cut, sentence[offset:cut]
        offset = cut + 1
        while offset < len(sentence) and sentence[offset] == " ":
            offset += 1
    if offset < len(sentence):
        yield start + offset, end, sentence[offset:]


def tone_spans(doc: ReviewDoc) -> Spans:
    """Every span the meaning detectors flag in the letter, by the name of the rule it belongs to."""
    return _tone_spans(doc.text)


@lru_cache(maxsize=4)
def _tone_spans(text: str) -> Spans:
    found: Spans = defaultdict(list)
    sentences = letter_sentences(ReviewDoc(text))
    for index, (start, end, sentence) in enumerate(sentences):
        following = ""
        if index + 1 < len(sentences) and "\n" not in text[end : sentences[index + 1][0]]:
            following = sentences[index + 1][2]
        told = set()  # what the detectors already say about this sentence
        for blame in blames(sentence, following):
            told.add("blame")
            found[BLAME_RULES[blame.party]].append((start + blame.start, start + blame.end))
        cues = pressure.cues(sentence)
        if cues:
            told.add("pressure")
            if not _phrased(sentence, PRESSURE_PHRASES):
                found[PRESSURE_RULES[cues[0].kind]].append((start + cues[0].start, start + cues[0].end))
        seen: set[str] = set()
        for cue in promotion.cues(sentence):
            told.add("intro")
            if cue.kind in seen or _phrased(sentence, PROMOTION_PHRASES[cue.kind]):
                continue
            seen.add(cue.kind)
            found[PROMOTION_RULES[cue.kind]].append((start + cue.start, start + cue.end))
        for label, sure in sorted(sentence_model.labels(sentence).items()):
            if label not in told and not _phrased(sentence, MODEL_PHRASES[label]):
                found[MODEL_RULES[label][0 if sure else 1]].append((start, end))
    return dict(found)
