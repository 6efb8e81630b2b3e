"""Read what a seller wrote about an action, and restate it in the tense the letter needs."""

from __future__ import annotations

from reinstate.letters.english.lexicon import (
    ADVERBS,
    BE,
    BE_HAVE,
    CONJUNCTIONS,
    DETERMINERS,
    FORM_NAMES,
    FORWARD,
    FORWARD_LEAD,
    FUNCTION,
    FUTURE,
    GROUP,
    NOT_LEADS,
    OBJECT_STARTS,
    PLAN_LEAD,
    PRONOUNS,
    RELATIVES,
    STRONG,
    SUBORDINATORS,
    WEAK,
    ActionReading,
    Form,
    Spelling,
    Target,
    _core,
    _forms,
    _has_form,
    _inflections,
    _is_plural_noun,
    _Lead,
    _lemmas,
    _match_case,
)
from reinstate.letters.english.text import sentence


def reads_as_plan(text: str) -> bool:
    """True when the text states an intention ("will", "plan to", "going to"...) rather than a deed."""
    return bool(FUTURE.search(text))


def _subject(tokens: list[str]) -> tuple[int, str, bool]:
    """Skip a leading "We"/"I"/"Our team" and any "have"/"also"/"now" after it."""
    low = [_core(t).lower() for t in tokens]
    i, aux = 0, False
    if low[:1] and low[0] in {"we", "i", "we've", "i've", "we’ve", "i’ve"}:
        i, aux = 1, low[0].endswith("ve")
    elif len(low) > 1 and low[0] in {"our", "my", "the"} and low[1] in {"team", "staff"}:
        i = 2
    if not i:
        return 0, "", False
    subject = " ".join(tokens[:i])
    while i < len(low) and low[i] in {"have", "had", "also", "then", "now", "already"}:
        aux = aux or low[i] in {"have", "had"}
        i += 1
    return i, subject, aux


def _noun_first(tokens: list[str], i: int, form: Form) -> str | None:
    """Why a leading word that can be a verb is really the start of a noun phrase, if it is."""
    word = _core(tokens[i])
    nxt = _core(tokens[i + 1]) if i + 1 < len(tokens) else ""
    low, nlow = word.lower(), nxt.lower()
    nominal = "NOUN" in _lemmas(low) or "ADJ" in _lemmas(low) or form == "gerund"
    if nlow == "of" and form in ("base", "gerund"):
        return f"nominal form '{low} of'"
    if not nxt or nlow in FUNCTION or not nxt.isalpha() or not nominal or tokens[i][-1] in ",;":
        return None
    after = _core(tokens[i + 2]) if i + 2 < len(tokens) else ""
    if after and _has_form(after, "past", "participle") and not _has_form(after, "base"):
        return f"noun phrase '{low} {nlow}' before '{after.lower()}'"
    if not after and "NOUN" in _lemmas(low) and not _is_plural_noun(nxt) and "NOUN" in _lemmas(nlow):
        return f"noun compound '{low} {nlow}'"
    return None


def _find_lead(tokens: list[str]) -> tuple[_Lead | None, str]:
    """The leading verb, or None with the reason it is not one."""
    if not tokens:
        return None, "empty text"
    start, subject, aux = _subject(tokens)
    i = start
    adverb = _core(tokens[i]).lower() if i < len(tokens) else ""
    if i + 1 < len(tokens) and (
        (adverb in ADVERBS and adverb != "never") or (adverb.endswith("ly") and not _forms(adverb))
    ):
        i += 1
    if i >= len(tokens):
        return None, "no verb after the subject"
    word = _core(tokens[i])
    if word.isupper() and len(word) > 1:
        return None, f"acronym '{word}' is not a verb"
    allowed: tuple[Form, ...] = ("past", "participle", "base", "gerund") + (("s",) if subject else ())
    picked = next(((lem, f) for f in allowed for lem, g in _forms(word) if g == f), None)
    if picked is None:
        if _has_form(word, "s"):
            return None, f"'{word.lower()}' reads as a noun or a third-person verb"
        return None, f"no leading verb: '{word.lower()}'"
    noun = _noun_first(tokens, i, picked[1])
    if noun:
        return None, noun
    if i + 1 >= len(tokens):
        return None, f"nothing follows the verb '{word.lower()}'"
    return _Lead(start, i, picked[0], picked[1], subject, aux), ""


