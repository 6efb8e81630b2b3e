"""English quality (POA521–POA529): a letter Amazon can read, in English a reviewer trusts.

Most of our users cannot judge an English letter; the score is what they trust, so a letter with
Chinese in it, or with the commonest non-native errors, must not look ready. Non-English text in
the body is an error that caps the score at 40. Grammar comes from two places: the offline checker
Harper (``harper-py``, a Rust library with its dictionary inside the wheel; its spelling check is
off, because product, carrier and company names are not dictionary words), and our own rules for
the errors Harper misses (subject–verb agreement in simple clauses, "can not", a missing article,
"are accurately match", doubled punctuation, a word glued to a number). These findings share one
penalty pool (see ``engine.score``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from typing import Any

from reinstate.kb.phrases import CJK_CLASS
from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule

Hits = Iterator[tuple[int, int] | tuple[int, int, str, str]]
NON_LATIN = re.compile(rf"{CJK_CLASS}+(?:[\s\d]*{CJK_CLASS}+)*")  # linear: the two classes never overlap
SUBJECT = re.compile(r"^\s*(?:\*\*)?(?:subject|re)\s*:?(?:\*\*)?\s*:?", re.I)
SIGN_OFF = re.compile(
    r"^\s*(?:sincerely|yours (?:sincerely|faithfully|truly)|(?:best |kind |warm )?regards|respectfully|"
    r"thank you|thanks|best wishes|此致|敬礼)\b[^\n]{0,20}$",
    re.I | re.M,
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HARPER_LIMIT = 15_000  # characters: a letter is a page or two; a paste past this is checked in part
HARPER_CHUNK = 2_000  # Harper's time grows faster than the text on some inputs: lint in short pieces
NOT_WORDS = re.compile(
    r"\S{41,}|(?<!\S)[^\sA-Za-z0-9]+(?!\S)"
)  # overlong tokens, and tokens of punctuation only
HARPER_OFF = ("SpellCheck", "SpelledNumbers")


def _name_zones(text: str) -> list[tuple[int, int]]:
    """The subject line and the signature block: where a company name may stand on its own."""
    zones = []
    first = text.split("\n", 1)[0]
    if SUBJECT.match(first):
        zones.append((0, len(first)))
    sign_offs = list(SIGN_OFF.finditer(text))
    if sign_offs:
        zones.append((sign_offs[-1].start(), len(text)))
    return zones


def _in(zones: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in zones)


def _after_english_name(text: str, start: int, end: int) -> bool:
    """A legal name in brackets after its English form: "Lanternway Trading Co., Ltd. (深圳市…有限公司)"."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 1]
    opened = before.endswith(("(", "（"))
    line_start = text.rfind("\n", 0, start) + 1
    return opened and after in {")", "）"} and LATIN_WORD.search(text[line_start:start]) is not None


@rule(
    "POA521",
    "tone.non_english_text",
    "error",
    message="Text that is not English in the letter: Amazon reviews appeals in English.",
    message_zh="信中有非英文内容：亚马逊用英文审核申诉。",
    suggestion="Write this part in English. A Chinese legal name may follow its English or pinyin form in brackets.",
    suggestion_zh="请把这部分改成英文。公司的中文注册名称可以放在英文或拼音名称后面的括号里。",
    cap=40,
)
def non_english_text(doc: ReviewDoc) -> Hits:
    """Any Chinese or full-width text in the body. The reviewer reads English only; a sentence in Chinese
    is a sentence that answers nothing. The score is capped at 40 while any remains."""
    zones = _name_zones(doc.text)
    for match in NON_LATIN.finditer(doc.text):
        start, end = match.span()
        if _in(zones, start) or _after_english_name(doc.text, start, end):
            continue
        while start > 0 and doc.text[start - 1].isdigit():  # "10月12日": the number belongs to the date
            start -= 1
        yield start, end


@rule(
    "POA522",
    "tone.non_latin_name",
    "warning",
    message="The subject or signature gives the company name only in Chinese characters.",
    message_zh="标题或落款里的公司名称只有中文。",
    suggestion="Write the company name as registered in Seller Central in English or pinyin; the Chinese name may follow in brackets.",
    suggestion_zh="请写上卖家平台注册的英文或拼音公司名称；中文名称可以放在后面的括号里。",
)
def non_latin_name(doc: ReviewDoc) -> Hits:
    """A subject or signature line whose name is only in Chinese characters cannot be matched to the account."""
    for zone_start, zone_end in _name_zones(doc.text):
        for line in re.finditer(r"[^\n]+", doc.text[zone_start:zone_end]):
            text, start = line.group(0), zone_start + line.start()
            if SUBJECT.match(text):  # "Subject: Plan of Action – <name>": the name follows the last dash
                cut = max(text.rfind(" – "), text.rfind(" - "), text.rfind(" — "))
                text, start = (text[cut + 3 :], start + cut + 3) if cut >= 0 else (text, start)
            found = NON_LATIN.search(text)
            if found and not LATIN_WORD.search(NON_LATIN.sub(" ", SUBJECT.sub("", text))):
                yield start + found.start(), start + found.end()


