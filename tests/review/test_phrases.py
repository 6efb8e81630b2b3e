"""The phrase prefilter: the characters a match can start with, and matches identical to the plain scan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reinstate.review.rules._phrases import alternation, first_chars, pattern, phrase_names

TESTS = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("regex", "starts"),
    [
        ("we will", {"w"}),
        (r"\b(?:we|i) (will|shall)\b", {"w", "i"}),
        ("(a )?claim", {"a", "c"}),  # an optional first word: the next one can start the match too
        ("x*y|z", {"x", "y", "z"}),
        ("[0-3]rd", {"0", "1", "2", "3"}),
        ("(?:ab|cd)+e", {"a", "c"}),
        (r"\w+ing", None),  # a category: no simple answer
        ("[^a]b", None),  # a negated set
        ("a?", None),  # can match the empty string: every position is a start
        ("(a", None),  # not a regular expression at all
        (r"(?=x)y", None),  # a lookahead: left alone
    ],
)
def test_first_chars(regex: str, starts: set[str] | None) -> None:
    assert first_chars(regex) == starts


def corpus() -> list[str]:
    """Every letter the tests hold: won and failed letters, golden drafts, each rule's examples."""
    texts = [p.read_text(encoding="utf-8") for p in (TESTS / "review" / "letters").glob("*")]
    texts += [p.read_text(encoding="utf-8") for p in (TESTS / "letters" / "golden").glob("*")]
    for path in (TESTS / "review" / "cases").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [example["text"] for key in ("fail", "pass") for example in data.get(key, [])]
    return texts


@pytest.mark.parametrize("name", phrase_names())
def test_the_prefilter_finds_exactly_what_the_plain_scan_finds(name: str) -> None:
    plain = re.compile(alternation(name), re.I)
    fast = pattern(name)
    assert fast.pattern != plain.pattern or first_chars(alternation(name)) is None
    for text in corpus():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_most_phrase_lists_get_a_prefilter() -> None:
    with_prefilter = [name for name in phrase_names() if first_chars(alternation(name))]
    assert len(with_prefilter) >= len(phrase_names()) - 2
