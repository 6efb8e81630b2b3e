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
from functools import cache

from reinstate.review.rules._clauses import COMMA, SCOPE, Clauses, Party
from reinstate.review.rules._lexicon import HARD, Match, clause_start, parse
from reinstate.review.rules._lexicon import word_set as w

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
NEAR = 3  # words between an accusing word and "by", "from", "at" the party ("bad transport by the courier")
FRAME_WORDS = 8  # the longest frame ("the fault of", "as a result of") and the words before the party
POSSESSED_NOUNS = frozenset(
    {"fault", "faults", "mistake", "mistakes", "error", "errors", "problem", "negligence"}
)
PLACES = ("from", "by", "at", "in", "on")  # "stuck at the USPS center"


@dataclass(frozen=True)
class Blame:
    """A blamed party and the characters of the sentence that blame it."""

    party: str
    start: int
    end: int


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


def _coordinated(text: tuple[str, ...], head: int, at: int) -> bool:
    """A second verb after "and" or "but": "the carrier received the parcels but lost 12 of them"."""
    return any(word in ("and", "but") for word in text[head + 1 : at])


def _gerund(word: str) -> bool:
    """ "buying the item, using it for a party": the same party goes on acting."""
    return len(word) > 4 and word.endswith("ing")


@cache
def _tags_for(group: str) -> tuple[str, ...]:
    """The predicates that accuse a party of this kind."""
    tags = ["blame.hostile", "blame.fault", f"blame.{group}"]
    if group != "staff":
        tags.append("blame.wrong")
    if group in FAILING:
        tags.append("blame.failure")
    return tuple(tags)


class _Sentence(Clauses):
    """One sentence read by :class:`Clauses`, and the checks that join its parties to what accuses them."""

    def blame_of(self, index: int, party: Party) -> list[_Evidence]:
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
                if (
                    party.np_start <= frame.end <= party.start or self._of_head(frame.end, party)
                ) and not self.negated(frame.start):
                    add(frame.start, self._tail(party))
            if (
                word == "because"
                and not self._first_person_between(clause_start(tokens, party.before, COMMA), party.before)
                and not self._arrives(party)
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

    def _of_head(self, end: int, party: Party) -> bool:
        """The frame names the party through "the <head> of": "caused by the heavy workload of the postal
        service", "due to a strike of the port workers"."""
        tokens = self.tokens
        if tokens.at(party.np_start - 1) != "of" or not 1 <= party.np_start - 1 - end <= 4:
            return False
        return tokens.at(party.np_start - 2) in w("of_heads")

    def _arrives(self, party: Party) -> bool:
        """ "Because the holiday season has already started": a time that comes, not a cause that failed."""
        window = self.tokens.text[party.end : party.end + 4]
        return any(word in w("arrival") for word in window) and not any(
            word in ("so", "and") for word in window
        )

    def _before_preposition(self, party: Party, word: str, group: str) -> list[_Evidence]:
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

    def _tail(self, party: Party) -> int:
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

    def _predicated(self, party: Party, group: str) -> list[_Evidence]:
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
            if word == "," and (
                tokens.at(end + 1) in relatives
                or _past_verb(tokens.at(end + 1))
                or tokens.at(end + 1) in w("past")
                or _gerund(tokens.at(end + 1))
            ):
                end += 1  # ", which is unreasonable", "opened the box, used it for a week": still the party
                continue
            if (
                word == "but"
                and end > start
                and tokens.at(end + 1) in w("past")
                and tokens.at(end + 1) not in w("aux")
            ):
                end += 1  # "received our shipment but lost 60 units": the same party goes on
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
        experiencer = tokens.at(head) in w("experiencer") and not (
            group != "buyer" and tokens.at(head) in w("company_acts")
        )
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
        # "The buyers who complained did not...": a relative clause of one verb, then the party's own.
        main = head + 1 if relative and head == start + 1 and tokens.at(head + 1) in w("aux") else len(text)
        found = []
        for m in matches:
            if (
                experiencer
                and m.tag not in ("blame.hostile", "blame.competitor")  # a competitor buys to attack
                and head < m.start < main
                and (not bought or m.tag in ("blame.wrong", "blame.fault"))
                and not (group in FAILING and _coordinated(text, head, m.start))
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
