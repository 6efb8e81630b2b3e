"""Find the parts of any appeal letter: opening, root causes, actions taken, prevention, closing.

Real letters come headed or unheaded, numbered or in paragraphs, in Markdown or pasted from Word.
The letter is cut into blocks (paragraphs and list items). A block under a recognised heading
("Root Cause(s) of the Issue", "Corrective actions", "Steps to prevent"...) takes that heading's
kind; blocks under a generic heading ("Plan of Action") or under none are classified by what they
say (causal words, completed actions, future controls). A final request or sign-off is the closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reinstate.review.model import SECTION_NAMES, Span

# A heading, once markdown, numbering and a trailing colon are stripped, matched in full.
HEADINGS: dict[str, re.Pattern[str]] = {
    "root_causes": re.compile(
        r"(the |our |identified |main |specific )*(root[- ]?causes?|root[- ]?cause\(s\)|causes?|reasons?)"
        r"( analysis| identified)?( (of|for|behind) (the |this |our )?[\w ,/-]{0,40})?"
        r"|what (went wrong|happened)|why (this|it) happened|(our )?(investigation|findings)( and findings)?"
        r"|(问题的)?根本原因(分析)?|问题原因",
        re.I,
    ),
    "actions_taken": re.compile(
        r"(the )?(corrective|immediate|remedial|completed)( actions?| measures?| steps?)"
        r"( (we have |we've |that we have |already )?(taken|completed|implemented))?"
        r"|(the )?(actions?|steps?|measures?) (we have |we've |already |that we have |that have been )?"
        r"(taken|completed|implemented)( so far| to (resolve|address|fix)[\w ]{0,40})?"
        r"|what (we|i) (have )?(done|did)( to (fix|resolve|address|correct|remedy)[\w ,'-]{0,50})?"
        r"|how we (resolved|fixed|addressed)[\w ]{0,40}"
        r"|(my|our) (actions?|steps?|measures?)( taken)? to (resolve|address|fix|correct|remedy)[\w ,'-]{0,50}"
        r"|(issue )?resolution|已(经)?采取的措施|纠正措施",
        re.I,
    ),
    "preventive_measures": re.compile(
        r"(the |our )?(preventive|preventative|prevention|long[- ]term)( actions?| measures?| steps?| plan| controls?)?"
        r"( (taken|implemented|in place))?|(steps|measures|actions|plan) to prevent[\w ,-]{0,50}"
        r"|(how we will )?prevent(ing)? (this|it|future|recurrence)[\w ,-]{0,40}|future (prevention|measures|steps)"
        r"|(what (we|i) (have |will )?(done|do|did|put in place)|(my|our) (actions?|steps?|measures?|plan)|"
        r"how (we|i) will) to (prevent|avoid|stop|ensure)[\w ,'-]{0,60}"
        r"|going forward|moving forward|预防措施|防止再次发生",
        re.I,
    ),
    "plan": re.compile(r"(our )?(plan of action|action plan|poa)( for [\w ,-]{0,40})?|行动计划", re.I),
    "closing": re.compile(r"conclusion|in (closing|conclusion|summary)|summary|结语|总结", re.I),
    "attachments": re.compile(
        r"attachments?|attached( documents| files| evidence)?|enclosures?|exhibits?|supporting (documents|evidence)|附件",
        re.I,
    ),
}
NEUTRAL = {"attachments"}  # parts a letter may have that are none of the five sections

LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪●]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|[ivxIVX]{1,4}[.)]|step \d+[:.])\s+")
HEADING_NOISE = re.compile(
    r"^[\s#>*_]*(?:\(?\d{1,2}[.)]|[ivxIVX]{1,4}[.)]|[A-H][.)]|step \d+[:.])?\s*|[\s*_:：.]+$"
)
INLINE = re.compile(r"^[\s#>*_•·-]*(?:\(?\d{1,2}[.)]\s*)?([^:：\n]{3,60}?)[*_]*\s*[:：]\s*(?=\S)")

SIGNALS: dict[str, re.Pattern[str]] = {
    "root_causes": re.compile(
        r"\b(root cause|because|due to|caused by|the reason|resulted in|led to|as a result of|this happened|"
        r"we (found|discovered|identified|determined|traced)|our (investigation|review) (showed|found)|"
        r"(received|got|had) (\w+ )?(negative feedback|complaints?|claims?|chargebacks?)|"
        r"(odr|order defect rate|late shipment rate|cancel\w* rate|return rate) (was|were|is|went|rose|exceeded))\b",
        re.I,
    ),
    "actions_taken": re.compile(
        r"\b(we (have |had )?(already |immediately |also )?(\w+ed|sent|made|set|wrote|ran|took|built|put|paid|"
        r"bought|gave|began)|(have|has) been (\w+ed|sent|made|set|paid|taken|built)|were (\w+ed)|completed on|"
        r"on \d{1,2} \w+ \d{4})\b",
        re.I,
    ),
    "preventive_measures": re.compile(
        r"\b(going forward|from now on|in the future|to prevent|moving forward|will|each (day|week|month)|"
        r"every (\w+ )?(day|week|month|order|batch|shipment|upload|listing|sku|monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|morning|evening|shift)|daily|weekly|monthly|quarterly|ongoing|recurr\w*|now checks)\b",
        re.I,
    ),
}
OPENING_SIGNAL = re.compile(
    r"\b(understand|take (full )?responsibility|accept|acknowledge|we recogni[sz]e|own(ership)?)\b", re.I
)
CLOSING_SIGNAL = re.compile(
    r"\b(reinstat\w*|reactivat\w*|restore\w*|thank you|sincerely|regards|look forward|we (ask|request)|"
    r"please (review|reconsider)|respectfully)\b",
    re.I,
)
SIGN_OFF = re.compile(
    r"^\s*(sincerely|best regards|kind regards|regards|respectfully|thank you)[,.!]?\s*$", re.I
)
PREAMBLE = re.compile(r"^\s*(subject|re|to|from|date)\s*:|^\s*(dear|hello|hi)\b", re.I)


@dataclass
class Block:
    start: int
    end: int
    text: str
    heading: str | None = None  # the kind named by a heading on this block's first line
    is_item: bool = False
    kind: str = ""


def detect_sections(text: str) -> list[Span]:
    """The letter's parts as spans, in order; kinds are those of ``SECTION_NAMES``."""
    blocks = _blocks(text)
    _assign(blocks)
    spans: list[Span] = []
    for block in blocks:
        if spans and spans[-1].kind == block.kind:
            spans[-1] = Span(block.kind, spans[-1].start, block.end)
        else:
            spans.append(Span(block.kind, block.start, block.end))
    return spans


