"""Tone and language rules (POA5xx): factual, owned, calm, in English.

Most are phrase rules: the phrases live in ``review/data/phrases.yaml`` under the rule's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.model import Severity
from reinstate.review.registry import Check, rule
from reinstate.review.rules._phrases import hits

Hits = Iterator[tuple[int, int]]


def phrase_rule(
    code: str, name: str, severity: Severity, doc: str, texts: tuple[str, str, str, str]
) -> Check:
    """Register a rule that flags every phrase of its list, anywhere in the letter."""

    def check(review: ReviewDoc) -> Hits:
        yield from hits(review, name)

    check.__doc__ = doc
    check.__name__ = name.split(".", 1)[1]
    message, message_zh, suggestion, suggestion_zh = texts
    return rule(
        code,
        name,
        severity,
        message=message,
        message_zh=message_zh,
        suggestion=suggestion,
        suggestion_zh=suggestion_zh,
    )(check)


BLAME_FIX = (
    "Describe what you did or failed to do. Even when someone else was involved, the cause Amazon accepts is the "
    "process you control (which carrier you chose, how you checked, what you listed)."
)
BLAME_FIX_ZH = "写你自己做了什么、没做到什么。即使涉及他人，亚马逊认可的原因也是你能控制的流程（选了哪家承运商、怎么检查、页面怎么写）。"

phrase_rule(
    "POA501",
    "tone.blames_buyer",
    "error",
    "Blaming buyers reads as refusing responsibility, the opposite of what a plan of action must show.",
    ("Blames the buyers.", "把责任推给买家。", BLAME_FIX, BLAME_FIX_ZH),
)
phrase_rule(
    "POA502",
    "tone.blames_amazon",
    "error",
    "Blaming Amazon's systems or staff puts the reviewer on the defensive and answers nothing.",
    ("Blames Amazon.", "把责任推给亚马逊。", BLAME_FIX, BLAME_FIX_ZH),
)
phrase_rule(
    "POA503",
    "tone.blames_carrier",
    "warning",
    "The carrier is the seller's choice; a cause that ends at the carrier shows no control over it.",
    (
        "Blames the carrier or calls the cause out of your control.",
        "把责任推给承运商，或说原因不在你的控制范围内。",
        BLAME_FIX,
        BLAME_FIX_ZH,
    ),
)
phrase_rule(
    "POA504",
    "tone.blames_supplier",
    "warning",
    "Suppliers are the seller's responsibility; Amazon wants to know how your checks let the fault through.",
    ("Blames the supplier or manufacturer.", "把责任推给供应商或工厂。", BLAME_FIX, BLAME_FIX_ZH),
)
phrase_rule(
    "POA505",
    "tone.blames_competitor",
    "error",
    "Accusing competitors without proof reads as deflection; report abuse separately, not in the appeal.",
    ("Blames competitors.", "把责任推给竞争对手。", BLAME_FIX, BLAME_FIX_ZH),
)
phrase_rule(
    "POA506",
    "tone.blames_weather",
    "warning",
    "Weather and 'external factors' (a common tip on Chinese seller forums) are not causes Amazon accepts.",
    (
        "Blames the weather or 'external factors'.",
        "把原因归于天气或“外部因素”。",
        "Name what your operation did not plan for (no Vacation Mode, no buffer in handling time, no backup carrier).",
        "写出你的运营没有预案的地方（没开假期模式、处理时间没有余量、没有备用承运商）。",
    ),
)
phrase_rule(
    "POA507",
    "tone.emotional_plea",
    "warning",
    "Amazon's guidance says to avoid emotive language; hardship stories do not answer the three questions.",
    (
        "Emotional plea or hardship story.",
        "情绪化的恳求或诉苦。",
        "Delete it; state facts, actions and measures only.",
        "删掉这部分，只写事实、措施和预防。",
    ),
)
phrase_rule(
    "POA508",
    "tone.begging",
    "warning",
    "Begging weakens the plan; the closing should ask once, politely and firmly.",
    (
        "Begging for another chance.",
        "乞求再给一次机会。",
        "Replace it with one polite request to reinstate the account.",
        "改成一句有礼貌的恢复请求即可。",
    ),
)
phrase_rule(
    "POA509",
    "tone.flattery",
    "info",
    "Praise of Amazon adds length and nothing the reviewer can check.",
    ("Flattery of Amazon.", "对亚马逊的恭维。", "Remove it.", "删掉。"),
)
phrase_rule(
    "POA510",
    "tone.legal_threat",
    "error",
    "Legal threats and citations move an appeal out of the seller-performance process and are widely advised against.",
    (
        "Legal threat or legal citation.",
        "以法律手段相威胁或引用法律条文。",
        "Remove all legal language; a plan of action is an operational document.",
        "删掉所有法律措辞；行动计划是一份运营文件。",
    ),
)
phrase_rule(
    "POA511",
    "tone.escalation_threat",
    "error",
    "Threats to escalate (to executives, the press) read as pressure, not as a plan.",
    (
        "Threat of escalation.",
        "威胁要升级投诉。",
        "Remove it; escalation, if ever needed, is a separate step after appeals are exhausted.",
        "删掉；如确有需要，升级是申诉用尽之后的另一步。",
    ),
)
phrase_rule(
    "POA512",
    "tone.did_nothing_wrong",
    "error",
    "Arguing the seller did nothing wrong contradicts the plan itself; Amazon expects ownership of a specific mistake.",
    (
        "Argues you did nothing wrong.",
        "辩称自己没有做错。",
        "If the notice is wrong, say so with evidence through the error route; otherwise own the specific mistake.",
        "如果确实是误判，请走“账户被错误停用”的途径并附证据；否则要承认具体的失误。",
    ),
)
phrase_rule(
    "POA513",
    "tone.dictates_decision",
    "warning",
    "Telling the reviewer what to decide ('ultimate conclusions') is counterproductive.",
    (
        "Tells the reviewer what to decide.",
        "要求审核人员必须怎样决定。",
        "Ask once, politely: 'We ask you to reinstate our selling privileges.'",
        "有礼貌地请求一次即可：“We ask you to reinstate our selling privileges.”",
    ),
)
phrase_rule(
    "POA515",
    "tone.good_metrics_plea",
    "warning",
    "Listing good metrics or sales to ask for forgiveness (a Chinese-forum habit) does not answer the notice.",
    (
        "Lists good metrics or history instead of answering the issue.",
        "罗列其他好指标或销售历史，而不是回答问题本身。",
        "Remove it; address only the issue Amazon cited.",
        "删掉；只回答亚马逊点名的问题。",
    ),
)
phrase_rule(
    "POA517",
    "tone.boilerplate",
    "info",
    "Stock phrases ('customer satisfaction is our top priority') add words without facts and mark a template.",
    (
        "Boilerplate phrase.",
        "套话。",
        "Replace it with a fact from your case, or delete it.",
        "换成你案例里的具体事实，或直接删掉。",
    ),
)


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


CJK = re.compile(r"[\u3400-\u9fff]")


@rule(
    "POA518",
    "tone.not_english",
    "warning",
    message="The letter is largely not in English; Amazon reviews appeals in English.",
    message_zh="信件大部分不是英文；亚马逊用英文审核申诉。",
    suggestion="Write the appeal in English (reinstate drafts it in English from your case file).",
    suggestion_zh="请用英文撰写申诉（用 reinstate 根据案例文件生成英文信件）。",
)
def not_english(doc: ReviewDoc) -> Hits:
    """Appeals are read in English; parts in other languages may not be understood."""
    letters = re.findall(r"[A-Za-z]|[\u3400-\u9fff]", doc.text)
    if letters and sum(1 for c in letters if CJK.match(c)) / len(letters) > 0.2:
        first = CJK.search(doc.text)
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
