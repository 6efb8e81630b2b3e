"""Phrase lists of the rules (``review/data/phrases.yaml``), compiled once, and the matcher they share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from reinstate.review.document import ReviewDoc


@cache
def _lists() -> dict[str, list[str]]:
    text = (resources.files("reinstate.review") / "data" / "phrases.yaml").read_text(encoding="utf-8")
    data: dict[str, list[str]] = yaml.safe_load(text)
    return data


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One alternation of the rule's phrases, with word boundaries where a phrase starts or ends in a letter."""
    parts = []
    for phrase in _lists()[name]:
        lead = r"\b" if re.match(r"[A-Za-z0-9(]", phrase) else ""
        tail = r"\b" if re.search(r"[A-Za-z0-9)?]$", phrase) else ""
        parts.append(f"{lead}(?:{phrase}){tail}")
    return re.compile("|".join(parts), re.I)


def phrase_names() -> list[str]:
    return list(_lists())


def hits(doc: ReviewDoc, name: str, *kinds: str) -> Iterator[tuple[int, int]]:
    """Every match of the rule's phrases inside the given parts of the letter (all of it by default)."""
    regex = pattern(name)
    for span in doc.parts(*kinds):
        for match in regex.finditer(doc.text, span.start, span.end):
            if match.end() > match.start():
                yield match.start(), match.end()