_LOCK = threading.Lock()


@cache
def _linter() -> Any:
    """One Harper linter per process (building its dictionary takes about half a second)."""
    import harper

    linter = harper.Linter()
    config: dict[str, bool | None] = dict(linter.get_default_lint_config())
    for name in HARPER_OFF:
        config[name] = False
    linter.set_lint_config(config)
    return linter


# Harper's lints a seller must fix: grammar, agreement, repeated and split words, sentence capitals.
# Its style advice ("excellent" for "very good", the Oxford comma) and its guesses between
# "to" and "too" are left out: they are not errors, and a false alarm costs the seller's trust.
HARPER_KINDS = frozenset({"Agreement", "Repetition", "Typo", "Grammar"})
HARPER_RULES = frozenset({"SentenceCapitalization", "ModalOf"})


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece): the text in pieces of at most HARPER_CHUNK characters, cut at line ends (or
    spaces), with tokens that are no words blanked out (same length, so offsets hold)."""
    text = NOT_WORDS.sub(lambda m: " " * len(m.group(0)), text[:HARPER_LIMIT])
    start = 0
    while start < len(text):
        end = min(len(text), start + HARPER_CHUNK)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


ABBREVIATION = re.compile(r"\b(?:Co|Ltd|Inc|Corp|LLC|No|St|Mr|Ms|Mrs|Dr|Jr|approx|e\.g|i\.e|vs)\.\s*$", re.I)
DOMAIN_WORDS = frozenset(
    [
        "asin",
        "asins",
        "chargeback",
        "chargebacks",
        "fba",
        "fbm",
        "mfn",
        "sku",
        "skus",
        "odr",
        "upc",
        "ean",
        "gtin",
        "inauthentic",
        "inauthenticity",
        "a-to-z",
    ]
)
REDACTED = re.compile(r"^[xX*#]{2,}$")


def _not_an_error(text: str, begin: int, problem: str) -> bool:
    """Lints that are not a seller's error: ids and acronyms, Amazon's own words, redactions, and a
    capital "missing" after an abbreviation inside a name ("Lanternway Trading Co., Ltd. shipped")."""
    edge = text[max(0, begin - 1) : begin]
    if any(c.isdigit() for c in problem) or problem.isupper() or len(problem) < 2 or edge in {"-", "/"}:
        return True  # ids, SKUs, lot suffixes ("2609-B") and acronyms
    if problem.lower() in DOMAIN_WORDS or REDACTED.match(problem):
        return True
    return bool(ABBREVIATION.search(text[max(0, begin - 12) : begin]))


def _harper_lints(text: str) -> list[tuple[int, int, str, str]]:
    lints = []
    with _LOCK:  # a Harper linter is not thread-safe; web workers review in threads
        for offset, piece in _chunks(text):
            if piece.strip():
                found_here = _linter().organized_lints(piece, language="plaintext")
                lints += [(offset, name, lint) for name, group in found_here.items() for lint in group]
    found = []
    for offset, name, lint in lints:
        if lint.lint_kind not in HARPER_KINDS and name not in HARPER_RULES:
            continue
        problem = lint.problem_text
        begin, finish = offset + lint.span.start, offset + lint.span.end
        if _not_an_error(text, begin, problem):
            continue
        fixes = [s.replacement_text for s in lint.suggestions]
        fix = f" → “{fixes[0]}”" if fixes and fixes[0] else ""
        message = lint.message.rstrip(".")
        found.append((begin, finish, f"“{problem}”{fix} ({message})", f"“{problem}”{fix}"))
    return sorted(found)


@rule(
    "POA523",
    "tone.grammar",
    "warning",
    message="An English grammar or usage error",
    message_zh="英文语法或用词错误",
    suggestion="Correct it as suggested; a reviewer reads careless English as a careless operation.",
    suggestion_zh="请按提示改正；审核人员会把粗糙的英文看成粗糙的运营。",
    pool="english",
)
def grammar(doc: ReviewDoc) -> Hits:
    """Errors found by Harper, the offline grammar checker (agreement with pronouns, joined words,
    sentence capitals, repeated words, confused words). Its spelling check is off: names of products,
    carriers and companies are not dictionary words, and ids and acronyms are never flagged."""
    yield from _harper_lints(doc.text)


SINGULAR_NOUNS = (
    "lot|batch|order|parcel|package|listing|product|item|unit|shipment|buyer|customer|account|supplier|"
    "carrier|warehouse|team|employee|staff member|charging case|case|box|label|manual|description|page"
)
PLURAL_NOUNS = (
    "orders|parcels|packages|listings|products|items|units|shipments|buyers|customers|suppliers|"
    "carriers|employees|boxes|labels|claims|complaints|returns|SKUs|ASINs"
)
AGREEMENT = re.compile(
    rf"\b(?:the|this|our|a|one|each|every|that)\s+(?:[\w-]+\s+)?(?:{SINGULAR_NOUNS})(?:\s+(?:no\.\s*)?[A-Z0-9-]*\d[A-Z0-9-]*)?\s+(have|are|were|do)\b"
    rf"|\b(?:lot|batch|order|SKU|ASIN|unit)\s+(?:no\.\s*)?[A-Z0-9-]*\d[A-Z0-9-]*\s+(have|are|were|do)\b"
    rf"|\b(?:we|they|you)\s+(was|has|is|does)\b"
    rf"|\b(?:{PLURAL_NOUNS})\s+(was|has|is|does)\b"
    r"|\b(?:it|he|she)\s+(sit|go|come|arrive|work|fit|break|charge|match|happen|need|look|show|take|make|stay|run|ship)\b",
    re.IGNORECASE,
)
JOINED = re.compile(r"\band\s+(?:the\s+|our\s+|a\s+)?[\w-]*\s*$")
PART_OF = re.compile(
    r"\b(?:of|on|in|for|with|from|about|to|by|at|across|among|between|per|under|over)\s+"
    r"(?:[\w,.%-]+\s+){0,3}$"
)  # "the rate of returns on the affected ASINs was": the noun is not the subject
FIX = {
    "have": "has",
    "are": "is",
    "were": "was",
    "do": "does",
    "was": "were",
    "has": "have",
    "is": "are",
    "does": "do",
}


@rule(
    "POA524",
    "tone.subject_verb_agreement",
    "warning",
    message="The verb does not agree with its subject",
    message_zh="动词与主语的单复数不一致",
    suggestion="Make the verb agree: 'the lot has', 'the buyers were', 'it sits'.",
    suggestion_zh="请让动词和主语一致，例如 the lot has、the buyers were、it sits。",
    pool="english",
)
def subject_verb_agreement(doc: ReviewDoc) -> Hits:
    """A singular subject with a plural verb ("lot 2608 have", "it sit") or the reverse ("the buyers was")
    in a simple clause; a subject joined by "and" ("the buyer and the seller have") is not flagged."""
    for match in AGREEMENT.finditer(doc.text):
        verb = next(g for g in match.groups() if g)
        start = match.start(match.lastindex or 0)
        clause = doc.text[max(0, match.start() - 40) : match.start()].lower()
        joined = JOINED.search(clause) or " and " in match.group(0).lower()
        if joined or PART_OF.search(clause):
            continue  # "the buyer and the seller have", "the number of orders is", "none of the buyers was"
        right = FIX.get(verb.lower(), verb + "s")
        yield start, start + len(verb), f"“{verb}” → “{right}”", f"“{verb}” → “{right}”"


CAN_NOT = re.compile(r"\bcan not\b(?!\s+only\b)", re.IGNORECASE)


@rule(
    "POA525",
    "tone.can_not",
    "warning",
    message="'can not' is written as one word in English: 'cannot'",
    message_zh="英文里 can not 要写成一个词：cannot",
    suggestion="Write 'cannot' (or 'could not' for the past).",
    suggestion_zh="请写成 cannot（过去时用 could not）。",
    pool="english",
)
def can_not(doc: ReviewDoc) -> Hits:
    """'can not' is a common non-native spelling of 'cannot' ('can not only…' is fine)."""
    for match in CAN_NOT.finditer(doc.text):
        yield match.start(), match.end()


COUNTABLE = (
    "problem|issue|mistake|error|delay|shortage|misunderstanding|fault|bug|change|complaint|claim|"
    "policy|procedure|process|system|checklist|rule|plan|step|tool|carrier|supplier|employee"
)
DETERMINER = (
    r"a|an|the|no|one|any|some|this|that|our|their|its|his|her|my|your|each|every|another|such|"
    r"what|which|whose|more|less|much|enough|further|other|same"
)
ARTICLE = re.compile(
    rf"\b(?:there (?:was|is)|we (?:had|have|found|made|used|created|wrote|introduced)|(?:it|this) (?:was|is))\s+"
    rf"(?!(?:{DETERMINER})\b)((?:[a-z]+(?:-[a-z]+)?\s+)?(?:{COUNTABLE}))\b(?!s\b|-)",
    re.IGNORECASE,
)


@rule(
    "POA526",
    "tone.missing_article",
    "warning",
    message="A singular noun without 'a' or 'the'",
    message_zh="单数名词前缺少 a 或 the",
    suggestion="Add the article: 'There was a shipping problem', 'We created a checklist'.",
    suggestion_zh="请补上冠词，例如 There was a shipping problem、We created a checklist。",
    pool="english",
)
def missing_article(doc: ReviewDoc) -> Hits:
    """'There was shipping problem', 'we had mistake', 'we created checklist': a singular countable
    noun after there is/we had/we created needs an article."""
    for match in ARTICLE.finditer(doc.text):
        phrase = match.group(1)
        if phrase.split()[0].lower().endswith("ing") and len(phrase.split()) == 1:
            continue
        yield match.start(1), match.end(1), f"“{phrase}” → “a {phrase}”", f"“{phrase}” → “a {phrase}”"


BE_VERB = re.compile(r"\b(am|is|are|was|were)\s+(?:(not|never|\w+ly)\s+)?([a-z]{3,})\b", re.IGNORECASE)
# Verbs non-native writers put after "is/are" ("it was happen", "items are match"). None of them
# reads correctly straight after "be", so they are flagged even without an adverb between.
MISUSED_AFTER_BE = frozenset(
    """happen arrive receive agree match occur exist belong comply relate affect cause contain include
    need follow meet send ship refund cancel deliver sell buy inform update change improve fix sit
    charge fit work come go make take use check affect""".split()  # noqa: SIM905 - a word list
)
# Words that are verbs and adjectives alike: "the work is complete" is correct English.
ADJECTIVE_TOO = frozenset(
    """complete correct clean clear open ready free empty separate perfect secure close present live
    right wrong due late final responsible content direct dry exact fine firm full light near quiet
    ready slow smooth tidy warm""".split()  # noqa: SIM905 - a word list
)


@cache
def _base_verb(word: str) -> bool:
    """A verb in its base form (lemminflect), and not one that doubles as an adjective."""
    from lemminflect import getAllLemmas

    verbs = getAllLemmas(word).get("VERB", ())
    return bool(verbs) and verbs[0] == word and word not in ADJECTIVE_TOO


@rule(
    "POA527",
    "tone.be_with_base_verb",
    "warning",
    message="A form of 'be' before a verb's base form",
    message_zh="be 动词后面直接跟了动词原形",
    suggestion="Use one verb: 'our listings accurately match', 'it happened', or the passive 'is matched'.",
    suggestion_zh="只用一个动词，例如 our listings accurately match、it happened；或用被动语态 is matched。",
    pool="english",
)
def be_with_base_verb(doc: ReviewDoc) -> Hits:
    """'are accurately match', 'was happen', 'is not arrive': 'be' followed by a bare verb. Flagged for
    the verbs non-native writers commonly misuse this way, and for any base-form verb after an -ly
    adverb, except words that are adjectives too ("is complete")."""
    for match in BE_VERB.finditer(doc.text):
        low = match.group(3).lower()
        adverb = (match.group(2) or "").lower()
        if low in MISUSED_AFTER_BE or (adverb.endswith("ly") and _base_verb(low)):
            yield match.start(), match.end()


DOUBLED = re.compile(r"(?<![.])\.\.(?!\.)|,\s*,|;\s*;|:\s*:|[,;:]\s*\.(?!\w)|[!?]\s*\.|\.\s+\.(?!\.)")
GLUED = re.compile(r"\b([a-z]{3,})(\d+)\b|\b(\d+)([a-z]{3,})\b")
UNITS = frozenset(["pcs", "pack", "packs", "hrs", "mins", "secs", "lbs", "kgs"])


@rule(
    "POA528",
    "tone.doubled_punctuation",
    "warning",
    message="Doubled punctuation",
    message_zh="标点重复",
    suggestion="Keep one mark: a full stop ends the sentence once.",
    suggestion_zh="只保留一个标点，句号只打一次。",
    pool="english",
)
def doubled_punctuation(doc: ReviewDoc) -> Hits:
    """'..', ',,', '.。', ', .': careless punctuation, often left by pasting from a translation tool.
    An ellipsis '...' and 'Co.,' are fine."""
    for match in DOUBLED.finditer(doc.text):
        yield match.start(), match.end()


@rule(
    "POA529",
    "tone.word_joined_to_number",
    "warning",
    message="A word joined to a number",
    message_zh="单词和数字连在一起",
    suggestion="Put a space between them: 'within 12 hours'.",
    suggestion_zh="请在单词和数字之间加空格，例如 within 12 hours。",
    pool="english",
)
def word_joined_to_number(doc: ReviewDoc) -> Hits:
    """'within12', '24hours': a missing space that spell-checkers miss. Ids, SKUs and units ('12pcs')
    are not flagged."""
    for match in GLUED.finditer(doc.text):
        word = match.group(1) or match.group(4)
        if word.lower() in UNITS:
            continue
        yield match.start(), match.end()
