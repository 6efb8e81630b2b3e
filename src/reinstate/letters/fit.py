"""Keep the letter within its word budget and each appeal-form answer within its character limit,
without ever dropping what the seller gave.

The letter. When it is over ``max_words`` the composer shortens it one step at a time, and stops at
the first step that fits (``LEVELS``):

1. the outline sentence of the opening ("Below are the three root causes…") goes;
2. findings quoted as evidence move from the points to the numbered exhibit list ("(Exhibit 4)");
3. each measure's owner, start and frequency are written in brackets instead of three sentences.

What never goes: the figure and the event, any fact, each root cause, each completed action, each
preventive measure, ownership and trademark facts with their numbers. A letter still over budget
after step 3 is sent out whole, with a warning naming its longest parts: never a silent cut. The
exhibit list and the appendix are references, not reading: they do not count towards the budget.

The form. Each answer of Amazon's appeal form is within ``form_limit`` characters. The root-cause
answer starts with the figure and the event. A point that does not fit is first shortened (its
exhibit references, then its evidence sentences, then whole sentences from its end); only a point
that still does not fit is dropped, and the warning names each dropped point.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reinstate.letters import warnings as w
from reinstate.letters.model import DraftWarning, Item, Letter

FORM_FIELDS = ("root_cause", "actions_taken", "preventive_measures")
LEVELS = (0, 1, 2, 3)
EXHIBIT_REF = re.compile(r" \(Exhibits? \d+(?:, \d+)*\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def count_words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def longest_items(letter: Letter, n: int = 3) -> list[tuple[str, int]]:
    items = letter.root_causes + letter.actions_taken + letter.preventive_measures
    sized = [(i.source or "letter", count_words(i.text)) for i in items]
    sized.append(("facts", count_words(" ".join(letter.facts))))
    return sorted(sized, key=lambda s: -s[1])[:n]


def reading_copy(letter: Letter) -> Letter:
    """The letter as the budget counts it: without the exhibit list and the appendix."""
    return replace(letter, attachments=[], appendix=[])


def form_answers(letter: Letter, limit: int) -> tuple[dict[str, str], list[DraftWarning]]:
    """The letter's content as answers for Amazon's appeal form, each within ``limit`` characters."""
    lead = " ".join(letter.lead + letter.facts)
    blocks: dict[str, list[tuple[str, str, str]]] = {
        "root_cause": ([("the opening facts", "", lead)] if lead else []) + _numbered(letter.root_causes),
        "actions_taken": _numbered(letter.actions_taken),
        "preventive_measures": _numbered(letter.preventive_measures),
    }
    answers: dict[str, str] = {}
    warnings: list[DraftWarning] = []
    for field in FORM_FIELDS:
        text, dropped = _fit(blocks[field], limit)
        answers[field] = text
        if dropped:
            warnings.append(w.form_truncated(field, limit, dropped))
    return answers, warnings


def _numbered(items: list[Item]) -> list[tuple[str, str, str]]:
    """(name, number and label, whole point) for each point."""
    rows = []
    for n, item in enumerate(items, start=1):
        prefix = f"{n}. {item.label + '. ' if item.label else ''}"
        rows.append((item.source or f"point {n}", prefix, prefix + item.text))
    return rows


def shorter(part: str, prefix: str = "") -> list[str]:
    """Ever shorter versions of a point, each keeping its number, label and first sentence."""
    head = prefix if prefix and part.startswith(prefix) else ""
    body = part[len(head) :]
    versions = []
    bare = EXHIBIT_REF.sub("", body)
    if bare != body:
        versions.append(head + bare)
    sentences = SENTENCE_END.split(bare)
    for keep in range(len(sentences) - 1, 0, -1):
        versions.append(head + " ".join(sentences[:keep]))
    return versions


def _fit(parts: list[tuple[str, str, str]], limit: int) -> tuple[str, list[str]]:
    """Keep every point that fits, shortening a point before dropping it; return the dropped names."""
    kept: list[str] = []
    dropped: list[str] = []
    for index, (name, prefix, part) in enumerate(parts):
        room = limit - len("\n".join(kept)) - (1 if kept else 0)
        later = sum(len(p) + 1 for _, _, p in parts[index + 1 :])
        if len(part) + later <= room:
            kept.append(part)
            continue
        options = [part, *shorter(part, prefix)]
        fitting = [o for o in options if len(o) <= room]
        # prefer the longest version that leaves room for the rest; else the longest that fits at all
        leaving = [o for o in fitting if len(o) + later <= room]
        chosen = leaving or fitting
        if chosen:
            kept.append(chosen[0])
        else:
            dropped.append(name)
    return "\n".join(kept), dropped