def present(spans: list[Span], text: str) -> dict[str, bool]:
    found = {name: False for name in SECTION_NAMES}
    for span in spans:
        body = text[span.start : span.end]
        if span.kind == "opening":
            body = "\n".join(line for line in body.splitlines() if not PREAMBLE.match(line))
            if len(re.findall(r"[A-Za-z\u4e00-\u9fff]{2,}", body)) < 6:
                continue
        if span.kind in found:
            found[span.kind] = True
    return found


def heading_kind(line: str) -> tuple[str, int] | None:
    """(kind, offset where the section's own text starts) if the line is or opens with a heading.

    Only the line's first 200 characters after its indentation are read, and a line indented by more
    than 40 characters is no heading: the patterns then run in time linear in the letter's length
    (4,000 spaces before a colon once took 9 seconds).
    """
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    if lead > 40:
        return None
    if len(stripped) <= 90:
        candidate = HEADING_NOISE.sub("", stripped).strip()
        for kind, pattern in HEADINGS.items():
            if candidate and pattern.fullmatch(candidate):
                return kind, len(line)
    match = INLINE.match(line[lead : lead + 200])
    if match:
        label = HEADING_NOISE.sub("", match.group(1)).strip()
        for kind, pattern in HEADINGS.items():
            if pattern.fullmatch(label):
                return kind, lead + match.end()
    return None


