"""Pressure and entitlement by meaning: a letter that argues, demands or threatens instead of asking.

Kinds of pressure, from the strongest (a sentence reports its strongest one first):

- ``legal``: lawyers, legal action, regulators, the BSA "violated";
- ``escalation``: Jeff Bezos, escalating; the press or social media only with a threat in the sentence
  ("we will", "if ... not"), since a root cause may mention a social media group;
- ``innocence``: "we did nothing wrong", "not our fault", "we cannot accept this decision";
- ``entitle``: what the seller claims is owed: "deserves" (with the seller or the account as subject, so
  "the buyers deserved an accurate listing" is fine), unfair or unjust (not "unfair claims", which is
  blame, nor "unfair to our buyers"), "unacceptable" about the decision, punished, ridiculous, "owes us";
- ``demand``: "we demand", "we expect you to", "you must", "there is no reason to keep our account";
- ``urgent``: a reinstatement asked for at once: reinstate, restore, lift or reactivate with
  immediately, right away, at once, without delay, today or within 24 hours in the same clause. "We
  immediately refunded all buyers" and "reinstate our account now that the measures run" are fine;
- ``hardship``: livelihood, jobs lost, bankruptcy, losing sales every day.

A demand or an urgent request inside a condition ("if you need more information") is not pressure.
"""

from __future__ import annotations

from reinstate.review.rules._lexicon import (
    HARD,
    Cue,
    Match,
    Parsed,
    Words,
    clause_end,
    clause_start,
    parse,
)
from reinstate.review.rules._lexicon import (
    word_set as w,
)

KINDS = ("legal", "escalation", "innocence", "entitle", "demand", "urgent", "hardship")
CLAUSE = frozenset({",", "but", "because", "so", "although", "while"})
URGENT_AFTER = 8  # words between "reinstate" and "immediately"
URGENT_BEFORE = 3  # words between "immediately" and "reinstate"
SELF_SUBJECTS = frozenset(
    {"we", "i", "us", "our", "my", "account", "store", "shop", "business", "seller", "brand"}
)
OTHERS = frozenset({"buyer", "buyers", "customer", "customers", "they", "he", "she", "supplier", "carrier"})


def cues(sentence: str) -> list[Cue]:
    """Every pressure the sentence puts on the reviewer, strongest kind first."""
    parsed = parse(sentence)
    tokens = parsed.words
    found: list[tuple[str, Match]] = []
    found += [("legal", m) for m in parsed.get("pressure.legal") if not _denied(tokens, m)]
    found += [("escalation", m) for m in parsed.get("pressure.escalation")]
    if _threatens(tokens):
        found += [("escalation", m) for m in parsed.get("pressure.escalation_verb") if not _denied(tokens, m)]
        found += [("escalation", m) for m in parsed.get("pressure.escalation_if") if _told(tokens, m)]
    found += [("innocence", m) for m in parsed.get("pressure.innocence")]
    found += [("innocence", m) for m in parsed.get("pressure.innocence_we") if _after_we(tokens, m)]
    found += [("entitle", m) for m in parsed.get("pressure.entitle")]
    found += [("entitle", m) for m in parsed.get("pressure.deserve") if _self_subject(tokens, m)]
    found += [("entitle", m) for m in parsed.get("pressure.unfair") if _unfair_to_the_seller(tokens, m)]
    found += [("entitle", m) for m in parsed.get("pressure.unacceptable") if _about_decision(tokens, m)]
    found += [("entitle", m) for m in parsed.get("pressure.verdict") if _decision_is_subject(tokens, m)]
    found += [("demand", m) for m in parsed.get("pressure.demand") if _demand(tokens, m)]
    found += [("urgent", m) for m in _urgent(parsed)]
    found += [("hardship", m) for m in parsed.get("pressure.hardship")]
    order = {kind: index for index, kind in enumerate(KINDS)}
    found.sort(key=lambda item: (order[item[0]], item[1].start))
    return [Cue(kind, tokens.start[m.start], tokens.end[m.end - 1]) for kind, m in found]


def _denied(tokens: Words, match: Match) -> bool:
    """ "We do not have a lawyer": a threat taken back is none."""
    return any(
        tokens.at(i) in ("not", "no", "never", "without") for i in range(max(0, match.start - 3), match.start)
    )


