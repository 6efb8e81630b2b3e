"""Blame by meaning: a party the letter blames, joined to what accuses it, with no ownership.

A sentence blames when it names a party (a carrier, buyers, Amazon or its systems, a supplier, the
weather or a holiday, a member of staff, a competitor) and, in the same clause, says something that
accuses or excuses: the party is the subject of a failure ("FedEx left our parcels in the hub",
"buyers who did not read the description", "the algorithm counted claims that should have been
excluded"), the cause of the problem ("caused by the courier", "the real problem was USPS"), the owner
of the fault ("the courier's fault") or the source of an attack ("fake reviews from a competitor").

What keeps a sentence fine:

- the party is only an object or a place ("we handed the parcels to UPS", "during the storm");
- what follows it happened *to* it ("the buyer received the wrong size"): only a hostile word
  (lied, scam, fake, abuse) accuses a party after such a verb;
- the accusation is negated ("the supplier was not at fault", "it was not the carrier's mistake");
- the party sits in a present-tense condition, the way preventive measures are written ("when a
  snowstorm is forecast, the shipping lead raises the handling time");
- the sentence, or the first clause of the next one, owns the cause ("but checking incoming stock was
  our job", "because we dropped them after the last collection", "we did not check"). Ownership never
  excuses hostile words: a buyer called a liar is blamed whatever else the sentence says.

Everything is read from ``review/data/tone_lexicon.yaml`` (parties, predicates, frames, ownership) in
one pass over the sentence's words; each party then looks only at a bounded window around it, so a
sentence costs time in proportion to its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from reinstate.review.rules._lexicon import (
    HARD,
    Match,
    Parsed,
    clause_end,
    clause_start,
    longest,
    parse,
)
from reinstate.review.rules._lexicon import (
    word_set as w,
)

GROUPS = ("carrier", "buyer", "amazon", "supplier", "external", "staff", "competitor")
PARTY_TAGS = tuple(f"party.{g}" for g in (*GROUPS, "amazon_maybe", "pronoun", "none"))
FAILING = frozenset({"carrier", "amazon", "supplier"})  # "did not", "failed to" accuse only these
HARD_ACCUSATIONS = ("blame.hostile", "accuse.buyer", "accuse.competitor")
ACCUSATIONS = (
    "accuse.buyer",
    "accuse.competitor",
    "accuse.external",
    "accuse.control",
    "accuse.unaware",
    "accuse.their",
)
SCOPE = 25  # the most words a party's clause runs on for
NEAR = 3  # words between an accusing word and "by", "from", "at" the party ("bad transport by the courier")
FRAME_WORDS = 8  # the longest frame ("the fault of", "as a result of") and the words before the party
COMMA = frozenset({","})
POSSESSED_NOUNS = frozenset(
    {"fault", "faults", "mistake", "mistakes", "error", "errors", "problem", "negligence"}
)
CLAUSE = frozenset({",", "and", "but", "so", "because", "that", "which", "who", "when", "if", "while"})
FAILURE_PAIRS = {("did", "not"), ("had", "not"), ("have", "not"), ("failed", "to"), ("forgot", "to")}
OWN_FAILURE_PAIRS = {("did", "not"), ("was", "not"), ("were", "not"), ("had", "no"), ("has", "no")}
OWN_FAILURE_PAIRS |= {("does", "not"), ("do", "not"), ("had", "not")}
PLACES = ("from", "by", "at", "in", "on")  # "stuck at the USPS center"
ADVERBS = ("also", "then", "simply", "just", "really", "still", "first")
SOFTENERS = frozenset(
    {"be", "been", "really", "always", "ever", "even", "very", "so", "too", "the", "a", "an", "at", "to"}
)


@dataclass(frozen=True)
class Blame:
    """A blamed party and the characters of the sentence that blame it."""

    party: str
    start: int
    end: int


@dataclass(frozen=True)
class _Party:
    group: str
    start: int  # token indexes of the party's name
    end: int
    np_start: int  # with the words before it ("the", "our", "some of these")
    before: int  # index of the word before the noun phrase, -1 at the start


@dataclass(frozen=True)
class _Evidence:
    group: str
    start: int
    end: int
    hard: bool  # a hostile accusation, which no ownership excuses
    anchor: int = -1  # the party it is about (its first token), -1 for none


def blames(sentence: str, following: str = "") -> list[Blame]:
    """The parties ``sentence`` blames (one entry per kind of party), given the sentence after it."""
    context = _Sentence(parse(sentence))
    evidence: list[_Evidence] = []
    for index, party in enumerate(context.parties):
        evidence += context.blame_of(index, party)
    if not evidence:
        evidence = context.accusations()
    if evidence and not all(e.hard for e in evidence):
        after = _Sentence(parse(following))
        if context.owned() or after.owned(first_clause=True):
            evidence = [e for e in evidence if e.hard]
    spans: dict[str, tuple[int, int, int]] = {}  # group: first token, end, party
    for item in sorted(evidence, key=lambda e: e.start):
        if item.group not in spans:
            spans[item.group] = (item.start, item.end, item.anchor)
        elif item.anchor >= 0 and spans[item.group][2] == item.anchor:  # same party: one span for all
            first, end, anchor = spans[item.group]
            spans[item.group] = (first, max(end, item.end), anchor)
    tokens = context.tokens
    return [Blame(g, tokens.start[a], tokens.end[b - 1]) for g, (a, b, _) in spans.items()]


def _past_verb(word: str) -> bool:
    return len(word) > 3 and word.endswith("ed")


@cache
def _tags_for(group: str) -> tuple[str, ...]:
    """The predicates that accuse a party of this kind."""
    tags = ["blame.hostile", "blame.fault", f"blame.{group}"]
    if group != "staff":
        tags.append("blame.wrong")
    if group in FAILING:
        tags.append("blame.failure")
    return tuple(tags)


class _Sentence:
    """One sentence: its words, its parties, and the checks that join them to what accuses them."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.tokens = parsed.words

    @cached_property
    def parties(self) -> list[_Party]:
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
            found.append(_Party(group, match.start, match.end, np_start, before))
        return found

    @cached_property
    def named(self) -> list[_Party]:
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

    def role(self, party: _Party) -> str:
        """subject, object, oblique (after a preposition) or complement (after a copula)."""
        tokens = self.tokens
        word = tokens.at(party.before)
        after = tokens.at(party.end)
        previous = tokens.at(party.before - 1)
        if after in w("relative") or (after == "," and tokens.at(party.end + 1) in w("relative")):
            role = "subject"  # "buyers who did not read", "USPS, whose drivers"
        elif word == "of" and (previous in w("quantifiers") or previous[:1].isdigit()):
            role = "subject"  # "some of these buyers"
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

    def _first_person_acts_before(self, party: _Party) -> bool:
        tokens = self.tokens
        for index in range(clause_start(tokens, party.np_start, CLAUSE), party.np_start):
            if tokens.text[index] in ("we", "i"):
                verb = index + 1
                while verb < party.np_start and tokens.text[verb] in w("aux"):
                    verb += 1
                return tokens.at(verb) not in w("cognition")
        return False

    def conditional(self, party: _Party) -> str:
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

    def blame_of(self, index: int, party: _Party) -> list[_Evidence]:
        tokens = self.tokens
        cond = self.conditional(party)
        if cond == "present":
            return []
        group = party.group
        if group == "pronoun":  # "they" stands for the party named before it, else after it ("someone from")
            earlier = [p for p in self.parties[:index] if p.group != "pronoun"]
            group = earlier[-1].group if earlier else self.named[0].group if self.named else "buyer"
        if cond == "counterfactual":
            return [_Evidence(group, party.np_start, party.end, False, party.start)]
        found: list[_Evidence] = []

        def add(start: int, end: int, hard: bool = False) -> None:
            found.append(_Evidence(group, min(start, party.np_start), max(end, party.end), hard, party.start))

        word = tokens.at(party.before)
        if party.group != "pronoun":
            for frame in self.parsed.within(party.np_start - FRAME_WORDS, party.start, "blame.frame"):
                if party.np_start <= frame.end <= party.start and not self.negated(frame.start):
                    add(frame.start, self._tail(party))
            if word == "because" and not self._first_person_between(
                clause_start(tokens, party.before, COMMA), party.before
            ):
                add(party.before, party.end)
            if word in w("copulas"):
                start = clause_start(tokens, party.before, COMMA)
                if self.parsed.within(start, party.before, "blame.cause_noun"):
                    add(party.np_start, party.end)  # "the real problem was USPS"
                if tokens.at(party.before - 1) == "it" and tokens.at(party.end) in w("relative"):
                    add(party.before - 1, party.end)  # "it was the VA who..."
            if word == "by":  # "were damaged by the courier"
                for m in self.parsed.within(
                    party.before - FRAME_WORDS, party.before, *_tags_for(party.group)
                ):
                    if m.end == party.before and w("be_aux") & {
                        tokens.at(m.start - 1),
                        tokens.at(m.start - 2),
                    }:
                        add(m.start, party.end)
            if word in PLACES:  # "fake reviews from a competitor", "an error on Amazon's side"
                found += self._before_preposition(party, word, group)
            if tokens.at(party.end) == "'s" and not self.negated(party.np_start):
                for m in self.parsed.within(party.end + 1, party.end + 4, "blame.possessed"):
                    add(party.np_start, m.end)  # "the courier's fault"
            for m in self.parsed.within(party.end, party.end + 1, "blame.possessed"):
                if (
                    m.tag == "blame.possessed"
                    and tokens.text[m.start] in POSSESSED_NOUNS
                    and not self.negated(party.np_start)
                ):
                    add(party.np_start, m.end)  # "a USPS problem", "carrier error"
        if self.role(party) == "subject":
            found += self._predicated(party, group)
        return found

    def _before_preposition(self, party: _Party, word: str, group: str) -> list[_Evidence]:
        tokens = self.tokens
        start = clause_start(tokens, party.before, COMMA)
        found = []
        if word in ("from", "by"):
            for m in self.parsed.within(start, party.before, *HARD_ACCUSATIONS):
                if not self.negated(m.start, start):
                    found.append(_Evidence(group, m.start, party.end, True, party.start))
        for m in self.parsed.within(max(start, party.before - NEAR), party.before, *_tags_for(party.group)):
            if (
                m.tag != "blame.failure"
                and m.end <= party.before
                and (m.end < party.before or word != "by")  # "lost by FBA" is a passive, read above
                and tokens.at(m.start - 1) != "as"  # "marked as lost": a status, not what the party did
                and not self._attributive(m)  # "every late package by carrier"
                and not self.negated(m.start, start)
            ):
                found.append(_Evidence(group, m.start, party.end, False, party.start))
        return found

    def _tail(self, party: _Party) -> int:
        """The party's end, taking in an accusation that follows it at once ("an Amazon system error")."""
        follows = (party.end, party.end + 1) if self.tokens.at(party.end) == "'s" else (party.end,)
        ends = [
            m.end
            for m in self.parsed.within(party.end, party.end + 2, "blame.possessed", "blame.fault")
            if m.start in follows
        ]
        return max([party.end, *ends])

    def _attributive(self, match: Match) -> bool:
        """An adjective of a thing, not what the party did: "the late orders", "the damaged parcels"."""
        return self.tokens.text[match.start] in w("attributive") and self.tokens.at(match.start - 1) in w(
            "modifiers"
        )

    def _first_person_between(self, start: int, end: int) -> bool:
        return any(self.tokens.text[i] in ("we", "i") for i in range(start, end))

    def _predicated(self, party: _Party, group: str) -> list[_Evidence]:
        """Accusing words in the clause that goes on from the party (its predicate, a relative clause)."""
        tokens = self.tokens
        if tokens.at(party.np_start - 1) in w("negations"):
            return []  # "not the carrier"
        start = party.end
        relatives, terminators, text = w("relative"), w("terminators"), tokens.text
        if tokens.at(start) == "," and tokens.at(start + 1) in relatives:
            start += 1
        end = start
        stop = min(len(text), party.end + SCOPE)
        while end < stop and (end == start or end not in self.new_subjects):
            word = text[end]
            if word == "," and (tokens.at(end + 1) in relatives or _past_verb(tokens.at(end + 1))):
                end += 1  # ", which is unreasonable", "opened the box, used it for a week": still the party
                continue
            if word in HARD or (word in terminators and end > start):
                break
            end += 1
        # A pronoun is accused only of something hostile, unless the sentence names whom it stands for.
        pronoun = party.group == "pronoun"
        tags = ("blame.hostile",) if pronoun and not self.named else _tags_for(group)
        matches = self.parsed.within(start, end, *tags)
        # The party's verb: the first word of its clause that is a verb of experience or an accusation.
        starts = {m.start for m in matches}
        head = start
        experiencing = w("experiencer")
        while head < end and text[head] not in experiencing and head not in starts:
            head += 1
        experiencer = tokens.at(head) in w("experiencer")
        verb = start
        while verb < end and text[verb] in w("aux"):
            verb += 1
        passive = any(text[i] in w("be_aux") for i in range(start, verb)) or tokens.at(verb) == "given"
        if passive and tokens.at(verb) in w("recipient"):
            return []  # "buyers given false information": something was done to them
        # "Customers who bought it broke it": a relative clause of buying says who they are; what they did
        # comes after it. After "received" or "got", only a hostile word accuses them.
        relative = tokens.at(start) in relatives
        bought = relative and tokens.at(head) in w("bought")
        found = []
        for m in matches:
            if (
                experiencer
                and m.tag != "blame.hostile"
                and m.start > head
                and (not bought or m.tag in ("blame.wrong", "blame.fault"))
            ):
                continue  # "the buyer received the wrong size"
            if relative and tokens.at(m.start) in ("do", "does"):
                continue  # "customers who do not follow the guide can now...": a condition, not a charge
            if m.tag != "blame.failure" and self.negated(m.start, party.end):
                continue
            if pronoun and m.tag != "blame.hostile" and tokens.at(m.start - 1) in w("be_aux"):
                continue  # "they were destroyed": the units, not someone who destroyed them
            if any(t in w("metric_nouns") for t in tokens.text[m.end : m.end + 2]):
                continue  # "the carrier's damage rate": a measure, not an accusation
            if self._attributive(m):
                continue  # "shipped the late orders": what the orders were, not what the party did
            stop = min(m.end + 1, len(tokens)) if m.tag == "blame.failure" else m.end
            found.append(_Evidence(group, party.np_start, stop, m.tag == "blame.hostile", party.start))
        return found

    def accusations(self) -> list[_Evidence]:
        """Accusations that need no party of their own ("fake claims", "force majeure", "beyond our control")."""
        subjects = [p for p in self.named if self.role(p) in ("subject", "complement")]
        first = self.named[0].group if self.named else ""
        defaults = {
            "accuse.buyer": "buyer",
            "accuse.competitor": "competitor",
            "accuse.external": "external",
            "accuse.control": subjects[0].group if subjects else "carrier",
            "accuse.unaware": subjects[0].group if subjects else first,
            "accuse.their": first,
        }
        for m in sorted(self.parsed.get(*ACCUSATIONS), key=lambda m: m.start):
            group = defaults[m.tag]
            if group and not self.negated(m.start):
                return [_Evidence(group, m.start, m.end, m.tag in HARD_ACCUSATIONS)]
        return []

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
