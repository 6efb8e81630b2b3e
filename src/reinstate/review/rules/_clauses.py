"""How the blame detector reads one sentence: its parties, their roles, their conditions, its ownership.

A party is a noun phrase the lexicon (``review/data/tone_lexicon.yaml``) tags as a carrier, buyers,
Amazon, a supplier, the weather, staff or a competitor ("some of these buyers", "USPS, whose drivers").
:class:`Clauses` tells, for each party, its role in its clause (subject, object, after a preposition or a
copula, in someone's reported words), whether it stands in a condition (a present-tense one, the way
preventive measures are written, or a counterfactual "if X had ..."), whether a word is negated, and
whether the sentence owns the cause ("we did not check", "because our labels had the wrong ZIP codes").
``blame.py`` builds on it to find what accuses each party.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reinstate.review.rules._lexicon import Parsed, clause_end, clause_start, longest
from reinstate.review.rules._lexicon import word_set as w

GROUPS = ("carrier", "buyer", "amazon", "supplier", "external", "staff", "competitor")
PARTY_TAGS = tuple(f"party.{g}" for g in (*GROUPS, "amazon_maybe", "pronoun", "none"))
SCOPE = 25  # the most words a party's clause runs on for
COMMA = frozenset({","})
CLAUSE = frozenset({",", "and", "but", "so", "because", "that", "which", "who", "when", "if", "while"})
FAILURE_PAIRS = {("did", "not"), ("had", "not"), ("have", "not"), ("failed", "to"), ("forgot", "to")}
OWN_FAILURE_PAIRS = {("did", "not"), ("was", "not"), ("were", "not"), ("had", "no"), ("has", "no")}
OWN_FAILURE_PAIRS |= {("does", "not"), ("do", "not"), ("had", "not")}
ADVERBS = ("also", "then", "simply", "just", "really", "still", "first")
SOFTENERS = frozenset(
    {"be", "been", "really", "always", "ever", "even", "very", "so", "too", "the", "a", "an", "at", "to"}
)


@dataclass(frozen=True)
class Party:
    group: str
    start: int  # token indexes of the party's name
    end: int
    np_start: int  # with the words before it ("the", "our", "some of these")
    before: int  # index of the word before the noun phrase, -1 at the start


class Clauses:
    """One sentence: its words, its parties, and how each party stands in its clause."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.tokens = parsed.words

    @cached_property
    def parties(self) -> list[Party]:
        tokens = self.tokens
        found = []
        for match in longest(self.parsed.get(*PARTY_TAGS)):
            group = match.tag.split(".", 1)[1]
            if group == "none" or tokens.at(match.end) in w("compound_heads"):
                continue  # "customer service", "the carrier name", "customer complaints"
            if group == "amazon_maybe":  # "the system" is Amazon's, "our system" is not
                if tokens.at(match.start - 1) not in ("the", "your") or tokens.at(match.start - 2) in (
                    "our",
                    "my",
                ):
                    continue
                group = "amazon"
            np_start, before = self._noun_phrase(match.start)
            found.append(Party(group, match.start, match.end, np_start, before))
        return found

    @cached_property
    def named(self) -> list[Party]:
        return [p for p in self.parties if p.group != "pronoun"]

    @cached_property
    def new_subjects(self) -> set[int]:
        """Where a party starts a clause of its own ("... and the buyer filed a claim")."""
        return {p.np_start for p in self.parties if self.tokens.at(p.before) in ("and", "or", "then")}

    def _noun_phrase(self, start: int) -> tuple[int, int]:
        tokens = self.tokens
        index = start - 1
        while index >= 0 and index > start - 7:
            word = tokens.text[index]
            if word in w("modifiers") or word[:1].isdigit():
                index -= 1
            elif word == "'s" and index >= 1:
                index -= 2
            else:
                break
        return index + 1, index

    def negated(self, index: int, floor: int = 0) -> bool:
        """Whether a "not" stands just before ``index`` ("not at fault", "not really careful")."""
        tokens, negations = self.tokens, w("negations")
        if index - 1 >= floor and tokens.at(index - 1) in negations:
            return True
        return index - 2 >= floor and tokens.at(index - 2) in negations and tokens.at(index - 1) in SOFTENERS

    def role(self, party: Party) -> str:
        """subject, object, oblique (after a preposition) or complement (after a copula)."""
        tokens = self.tokens
        word = tokens.at(party.before)
        after = tokens.at(party.end)
        previous = tokens.at(party.before - 1)
        if after in w("relative") or (after == "," and tokens.at(party.end + 1) in w("relative")):
            role = "subject"  # "buyers who did not read", "USPS, whose drivers"
        elif word == "of" and (
            previous in w("quantifiers") or previous[:1].isdigit() or previous in w("agent_heads")
        ):
            role = "subject"  # "some of these buyers", "the sorting center of OnTrac"
        elif word in w("reporting"):
            role = "reported"  # "a buyer said the carrier threw it": the buyer's words, not the seller's
        elif word in w("prepositions"):
            role = "oblique"
        elif word in w("copulas"):
            role = "complement"
        elif word in w("cognition"):
            role = "subject"
        elif word in w("transitive") or (word.endswith("ed") and len(word) > 4):
            role = "object"
        else:
            role = "subject"
        if role == "subject" and self._first_person_acts_before(party):
            role = "object"  # "we chose a carrier that..."
        return role

    def _first_person_acts_before(self, party: Party) -> bool:
        tokens = self.tokens
        for index in range(clause_start(tokens, party.np_start, CLAUSE), party.np_start):
            if tokens.text[index] in ("we", "i"):
                verb = index + 1
                while verb < party.np_start and tokens.text[verb] in w("aux"):
                    verb += 1
                return tokens.at(verb) not in w("cognition")
        return False

    def conditional(self, party: Party) -> str:
        """'present' for a party inside a present-tense condition, 'counterfactual' for "if X had", else ''."""
        tokens = self.tokens
        start = clause_start(tokens, party.np_start, COMMA)
        cond = next(
            (
                i
                for i in range(start, party.np_start)
                if tokens.text[i] in w("conditions")
                or (tokens.text[i] == "case" and tokens.at(i - 1) == "in")
                or (i == start and tokens.text[i] == "should")
            ),
            None,
        )
        if cond is None:
            return ""
        if (
            tokens.at(cond) == "if"
            and "had" in tokens.text[party.end : party.end + 3]
            and "would" in tokens.text[max(0, cond - SCOPE) : party.end + SCOPE]
        ):
            return "counterfactual"
        for i in range(cond + 1, clause_end(tokens, cond, COMMA)):
            if tokens.text[i] in w("past") or self._past_participle(i):
                return ""
        return "present"

    def _past_participle(self, index: int) -> bool:
        """A verb in the past ("stopped"), not a passive ("is issued") nor an adjective ("a damaged item")."""
        word = self.tokens.text[index]
        if not word.endswith("ed") or len(word) <= 3:
            return False
        previous = self.tokens.at(index - 1)
        if previous in w("negations"):
            previous = self.tokens.at(index - 2)
        return (
            previous not in w("be_aux")
            and previous not in ("has", "have", "had", "'s")
            and previous not in w("modifiers")
        )

    def _first_person_between(self, start: int, end: int) -> bool:
        return any(self.tokens.text[i] in ("we", "i") for i in range(start, end))

    def owned(self, first_clause: bool = False) -> bool:
        """Whether the sentence (or only its first clause) says the cause was the seller's own."""
        tokens = self.tokens
        limit = clause_end(tokens, 0, frozenset({",", "but"})) if first_clause else len(tokens)
        for m in self.parsed.get("own.marker"):
            if m.end <= limit and not self.negated(m.start):
                return True
        named = {p.start for p in self.parties}
        for index in range(limit):
            word = tokens.text[index]
            if word in ("we", "i") and self._owned_failure(index + 1, limit):
                return True
            if word == "our" or (word in ("because", "since", "as") and tokens.at(index + 1) == "our"):
                first = index + 1 if word == "our" else index + 2
                end = clause_end(tokens, first, COMMA)
                if "by" in tokens.text[first:end]:
                    continue  # "because our parcels were lost by the carrier"
                if word != "our":
                    return True  # "because our labels had the wrong ZIP codes"
                for i in range(first, min(first + 4, end)):
                    if i in named:
                        break  # "our shipping partner failed" blames the partner
                    if (tokens.text[i], tokens.at(i + 1)) in OWN_FAILURE_PAIRS or tokens.text[i] in (
                        "never",
                        "missed",
                        "failed",
                    ):
                        return True  # "our purchase order did not specify the grade"
        return False

    def _owned_failure(self, index: int, limit: int) -> bool:
        """After "we": a failure of ours ("did not check", "never tested"), not an excuse ("did not know")."""
        tokens = self.tokens
        while index < limit and tokens.text[index] in ADVERBS:
            index += 1
        pair = (tokens.at(index), tokens.at(index + 1))
        if pair in FAILURE_PAIRS or pair == ("neglected", "to"):
            verb = index + 2
        elif tokens.at(index) == "never":
            verb = index + 1
        elif pair in (("had", "never"), ("have", "never")):
            verb = index + 2
        else:
            return False
        while tokens.at(verb) in ("even", "ever", "properly", "fully", "always"):
            verb += 1
        return verb < limit and tokens.at(verb) not in w("unowned_verbs")
