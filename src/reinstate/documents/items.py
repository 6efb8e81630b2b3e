"""Lines of goods, identifiers, totals and terms of sale, as printed (English and Chinese).

OCR may drop the spaces inside a phrase ("COMMERCIALINVOICE"), so every pattern allows none.
Numbers are read as printed: ``1,600.00`` is 1600.0; a line whose prices are hidden (pricing may be
redacted) still gives its quantity when it names an identifier.
"""

from __future__ import annotations

import re

from reinstate.documents.model import LineItem, Totals

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?|\d+(?:\.\d{1,4})?"
MONEY = r"\d{1,3}(?:,\d{3})+\.\d{2,4}|\d+\.\d{2,4}"
CURRENCY = r"(?:US\$|USD|CNY|RMB|EUR|GBP|[$€£¥￥])"
UNIT = r"(?:pcs|pieces|units|sets|pc|ea|个|件|套|只|箱)"

ITEM = re.compile(
    rf"^(?P<desc>.*?\S)\s+(?:{UNIT}\s+)?(?P<qty>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*{UNIT}?\s+{CURRENCY}?\s*"
    rf"(?P<price>{MONEY})\s+{CURRENCY}?\s*(?P<amount>{MONEY})(?:\s+\d{{1,2}}\s*%\s+{CURRENCY}?\s*(?:{MONEY}))?\s*$",
    re.IGNORECASE,
)
QUANTITY_ONLY = re.compile(
    rf"^(?P<desc>.*?\S)\s+(?P<qty>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*{UNIT}?(?:\s+(?:\*+|x{{3,}}|redacted|hidden|—|-+))*\s*$",
    re.IGNORECASE,
)

ASIN = re.compile(r"\b(B0[0-9A-Z]{8})\b")
UPC = re.compile(r"(?<!\d)(\d{12,13})(?!\d)")
BARE_MODEL = re.compile(
    r"(?<![A-Z0-9-])([A-Z]{1,5}\d*-[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8})*)(?![A-Za-z0-9])"
)  # OH-CB-L
MODEL = re.compile(
    r"(?:model|型号|规格型号|item\s*no\.?|style\s*no\.?|art\.?\s*no\.?|part\s*no\.?)\s*[:#：]?\s*([A-Z0-9][A-Z0-9-]{2,})",
    re.IGNORECASE,
)
SKU = re.compile(r"\bSKU\s*[:#：]?\s*([A-Z0-9][A-Z0-9-]{2,})", re.IGNORECASE)

TOTAL_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("subtotal", re.compile(r"sub\s*-?\s*total|小\s*计|货款合计", re.IGNORECASE)),
    ("discount", re.compile(r"discount|折\s*扣", re.IGNORECASE)),
    ("shipping", re.compile(r"shipping|freight|delivery\s*charge|运\s*费", re.IGNORECASE)),
    ("tax", re.compile(r"\b(?:sales\s*)?(?:tax|vat|gst)\b(?!\s*invoice)|税\s*额", re.IGNORECASE)),
    (
        "total",
        re.compile(
            r"(?:grand\s*)?total(?:\s*amount|\s*due)?|amount\s*due|balance\s*due|价税合计|总\s*计|合\s*计",
            re.IGNORECASE,
        ),
    ),
)
TERMS = re.compile(
    r"payment\s*terms?|terms\s*of\s*(?:sale|payment|delivery)|\bterms\s*[:：]|incoterms?|"
    r"\b(?:FOB|EXW|CIF|DDP|DAP|CFR|FCA)\b|\bnet\s*\d+\b|\bT/T\b|\bL/C\b|paid\s*in\s*full|"
    r"付款方式|付款条件|结算方式|贸易(?:条款|术语)",
    re.IGNORECASE,
)
NOT_AN_ITEM = re.compile(
    r"total|subtotal|tax|vat|shipping|freight|discount|balance|amount\s*due|phone|tel\b|fax|合计|小计|税额|"
    r"page\s*\d|invoice\s*(?:no|number|date)|date|account|statement|kwh",
    re.IGNORECASE,
)


def to_number(text: str) -> float:
    return float(text.replace(",", ""))


def identifiers_in(text: str) -> dict[str, str]:
    """ASIN, UPC/EAN, model and SKU printed in ``text`` (the first of each)."""
    found: dict[str, str] = {}
    for name, pattern in (("asin", ASIN), ("sku", SKU), ("model", MODEL), ("upc", UPC)):
        match = pattern.search(text)
        if match:
            found[name] = match.group(1).upper()
    if "model" not in found and "sku" not in found and (match := BARE_MODEL.search(text)):
        found["model"] = match.group(1)  # a model number in its own column, without a label
    return found


def find_items(lines: list[str]) -> tuple[LineItem, ...]:
    """Every line that reads as goods: description, quantity, unit price, amount (or a quantity alone
    when the prices are hidden and the line names an identifier)."""
    items: list[LineItem] = []
    for line in lines:
        text = line.strip()
        match = ITEM.match(text)
        if match and not NOT_AN_ITEM.search(match.group("desc")):
            items.append(
                LineItem(
                    description=_clean_desc(match.group("desc")),
                    quantity=int(match.group("qty").replace(",", "")),
                    unit_price=to_number(match.group("price")),
                    amount=to_number(match.group("amount")),
                    identifiers=identifiers_in(match.group("desc")),
                    text=text,
                )
            )
            continue
        match = QUANTITY_ONLY.match(text)
        if match and not NOT_AN_ITEM.search(match.group("desc")):
            ids = identifiers_in(match.group("desc"))
            if ids:
                qty = int(match.group("qty").replace(",", ""))
                items.append(LineItem(_clean_desc(match.group("desc")), qty, None, None, ids, text))
    return tuple(items)


def _clean_desc(text: str) -> str:
    return re.sub(r"^\d{1,3}[.)]?\s+", "", text).strip()


def find_totals(lines: list[str]) -> Totals:
    """Subtotal, discount, shipping, tax and total: the last amount on the line that names each."""
    values: dict[str, float] = {}
    for line in lines:
        amounts = re.findall(MONEY, line)
        if not amounts or ITEM.match(line.strip()):
            continue
        for name, pattern in TOTAL_LINES:
            if pattern.search(line) and not (name == "total" and TOTAL_LINES[0][1].search(line)):
                values[name] = to_number(amounts[-1])
                break
    currency = re.search(CURRENCY, "\n".join(lines))
    return Totals(
        subtotal=values.get("subtotal"),
        tax=values.get("tax"),
        shipping=values.get("shipping"),
        discount=values.get("discount"),
        total=values.get("total"),
        currency=_currency(currency.group(0)) if currency else None,
    )


def _currency(symbol: str) -> str:
    return {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "RMB": "CNY"}.get(
        symbol.upper(), symbol.upper()
    )


def find_terms(lines: list[str]) -> str | None:
    """The line that states the terms of sale (payment terms, Incoterms), as printed."""
    for line in lines:
        if TERMS.search(line):
            return line.strip()
    return None
