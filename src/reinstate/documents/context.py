"""What the checks compare a document with: the notice date, the seller's details, the products."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

SUFFIXES = {
    "llc", "inc", "ltd", "limited", "co", "company", "corp", "corporation", "gmbh", "plc", "lp", "the",
    "有限公司", "有限责任公司", "股份有限公司", "公司",
}  # fmt: skip
ABBREVIATIONS = {
    "street": "st", "avenue": "ave", "road": "rd", "suite": "ste", "drive": "dr", "boulevard": "blvd",
    "building": "bldg", "floor": "fl", "room": "rm", "unit": "ste", "north": "n", "south": "s", "east": "e",
    "west": "w", "lane": "ln", "court": "ct", "place": "pl", "highway": "hwy", "apartment": "apt",
}  # fmt: skip


@dataclass(frozen=True)
class Product:
    asin: str
    sku: str | None = None
    upc: str | None = None
    model: str | None = None
    brand: str | None = None

    def codes(self) -> list[tuple[str, str]]:
        """Every identifier an invoice line could show for this product, by kind."""
        found = [("asin", self.asin)]
        found += [
            (kind, value)
            for kind, value in (("sku", self.sku), ("upc", self.upc), ("model", self.model))
            if value
        ]
        return found


@dataclass(frozen=True)
class CheckContext:
    notice_date: dt.date
    notice_date_source: str  # notice, case, today
    seller_names: tuple[str, ...] = ()
    seller_address: str | None = None
    products: tuple[Product, ...] = ()
    cited_asins: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    has_case: bool = False
    units_sold: dict[str, int] | None = None  # per ASIN, from All Orders; None without reports
    sales_window: tuple[dt.date, dt.date] | None = None
    orders_span: tuple[dt.date, dt.date] | None = None  # the purchase dates the download actually covers
    extra: dict[str, str] = field(default_factory=dict)
    web: bool = False  # checked for the web app: say what to do there, not which option or key to use

    @property
    def target_asins(self) -> tuple[str, ...]:
        """The ASINs invoices must cover: the notice's, else the case's products."""
        return self.cited_asins or tuple(p.asin for p in self.products)


def normalise_name(name: str) -> str:
    text = name.lower().replace("&", " and ")
    tokens = re.findall(r"[a-z0-9]+|[\u4e00-\u9fff]+", text)
    kept = [t for t in tokens if t not in SUFFIXES]
    joined = " ".join(kept)
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "公司"):
        joined = joined.removesuffix(suffix)
    return joined.strip()


def names_match(printed: str, names: tuple[str, ...]) -> str | None:
    """The seller name that ``printed`` matches (equal or containing, company suffixes ignored)."""
    got = normalise_name(printed)
    if len(got) < 2:
        return None
    for name in names:
        want = normalise_name(name)
        for a, b in ((want, got), (want.replace(" ", ""), got.replace(" ", ""))):  # OCR drops spaces
            if a and (a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a)):
                return name
    return None


def address_tokens(address: str) -> list[str]:
    text = address.lower()
    tokens = re.findall(r"[a-z]+|\d+|[\u4e00-\u9fff]", text)
    return [ABBREVIATIONS.get(t, t) for t in tokens]


def address_matches(printed: str, registered: str) -> tuple[bool, list[str]]:
    """Whether ``printed`` holds the registered address: every number in it and 70% of its words.

    Returns the verdict and the parts of the registered address that were not found.
    """
    have = set(address_tokens(printed))
    flat = re.sub(r"[^a-z0-9\u4e00-\u9fff]", "", printed.lower())  # OCR drops spaces: "2150HarborViewDrive"
    want = address_tokens(registered)
    if not want:
        return False, []
    full = {v: k for k, v in ABBREVIATIONS.items()}
    absent = [
        t for t in want if t not in have and not (len(t) >= 3 and t in flat) and full.get(t, "#") not in flat
    ]
    numbers_absent = [t for t in absent if t.isdigit()]
    share = 1 - len(absent) / len(want)
    return (not numbers_absent and share >= 0.7), absent
