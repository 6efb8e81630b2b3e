"""Evidence as a numbered exhibit list, referenced from each point ("(Exhibit 2)").

A reviewer checks a letter against what is attached. An "Evidence: …" tail on every point reads
like a form; a consultant writes the point and refers to the exhibit that proves it. The seller's
``attachments`` are the first exhibits, in her order; an ``evidence:`` that names a document (a
report, a screenshot, a list) refers to the attachment it matches, or becomes a new exhibit.
Evidence that states a finding ("11 of the 14 defective orders were placed during the closure")
stays in the point as a sentence, because its numbers are the proof; only when a letter must be
shortened does it move to the exhibit list too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reinstate.letters.assign import words_of
from reinstate.letters.english import sentence

DOCUMENT = re.compile(
    r"\b(screenshots?|reports?|lists?|confirmations?|invoices?|receipts?|photos?|pictures?|images?|scans?|"
    r"records?|logs?|exports?|procedures?|documents?|letters?|certificates?|spreadsheets?|e-?mails?|"
    r"statements?|agreements?|contracts?|checklists?|files?|videos?|sheets?|manifests?|photographs?|"
    r"tracking numbers|attached|enclosed)\b",
    re.IGNORECASE,
)
FINITE = re.compile(
    r"\b(is|are|was|were|has|have|had|shows?|showed|went|came|concerns?|cites?|cited|placed|arrived|"
    r"received|confirms?|confirmed|proves?|proved)\b",
    re.IGNORECASE,
)
ATTACHED = re.compile(r"\s*[(\[]?\b(?:see |are |is )?(?:attached|enclosed)\b[)\]]?\s*", re.IGNORECASE)


def names_a_document(evidence: str) -> bool:
    """True when the evidence is a document to attach rather than a statement of what the data shows.

    A statement has a verb ("11 of the 14 orders were placed…") or starts with its count ("4 A-to-z
    claims between…, all granted"); a document is named by a noun phrase ("signed change note").
    """
    if FINITE.search(evidence):
        return False
    return DOCUMENT.search(evidence) is not None or not evidence.strip()[:1].isdigit()


def statement(evidence: str) -> str:
    """Evidence that states a finding, as a sentence of the point (never starting with a numeral)."""
    text = evidence.strip().rstrip(".")
    if text[:1].isdigit():
        return f"Our records show {'that ' if FINITE.search(text) else ''}{text}."
    return sentence(text)


def label(evidence: str) -> str:
    """The exhibit's name from the evidence: "refund confirmations attached" → "Refund confirmations"."""
    text = ATTACHED.sub(" ", evidence).strip().rstrip(".;,")
    return sentence(text).rstrip(".") if text else sentence(evidence).rstrip(".")


def _same(first: str, second: str) -> bool:
    a, b = words_of(first), words_of(second)
    shared = len(a & b)
    return shared >= 2 and shared * 2 >= min(len(a), len(b))


@dataclass
class Exhibits:
    """The letter's numbered exhibits: the seller's attachments first, then documents named as evidence."""

    names: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # evidence that became an exhibit of its own

    def number(self, name: str, *, match: bool = True) -> int:
        if match:
            for i, known in enumerate(self.names, start=1):
                if _same(known, name):
                    return i
        self.names.append(name)
        self.added.append(name)
        return len(self.names)

    def refer(self, evidence: str) -> str:
        """ " (Exhibit N)" for a document named as evidence."""
        return f" (Exhibit {self.number(label(evidence))})"

    def move(self, evidence: str) -> str:
        """A finding moved out of the point into the list, when the letter must be shorter."""
        return f" (Exhibit {self.number(sentence(evidence.strip()).rstrip('.'), match=False)})"
