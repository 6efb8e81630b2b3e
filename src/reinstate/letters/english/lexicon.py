"""What the composer knows about English words: lemminflect's verb and noun forms, and word lists.

lemminflect (a bundled dictionary plus rules for unknown words) is imported inside the helpers:
loading it costs a few hundred milliseconds the CLI should not pay at start-up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

ActionKind = Literal["one_off", "standing_rule", "intention", "as_written"]
Spelling = Literal["us", "uk"]
Form = Literal["past", "participle", "base", "gerund", "s"]
Target = Literal["past", "base"]


@dataclass(frozen=True)
class ActionReading:
    """How a letter may state one action, with the reason, so callers can explain a warning."""

    kind: ActionKind
    past: str | None
    base: str | None
    sentence: str
    why: str
    has_finite_verb: bool


@dataclass(frozen=True)
class _Lead:
    """The leading verb of a clause, found after an optional subject and -ly adverb."""

    start: int
    index: int
    lemma: str
    form: Form
    subject: str
    aux: bool


FUTURE = re.compile(
    r"\b(will|shall|plan(?:s|ning)? to|going to|intend(?:s|ing)? to|are (?:going|about) to|"
    r"aim(?:s|ing)? to|expect(?:s|ing)? to|try to|hope to|would)\b|(?<=\w)['’]ll\b",
    re.IGNORECASE,
)
PLAN_LEAD = re.compile(
    r"^(?:(?:we|i|our team|my team|the team)(?:['’]ll)?\s+)?(?:(?:will|shall|would)(?:\s+like\s+to)?\s+|"
    r"(?:(?:am|are|is)\s+)?(?:going|planning|about|aiming|intending|hoping|trying)\s+to\s+|"
    r"(?:plan|plans|intend|intends|aim|aims|expect|expects|hope|hopes|try|tries)\s+to\s+)?"
    r"(?:(?:also|now|then|soon|immediately|promptly)\s+)?(?:be\s+(?=\w+ing\b))?",
    re.IGNORECASE,
)
FORWARD = re.compile(
    r"\b(going forward|moving forward|from now on|in (?:the )?future|henceforth|"
    r"from today(?: on(?:wards)?)?|from this point (?:on|forward))\b",
    re.IGNORECASE,
)
FORWARD_LEAD = re.compile(FORWARD.pattern + r"\s*[,:;–—-]?\s*", re.IGNORECASE)
STRONG = re.compile(
    r"\b(always|whenever|daily|weekly|monthly|quarterly|yearly|annually|nightly|hourly|fortnightly|"
    r"regularly|routinely|at all times|any ?time|(?:every|each)\s+(?:single\s+|other\s+|business\s+|"
    r"working\s+)?(?:day|week|month|year|morning|afternoon|evening|night|shift|hour|quarter|weekday|"
    r"weekend|fortnight|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b",
    re.IGNORECASE,
)
WEAK = re.compile(
    r"\b((?:every|each)\s+(?:new\s+|single\s+)?(?:order|shipment|parcel|package|box|delivery|"
    r"dispatch|listing|return|batch|sale)|(?:all|any)\s+(?:new|future|incoming)\s+\w+)\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    "the a an all every each none no any our their its them it him her this these those both some "
    "my your his us me several another other to up out off back"
)
PRONOUNS = _words("i we you they he she it who that which")
SUBORDINATORS = _words(
    "who whom whose that which where when whenever before after until once if unless because while"
)
RELATIVES = _words("who that which")
ADVERBS = _words("also always now then still only never already just automatically")
LINKS = _words(
    "and or but not nor so as of in on at for with by from into onto about within under over via per than"
)
FUNCTION = DETERMINERS | PRONOUNS | SUBORDINATORS | ADVERBS | LINKS
BE_HAVE: dict[str, Form] = {"is": "s", "are": "base", "am": "base", "was": "past", "were": "past", "has": "s", "have": "base", "had": "past"}  # fmt: skip
NOT_LEADS = _words("be have can could may might must shall should will would")
BE = _words("is are am was were")
CONJUNCTIONS = _words("and or then also &")
# Words that open a verb's object ("refunded the buyers"), not a particle or a place ("sent back", "to us").
OBJECT_STARTS = _words(
    "the a an all every each our their its them it this these those both some several my his her us"
)
PREFIXES = ("re", "un", "de", "pre")
FORM_NAMES = {"past": "past-tense verb", "participle": "participle", "base": "base-form verb", "gerund": "gerund", "s": "present-tense verb"}  # fmt: skip
GROUP: dict[str, str] = {"past": "past", "participle": "past", "base": "base", "gerund": "gerund", "s": "s"}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@functools.cache
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Lemmas by part of speech from lemminflect's dictionary only (empty for unknown words)."""
    from lemminflect import getAllLemmas

    return {str(pos): tuple(found) for pos, found in getAllLemmas(word).items()}


@functools.cache
def _inflections(lemma: str, tag: str) -> tuple[str, ...]:
    """Inflections of a lemma; unknown lemmas such as "relist" go through lemminflect's rules."""
    from lemminflect import getInflection

    return tuple(str(form) for form in getInflection(lemma, tag=tag))


@functools.cache
def _verb_lemmas(low: str) -> tuple[str, ...]:
    """Verb lemmas of a lower-case word, recognising re-/un-/de-/pre- verbs the dictionary lacks.

    Only words with no verb and no noun entry are prefix-stripped, so a noun such as "depot" is
    never read as "de" + "pot".
    """
    found = _lemmas(low)
    if "VERB" in found:
        return found["VERB"]
    if "NOUN" in found:
        return ()
    for prefix in PREFIXES:
        rest = low.removeprefix(prefix)
        if rest != low and len(rest) >= 3 and "VERB" in _lemmas(rest):
            return tuple(prefix + lemma for lemma in _lemmas(rest)["VERB"])
    return ()


@functools.cache
def _forms(word: str) -> tuple[tuple[str, Form], ...]:
    """Every (lemma, form) reading of a word as a verb; acronyms and function words have none."""
    low = word.lower()
    head, dash, tail = low.partition("-")
    if dash and head in PREFIXES and tail.isalpha():
        return tuple((f"{head}-{lemma}", form) for lemma, form in _forms(tail))
    if not low.isalpha() or (word.isupper() and len(word) > 1) or low in FUNCTION:
        return ()
    readings: list[tuple[str, Form]] = []
    for lemma in _verb_lemmas(low):
        if lemma in NOT_LEADS:
            continue
        if low in _inflections(lemma, "VBD"):
            readings.append((lemma, "past"))
        elif low in _inflections(lemma, "VBN"):
            readings.append((lemma, "participle"))
        if low == lemma:
            readings.append((lemma, "base"))
        if low in _inflections(lemma, "VBG"):
            readings.append((lemma, "gerund"))
        if low in _inflections(lemma, "VBZ"):
            readings.append((lemma, "s"))
    return tuple(readings)


def _has_form(word: str, *forms: Form) -> bool:
    return any(form in forms for _, form in _forms(word))


def _core(token: str) -> str:
    """A token without surrounding punctuation: 'buyers,' -> 'buyers'."""
    return token.strip("\"'“”‘’()[],.;:!?")


def _is_plural_noun(word: str) -> bool:
    low = word.lower()
    if word[:-1].isupper() and word.endswith("s"):
        return True
    return any(lemma != low for lemma in _lemmas(low).get("NOUN", ()))


def _match_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new
