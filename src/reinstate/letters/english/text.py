"""Small text helpers for the letter: sentences, first letters, plurals and counts."""

from __future__ import annotations

from reinstate.letters.english.lexicon import (
    NUMBER_WORDS,
    _inflections,
    _lemmas,
    _match_case,
)


def sentence(text: str) -> str:
    """The text with whitespace collapsed, a capital first letter and a final full stop."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name-like token."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (
        first.isupper() or any(c.isupper() for c in first[1:]) or any(c.isdigit() for c in first)
    ):
        return text
    return text[:1].lower() + text[1:]


IRREGULAR = {"person": "people", "staff member": "staff members"}


def _plural_word(word: str) -> str:
    if (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word):
        return word + "s"
    low = word.lower()
    if low in IRREGULAR:
        return _match_case(IRREGULAR[low], word)
    if any(lemma != low for lemma in _lemmas(low).get("NOUN", ())):
        return word
    forms = _inflections(low, "NNS")
    return _match_case(forms[0] if forms else low + "s", word)


def plural(noun: str, n: int) -> str:
    """The noun (its last word, for "corrective action") in the plural unless n is 1."""
    if n == 1 or not noun.strip():
        return noun
    head, sep, last = noun.rpartition(" ")
    return head + sep + _plural_word(last)


def count_phrase(n: int, noun: str) -> str:
    """ "three root causes", "no root causes", "12 root causes"; for one, just "root cause"."""
    if n == 1:
        return noun
    number = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
    return f"{number} {plural(noun, n)}"