def _word_to(word: str, lemma: str, target: Target, spelling: Spelling) -> str:
    """One verb token in the target form, keeping punctuation around it and its capital."""
    core = _core(word)
    head, dash, stem = lemma.rpartition("-")
    if target == "base":
        new = core.lower() if _has_form(core, "base") else lemma
    elif _has_form(core, "past"):
        new = core.lower()
    else:
        options = _inflections(stem, "VBD") or (stem + "ed",)
        new = head + dash + (options[0] if spelling == "us" else options[-1])
    return word.replace(core, _match_case(new, core), 1)


def _after_conjunction(tokens: list[str], j: int) -> bool:
    prev = tokens[j - 1]
    low = _core(prev).lower()
    if low in {"also", "then"} and j >= 2 and _core(tokens[j - 2]).lower() in {"and", "or"}:
        return True
    return prev[-1] in ",;." or low in {"and", "or", "then", "&"}


def _candidate(tokens: list[str], j: int, lead: _Lead, target: Target) -> tuple[str, Form] | None:
    """A coordinated verb that must take the lead's new tense, as (lemma, form), else None."""
    word = _core(tokens[j])
    if not word or (word[0].isupper() and tokens[j - 1][-1] != "."):
        return None
    wanted: tuple[Form, ...] = ("base", "participle") if target == "past" else ("past", "participle")
    if lead.form == "gerund":
        wanted += ("gerund",)
    found = next(((lem, f) for f in wanted for lem, f2 in _forms(word) if f2 == f), None)
    if found is None or (target == "base" and _has_form(word, "base")):
        return None
    if target == "past" and _has_form(word, "past"):
        return None
    low = word.lower()
    follower = _core(tokens[j + 1]).lower() if j + 1 < len(tokens) else ""
    if "NOUN" not in _lemmas(low) and "ADJ" not in _lemmas(low):
        return found
    if follower in DETERMINERS or follower[:1].isdigit():
        return found
    starts_sentence = tokens[j - 1][-1] == "." and follower
    return found if starts_sentence and _noun_first(tokens, j, found[1]) is None else None


def _clause_form(word: str) -> Form | None:
    """The tense of a word that may be the verb of a subordinate clause; nouns are skipped."""
    low = word.lower()
    if low in BE_HAVE:
        return BE_HAVE[low]
    if "NOUN" in _lemmas(low) or not _forms(word):
        return None
    return _forms(word)[0][1]


def _takes_object(tokens: list[str], j: int) -> bool:
    """Whether the verb at j is followed by its object ("refunded the buyers", "sent replacements")."""
    follower = _core(tokens[j + 1]) if j + 1 < len(tokens) else ""
    low = follower.lower()
    if low in OBJECT_STARTS or low[:1].isdigit():
        return True
    return bool(low) and low not in FUNCTION and "NOUN" in _lemmas(low) and not _forms(follower)


def _ends_clause(tokens: list[str], j: int, sub_start: int) -> bool:
    """Whether the subordinate clause that began at ``sub_start`` ended before the verb at j.

    It ends at a comma or semicolon before a conjunction when the clause has words after its own verb
    ("who packed the orders, and checked the labels"); a bare list of its verbs ("who packed,
    labelled and shipped the orders") and a participle after a comma ("forwarders that supply the
    number, written into the agreement") are still the clause.
    """
    k = j - 1
    while k > sub_start and _core(tokens[k]).lower() in CONJUNCTIONS:
        k -= 1
    return k < j - 1 and k > sub_start + 1 and tokens[k][-1] in ",;"


def _main_subject(tokens: list[str], j: int) -> bool:
    """A "we" or "I" that opens a coordinated main clause again ("..., and we refunded the buyers")."""
    return (
        j + 1 < len(tokens)
        and _core(tokens[j]).lower() in {"we", "i"}
        and _after_conjunction(tokens, j)
        and _core(tokens[j - 1]).lower() in CONJUNCTIONS
    )


