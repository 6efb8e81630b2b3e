"""Tone rules read from the letter's surface (POA514, POA516, POA518-520): apologies repeated, ways to
evade account linking, a letter largely not in English, exclamation marks, words in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.kb.phrases import HAN
from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule
from reinstate.review.rules._phrases import hits

Hits = Iterator[tuple[int, int]]

DEVICES = re.compile(
    r"\b(new|separate|different|dedicated|clean) (computers?|laptops?|routers?|ip( address(es)?)?|networks?|devices?)\b",
    re.I,
)
ACCOUNTS = re.compile(r"\b(accounts?|stores?|shops?|associat\w+|link\w*|relat\w+)\b|关联", re.I)


@rule(
    "POA516",
    "tone.account_linking_evasion",
    "error",
    message="Mentions ways to avoid account linking (new computer, IP, VPN).",
    message_zh="提到规避账户关联的做法（新电脑、IP、VPN 等）。",
    suggestion="Remove it. For related accounts, explain the relationship honestly and appeal the original account first.",
    suggestion_zh="删掉。关联账户问题要如实说明关系，并先申诉原账户。",
)
def account_linking_evasion(doc: ReviewDoc) -> Hits:
    """Talk of VPNs, static IPs or new devices to keep accounts apart reads as evading account linking.

    A common tip on Chinese seller forums, and one Amazon treats as a serious violation. New devices
    count only in a sentence about accounts or linking, so "a dedicated computer for buyer messages"
    is not flagged.
    """
    yield from hits(doc, "tone.account_linking_evasion")
    for start, _end, sentence in doc.sentences():
        if ACCOUNTS.search(sentence):
            for match in DEVICES.finditer(sentence):
                yield start + match.start(), start + match.end()


@rule(
    "POA514",
    "tone.excessive_apology",
    "warning",
    message="Apologises again and again; one factual sentence of ownership is enough.",
    message_zh="反复道歉；一句事实性的认责就够了。",
    suggestion="Keep a single ownership sentence at the start and delete the other apologies.",
    suggestion_zh="只在开头保留一句认责的话，删掉其余的道歉。",
)
def excessive_apology(doc: ReviewDoc) -> Hits:
    """An apology paragraph is emotive; Amazon wants ownership shown through causes and actions."""
    found = list(hits(doc, "tone.apology"))
    if len(found) >= 3:
        yield from found


@rule(
    "POA518",
    "tone.not_english",
    "warning",
    message="The letter is largely not in English; Amazon reviews appeals in English.",
    message_zh="信件大部分不是英文；亚马逊用英文审核申诉。",
    suggestion="Write the appeal in English (reinstate drafts it in English from your case file).",
    suggestion_zh="请用英文撰写申诉（用 reinstate 根据申诉资料文件生成英文申诉信）。",
)
def not_english(doc: ReviewDoc) -> Hits:
    """Appeals are read in English; parts in other languages may not be understood."""
    letters = re.findall(r"[A-Za-z]|[\u3400-\u9fff]", doc.text)
    if letters and sum(1 for c in letters if HAN.match(c)) / len(letters) > 0.2:
        first = HAN.search(doc.text)
        start = first.start() if first else 0
        yield start, min(len(doc.text), start + 40)


@rule(
    "POA519",
    "tone.exclamation",
    "info",
    message="Exclamation marks read as emotional.",
    message_zh="感叹号显得情绪化。",
    suggestion="Use full stops; let the facts carry the letter.",
    suggestion_zh="改用句号，让事实说话。",
)
def exclamation(doc: ReviewDoc) -> Hits:
    """A plan of action is factual and calm; exclamations work against that."""
    for match in re.finditer(r"!+", doc.text):
        yield match.start(), match.end()


@rule(
    "POA520",
    "tone.shouting",
    "info",
    message="Words in capitals read as shouting.",
    message_zh="整段大写字母像是在大声嚷嚷。",
    suggestion="Write in normal case; keep capitals for abbreviations such as ODR or FBA.",
    suggestion_zh="用正常的大小写；只有 ODR、FBA 这类缩写才用大写。",
)
def shouting(doc: ReviewDoc) -> Hits:
    """Three or more capitalised words in a row are shouting, not emphasis."""
    for match in re.finditer(r"\b[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){2,}\b", doc.text):
        if not COMPANY.search(match.group(0)):
            yield match.start(), match.end()


COMPANY = re.compile(r"\b(LTD|LLC|INC|CO|CORP|LIMITED|GMBH|COMPANY|TRADING|TECHNOLOGY|SARL|SRL|BV|PLC)\b")
