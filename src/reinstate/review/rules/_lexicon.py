"""Words of a sentence and the lexicon of the tone detectors (``review/data/tone_lexicon.yaml``).

A sentence becomes a list of lower-case word tokens with their character offsets: contractions are
opened ("didn't" → did not, "we're" → we are), possessives become their own token ('s), hyphenated
words split ("family-owned" → family owned), numbers keep their decimals ("4.9", "3,000") and a
quotation ("the lid does not close") becomes one token, ``QUOTE``, so what a buyer wrote is never read as
what the seller says; an aside in brackets ("(ASIN B0BWX5K3TN)") becomes ``ASIDE``.

The lexicon is a set of tagged word sequences. Each is written as words separated by spaces, where a
word may list alternatives (``lost|lose|losing``), end in ``?`` to be optional, or be ``<num>`` (any
number) or ``<year>`` (1900–2099). Every entry is expanded once into a trie; :func:`scan` walks the
trie from each token, so a sentence costs its length times the longest entry, whatever the size of
the lexicon. No regular expression here has a nested quantifier.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

RAW = re.compile(r"[A-Za-z0-9_]+|[^\sA-Za-z0-9_]")  # DAMAGED_BY_CARRIER is one word
APOSTROPHES = {"'", "’"}
OPEN_QUOTES = {"“": "”", '"': '"', "(": ")"}
CLOSING = frozenset(OPEN_QUOTES.values())
MAX_QUOTED = 80  # a lone quotation mark does not swallow the rest of a long sentence
IS_AFTER = {"it", "that", "there", "he", "she", "what", "who", "here", "where", "this"}
CONTRACTED = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}
NOT_BASE = {"won": "will", "can": "can", "ain": "is", "shan": "shall"}
HARD = frozenset(".;:!?()[]—–")  # tokens that end a clause whatever follows (an unclosed bracket too)
QUOTE = '"…"'  # no word of a sentence can look like this
ASIDE = "(…)"


@dataclass(frozen=True)
class Cue:
    """A kind of pressure or self-promotion, and the characters of the sentence that show it."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """The tokens of one sentence: ``text[i]`` spans ``start[i]:end[i]`` of the sentence."""

    text: tuple[str, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.text)

    def at(self, index: int) -> str:
        return self.text[index] if 0 <= index < len(self.text) else ""


def words(sentence: str) -> Words:
    raw = [(m.group(0), m.start(), m.end()) for m in RAW.finditer(sentence)]
    raw = _mask_quotes(raw)
    out: list[tuple[str, int, int]] = []
    index = 0
    while index < len(raw):
        token, start, end = raw[index]
        nxt = raw[index + 1] if index + 1 < len(raw) else None
        after = raw[index + 2] if index + 2 < len(raw) else None
        if (
            token[0].isalnum()
            and nxt is not None
            and nxt[0] in APOSTROPHES
            and nxt[1] == end
            and after is not None
            and after[1] == nxt[2]
            and after[0].isalpha()
        ):
            suffix, low = after[0].lower(), token.lower()
            if suffix == "t" and low.endswith("n"):
                out += [(NOT_BASE.get(low, low[:-1]), start, end), ("not", nxt[1], after[2])]
                index += 3
                continue
            if suffix == "s":
                out += [(low, start, end), ("is" if low in IS_AFTER else "'s", nxt[1], after[2])]
                index += 3
                continue
            if suffix in CONTRACTED:
                out += [(low, start, end), (CONTRACTED[suffix], nxt[1], after[2])]
                index += 3
                continue
        if (
            token[0].isalpha()
            and token.lower().endswith("s")
            and nxt is not None
            and nxt[0] in APOSTROPHES
            and nxt[1] == end
            and (after is None or after[1] > nxt[2] or not after[0].isalnum())
        ):
            out += [(token.lower(), start, end), ("'s", nxt[1], nxt[2])]  # buyers' → buyers 's
            index += 2
            continue
        if token == "-" and out and nxt is not None and out[-1][2] == start and nxt[1] == end:
            index += 1  # family-owned → family owned
            continue
        if (
            token in ".,"
            and out
            and out[-1][0][-1:].isdigit()
            and out[-1][2] == start
            and nxt is not None
            and nxt[0].isdigit()
            and nxt[1] == end
        ):
            previous = out.pop()
            out.append((previous[0] + token + nxt[0], previous[1], nxt[2]))  # 4.9, 3,000
            index += 2
            continue
        if token.lower() == "cannot":
            out += [("can", start, start + 3), ("not", start + 3, end)]
        else:
            out.append((token.lower(), start, end))
        index += 1
    return Words(tuple(t for t, _, _ in out), tuple(s for _, s, _ in out), tuple(e for _, _, e in out))


def _mask_quotes(raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Replace each quotation (in straight or curly double quotes) and each aside in brackets by one token."""
    closing: list[int | None] = [None] * len(raw)
    following: dict[str, int] = {}
    for index in range(len(raw) - 1, -1, -1):  # one pass back: where each mark is closed
        token = raw[index][0]
        close = OPEN_QUOTES.get(token)
        if close is not None:
            closing[index] = following.get(close)
        if token in CLOSING:
            following[token] = index
    out: list[tuple[str, int, int]] = []
    index = 0
    while index < len(raw):
        token, start, _ = raw[index]
        stop = closing[index]
        if stop is not None and stop - index <= MAX_QUOTED:
            out.append((ASIDE if token == "(" else QUOTE, start, raw[stop][2]))
            index = stop + 1
            continue
        out.append(raw[index])
        index += 1
    return out


