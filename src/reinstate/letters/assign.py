"""Which of the case's reasons a root cause explains, when the seller did not say.

A case that answers two reasons (say late shipments and cancellations) needs each cause under the
reason it explains. Sellers rarely write ``reason:``; dropping such a cause would empty the letter's
root-cause section. So a cause finds its reason, in this order:

1. its ``reason:``;
2. its ``kb:`` cause, when exactly one of the case's reasons has that cause;
3. what it says: the knowledge base's words for each reason (the reason's notice phrases, which
   name the metric, count three times; then the distinctive words of the reason's own causes);
   the reason with the clearly highest score wins (at least two points, two ahead of the next);
4. otherwise the first reason, and the caller warns that the choice was a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reinstate.case import RootCauseEntry
from reinstate.kb import KnowledgeBase
from reinstate.kb.schema import Reason, RootCause

AssignedBy = Literal["given", "single", "kb", "text", "first"]
WORD = re.compile(r"[a-z][a-z-]{2,}")
STOP = frozenset(
    """the and for our was were with that this from into over when which while have has had not
    any all its their them they than then each per did does are been being one two three four five
    six seven eight nine ten who what where how why but also only more most less some same other
    because before after during until without within about above below under between orders order
    seller sellers amazon buyer buyers items item account listing listings day days week weeks time
    """.split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass(frozen=True)
class Assignment:
    reason: Reason | None
    kb_cause: RootCause | None
    assigned_by: AssignedBy


def _stem(word: str) -> str:
    """A crude stem, enough to tell that "templates" and "template", "shipped" and "shipping" agree."""
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def words_of(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text.lower()) if w not in STOP}


_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def _reason_words(reason: Reason) -> frozenset[str]:
    """The words the knowledge base uses for a reason and its causes (kept per loaded reason)."""
    key = (id(reason), reason.id)
    if key not in _WORDS:
        parts = [reason.letter.issue, reason.names.en]
        for cause in reason.root_causes:
            parts += [cause.title.en, cause.statement]
        _WORDS[key] = frozenset(words_of(" ".join(parts)))
    return _WORDS[key]


def _scores(text: str, reasons: list[Reason]) -> list[int]:
    low = text.lower()
    mine = words_of(text)
    shared = frozenset.intersection(*(_reason_words(r) for r in reasons)) if reasons else frozenset()
    scores = []
    for reason in reasons:
        phrases = sum(3 for p in reason.notice_phrases if len(p) > 3 and p in low)
        scores.append(phrases + len((mine & _reason_words(reason)) - shared))
    return scores


def by_text(text: str, reasons: list[Reason]) -> Reason | None:
    """The reason whose words the text uses clearly most, or ``None`` when no reason stands out."""
    scores = _scores(text, reasons)
    best = max(scores, default=0)
    if best < 2 or scores.count(best) > 1:  # one shared word is chance, not evidence
        return None
    runner_up = max((s for s in scores if s != best), default=0)
    return reasons[scores.index(best)] if best >= runner_up + 2 or runner_up == 0 else None


def _bare(kb_id: str | None) -> str:
    return (kb_id or "").rsplit("/", 1)[-1]


def assign(entry: RootCauseEntry, kb: KnowledgeBase, reasons: list[Reason]) -> Assignment:
    """The reason a cause answers and its knowledge-base cause; ``reason`` is off the case only when
    the seller's ``reason:`` (or a ``kb:`` cause of another reason, given without text) says so."""
    found = (
        kb.find_cause(entry.kb, entry.reason or (reasons[0].id if len(reasons) == 1 else None))
        if entry.kb
        else None
    )
    if entry.reason:
        return Assignment(
            kb.reasons.get(entry.reason), found[1] if found and found[0].id == entry.reason else None, "given"
        )
    cause_id = _bare(entry.kb)
    owners = [r for r in reasons if cause_id and r.cause(cause_id)]
    if entry.kb and "/" in entry.kb and found:
        owners = [r for r in owners if r.id == found[0].id]
    if found and not owners and not entry.text:
        return Assignment(found[0], found[1], "kb")  # only another reason's cause: the caller leaves it out
    if len(reasons) == 1:
        return Assignment(reasons[0], reasons[0].cause(cause_id) if cause_id else None, "single")
    if len(owners) == 1:
        return Assignment(owners[0], owners[0].cause(cause_id), "kb")
    candidates = owners or reasons
    text = " ".join(filter(None, [entry.text, entry.evidence, cause_id.replace("-", " ")]))
    chosen = by_text(text, candidates)
    if chosen is not None:
        return Assignment(chosen, chosen.cause(cause_id) if cause_id else None, "text")
    return Assignment(candidates[0], candidates[0].cause(cause_id) if cause_id else None, "first")