def _blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    current: Block | None = None
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        line = raw.rstrip("\r\n")
        if not line.strip():
            current = None
            continue
        head = heading_kind(line)
        starts_item = bool(LIST_ITEM.match(line)) and not (head and head[1] == len(line))
        if current is None or head or starts_item:
            current = Block(start=start, end=start + len(line), text=line, is_item=starts_item)
            if head:
                current.heading = head[0]
            blocks.append(current)
        else:
            current.end = start + len(line)
            current.text += "\n" + line
        if head and head[1] == len(line):
            current = None  # a heading line stands alone; what follows is a new block
    return blocks


def _assign(blocks: list[Block]) -> None:
    """Give every block a kind: its heading's, else what its words say, else its neighbours'."""
    section: str | None = None  # the kind set by the last heading ("plan" = classify by content)
    first_heading = next((i for i, b in enumerate(blocks) if b.heading), None)
    if first_heading is not None and blocks[first_heading].heading == "plan":
        first_heading = None  # a generic "Plan of Action" heading: what precedes it is classified by content
    pending: list[Block] = []  # unclassified blocks under a generic heading, waiting for the next kind
    previous = "opening"
    for index, block in enumerate(blocks):
        if block.heading:
            section = block.heading
            _settle(pending, previous)
        if first_heading is not None and index < first_heading:
            block.kind = "opening"
        elif section in {"root_causes", "actions_taken", "preventive_measures", "closing", *NEUTRAL}:
            block.kind = section
        else:
            kind = _classify(block.text)
            if kind is None:
                pending.append(block)
                continue
            _settle(pending, kind if section == "plan" else previous)
            block.kind = kind
        previous = block.kind
    _settle(pending, previous)
    if first_heading is None:
        _mark_opening(blocks)
    _split_closing(blocks)
    _mark_closing(blocks)


def _settle(pending: list[Block], kind: str) -> None:
    for block in pending:
        block.kind = kind
    pending.clear()


NOT_ACTIONS = re.compile(
    r"\bwe (received|noticed|experienced|had|got|saw|learned|realized|realised|believed|were|understood)\b",
    re.I,
)


def _classify(text: str) -> str | None:
    if PREAMBLE.match(text) and len(text) < 120:
        return "opening"
    scores = {kind: len(pattern.findall(text)) for kind, pattern in SIGNALS.items()}
    scores["actions_taken"] = max(0, scores["actions_taken"] - len(NOT_ACTIONS.findall(text)))
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return None
    if scores["root_causes"] and scores["root_causes"] >= scores[best] - 1 and "root cause" in text.lower():
        return "root_causes"
    return best


def _mark_opening(blocks: list[Block]) -> None:
    """In an unheaded letter, the first prose block is the opening when it owns the problem."""
    for block in blocks:
        if PREAMBLE.match(block.text) and len(block.text) < 120:
            block.kind = "opening"
            continue
        if OPENING_SIGNAL.search(block.text) or block.kind == "opening":
            block.kind = "opening"
        return


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _split_closing(blocks: list[Block]) -> None:
    """Cut a request for reinstatement off the end of a long last paragraph of actions or measures."""
    prose = [i for i, b in enumerate(blocks) if b.kind not in NEUTRAL and not b.is_item]
    if not prose:
        return
    index = prose[-1]
    block = blocks[index]
    if len(block.text) < 300 or block.heading:
        return
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(block.text)]
    tail = None
    for cut in reversed(cuts):
        if CLOSING_SIGNAL.search(block.text[cut:].split(". ")[0]):
            tail = cut
        else:
            break
    if tail is None or tail == 0:
        return
    closing = Block(start=block.start + tail, end=block.end, text=block.text[tail:], kind="closing")
    block.end = block.start + tail
    block.text = block.text[:tail]
    blocks.insert(index + 1, closing)


def _mark_closing(blocks: list[Block]) -> None:
    """Trailing prose that asks for reinstatement, thanks or signs off is the closing."""
    for block in reversed(blocks):
        if block.kind in NEUTRAL:
            continue
        if block.is_item or (block.heading and block.heading != "closing"):
            return
        if (
            CLOSING_SIGNAL.search(block.text)
            or SIGN_OFF.match(block.text.splitlines()[0])
            or block.kind == "closing"
        ):
            block.kind = "closing"
            continue
        if len(block.text) < 80 and not re.search(r"[.!?]$", block.text.strip()):
            block.kind = "closing"  # signature lines: name, company, merchant token
            continue
        return