@dataclass(frozen=True)
class Match:
    tag: str
    start: int  # token indexes, end exclusive
    end: int


Trie = dict[str, Any]
LEAF = "\x00"


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("reinstate.review") / "data" / "tone_lexicon.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def entries(section: str) -> dict[str, list[str]]:
    """The tagged entries of one section of the lexicon, keyed ``section.tag``."""
    return {f"{section}.{tag}": list(items) for tag, items in _data()[section].items()}


@cache
def word_set(name: str) -> frozenset[str]:
    """A plain list of single words of the lexicon (section ``words``)."""
    return frozenset(str(w) for w in _data()["words"][name])


def expand(entry: str) -> list[tuple[str, ...]]:
    """Every word sequence an entry stands for: alternatives multiplied out, optional words left in or out."""
    slots: list[list[str]] = []
    for item in entry.split():
        optional = item.endswith("?") and len(item) > 1
        choices = item[:-1].split("|") if optional else item.split("|")
        slots.append([*choices, ""] if optional else choices)
    sequences = {tuple(w for w in combo if w) for combo in itertools.product(*slots)}
    return sorted(s for s in sequences if s)


@cache
def trie(*sections: str) -> Trie:
    root: Trie = {}
    for section in sections:
        for tag, items in entries(section).items():
            for item in items:
                for sequence in expand(str(item)):
                    node = root
                    for word in sequence:
                        node = node.setdefault(word, {})
                    node.setdefault(LEAF, set()).add(tag)
    return root


def _edges(node: Trie, word: str) -> list[Trie]:
    found = []
    if word in node:
        found.append(node[word])
    if word[:1].isdigit():
        if "<num>" in node:
            found.append(node["<num>"])
        if "<year>" in node and len(word) == 4 and word[:2] in ("19", "20") and word.isdigit():
            found.append(node["<year>"])
    return found


def scan(tokens: Words, root: Trie) -> list[Match]:
    """Every entry of the trie found in the tokens (all lengths, all starts)."""
    found: list[Match] = []
    text = tokens.text
    for start in range(len(text)):
        frontier = [root]
        index = start
        while frontier and index < len(text):
            frontier = [child for node in frontier for child in _edges(node, text[index])]
            index += 1
            for node in frontier:
                for tag in node.get(LEAF, ()):
                    found.append(Match(tag, start, index))
    return found


def by_tag(found: list[Match]) -> dict[str, list[Match]]:
    grouped: dict[str, list[Match]] = defaultdict(list)
    for match in found:
        grouped[match.tag].append(match)
    return grouped


def longest(found: list[Match]) -> list[Match]:
    """Matches that do not overlap, left to right, the longest where several start at one token."""
    chosen: list[Match] = []
    for match in sorted(found, key=lambda m: (m.start, -m.end)):
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


SECTIONS = ("party", "blame", "accuse", "own", "pressure", "intro")


@dataclass(frozen=True)
class Parsed:
    """A sentence's words and every lexicon entry found in them, by tag and by the word they start at."""

    words: Words
    tags: dict[str, list[Match]]
    starting: tuple[tuple[Match, ...], ...]

    def get(self, *tags: str) -> list[Match]:
        return [m for tag in tags for m in self.tags.get(tag, ())]

    def within(self, low: int, high: int, *tags: str) -> list[Match]:
        """The matches of these tags that start at a word from ``low`` to ``high`` (exclusive)."""
        return [
            m
            for index in range(max(low, 0), min(high, len(self.starting)))
            for m in self.starting[index]
            if m.tag in tags
        ]


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Parsed:
    tokens = words(sentence)
    found = scan(tokens, trie(*SECTIONS))
    starting: list[list[Match]] = [[] for _ in range(len(tokens))]
    for match in found:
        starting[match.start].append(match)
    return Parsed(tokens, by_tag(found), tuple(tuple(m) for m in starting))


CLAUSE_WORDS = 40  # the farthest a clause is looked for, so a long sentence costs no more than its length


def clause_start(tokens: Words, index: int, stops: frozenset[str]) -> int:
    """The first token of the clause holding ``index``: just after the nearest stop word before it."""
    text = tokens.text
    position = index - 1
    floor = max(index - CLAUSE_WORDS, -1)
    while position > floor and text[position] not in HARD and text[position] not in stops:
        position -= 1
    return position + 1


def clause_end(tokens: Words, index: int, stops: frozenset[str]) -> int:
    """The end (exclusive) of the clause that goes on from ``index``."""
    text = tokens.text
    position = index
    ceiling = min(index + CLAUSE_WORDS, len(text))
    while position < ceiling and text[position] not in HARD and text[position] not in stops:
        position += 1
    return position
