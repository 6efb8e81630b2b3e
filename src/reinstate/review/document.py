"""The letter as rules see it: text, sections, sentences, and what the case says it must answer."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from reinstate.kb.schema import Reason
from reinstate.review.model import Span
from reinstate.review.sections import detect_sections, present

SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]+|$)|[^\n]+", re.M)


@dataclass(frozen=True)
class ReviewContext:
    """What the letter must answer, from `--reason` and `--notice` (empty when not given)."""

    reasons: tuple[Reason, ...] = ()
    asins: tuple[str, ...] = ()
    order_ids: tuple[str, ...] = ()
    complaint_ids: tuple[str, ...] = ()
    documents: tuple[tuple[str, str], ...] = ()  # (document id, English name)
    other_reasons: tuple[Reason, ...] = ()  # every known reason not in `reasons`, for off-topic causes
    kind: str = "poa"  # the letter kind (`draft --kind`): some rules hold only for some kinds

    @property
    def given(self) -> bool:
        return bool(self.reasons or self.asins or self.order_ids or self.complaint_ids or self.documents)


@dataclass
class ReviewDoc:
    text: str
    context: ReviewContext = field(default_factory=ReviewContext)
    _sentence_index: dict[tuple[str, ...], list[tuple[int, int, str]]] = field(
        default_factory=dict, repr=False
    )

    @cached_property
    def spans(self) -> list[Span]:
        return detect_sections(self.text)

    @cached_property
    def sections(self) -> dict[str, bool]:
        return present(self.spans, self.text)

    def parts(self, *kinds: str) -> list[Span]:
        """The spans of these kinds, or the whole letter when no kind is given."""
        if not kinds:
            return [Span("letter", 0, len(self.text))]
        return [s for s in self.spans if s.kind in kinds]

    def part_text(self, *kinds: str) -> str:
        return "\n".join(self.text[s.start : s.end] for s in self.parts(*kinds))

    def sentences(self, *kinds: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, sentence) for each sentence in the given parts (or the whole letter)."""
        for span in self.parts(*kinds):
            chunk = self.text[span.start : span.end]
            for match in SENTENCE.finditer(chunk):
                sentence = match.group(0)
                if sentence.strip():
                    lead = len(sentence) - len(sentence.lstrip())
                    yield span.start + match.start() + lead, span.start + match.end(), sentence.strip()

    def sentence_at(self, offset: int, *kinds: str) -> str:
        """The sentence of the given parts that contains ``offset`` ("" if none)."""
        key = kinds or ("letter",)
        index = self._sentence_index.get(key)
        if index is None:
            index = self._sentence_index[key] = list(self.sentences(*kinds))
        position = bisect_right(index, (offset, float("inf"), "")) - 1
        if position >= 0 and index[position][0] <= offset < index[position][1]:
            return index[position][2]
        return ""

    def first(self, kind: str) -> tuple[int, int]:
        """Where to point a finding about a part: its first line, else the letter's first line."""
        spans = self.parts(kind)
        start = spans[0].start if spans else 0
        end = self.text.find("\n", start)
        return start, (end if end > start else min(len(self.text), start + 80))
