"""Keep the letter within its word budget and each appeal-form answer within its character limit."""

from __future__ import annotations

import re

from reinstate.letters import warnings as w
from reinstate.letters.model import DraftWarning, Item, Letter

FORM_FIELDS = ("root_cause", "actions_taken", "preventive_measures")


def count_words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def longest_items(letter: Letter, n: int = 3) -> list[tuple[str, int]]:
    items = letter.root_causes + letter.actions_taken + letter.preventive_measures
    sized = [(i.source or "letter", count_words(i.text)) for i in items]
    return sorted(sized, key=lambda s: -s[1])[:n]


def form_answers(letter: Letter, limit: int) -> tuple[dict[str, str], list[DraftWarning]]:
    """The letter's content as answers for Amazon's appeal form, each within ``limit`` characters."""
    facts = ["What happened: " + " ".join(letter.facts)] if letter.facts else []
    blocks = {
        "root_cause": facts + _numbered(letter.root_causes),
        "actions_taken": _numbered(letter.actions_taken),
        "preventive_measures": _numbered(letter.preventive_measures),
    }
    answers: dict[str, str] = {}
    warnings: list[DraftWarning] = []
    for field in FORM_FIELDS:
        text, left_out = _fit(blocks[field], limit)
        answers[field] = text
        if left_out:
            warnings.append(w.form_truncated(field, limit, left_out))
    return answers, warnings


def _numbered(items: list[Item]) -> list[str]:
    return [f"{n}. {i.label + '. ' if i.label else ''}{i.text}" for n, i in enumerate(items, start=1)]


def _fit(parts: list[str], limit: int) -> tuple[str, int]:
    """Join whole points while they fit; cut a single oversized first point at a sentence end."""
    kept: list[str] = []
    for part in parts:
        candidate = "\n".join([*kept, part])
        if len(candidate) <= limit:
            kept.append(part)
            continue
        if not kept:
            return _cut(part, limit), len(parts)
        break
    return "\n".join(kept), len(parts) - len(kept)


def _cut(text: str, limit: int) -> str:
    head = text[:limit]
    end = max(head.rfind(". "), head.rfind(".\n"))
    if end > limit // 3:
        return head[: end + 1]
    return head[: head.rfind(" ")].rstrip(",;:") + "…" if " " in head else head[: limit - 1] + "…"
