"""Facts of a notice that are not ids: its dates, the scope of the action and the IP infringement types.

The scope says what Amazon took away: the whole account, some listings, selling in a category,
or seller-fulfilled selling. It comes from what the notice says was done ("Your seller account
has been deactivated", "We removed some of your listings"), not from the reason, because the
same reason can hit a listing or a whole account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reinstate.notice.dates import DATE_PATTERNS, iso
from reinstate.notice.ids import unique
from reinstate.notice.model import Scope
from reinstate.notice.requests import sentences

SCOPE_PATTERNS: tuple[tuple[Scope, str], ...] = (
    (
        "account",
        r"(?:seller|selling) account (?:has been|was|is|have been) (?:permanently |temporarily )?(?:deactivated|suspended|blocked|closed)|"
        r"\byou (?:may|can) (?:not|no longer) (?:currently )?sell on\b|\byou are no longer able to sell\b|\byou (?:will not|won't) be able to sell\b|"
        r"(?:removed|revoked|suspended|deactivated) your (?:amazon(?:\.[a-z.]+)? )?selling privileges|"
        r"selling privileges (?:have been|were|are|has been) (?:removed|revoked|suspended|deactivated)|"
        r"deactivated your (?:amazon(?:\.[a-z.]+)? )?(?:seller |selling )?account|account (?:has been|was) deactivated|"
        r"placed your (?:seller |selling )?account under review|account (?:is|has been placed|was placed) under review|"
        r"[账帐]户(?:已被|已经被|被)(?:停用|暂停|冻结)|[账帐]户[^。]{0,40}被(?:停用|暂停)|(?:暂停|停用)了您的[^。]{0,10}[账帐]户|[账帐]户已停用|(?:移除|取消|暂停)了您的销售权限|销售权限(?:已被|被)(?:移除|暂停|取消)|[账帐]户(?:正在|已被)(?:临时)?审核",
    ),
    (
        "category",
        r"(?:restricted|removed|lost|suspended|limited|revoked)[^.]{0,80}\bcategor(?:y|ies)\b|"
        r"\bcategor(?:y|ies)\b[^.]{0,40}(?:has|have) been (?:restricted|removed|suspended)|in select categories|品类|类目",
    ),
    (
        "fulfillment-method",
        r"(?:restricted|removed|lost|suspended|limited|deactivated)[^.]{0,60}(?:seller|merchant)[- ]fulfilled|"
        r"(?:seller|merchant)[- ]fulfilled (?:offers|listings|products)[^.]{0,40}(?:restricted|removed|deactivated|suspended)|"
        r"ability to (?:sell|list|offer)[^.]{0,30}(?:seller|merchant)[- ]fulfilled|(?:自配送|自发货)[^。]{0,20}(?:限制|移除|暂停)|(?:限制|移除|暂停)[^。]{0,20}(?:自配送|自发货)",
    ),
    (
        "listing",
        r"removed (?:some of )?(?:your|the) (?:product )?(?:listings?|images?|offers?|detail pages?)|"
        r"\b(?:listings?|offers?|detail pages?) (?:removed|closed|deactivated)\b|"
        r"(?:listings?|detail pages?|offers?|images?) (?:have|has) been (?:temporarily )?(?:removed|deactivated|closed|suppressed)|"
        r"(?:closed|deactivated|suppressed) (?:your|the) (?:product )?(?:listings?|offers?)|"
        r"商品(?:已被|被)(?:移除|下架|停用)|(?:移除|下架)了您的(?:部分)?商品|商品信息已被|已被下架",
    ),
)
SCOPES = tuple((scope, re.compile(pattern, re.IGNORECASE)) for scope, pattern in SCOPE_PATTERNS)
DONE = re.compile(
    r"(?:has|have) been (?:permanently |temporarily )?(?:deactivated|removed|restricted|closed|suspended)|"
    r"\bwe (?:have )?(?:deactivated|removed|restricted|closed|suspended)\b|"
    r"已被(?:停用|移除|下架|限制|暂停)|已移除|移除了|下架了",
    re.IGNORECASE,
)
UNDER_REVIEW = re.compile(
    r"account[^.]{0,20}under review|placed[^.]{0,30}under review|临时审核|审核期|[账帐]户审核", re.IGNORECASE
)
ACCOUNT_DEACTIVATED = re.compile(
    r"(?:account|selling privileges)[^.]{0,30}(?:has been|have been|was|were) (?:permanently )?(?:deactivated|suspended|removed)|"
    r"(?:removed|revoked) your (?:amazon(?:\.[a-z.]+)? )?selling privileges|[账帐]户已被停用|销售权限已被",
    re.IGNORECASE,
)
WARNING = re.compile(
    r"\bmay (?:result in|lead to|be deactivated|lose)|\bcould (?:result in|lose|lead to)|\bat risk\b|"
    r"\bwarning\b|可能会?导致|可能(?:被)?停用|警告",
    re.IGNORECASE,
)
IP_TYPES = (("trademark", r"trademark|商标"), ("copyright", r"copyright|版权|著作权"),
            ("patent", r"patent|专利"), ("design", r"design|外观设计"))  # fmt: skip
IP_LABEL = re.compile(
    r"(?:infringement|complaint) type\s*[:：]\s*(.+)|(?:侵权|投诉)类型\s*[:：]\s*(.+)", re.IGNORECASE
)
IP_PROSE = re.compile(
    r"infring\w*\s+(?:on\s+)?(?:the\s+)?(?:rights owner's\s+|following\s+|their\s+|a\s+|its\s+)?"
    r"(trademarks?|copyrights?|patents?|designs?)|(trademark|copyright|patent|design)s?\s+(?:infringement|complaint|rights?\b)|"
    r"侵犯[^。，]{0,10}?(商标|版权|著作权|专利|外观设计)",
    re.IGNORECASE,
)


def find_dates(lines: Iterable[str], *, day_first: bool = False) -> tuple[str, ...]:
    """Calendar dates in the notice as ISO strings, in order; ``day_first`` reads 02/11/2026 as 2 Nov."""
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        for kind, pattern in DATE_PATTERNS:
            for match in pattern.finditer(line):
                found_iso = iso(kind, match.groups(), day_first)
                if found_iso:
                    found.append((index, match.start(), found_iso))
    return unique(value for _, _, value in sorted(found))


def find_scope(lines: Iterable[str]) -> tuple[Scope, str | None]:
    """What Amazon took away, and the sentence that says so; ``unknown`` when no sentence does."""
    said = sentences(line for line in lines if not line.endswith(("?", "？")))
    for scope, pattern in SCOPES:
        for sentence in said:
            found = pattern.search(sentence)
            if found:
                return scope, _short(sentence, found.start())
    return "unknown", None


def action_taken(lines: Iterable[str]) -> str:
    """How far Amazon has gone: ``deactivated`` (the account), ``removed`` (listings, a category or
    seller-fulfilled selling), ``under-review``, ``warning`` (nothing taken away yet) or ``unknown``."""
    text = " ".join(line for line in lines if not line.endswith(("?", "？")))
    scope, _ = find_scope([text])
    if UNDER_REVIEW.search(text) and not ACCOUNT_DEACTIVATED.search(text):
        return "under-review"
    if scope == "account":
        return "deactivated"
    if DONE.search(text) or scope == "listing":
        return "removed"
    return "warning" if WARNING.search(text) else "unknown"


def find_infringement_types(lines: Iterable[str]) -> tuple[str, ...]:
    """``trademark``, ``copyright``, ``patent`` or ``design``, from labelled lines and IP sentences."""
    lines = list(lines)
    chunks: list[str] = []
    for line in lines:
        label = IP_LABEL.search(line)
        if label:
            chunks.append(
                re.split(
                    r"\s+(?:complaint id|asin|title|标题|投诉编号)\b",
                    label.group(1) or label.group(2),
                    flags=re.IGNORECASE,
                )[0]
            )
    chunks += [m.group(0) for sentence in sentences(lines) for m in IP_PROSE.finditer(sentence)]
    found = []
    for chunk in chunks:
        low = chunk.lower()
        hit = next((name for name, pattern in IP_TYPES if re.search(pattern, low)), None)
        if hit:
            found.append(hit)
    return unique(found)


def _short(sentence: str, at: int = 0) -> str:
    """The sentence, or when it is long (a run-on paste), the part around position ``at``."""
    if len(sentence) > 240 and at > 120:
        cut = sentence.rfind(" ", 0, at - 60)
        sentence = "..." + sentence[cut + 1 if cut >= 0 else at - 60 :]
    text = " ".join(sentence.split())
    return text if len(text) <= 240 else text[:237] + "..."
