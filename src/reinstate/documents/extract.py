"""From a document's text to its fields: type, number, dates, supplier, buyer, lines, totals, terms.

Reading is by labels a supplier or a utility prints ("Bill To", "购买方", "Service address"), in
English and Chinese; a supplier without a label is the letterhead above the title. Nothing is
guessed: a field that is not found stays empty, and the checks say what to look at by eye.
"""

from __future__ import annotations

import re

from reinstate.documents.dates import all_dates, issue_date, valid_until
from reinstate.documents.items import find_items, find_terms, find_totals
from reinstate.documents.model import Fields, Party

# Most specific first: "Pro Forma Invoice" is a pro forma, "Order Confirmation" is not an invoice.
TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (doc_type, re.compile(pattern, re.IGNORECASE))
    for doc_type, pattern in (
        ("pro_forma", r"pro\s*-?\s*forma|形式发票|预开发票"),
        (
            "order_confirmation",
            r"order\s*confirmation|purchase\s*order|order\s*acknowledge?ment|sales\s*order|订单确认|采购订单",
        ),
        ("packing_list", r"packing\s*(?:list|slip)|装箱单"),
        (
            "letter_of_authorization",
            r"letter\s*of\s*authori[sz]ation|authori[sz]ation\s*letter|授权书|授权函|授权信",
        ),
        (
            "business_license",
            r"business\s*licen[cs]e|certificate\s*of\s*incorporation|营业执照|统一社会信用代码",
        ),
        ("bank_statement", r"bank\s*statement|statement\s*of\s*account|opening\s*balance|银行对账单"),
        (
            "utility_bill",
            r"utility\s*bill|electric(?:ity)?\s*(?:bill|service|statement)|water\s*(?:bill|service)|gas\s*(?:bill|service)|"
            r"internet\s*(?:bill|service)|kwh|meter\s*reading|电费|水费|燃气费|电费账单",
        ),
        ("receipt", r"\breceipt\b|收\s*据|购物小票"),
        ("invoice", r"invoice|发\s*票"),
    )
)
LABELS = {
    "supplier": re.compile(
        r"^\s*(?:supplier|seller|vendor|sold\s*by|from|exporter|shipper|issued\s*by|remit\s*to|销售方|销方|供应商|卖方|供货方|出口商)"
        r"(?:\s*(?:name|名称))?\s*[:：]?\s*",
        re.IGNORECASE,
    ),
    "buyer": re.compile(
        r"^\s*(?:bill(?:ed)?\s*to|buyer|sold\s*to|invoice\s*to|customer(?:\s*name)?|purchaser|importer|consignee|"
        r"account\s*(?:holder|name)|service\s*(?:for|to)|licensee|购买方|购方|买方|客户(?:名称)?|收货方|户\s*名|被授权方)"
        r"(?:\s*(?:name|名称))?\s*[:：]?\s*",
        re.IGNORECASE,
    ),
}
ANY_LABEL = re.compile(
    r"^\s*(?:ship\s*to|deliver\s*to|invoice|date|terms|payment|item|description|qty|quantity|no\.|#|"
    r"due|order|po\b|subtotal|total|notes?|bank|货物|名\s*称\s*规格|开票|备注|billing|period|account\s*(?:no|number|#)|"
    r"meter|usage|amount|balance|statement|valid|signature|signed|发票号码|开票日期|付款|合\s*计)",
    re.IGNORECASE,
)
PHONE = re.compile(
    r"(?:tel|phone|telephone|mobile|ph|电话|手机|联系电话)\.?\s*(?:no\.?)?\s*[:：]?\s*(\+?\(?\d[\d\s\-().]{6,}\d)",
    re.IGNORECASE,
)
BARE_PHONE = re.compile(
    r"(\+\d{1,3}[\s-]?\(?\d{1,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d))"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEBSITE = re.compile(
    r"(?:website|web|网址|url)\s*[:：]\s*(\S+)|((?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?)|"
    r"(https?://[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?)",
    re.IGNORECASE,
)
ADDRESS_LABEL = re.compile(
    r"^\s*(?:(?:地\s*址(?:、?电\s*话)?|住\s*所)\s*/?\s*(?:(?:service\s*)?address)?|(?:service\s*)?address)\s*[:：]\s*",
    re.IGNORECASE,
)
ECHO = re.compile(
    r"^\(?(?:buyer|seller|supplier|vendor|purchaser|licensee|购买方|销售方)\)?\s*[:：]\s*", re.IGNORECASE
)
NAME_LABEL = re.compile(r"^\s*(?:name|名\s*称)\s*[:：]\s*", re.IGNORECASE)
NUMBER = re.compile(
    r"(?:invoice|inv|bill|receipt|statement)[.\s]*(?:no\.?|number|#)\s*[:：]?\s*([A-Z0-9][A-Z0-9\-/]{2,}?)(?=\s|$|(?-i:[A-Z][a-z]))|"
    r"发票号码\s*[:：]?\s*(\d{6,})",
    re.IGNORECASE,
)
BRAND = re.compile(r"(?:\bbrand\b|\btrademark\b|品牌|商标)\s*(?:name)?\s*[:：]?\s*[\"“「]?([A-Za-z0-9][\w&' .-]{1,40}?)[\"”」]?(?=[\s,.;(]|$)",
                   re.IGNORECASE)  # fmt: skip
SIGNATURE = re.compile(
    r"(?:signature|signed(?:\s*by)?|authori[sz]ed\s*signatory|签\s*字|签\s*名|签\s*章|/s/)\s*[:：]?\s*",
    re.IGNORECASE,
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def classify(lines: list[str]) -> tuple[str, str]:
    """The document type and the line that decided it; the title area (first 12 lines) first."""
    head = [line for line in lines if line.strip()][:12]
    for area in (head, lines):
        for doc_type, pattern in TYPES:
            for line in area:
                if pattern.search(line):
                    return doc_type, line.strip()
    return "unknown", ""


def extract_fields(text: str) -> Fields:
    lines = [line.rstrip() for line in text.splitlines()]
    doc_type, type_line = classify(lines)
    issued = issue_date(lines)
    supplier_rows, buyer_rows = _block(lines, "supplier"), _block(lines, "buyer")
    if not supplier_rows:
        supplier_rows = _letterhead(lines)
    supplier = _party(supplier_rows)
    buyer = _party(buyer_rows)
    supplier = _fill_contacts(supplier, lines, buyer_rows)
    number = NUMBER.search(text)
    brand = BRAND.search(text)
    return Fields(
        type=doc_type,
        type_evidence=type_line,
        number=(number.group(1) or number.group(2)) if number else None,
        issue_date=issued[0] if issued else None,
        issue_date_text=issued[1] if issued else None,
        dates=tuple(d.isoformat() for d in all_dates(lines)),
        supplier=supplier,
        buyer=buyer,
        items=find_items(lines),
        totals=find_totals(lines),
        terms=find_terms(lines),
        brand=brand.group(1).strip() if brand else None,
        signature=_signature(lines),
        valid_until=valid_until(lines),
        language="zh" if len(CJK.findall(text)) >= 20 else "en",
    )


def _block(lines: list[str], role: str) -> list[str]:
    """The lines of the block under a party label: the rest of the label's line, then up to 5 lines."""
    label = LABELS[role]
    other = LABELS["buyer" if role == "supplier" else "supplier"]
    for index, line in enumerate(lines):
        match = label.match(line)
        if not match:
            continue
        rest = ECHO.sub("", line[match.end() :].strip())
        rows = [rest] if rest else []
        for following in lines[index + 1 : index + 7]:
            if not following.strip() or other.match(following) or ANY_LABEL.match(following):
                break
            rows.append(following.strip())
        if rows:
            return rows
    return []


def _letterhead(lines: list[str]) -> list[str]:
    """The lines above the title: the supplier's letterhead when no label names it."""
    rows: list[str] = []
    for line in lines[:8]:
        if any(p.search(line) for _, p in TYPES) or LABELS["buyer"].match(line) or ANY_LABEL.match(line):
            break
        if line.strip():
            rows.append(line.strip())
    return rows


def _party(rows: list[str]) -> Party:
    name: str | None = None
    address: list[str] = []
    phone = email = website = None
    for row in rows:
        contact = False
        if (m := PHONE.search(row) or BARE_PHONE.search(row)) and not phone:
            phone, contact = m.group(1).strip(), True
        if (m := EMAIL.search(row)) and not email:
            email, contact = m.group(0), True
        if (m := WEBSITE.search(row)) and not website and "@" not in (m.group(0) or ""):
            website, contact = next(g for g in m.groups() if g), True
        if contact and not ADDRESS_LABEL.match(row):
            continue
        row = NAME_LABEL.sub("", row)
        if ADDRESS_LABEL.match(row):
            address.append(BARE_PHONE.sub("", PHONE.sub("", ADDRESS_LABEL.sub("", row))).strip(" ,;"))
        elif name is None:
            name = row
        else:
            address.append(row)
    return Party(name=name, address=", ".join(a for a in address if a) or None, phone=phone, email=email,
                 website=website)  # fmt: skip


def _fill_contacts(supplier: Party, lines: list[str], buyer_rows: list[str]) -> Party:
    """A supplier's phone, email or website printed elsewhere (a footer) and not in the buyer's block."""
    rest = "\n".join(line for line in lines if line.strip() not in buyer_rows)
    phone = supplier.phone or _first(PHONE, rest) or _first(BARE_PHONE, rest)
    email = supplier.email or (m.group(0) if (m := EMAIL.search(rest)) else None)
    website = supplier.website
    if not website and (m := WEBSITE.search(rest)):
        website = next(g for g in m.groups() if g)
    return Party(supplier.name, supplier.address, phone, email, website)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1).strip() if match else None


def _signature(lines: list[str]) -> str | None:
    """What stands after a signature label (or on the next line); "" when the label is there but blank."""
    for index, line in enumerate(lines):
        match = SIGNATURE.search(line)
        if not match:
            continue
        after = re.sub(r"_{2,}|\.{3,}", "", line[match.end() :]).strip()
        if after:
            return after
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        return following if following and not re.search(r"date|日期", following, re.IGNORECASE) else ""
    return None
