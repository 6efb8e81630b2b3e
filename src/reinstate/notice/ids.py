"""Pull the identifiers a notice cites: ASINs, order ids, complaint ids, the rights owner, the marketplace.

Every function takes the cleaned lines of the notice and returns values in the order they
first appear, without duplicates. Masked ids that sellers post (``B07XXXXXXX``,
``112-XXXXXXX-XXXXXXX``) are kept as written: they still tell the letter how many items to answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reinstate.notice.model import RightsOwner

ASIN = re.compile(r"(?<![A-Za-z0-9])(B0[0-9A-Z]{8})(?![A-Za-z0-9])")
MASKED_ASIN = re.compile(r"(?<![A-Za-z0-9])(B0[0-9A-Z]*XXX[0-9A-Z]*)(?![A-Za-z0-9])")
ISBN10 = re.compile(r"(?<![\d-])(\d{9}[\dX])(?![\dA-Za-z-])")
ORDER_ID = re.compile(r"(?<![A-Za-z0-9-])((?:\d{3}|S0\d)-[\dX]{7}-[\dX]{7})(?![A-Za-z0-9-])")
LABEL = re.compile(
    r"(asin|isbn|complaint id|order id|order|reference|phone|tel|fax|case id|投诉编号|订单编号)",
    re.IGNORECASE,
)
BARE_ID_LINE = re.compile(r"^(?:(?:B0[0-9A-Z]{8}|\d{9}[\dX])[\s,;]*)+$")
COMPLAINT_LABEL = re.compile(
    r"(?:complaint\s*id(?:\(s\)|s)?|complaint\s*number|投诉\s*(?:编号|ID|id))\s*[:：#]?\s*", re.IGNORECASE
)
COMPLAINT_TOKEN = re.compile(r"([0-9A-Za-z][0-9A-Za-z-]{3,})")
# ASCII classes on purpose: a Chinese character next to an address or id is not part of it.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
AMAZON_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@amazon\.[a-z.]*[a-z]", re.IGNORECASE)
AMAZON_DOMAINS = r"amazon\.(?:com\.mx|com\.br|com\.be|com\.tr|com\.au|co\.uk|co\.jp|com|ca|de|fr|it|es|nl|se|pl|ie|ae|sa|eg|in|sg)"
# Addresses Amazon's notices name; found even when a paste glued them to the words around them.
KNOWN_AMAZON = re.compile(
    r"(?:notice-dispute|notice-retraction|seller-performance-policy|payments-funds|op-pso-vtr-appeals|"
    r"seller-performance|disbursement-requests?)@" + AMAZON_DOMAINS,
    re.IGNORECASE,
)
OTHER_AMAZON = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@" + AMAZON_DOMAINS + r"(?![A-Za-z0-9-])", re.IGNORECASE
)
OWNER_BLOCK = re.compile(
    r"(?:rights?[- ]owner'?s?'? contact (?:details|information|info)|contact (?:details|information) "
    r"(?:of|for) the rights?[- ]owner|权利(?:所有)?人(?:的)?联系(?:方式|信息))\s*(?:are|is|如下)?\s*[:：]?\s*(.*)$",
    re.IGNORECASE,
)
OWNER_NAME_LABEL = re.compile(
    r"^(?:rights?[- ]owner(?:'s)?(?: name)?|name|contact name|权利(?:所有)?人(?:姓名|名称)?|姓名|名称)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
SENTENCE_START = re.compile(r"^(?:we|if|you|please|to|for|our|this|these|the rights owner)\b", re.IGNORECASE)
STOP_LINE = re.compile(r"^(?:asin|isbn|title|complaint|infringement|order|标题|投诉|侵权)\b", re.IGNORECASE)
NOT_A_NAME = re.compile(r"^(?:e-?mail|phone|tel|address|website|电子邮件|邮箱|电话|地址)\b", re.IGNORECASE)
DOMAIN_CODES = {
    "com": "US", "ca": "CA", "com.mx": "MX", "com.br": "BR", "co.uk": "UK", "de": "DE", "fr": "FR",
    "it": "IT", "es": "ES", "nl": "NL", "se": "SE", "pl": "PL", "com.be": "BE", "ie": "IE", "com.tr": "TR",
    "ae": "AE", "sa": "SA", "eg": "EG", "in": "IN", "co.jp": "JP", "com.au": "AU", "sg": "SG",
}  # fmt: skip
MARKETPLACE = re.compile(
    r"(?<![@A-Za-z0-9.-])(?:www\.|sellercentral\.)?amazon\.(com\.mx|com\.br|com\.be|com\.tr|com\.au|co\.uk|co\.jp|"
    r"com|ca|de|fr|it|es|nl|se|pl|ie|ae|sa|eg|in|sg)(?![A-Za-z0-9-])",
    re.IGNORECASE,
)
ZH_MARKETPLACE = {
    "美国站": "US", "加拿大站": "CA", "墨西哥站": "MX", "英国站": "UK", "德国站": "DE", "法国站": "FR",
    "意大利站": "IT", "西班牙站": "ES", "日本站": "JP", "澳大利亚站": "AU", "澳洲站": "AU", "印度站": "IN",
}  # fmt: skip


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The values in first-seen order, each once."""
    return tuple(dict.fromkeys(values))


def isbn10_valid(value: str) -> bool:
    """The ISBN-10 check digit: the weighted sum of the ten digits is divisible by 11."""
    total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(value))
    return total % 11 == 0


def _labelled_as_asin(line: str, pos: int) -> bool:
    labels = list(LABEL.finditer(line[:pos]))
    return bool(labels) and labels[-1].group(1).lower() in {"asin", "isbn"}


