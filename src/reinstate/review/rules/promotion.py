"""Self-promotion by meaning: a letter that introduces or praises the business instead of the issue.

Two kinds:

- ``company``: an introduction of the business: family-owned, founded in 2012, founded by, "we are a
  small brand", "our company is a", offices in, our mission, sold in 12 countries;
- ``praise``: what the seller says of its own record: thousands of happy customers, top seller, a 4.9
  star rating, 98% positive, a strong track record, years of experience, "we have always provided
  excellent service", "we have been selling on Amazon since 2011".

Either needs the seller as its subject: a cue after a third party in the same clause is someone else's
("the new supplier was founded in 2001", "the supplier, a family-owned factory in Ningbo"). "Our top
seller" names a product, "since 12 March we check" and "for six weeks" are dates of a measure, and
"we have been selling this model for two years" is the history of the product at fault, not of the
business: none of them is promotion.
"""

from __future__ import annotations

from reinstate.review.rules._lexicon import (
    HARD,
    Cue,
    Match,
    Parsed,
    clause_start,
    longest,
    parse,
)
from reinstate.review.rules._lexicon import (
    word_set as w,
)

# Whose introduction it is: a cue after one of these is about them. Buyers are left out: "our customers
# always give us five stars" praises the seller.
THIRD_PARTIES = tuple(f"party.{g}" for g in ("carrier", "amazon", "supplier", "competitor", "external"))
CLAUSE = frozenset({"but", "because", "so", "although", "while", "and"})
AFTER_ARTICLE = 7  # words from "we are a" to the noun that says what the business is
WITHOUT_ARTICLE = 2
PLACES = frozenset({"on", "at", "in", "to", "with", "through", "via"})
GAP_STOPS = frozenset({",", "that", "who", "which", "with", "to", "for", "and", "of", "in", "on", "at"})


def cues(sentence: str) -> list[Cue]:
    """Every introduction or self-praise of the business in the sentence, introductions first."""
    parsed = parse(sentence)
    tokens = parsed.words
    found: list[tuple[str, Match]] = []
    found += [("company", m) for m in parsed.get("intro.company")]
    found += [("company", m) for m in _we_are(parsed)]
    found += [("praise", m) for m in parsed.get("intro.praise")]
    found += [
        ("praise", m) for m in parsed.get("intro.ranked") if tokens.at(m.start - 1) not in ("our", "my")
    ]
    found += [("praise", m) for m in _history(parsed)]
    found += [("praise", m) for m in _always(parsed)]
    kept = [(kind, m) for kind, m in found if not _someone_else(parsed, m)]
    kept.sort(key=lambda item: (item[0] != "company", item[1].start))
    return [Cue(kind, tokens.start[m.start], tokens.end[m.end - 1]) for kind, m in kept]


def _someone_else(parsed: Parsed, match: Match) -> bool:
    """A third party stands before the cue in its clause: "the new supplier was founded in 2001"."""
    tokens = parsed.words
    start = clause_start(tokens, match.start, CLAUSE)
    for party in longest(parsed.get(*THIRD_PARTIES, "party.none")):
        if start <= party.start < match.start and party.tag != "party.none":
            if party.tag == "party.amazon" and tokens.at(party.start - 1) in PLACES:
                continue  # "our brand has been on Amazon for eight years": a place, not a subject
            if party.tag == "party.supplier" and tokens.at(party.start - 1) in ("our", "own"):
                continue  # "our factory" is the seller
            if tokens.at(party.end) == "'s" and party.end + 1 >= match.start:
                continue  # "Amazon's preferred partner" is the seller
            return True
    return False


def _we_are(parsed: Parsed) -> list[Match]:
    """ "We are a small family company", "our company is a registered brand owner"."""
    tokens = parsed.words
    found = []
    for match in parsed.get("intro.we_are"):
        first = match.end
        if tokens.at(first + 1) == "'s":
            first += 2  # "we are Amazon's preferred partner"
        article = tokens.at(first) in ("a", "an", "one")
        limit = first + (AFTER_ARTICLE if article else WITHOUT_ARTICLE)
        for index in range(first, min(limit + 1, len(tokens))):
            word = tokens.text[index]
            if word in w("company_nouns"):
                found.append(Match("intro.we_are", match.start, index + 1))
                break
            if word in HARD or (word in GAP_STOPS and index > first):
                break
    return found


def _history(parsed: Parsed) -> list[Match]:
    """A span of years with a history of the business: "we have been selling on Amazon since 2011"."""
    tokens = parsed.words
    spans = parsed.get("intro.span")
    if not spans:
        return []
    for verb in parsed.get("intro.history"):
        if tokens.at(verb.end) in w("product_refs"):
            continue  # "selling this model for two years": the product's history
        first = min(verb.start, spans[0].start)
        return [Match("intro.history", first, max(verb.end, spans[0].end))]
    return []


def _always(parsed: Parsed) -> list[Match]:
    """ "We have always provided excellent service", not "we have always shipped from one warehouse"."""
    tokens = parsed.words
    found = []
    for match in parsed.get("intro.always"):
        index = match.end
        while (
            index < len(tokens) and tokens.text[index] not in HARD and tokens.text[index] not in (",", "but")
        ):
            if tokens.text[index] in w("positive"):
                found.append(Match("intro.always", match.start, index + 1))
                break
            index += 1
    return found
