"""Phrase lists of the rules (``review/data/phrases.yaml``), compiled once, and the matcher they share."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from reinstate.review.document import ReviewDoc


@cache
def _lists() -> dict[str, list[str]]:
    text = (resources.files("reinstate.review") / "data" / "phrases.yaml").read_text(encoding="utf-8")
    data: dict[str, list[str]] = yaml.safe_load(text)
    return data


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One alternation of the rule's phrases, with word boundaries where a phrase starts or ends in a letter.

    Python's ``re`` tries every phrase at every position of the letter. A lookahead for the characters
    a match can start with lets it skip most positions at once: the phrase scans, two thirds of a
    review's time, take half as long. The matches are the same (tested on every letter we have).
    """
    plain = alternation(name)
    starts = first_chars(plain)
    if not starts:
        return re.compile(plain, re.I)
    return re.compile(f"(?=[{''.join(re.escape(c) for c in sorted(starts))}])(?:{plain})", re.I)


def alternation(name: str) -> str:
    """The rule's phrases as one regular expression, without the prefilter."""
    parts = []
    for phrase in _lists()[name]:
        lead = r"\b" if re.match(r"[A-Za-z0-9(]", phrase) else ""
        tail = r"\b" if re.search(r"[A-Za-z0-9)?]$", phrase) else ""
        parts.append(f"{lead}(?:{phrase}){tail}")
    return "|".join(parts)


def first_chars(regex: str) -> set[str] | None:
    """The characters every match of ``regex`` starts with, or None when that cannot be told simply.

    Reads the parse tree of Python's own regex parser; anything but literals, plain character sets,
    groups, alternations, repeats and zero-width anchors gives None (no prefilter, never a wrong one).
    """
    try:  # private modules of the standard library (Python 3.11+), not in the type stubs
        c = importlib.import_module("re._constants")
        parser = importlib.import_module("re._parser")
    except ImportError:  # a Python without these modules: go without the prefilter
        return None
    try:
        tree = parser.parse(regex, re.I)
    except re.error:
        return None
    chars, can_be_empty = _first_of_sequence(list(tree), c)
    return None if chars is None or can_be_empty else chars


def _first_of_sequence(items: list[tuple[Any, Any]], c: Any) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, arg in items:
        if op is c.AT:  # \b, ^, $: consume nothing
            continue
        got, can_be_empty = _first_of_item(op, arg, c)
        if got is None:
            return None, False
        chars |= got
        if not can_be_empty:
            return chars, False
    return chars, True


def _first_of_item(op: Any, arg: Any, c: Any) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {chr(arg)}, False
    if op is c.SUBPATTERN:
        return _first_of_sequence(list(arg[3]), c)
    if op is c.BRANCH:
        chars: set[str] = set()
        any_empty = False
        for alternative in arg[1]:
            got, can_be_empty = _first_of_sequence(list(alternative), c)
            if got is None:
                return None, False
            chars |= got
            any_empty = any_empty or can_be_empty
        return chars, any_empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _, body = arg
        got, can_be_empty = _first_of_sequence(list(body), c)
        return got, can_be_empty or low == 0
    if op is c.IN:
        found: set[str] = set()
        for kind, value in arg:
            if kind is c.LITERAL:
                found.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 256:
                found.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # \w, negated sets and the like
                return None, False
        return found, False
    return None, False


def phrase_names() -> list[str]:
    return list(_lists())


def hits(doc: ReviewDoc, name: str, *kinds: str) -> Iterator[tuple[int, int]]:
    """Every match of the rule's phrases inside the given parts of the letter (all of it by default)."""
    regex = pattern(name)
    for span in doc.parts(*kinds):
        for match in regex.finditer(doc.text, span.start, span.end):
            if match.end() > match.start():
                yield match.start(), match.end()