def find_asins(lines: Iterable[str]) -> tuple[str, ...]:
    """ASINs (``B0`` + 8), and ISBN-10s of books where a label or a bare id list shows they are ASINs.

    A masked ASIN of the wrong length (``B07TLXXXX``) is kept when it stands after ``ASIN:``.
    A ten-digit number alone is not taken: complaint ids and phone numbers look the same, so an
    ISBN must have a valid check digit and stand after ``ASIN:``/``ISBN:`` or in a line of ids only.
    """
    found: list[str] = []
    for line in lines:
        hits = [(m.start(), m.group(1)) for m in ASIN.finditer(line)]
        hits += [
            (m.start(), m.group(1))
            for m in MASKED_ASIN.finditer(line)
            if len(m.group(1)) != 10 and 7 <= len(m.group(1)) <= 12 and _labelled_as_asin(line, m.start())
        ]
        bare = bool(BARE_ID_LINE.match(line))
        for m in ISBN10.finditer(line):
            value = m.group(1)
            if isbn10_valid(value) and (bare or _labelled_as_asin(line, m.start())):
                hits.append((m.start(), value))
        found += [value for _, value in sorted(hits)]
    return unique(found)


def find_order_ids(lines: Iterable[str]) -> tuple[str, ...]:
    """Order ids: ``3-7-7`` digits (``112-1234567-1234567``) and ``S01-`` style, masked ones too."""
    return unique(m.group(1) for line in lines for m in ORDER_ID.finditer(line))


def find_complaint_ids(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Values after ``Complaint ID:`` (several on a line, or on the next lines when the label ends one)."""
    ids: list[str] = []
    for i, line in enumerate(lines):
        for label in COMPLAINT_LABEL.finditer(line):
            rest = line[label.end() :]
            values = _id_tokens(rest)
            j = i + 1
            while not rest.strip() and not values and j < len(lines) and j <= i + 3:
                values = _id_tokens(lines[j]) if lines[j] else []
                rest = lines[j]
                j += 1
            ids += values
    return unique(ids)


def _id_tokens(text: str) -> list[str]:
    """Leading tokens that contain a digit, separated by commas, spaces or ``and``."""
    tokens: list[str] = []
    for word in re.split(r"[\s,;/]+|\band\b", text.strip()):
        if not word:
            continue
        word = word.strip(".()[]#")
        if COMPLAINT_TOKEN.fullmatch(word) and re.search(r"\d", word):
            tokens.append(word)
        else:
            break
    return tokens


def find_rights_owner(lines: tuple[str, ...]) -> RightsOwner:
    """The rights owner's name and email from the contact block that IP notices carry."""
    for i, line in enumerate(lines):
        found = OWNER_BLOCK.search(line)
        if found:
            block = [found.group(1)] if found.group(1).strip() else []
            for nxt in lines[i + 1 : i + 8]:
                if STOP_LINE.match(nxt) or (not nxt and block):
                    break
                if nxt:
                    block.append(nxt)
            return _owner_from_block(block)
    for i, line in enumerate(lines):
        labelled = OWNER_NAME_LABEL.match(line)
        if labelled and re.match(r"^(?:rights?|权利)", line, re.IGNORECASE):
            block = [labelled.group(1)]
            for nxt in lines[i + 1 : i + 4]:
                if not nxt or STOP_LINE.match(nxt):
                    break
                block += [m.group(0) for m in EMAIL.finditer(nxt)]
            return _owner_from_block(block)
    return RightsOwner()


def _owner_from_block(block: list[str]) -> RightsOwner:
    email = next(
        (
            e.group(0)
            for line in block
            for e in EMAIL.finditer(line)
            if not AMAZON_EMAIL.fullmatch(e.group(0))
        ),
        None,
    )
    name = None
    for line in block:
        labelled = OWNER_NAME_LABEL.match(line)
        text = labelled.group(1) if labelled else line
        if NOT_A_NAME.match(text):
            continue
        text = EMAIL.sub("", text)
        text = re.sub(r"^[\s\-*•–]+|[\s<>(),;:]+$", "", text).strip()
        text = re.sub(r"\s*[<(\[]\s*[>)\]]?\s*$", "", text).strip()
        if looks_like_a_name(text):
            name = text
            break
    return RightsOwner(name=name, email=email)


def looks_like_a_name(text: str) -> bool:
    """A person or company name: letters, at most eight words, not a sentence of the notice.

    Masked names (``*****``), phone numbers and Amazon's own sentences after the contact block
    ("We can only accept retractions if ...") are not names.
    """
    if not re.search(r"[^\W\d_]", text) or len(text) > 80 or len(text.split()) > 8:
        return False
    return not SENTENCE_START.match(text)


def find_marketplace(lines: Iterable[str]) -> str | None:
    """The marketplace code (``US``, ``UK``, ``DE``...) of the first Amazon domain the notice names.

    Email addresses are skipped: Amazon writes from ``@amazon.com`` addresses in every region.
    """
    for line in lines:
        found = MARKETPLACE.search(line)
        if found:
            return DOMAIN_CODES[found.group(1).lower()]
        for word, code in ZH_MARKETPLACE.items():
            if word in line:
                return code
    return None


def find_amazon_contacts(lines: Iterable[str]) -> tuple[str, ...]:
    """Amazon addresses the notice names (``notice-dispute@amazon.com``...), lower case."""
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        known = [(m.start(), m.group(0)) for m in KNOWN_AMAZON.finditer(line)]
        spans = [(m.start(), m.end()) for m in KNOWN_AMAZON.finditer(line)]
        other = [
            (m.start(), m.group(0))
            for m in OTHER_AMAZON.finditer(line)
            if not any(s < m.end() and m.start() < e for s, e in spans)
        ]
        found += [(index, pos, value.lower()) for pos, value in sorted(known + other)]
    return unique(value for _, _, value in found)
