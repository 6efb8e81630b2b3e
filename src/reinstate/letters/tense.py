"""Turn what the seller wrote about an action into a past-tense clause that follows "we".

Sellers write actions every way: "Refund all 12 buyers", "Refunded all 12 buyers", "We refunded...",
"All 12 buyers were refunded". A letter states completed actions in the past tense, so we convert
the leading verb when we recognise it, and otherwise keep the seller's sentence as written.
We never invent tense for text we cannot parse: :func:`past_clause` returns ``None`` then.
"""

from __future__ import annotations

import re

IRREGULAR = {
    "begin": "began", "build": "built", "buy": "bought", "choose": "chose", "do": "did", "draw": "drew",
    "find": "found", "get": "got", "give": "gave", "hold": "held", "keep": "kept", "lay": "laid",
    "lead": "led", "let": "let", "make": "made", "meet": "met", "pay": "paid", "put": "put",
    "read": "read", "rebuild": "rebuilt", "redo": "redid", "rewrite": "rewrote", "run": "ran",
    "send": "sent", "set": "set", "shut": "shut", "take": "took", "teach": "taught", "tell": "told",
    "withdraw": "withdrew", "write": "wrote", "reset": "reset", "undertake": "undertook",
    "overhaul": "overhauled", "split": "split", "spend": "spent", "bring": "brought", "sell": "sold",
    "resend": "resent", "upset": "upset", "understand": "understood", "have": "had", "be": "was",
}  # fmt: skip

DOUBLE_FINAL = {
    "ship",
    "stop",
    "plan",
    "drop",
    "tag",
    "scrap",
    "skip",
    "swap",
    "pin",
    "trim",
    "strip",
    "flag",
}

REGULAR = frozenset(
    """
    refund replace contact ship cancel update correct fix remove delete add audit review inspect
    train retrain hire install switch change turn move enable disable create check repack relist
    recategorize recategorise reclassify reconcile adjust raise lower increase reduce sync
    integrate appoint assign introduce implement adopt sign purchase obtain request answer
    respond resolve close open issue provide document photograph test verify retire stop suspend
    pause dispose destroy return recall edit revise upload register apply file submit deactivate
    reactivate terminate end quarantine recheck label relabel merge start complete finish
    conduct perform arrange schedule map consolidate separate extend shorten configure
    reconfigure replace rename archive notify inform email call message reimburse compensate
    reship resend track trace investigate analyse analyze identify contract engage onboard
    offboard switch migrate connect disconnect activate approve reject block unlist delist list
    unpublish publish pull print dispatch deliver package pack unpack sort count weigh measure
    calibrate label contact escalate clear process handle refund credit void discard donate
    liquidate remove rotate upgrade downgrade standardise standardize formalise formalize define
    draft establish launch pilot roll hand outsource insource reassign restrict limit cap
    tighten strengthen improve enhance expand mark tick flag email phone write photograph
    """.split()  # noqa: SIM905 - a word list reads better as text
)

FUTURE = re.compile(
    r"\b(will|shall|plan(?:s|ning)? to|going to|intend(?:s)? to|are (?:going|about) to|"
    r"aim(?:s)? to|expect(?:s)? to|try to|hope to|would)\b",
    re.IGNORECASE,
)
SUBJECT = re.compile(r"^(?:we|i|our team)\s+(?:have\s+|had\s+|also\s+|then\s+)?", re.IGNORECASE)


def reads_as_plan(text: str) -> bool:
    """True when the text states an intention rather than something done."""
    return bool(FUTURE.search(text))


def past_of(verb: str) -> str | None:
    """The past tense of a known verb in its base form, else ``None``."""
    low = verb.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low not in REGULAR:
        return None
    if low in DOUBLE_FINAL:
        return low + low[-1] + "ed"
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ied"
    if low.endswith("c"):
        return low + "ked"
    return low + "ed"


def _base_forms() -> dict[str, str]:
    forms = {past: base for base, past in IRREGULAR.items() if past != base}
    for base in REGULAR:
        past = past_of(base)
        if past:
            forms.setdefault(past, base)
    return forms


def base_clause(text: str) -> str:
    """The text with a leading past-tense verb put back in its base form, for a step not yet done.

    "Refunded all buyers" becomes "Refund all buyers"; text we cannot parse is returned unchanged.
    """
    body = SUBJECT.sub("", text.strip(), count=1)
    first, _, rest = body.partition(" ")
    base = _BASE_FORMS.get(first.lower())
    if base is None:
        return text.strip()
    return f"{base} {rest}".strip()


def _is_past_form(word: str) -> bool:
    low = word.lower()
    return low in IRREGULAR.values() or (low.endswith("ed") and len(low) > 4)


def past_clause(text: str) -> str | None:
    """A clause to follow "we" ("refunded all 12 buyers in full"), or ``None`` if we cannot tell.

    ``None`` means the text does not start with a verb we know (for example "All buyers were
    refunded"); callers then keep the seller's own sentence.
    """
    body = text.strip().rstrip(".;")
    body = SUBJECT.sub("", body, count=1)
    words = body.split(" ", 2)
    if not words or not words[0]:
        return None
    lead, rest = 0, words
    if len(words) > 1 and words[0].lower().endswith("ly"):
        lead = 1
    first = rest[lead]
    if first.isupper() and len(first) > 1:
        return None
    if _is_past_form(first):
        rest[lead] = first.lower()
    else:
        past = past_of(first)
        if past is None:
            return None
        rest[lead] = past
    if lead:
        rest[0] = rest[0].lower()
    return " ".join(rest)


def sentence(text: str) -> str:
    """The text with a capital first letter and a full stop."""
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


_BASE_FORMS = _base_forms()