def _convert(tokens: list[str], lead: _Lead, target: Target, spelling: Spelling) -> str:
    """The clause from the lead on, with the lead and its coordinated verbs in the target form.

    Words inside a subordinate clause ("buyers who complained") keep their tense, except a verb
    whose form matches the lead's and not the clause's, which must belong to the main clause. The
    clause has ended when a comma closes it, and for a clause of "be" ("listings that were active",
    "whose parcels were lost") at a verb with an object ("and refunded the buyers"): what continues
    "were" is a participle or an adjective, never a verb with an object.
    """
    out = list(tokens)
    out[lead.index] = _word_to(tokens[lead.index], lead.lemma, target, spelling)
    in_sub, sub_form, sub_be, sub_start = False, None, False, 0
    for j in range(lead.index + 1, len(tokens)):
        low = _core(tokens[j]).lower()
        if low in SUBORDINATORS:
            in_sub, sub_form, sub_be, sub_start = True, None, False, j
            continue
        if in_sub and sub_form is None:
            sub_form = _clause_form(_core(tokens[j]))
            sub_be = low in BE or (low in BE_HAVE and j + 1 < len(tokens) and _core(tokens[j + 1]) == "been")
        # "..., and we refunded the buyers": in the planned step, "..., and refund the buyers"
        again = target == "base" and j >= 2 and _main_subject(tokens, j - 1)
        found = _candidate(tokens, j, lead, target) if _after_conjunction(tokens, j) or again else None
        if found is None:
            continue
        if in_sub and (_ends_clause(tokens, j, sub_start) or (sub_be and _takes_object(tokens, j)) or again):
            in_sub = False
        same = GROUP.get(found[1]) == GROUP.get(lead.form) or found[1] == "base"
        if in_sub and (not same or GROUP.get(found[1]) == GROUP.get(sub_form or "")):
            continue
        if again:
            out[j - 1] = ""  # the step has no subject of its own
        out[j] = _word_to(tokens[j], found[0], target, spelling)
    clause = " ".join(word for word in out[lead.start :] if word).rstrip(" .;")
    first = clause[:1].upper() if target == "base" else clause[:1].lower()
    return first + clause[1:]


def _skip_adverbs(tokens: list[str], j: int) -> int:
    while j < len(tokens) and (_core(tokens[j]).lower() in ADVERBS or _core(tokens[j]).endswith("ly")):
        j += 1
    return j


def _present_after(tokens: list[str], i: int) -> int | None:
    """Index of a present-tense verb opening the clause after the subordinator at i, if any."""
    relative = _core(tokens[i]).lower() in RELATIVES
    plural = relative and i > 0 and _is_plural_noun(_core(tokens[i - 1]))
    j = _skip_adverbs(tokens, i + 1)
    low = _core(tokens[j]).lower() if j < len(tokens) else ""
    if low in PRONOUNS:
        plural, j = low in {"i", "we", "you", "they"}, j + 1
    elif low in DETERMINERS and j + 2 < len(tokens):
        plural, j = _is_plural_noun(_core(tokens[j + 1])), j + 2
    elif not relative:
        return None
    word = _core(tokens[j]) if j < len(tokens) else ""
    if word.lower() in {"is", "are", "am", "has"}:
        return j
    if _has_form(word, "past", "participle"):
        return None
    return j if _has_form(word, "s") or (plural and _has_form(word, "base")) else None


def _rule_reason(clean: str, tokens: list[str], lead: _Lead | None) -> str | None:
    """Why the text reads as a rule that runs from now on, or None for a one-off act."""
    if found := FORWARD.search(clean):
        where = "starts with" if found.start() == 0 else "contains"
        return f"{where} '{found.group(0).lower()}'"
    if found := STRONG.search(clean):
        return f"frequency word '{found.group(0).lower()}'"
    if _reads_past(tokens, lead):
        return None
    if lead and lead.subject and not lead.aux:
        return f"present tense: '{lead.subject.lower()} {_core(tokens[lead.index]).lower()}'"
    for i, token in enumerate(tokens):
        if _core(token).lower() in SUBORDINATORS and (j := _present_after(tokens, i)) is not None:
            first = i - 1 if _core(token).lower() in RELATIVES and i else i
            return "present-tense rule: '" + " ".join(_core(t) for t in tokens[first : j + 1]) + "'"
    if passive := _present_passive(tokens):
        return passive
    if found := WEAK.search(clean):
        return f"frequency word '{found.group(0).lower()}' with a verb not in the past"
    return None


def _present_passive(tokens: list[str]) -> str | None:
    """A main-clause "is/are (now) <participle>", which describes a routine."""
    for i, token in enumerate(tokens):
        low = _core(token).lower()
        if low in SUBORDINATORS:
            return None
        if low not in {"is", "are"}:
            continue
        j = _skip_adverbs(tokens, i + 1)
        if j < len(tokens) and _has_form(_core(tokens[j]), "past", "participle"):
            return "present passive: '" + " ".join(_core(t) for t in tokens[i : j + 1]) + "'"
    return None


