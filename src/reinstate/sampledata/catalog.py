"""The invented seller and its catalogue, and the problems planted in its data (documented here).

Larkspur Home & Apparel is an invented US seller with seller-fulfilled (MFN) and FBA products. Its
downloads carry three planted problems a good analysis must find:

1. **Warehouse closure**: the warehouse was closed from 2026-10-12 to 2026-10-20 but the listings
   stayed active. Seller-fulfilled orders placed then were shipped late (on 10-21 or 10-22), many got
   1- or 2-star feedback about lateness and A-to-z claims for items not received. No shipment was
   confirmed during the closure (see the late shipment download).
2. **Wrong size chart**: the T-shirt SKU ``TEE-BLUE-M`` (ASIN ``B0LKTEE0BM``) has a size chart that
   runs one size small, so about 30% of its units come back with ``APPAREL_TOO_SMALL``.
3. **Untracked carrier**: about 15% of seller-fulfilled packages go with "LocalPost", whose numbers
   get no carrier scan: they are marked in the valid tracking download and are often late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SELLER = "Larkspur Home & Apparel"
END = dt.date(2026, 11, 20)
DAYS = 90
CLOSURE = (dt.date(2026, 10, 12), dt.date(2026, 10, 20))
REOPEN_SHIP_DAYS = (dt.date(2026, 10, 21), dt.date(2026, 10, 22))
SIZE_SKU = "TEE-BLUE-M"
UNTRACKED = "LocalPost"


@dataclass(frozen=True)
class Product:
    sku: str
    asin: str
    name: str
    price: float
    channel: str  # "Merchant" or "Amazon"
    weight: int  # relative popularity
    return_rate: float


CATALOG: tuple[Product, ...] = (
    Product("MUG-STONE-12", "B0LKMUG012", "Stoneware Mug 12 oz, Sage", 14.99, "Merchant", 14, 0.02),
    Product("MUG-STONE-16", "B0LKMUG016", "Stoneware Mug 16 oz, Sand", 16.99, "Merchant", 10, 0.02),
    Product("BOARD-OAK-L", "B0LKBRDOAK", "Oak Cutting Board, Large", 39.99, "Merchant", 8, 0.03),
    Product("CANDLE-FIG", "B0LKCNDFIG", "Soy Candle, Fig and Cedar", 19.99, "Merchant", 9, 0.02),
    Product("TEE-BLUE-S", "B0LKTEE0BS", "Cotton T-Shirt, Blue, S", 18.99, "Merchant", 6, 0.05),
    Product(SIZE_SKU, "B0LKTEE0BM", "Cotton T-Shirt, Blue, M", 18.99, "Merchant", 9, 0.30),
    Product("TEE-BLUE-L", "B0LKTEE0BL", "Cotton T-Shirt, Blue, L", 18.99, "Merchant", 6, 0.05),
    Product("LAMP-BRASS", "B0LKLAMPBR", "Brass Desk Lamp", 59.99, "Amazon", 7, 0.04),
    Product("VASE-GLASS", "B0LKVASEGL", "Glass Bud Vase, Set of 3", 24.99, "Amazon", 6, 0.04),
    Product("THROW-WOOL", "B0LKTHROWW", "Wool Throw Blanket", 69.99, "Amazon", 5, 0.03),
    Product("APRON-LIN", "B0LKAPRONL", "Linen Apron, Charcoal", 27.99, "Amazon", 5, 0.03),
)

STATES = (("CA", 12), ("TX", 9), ("NY", 7), ("FL", 7), ("IL", 4), ("PA", 4), ("OH", 4), ("GA", 3), ("WA", 3),
          ("NC", 3), ("MI", 3), ("AZ", 2), ("CO", 2), ("OR", 2), ("AK", 1), ("HI", 1))  # fmt: skip
CARRIERS = (("UPS", 45), ("USPS", 40), (UNTRACKED, 15))
LATE_COMMENTS = (
    "Arrived two weeks late, no word from the seller.",
    "Never received my order.",
    "Still waiting, the package never arrived.",
    "Very late delivery and no reply to my message.",
    "Took forever to ship.",
)
OTHER_COMMENTS = (
    "Item arrived damaged, the box was crushed.",
    "Not as described, the colour is different.",
    "Poor quality for the price.",
    "Seller was rude when I asked for help.",
)
NEUTRAL_COMMENTS = ("OK product, slow shipping.", "Fine, but packaging could be better.")
RETURN_REASONS = (("UNWANTED_ITEM", 30), ("DEFECTIVE", 15), ("NOT_AS_DESCRIBED", 12), ("FOUND_BETTER_PRICE", 10),
                  ("DAMAGED_BY_CARRIER", 10), ("MISORDERED", 10), ("QUALITY_UNACCEPTABLE", 8), ("NO_REASON_GIVEN", 5))  # fmt: skip