def _threatens(tokens: Words) -> bool:
    """A threat in the sentence: "we will", "if ... not", "we have no choice", "we plan to"."""
    text = tokens.text
    return any(
        word in w("threat") or (word == "plan" and tokens.at(i + 1) == "to") for i, word in enumerate(text)
    )


def _told(tokens: Words, match: Match) -> bool:
    """The press or social media as where the seller will go ("post our case on social media")."""
    return any(tokens.at(i) in w("telling") for i in range(max(0, match.start - 5), match.start))


def _after_we(tokens: Words, match: Match) -> bool:
    """ "we did nothing wrong", not "there was nothing wrong with the batch"."""
    return any(tokens.at(i) in ("we", "i") for i in range(max(0, match.start - 4), match.start))


def _self_subject(tokens: Words, match: Match) -> bool:
    """The seller or the account deserves, not the buyers."""
    start = clause_start(tokens, match.start, CLAUSE)
    for index in range(match.start - 1, start - 1, -1):
        word = tokens.text[index]
        if word in OTHERS:
            return False
        if word in SELF_SUBJECTS:
            return True
    return False


def _unfair_to_the_seller(tokens: Words, match: Match) -> bool:
    following = tokens.text[match.end : match.end + 3]
    if tokens.at(match.end) != "that" and any(word in w("claim_nouns") for word in following):
        return False  # "unfair claims" blames the buyers; "unfair that one complaint can close..." does not
    if {"price", "prices", "pricing"} & {*following[:1], *tokens.text[max(0, match.start - 2) : match.start]}:
        return False  # "an unfair price": the fair-pricing policy, not the decision
    return not (tokens.at(match.end) == "to" and any(w_ in OTHERS for w_ in following))


def _about_decision(tokens: Words, match: Match) -> bool:
    start = clause_start(tokens, match.start, CLAUSE)
    end = clause_end(tokens, match.end, CLAUSE)
    return any(tokens.text[i] in w("decision_nouns") for i in range(start, end))


def _decision_is_subject(tokens: Words, match: Match) -> bool:
    """ "The suspension was a mistake", not "we made a mistake on this listing"."""
    start = clause_start(tokens, match.start, CLAUSE)
    for index in range(match.start - 1, start - 1, -1):
        word = tokens.text[index]
        if word in w("self"):
            return False
        if word in w("verdict_nouns"):
            return True
    return False


def _demand(tokens: Words, match: Match) -> bool:
    """ "You must reinstate", not "if you need more records" nor "the records you need to review"."""
    if _conditional(tokens, match):
        return False
    if tokens.text[match.start] in ("you", "amazon"):
        return tokens.at(match.start - 1) in (
            "",
            ",",
            "and",
            "so",
            "then",
            "now",
            "that",
            "therefore",
            "please",
        )
    return True


def _conditional(tokens: Words, match: Match) -> bool:
    return any(
        tokens.at(i) in ("if", "when", "whenever") for i in range(max(0, match.start - 3), match.start)
    )


def _urgent(parsed: Parsed) -> list[Match]:
    """A reinstatement and an urgency in one clause: "reinstate our account immediately"."""
    tokens = parsed.words
    found = []
    urgencies = [m for m in parsed.get("pressure.urgent") if _urgency(tokens, m)]
    for ask in parsed.get("pressure.reinstate"):
        if _conditional(tokens, ask):
            continue
        for urgency in urgencies:
            if (
                ask.end <= urgency.start <= ask.end + URGENT_AFTER
                or ask.start - URGENT_BEFORE <= urgency.end <= ask.start
            ):
                first, last = min(ask.start, urgency.start), max(ask.end, urgency.end)
                if not any(tokens.text[i] in HARD or tokens.text[i] in CLAUSE for i in range(first, last)):
                    found.append(Match("pressure.urgent", first, last))
    return found


def _urgency(tokens: Words, match: Match) -> bool:
    """ "now" counts only at the end of the request ("restore our ASINs now,"), not in "now that"."""
    if tokens.text[match.start : match.end] != ("now",):
        return True
    following = tokens.at(match.end)
    return following in ("", ",", "please") or following in HARD