def _reads_past(tokens: list[str], lead: _Lead | None) -> bool:
    """True when the seller says the thing is done: a past lead, or a past verb after a noun."""
    if lead is not None:
        return lead.form in ("past", "participle")
    for i in range(1, len(tokens)):
        low = _core(tokens[i]).lower()
        if low in SUBORDINATORS:
            return False
        prev = _core(tokens[i - 1]).lower()
        if low in {"was", "were", "had"} or (
            prev not in FUNCTION and prev not in BE_HAVE and _has_form(low, "past", "participle")
        ):
            return True
    return False


def _finite_at(tokens: list[str], i: int) -> bool:
    """True when token i is a finite verb, so the text can stand as a sentence after "On <date>,".

    A bare past form straight after a plural noun ("Refunds sent to...") is read as a participle,
    since a heading-like fragment is the likelier reading.
    """
    low, prev = _core(tokens[i]).lower(), _core(tokens[i - 1]).lower()
    if prev in ADVERBS and i >= 2:
        i, prev = i - 1, _core(tokens[i - 2]).lower()
    if low in BE_HAVE or low in NOT_LEADS - {"be"}:
        return True
    if prev in PRONOUNS and _forms(low):
        return True
    if not (_has_form(low, "past") or (_has_form(low, "s") and "NOUN" not in _lemmas(low))):
        return False
    if prev in FUNCTION or not prev.isalpha() or _is_plural_noun(_core(tokens[i - 1])):
        return False
    return "NOUN" in _lemmas(prev) or not _lemmas(prev)


def _intention_step(clean: str, spelling: Spelling) -> str | None:
    """The planned step in base form without subject and modal, or None for a bare promise."""
    clean = FORWARD_LEAD.sub("", clean, count=1) if FORWARD.match(clean) else clean
    found = PLAN_LEAD.match(clean)
    if found is None or not FUTURE.search(found.group(0)):
        return None
    tokens = clean[found.end() :].split()
    lead, _ = _find_lead(tokens)
    if lead is None or lead.start or lead.form == "s":
        return None
    return _convert(tokens, lead, "base", spelling)


def _rule_measure(clean: str, spelling: Spelling) -> str | None:
    """The rule as a measure: without "Going forward," and in base form when it opens with a verb."""
    body = (FORWARD_LEAD.sub("", clean, count=1) if FORWARD.match(clean) else clean).rstrip(" .;")
    lead, _ = _find_lead(body.split())
    if lead is not None:
        return _convert(body.split(), lead, "base", spelling)
    return body[:1].upper() + body[1:] if body else None


def read_action(text: str, *, spelling: Spelling = "us") -> ActionReading:
    """Classify an action the seller wrote and give the forms a letter may use for it.

    Spelling only affects verbs we inflect ("canceled"/"cancelled"); the seller's own words stay.
    """
    clean = " ".join(text.split())
    tokens = clean.split()
    said, finite = sentence(clean), any(_finite_at(tokens, i) for i in range(1, len(tokens)))
    if found := FUTURE.search(clean):
        modal = "will" if found.group(0).endswith("ll") else found.group(0).lower()
        why = f"states an intention: '{modal}'"
        return ActionReading("intention", None, _intention_step(clean, spelling), said, why, finite)
    lead, why = _find_lead(tokens)
    rule = _rule_reason(clean, tokens, lead)
    if rule:
        return ActionReading("standing_rule", None, _rule_measure(clean, spelling), said, rule, finite)
    if lead is None:
        return ActionReading("as_written", None, None, said, why, finite)
    past = _convert(tokens, lead, "past", spelling)
    base = _convert(tokens, lead, "base", spelling)
    why = f"leading {FORM_NAMES[lead.form]} '{_core(tokens[lead.index]).lower()}'"
    return ActionReading("one_off", past, base, said, why, finite)


def past_clause(text: str, *, spelling: Spelling = "us") -> str | None:
    """A clause to follow "we" ("refunded all 12 buyers in full"), or None when not a one-off act."""
    return read_action(text, spelling=spelling).past


def base_clause(text: str) -> str:
    """The text as a step in base form ("Refunded all buyers" -> "Refund all buyers").

    Text whose leading verb we do not recognise is returned unchanged (stripped).
    """
    return read_action(text).base or text.strip()
