"""Tone rules found by meaning or by phrase (POA501-513, POA515, POA517, POA540-542): factual, owned, calm.

Blame, pressure and self-promotion are read by meaning (``blame.py``, ``pressure.py``, ``promotion.py``
over the lexicon ``review/data/tone_lexicon.yaml``, gathered per rule by ``meaning.py``): a blamed party
joined to what accuses it, a demand or a claim of entitlement, a boast whose subject is the seller. The
phrase rules' phrases live in ``review/data/phrases.yaml`` under the rule's name. A pressure or praise
rule that has both flags a sentence once. The rules read from the letter's surface (apologies,
exclamations, capitals, not English) are in ``style.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.model import Severity
from reinstate.review.registry import Check, rule
from reinstate.review.rules._phrases import hits
from reinstate.review.rules.meaning import tone_spans

Hits = Iterator[tuple[int, int]]


def register(
    code: str,
    name: str,
    severity: Severity,
    doc: str,
    texts: tuple[str, str, str, str],
    find: Callable[[ReviewDoc], Iterable[tuple[int, int]]],
) -> Check:
    """Register a rule whose findings are the spans ``find`` gives, each once, in order."""

    def check(review: ReviewDoc) -> Hits:
        yield from sorted(set(find(review)))

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


def phrase_rule(
    code: str, name: str, severity: Severity, doc: str, texts: tuple[str, str, str, str]
) -> Check:
    """Register a rule that flags every phrase of its list anywhere in the letter, and every sentence the
    meaning detectors give this rule."""

    def find(review: ReviewDoc) -> Iterator[tuple[int, int]]:
        yield from hits(review, name)
        yield from tone_spans(review).get(name, ())

    return register(code, name, severity, doc, texts, find)


def meaning_rule(
    code: str, name: str, severity: Severity, doc: str, texts: tuple[str, str, str, str]
) -> Check:
    """Register a rule whose findings are only what the meaning detectors give it."""

    def find(review: ReviewDoc) -> Iterable[tuple[int, int]]:
        return tone_spans(review).get(name, ())

    return register(code, name, severity, doc, texts, find)


BLAME_FIX = (
    "Describe what you did or failed to do. Even when someone else was involved, the cause Amazon accepts is the "
    "process you control (which carrier you chose, how you checked, what you listed)."
)
BLAME_FIX_ZH = "写您自己做了什么、没做到什么。即使涉及他人，亚马逊认可的原因也是您能控制的流程（选了哪家承运商、怎么检查、页面怎么写）。"
BY_MEANING = (
    " Found by meaning, not by a phrase list: a party and, in the same clause, what accuses it (a failure, a"
    " fault, being the cause). Not flagged: the party only as an object or a place, what merely happened to it,"
    " a negated accusation, a present-tense condition of a preventive measure ('when a snowstorm is forecast,"
    " we...'), and any sentence that owns the cause ('but checking incoming stock was our job', 'because we"
    " dropped them late'), unless it calls someone a liar or a fraud."
)

meaning_rule(
    "POA501",
    "tone.blames_buyer",
    "error",
    "Blaming buyers reads as refusing responsibility, the opposite of what a plan of action must show: buyers"
    " who 'did not read the description', lied, abused returns or wanted free products, fake or unfair claims."
    + BY_MEANING,
    ("Blames the buyers.", "把责任推给买家。", BLAME_FIX, BLAME_FIX_ZH),
)
meaning_rule(
    "POA502",
    "tone.blames_amazon",
    "error",
    "Blaming Amazon's systems or staff puts the reviewer on the defensive and answers nothing: the algorithm"
    " 'counted claims that should have been excluded', Amazon 'did not warn us', the FBA warehouse lost units."
    + BY_MEANING,
    ("Blames Amazon.", "把责任推给亚马逊。", BLAME_FIX, BLAME_FIX_ZH),
)
meaning_rule(
    "POA503",
    "tone.blames_carrier",
    "warning",
    "The carrier is the seller's choice; a cause that ends at the carrier (USPS, UPS, DHL, Royal Mail, Yanwen,"
    " 'the courier', 'the post office' lost, delayed or damaged parcels) shows no control over it, and neither"
    " does 'beyond our control'." + BY_MEANING,
    (
        "Blames the carrier or calls the cause out of your control.",
        "把责任推给承运商，或说原因不在您的控制范围内。",
        BLAME_FIX,
        BLAME_FIX_ZH,
    ),
)
meaning_rule(
    "POA504",
    "tone.blames_supplier",
    "warning",
    "Suppliers are the seller's responsibility; Amazon wants to know how your checks let the fault through,"
    " not that the factory 'sent defective units'." + BY_MEANING,
    ("Blames the supplier or manufacturer.", "把责任推给供应商或工厂。", BLAME_FIX, BLAME_FIX_ZH),
)
meaning_rule(
    "POA505",
    "tone.blames_competitor",
    "error",
    "Accusing competitors without proof reads as deflection; report abuse separately, not in the appeal."
    + BY_MEANING,
    ("Blames competitors.", "把责任推给竞争对手。", BLAME_FIX, BLAME_FIX_ZH),
)
meaning_rule(
    "POA506",
    "tone.blames_weather",
    "warning",
    "Weather, holidays, the pandemic and 'external factors' (a common tip on Chinese seller forums) are not"
    " causes Amazon accepts." + BY_MEANING,
    (
        "Blames the weather or 'external factors'.",
        "把原因归于天气或“外部因素”。",
        "Name what your operation did not plan for (no Vacation Mode, no buffer in handling time, no backup carrier).",
        "写出您的运营没有预案的地方（没开假期模式、处理时间没有余量、没有备用承运商）。",
    ),
)
meaning_rule(
    "POA542",
    "tone.blames_staff",
    "warning",
    "Blaming an employee, a temp, a VA or a freelancer ('the new packer was careless', 'our VA uploaded the"
    " images without asking us') tells Amazon the seller has no process that catches one person's mistake."
    " Naming the role that missed a step is fine; calling them careless or acting without your knowledge is"
    " not." + BY_MEANING,
    (
        "Blames an employee, a temp, a VA or a freelancer.",
        "把责任推给员工、临时工、虚拟助理或自由职业者。",
        "Describe the process that let the mistake through (no training, no check, no second pair of eyes); the"
        " people you hire are your responsibility.",
        "请写出让这个错误漏过去的流程问题（没有培训、没有检查、没有人复核）；您雇用的人由您负责。",
    ),
)
phrase_rule(
    "POA507",
    "tone.emotional_plea",
    "warning",
    "Amazon's guidance says to avoid emotive language; hardship stories do not answer the three questions."
    " Also found by meaning: livelihood, jobs or income lost, bankruptcy, money lost every day.",
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
    "Legal threats and citations move an appeal out of the seller-performance process and are widely advised"
    " against. Also found by meaning: lawyers, regulators, complaints filed against Amazon, unless denied ('we do"
    " not have a lawyer').",
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
    "Threats to escalate (to executives, the press) read as pressure, not as a plan. The press or social media"
    " count only with a threat in the sentence, so a root cause about a social media group is fine.",
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
    "Arguing the seller did nothing wrong contradicts the plan itself; Amazon expects ownership of a specific"
    " mistake. Also found by meaning: 'we have not broken any rule', 'not our mistake', 'we cannot accept this"
    " decision'.",
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
    "Telling the reviewer what to decide ('ultimate conclusions') is counterproductive. Also found by meaning:"
    " a reinstatement asked for at once ('reinstate us immediately', 'restore our ASINs now', 'by tomorrow at"
    " the latest'), 'we need you to', 'we urge you'; not 'we immediately refunded every buyer'.",
    (
        "Tells the reviewer what to decide.",
        "要求审核人员必须怎样决定。",
        "Ask once, politely: 'We ask you to reinstate our selling privileges.'",
        "有礼貌地请求一次即可：“We ask you to reinstate our selling privileges.”",
    ),
)
meaning_rule(
    "POA540",
    "tone.entitlement",
    "error",
    "Entitlement argues with the reviewer instead of answering the notice: the account 'deserves to be"
    " reinstated', the suspension is 'unfair', 'unjust' or 'ridiculous', the seller is 'punished' or 'treated"
    " like a criminal', Amazon 'owes us' or 'has no right'. Found by meaning: 'deserves' only with the seller or"
    " the account as subject ('the buyers deserved an accurate listing' is fine), 'unfair' not about claims"
    " (that is blame) nor 'unfair to our buyers', 'unacceptable' or 'a mistake' only about the decision.",
    (
        "Claims the account is owed reinstatement, or calls the decision unfair.",
        "声称账户理应被恢复，或指责亚马逊的决定不公平。",
        "Delete it. State what you fixed, and ask once, politely: 'We ask you to reinstate our selling"
        " privileges.'",
        "请删掉这句话。写清楚您已经改正了什么，然后礼貌地请求一次即可："
        "“We ask you to reinstate our selling privileges.”",
    ),
)
meaning_rule(
    "POA541",
    "tone.company_introduction",
    "warning",
    "Amazon's guidance: focus on the events that led to the issue, not on your business. Found by meaning: an"
    " introduction whose subject is the seller (family-owned, founded in 2009, 'we are a small brand', offices"
    " in, our mission), not a supplier's ('the new supplier was founded in 2001'). Sentences the phrases of"
    " POA106 already flag are left to it.",
    (
        "Introduces the business instead of the issue.",
        "介绍了公司情况（成立时间、家族经营、公司使命等），而不是说明问题本身。",
        "Delete the introduction; Amazon knows your account. Start with the issue and your ownership of it.",
        "请删掉公司介绍，亚马逊了解您的账户。请直接从问题本身以及您承担的责任写起。",
    ),
)
phrase_rule(
    "POA515",
    "tone.good_metrics_plea",
    "warning",
    "Listing good metrics or sales to ask for forgiveness (a Chinese-forum habit) does not answer the notice."
    " Also found by meaning: thousands of happy customers, top seller, a 4.9 star rating, years of experience,"
    " 'we have always provided excellent service'; not 'our top seller, the bamboo board, had 11 complaints'.",
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
        "换成您申诉里的具体事实，或直接删掉。",
    ),
)

BY_MODEL = (
    " Found by the trained sentence model (scripts/train_tone_model.py: weights of words, word pairs and word"
    " pieces learned from our own labelled sentences and the phrase bank) in a sentence the word lists above"
    " leave alone, when it is at least 80% sure; between 60% and 80% the sentence gets the matching note"
    " instead. On sentences written after it was trained, with the word lists, it found 91-94% of what a"
    " strict reviewer would flag, and 96-98 in 100 of the flags were right; on real letters it also marks about"
    " 3 plain sentences in 100 as likely"
    " (benchmarks/RESULTS.md). The whole sentence is marked: read it aloud as the reviewer would."
)
MAYBE = (
    " A note, not a warning: the sentence model (POA543-545) is 60-80% sure. Read the sentence again"
    " as the reviewer would; if it states a fact you own, leave it."
)
READ_AGAIN = (
    "Read it again: if it explains, argues or boasts, rewrite it as a plain fact you own.",
    "请再读一遍：如果这句话是在解释、争辩或夸奖自己，请改成一句您自己承担责任的简单事实；如果只是陈述事实，可以保留。",
)
meaning_rule(
    "POA543",
    "tone.shifts_blame",
    "warning",
    "A sentence that puts the cause on someone else (a carrier, buyers, Amazon, a supplier, the weather,"
    " staff), in words the blame rules above do not know." + BY_MODEL,
    (
        "Reads as putting the cause on someone else.",
        "这句话读起来像是把原因推给了别人。",
        BLAME_FIX,
        BLAME_FIX_ZH,
    ),
)
meaning_rule(
    "POA544",
    "tone.argues",
    "warning",
    "A sentence that argues with the decision, demands, pleads or claims to be owed, in words the pressure"
    " rules above do not know." + BY_MODEL,
    (
        "Reads as arguing, demanding or pleading.",
        "这句话读起来像是在争辩、提要求或诉苦。",
        "State what happened and what you changed; ask once, politely, at the end of the letter.",
        "只写发生了什么、您改了什么；在信的结尾礼貌地请求一次即可。",
    ),
)
meaning_rule(
    "POA545",
    "tone.self_promotion",
    "warning",
    "A sentence that introduces or praises the business (its history, size, ratings, values) instead of"
    " answering the notice, in words the introduction rules above do not know." + BY_MODEL,
    (
        "Reads as promoting the business instead of explaining the issue.",
        "这句话读起来像是在介绍或夸奖自己的公司，而不是说明问题。",
        "Delete it; Amazon knows your account. Keep to the issue, what you did and what you changed.",
        "请删掉；亚马逊了解您的账户。只写问题本身、您做了什么、改了什么。",
    ),
)
meaning_rule(
    "POA546",
    "tone.may_shift_blame",
    "info",
    "A sentence that may put the cause on someone else." + MAYBE,
    ("May read as putting the cause on someone else.", "这句话可能会被读成把原因推给别人。", *READ_AGAIN),
)
meaning_rule(
    "POA547",
    "tone.may_argue",
    "info",
    "A sentence that may argue, demand or plead." + MAYBE,
    ("May read as arguing, demanding or pleading.", "这句话可能会被读成在争辩、提要求或诉苦。", *READ_AGAIN),
)
meaning_rule(
    "POA548",
    "tone.may_self_promote",
    "info",
    "A sentence that may introduce or praise the business instead of answering the notice." + MAYBE,
    (
        "May read as promoting the business.",
        "这句话可能会被读成在介绍或夸奖自己的公司。",
        *READ_AGAIN,
    ),
)
