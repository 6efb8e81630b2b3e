"""Word lists that sort free text (feedback comments, claim reasons) and return reason codes.

Themes follow what buyers complain about: late, never arrived, damaged, not as described, wrong
item, used, counterfeit, rude. Each theme lists English words and the common German, French,
Spanish, Italian, Japanese and Chinese ones. Return reason codes are split into product or listing
faults, logistics faults and buyer choices (a heuristic, not Amazon's own classification).
"""

from __future__ import annotations

# theme -> (regular expression on lower-cased text, knowledge-base cause for an ODR appeal)
THEMES: dict[str, tuple[str, str | None]] = {
    "never-arrived": (
        r"never (arrived|received|came|got)|not (received|arrived|delivered)|did ?n.?t (receive|arrive|get)|"
        r"no package|lost (in|package|parcel)|missing package|nie angekommen|nicht erhalten|pas re[çc]u|"
        r"jam[aá]s (lleg|re[çc]u)|no (lleg|recib)|mai arrivato|届か|届いて|未着|没收到|未收到|没有收到",
        "order-defect-rate/late-or-lost-deliveries",
    ),
    "late": (
        r"\blate\b|delay|slow|took (forever|weeks)|still waiting|too long|weeks to|versp[äa]t|zu sp[äa]t|"
        r"retard|tard[ií]|tardó|ritardo|遅|慢|晚|延迟",
        "order-defect-rate/late-or-lost-deliveries",
    ),
    "damaged": (
        r"damage|broke|crack|smash|dent|shatter|leak|besch[äa]digt|kaputt|cass[ée]|endommag|da[ñn]ad|rott|"
        r"破損|壊れ|破损|坏|碎",
        "order-defect-rate/damaged-in-transit",
    ),
    "wrong-item": (
        r"wrong (item|product|colou?r|size|model|one)|sent (me )?the wrong|different item|falsche[rn]? artikel|"
        r"mauvais (article|produit)|art[ií]culo equivocado|違う商品|发错|错发",
        "order-defect-rate/item-not-as-described",
    ),
    "not-as-described": (
        r"not as (described|pictured|advertised|shown)|does ?n.?t match|did ?n.?t match|different (from|than)|"
        r"too (small|big|large)|runs (small|large)|misleading|nicht wie beschrieben|pas conforme|"
        r"no como se describe|説明と違|与描述不符|不符",
        "order-defect-rate/item-not-as-described",
    ),
    "used": (
        r"\bused\b|opened|scratch|second.?hand|pre.?owned|refurb|gebraucht|d.occasion|usado|usato|中古|二手|旧",
        "condition-complaint/stock-not-new-at-purchase",
    ),
    "counterfeit": (
        r"fake|counterfeit|knock.?off|not (genuine|authentic|original)|replica|f[äa]lschung|contrefa|"
        r"falsific|偽物|假货|假的|仿",
        "inauthentic/unverified-supplier",
    ),
    "rude": (
        r"rude|unhelpful|no (response|reply|answer)|never (answered|responded|replied)|did ?n.?t (respond|reply|answer)|"
        r"nobody answered|ignored|unh[öo]flich|keine antwort|grossier|sans r[ée]ponse|maleducad|無礼|不回复|态度",
        "order-defect-rate/slow-buyer-communication",
    ),
}


def theme_sql(column: str) -> str:
    """SQL: the first theme whose words occur in ``column`` (NULL when none does)."""
    cases = " ".join(
        f"WHEN regexp_matches(lower({column}), '{pattern.replace(chr(39), chr(39) * 2)}') THEN '{theme}'"
        for theme, (pattern, _) in THEMES.items()
    )
    return f"CASE {cases} ELSE NULL END"


PRODUCT = (
    "DEFECTIVE", "NOT_AS_DESCRIBED", "QUALITY_UNACCEPTABLE", "MISSING_PARTS", "NOT_COMPATIBLE",
    "PART_NOT_COMPATIBLE", "APPAREL_TOO_SMALL", "APPAREL_TOO_LARGE", "APPAREL_STYLE",
    "EXCESSIVE_INSTALLATION", "AMZ-PG-BAD-DESC", "AMZ-PG-APP-TOO-SMALL", "AMZ-PG-APP-TOO-LARGE",
    "DID_NOT_LIKE_FABRIC", "DID_NOT_LIKE_COLOR",
)  # fmt: skip
LOGISTICS = (
    "DAMAGED_BY_CARRIER", "DAMAGED_BY_FC", "MISSED_ESTIMATED_DELIVERY", "NEVER_ARRIVED", "EXTRA_ITEM",
    "UNDELIVERABLE_CARRIER_MISS_SORTED", "UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS",
    "UNDELIVERABLE_INSUFFICIENT_ADDRESS", "UNDELIVERABLE_MISSING_LABEL", "UNDELIVERABLE_REFUSED",
    "UNDELIVERABLE_UNCLAIMED", "UNDELIVERABLE_UNKNOWN",
)  # fmt: skip

# return reason code -> knowledge-base cause (high-return-rate)
REASON_CAUSES: dict[str, str] = {
    "APPAREL_TOO_SMALL": "size-or-compatibility-unclear",
    "APPAREL_TOO_LARGE": "size-or-compatibility-unclear",
    "AMZ-PG-APP-TOO-SMALL": "size-or-compatibility-unclear",
    "AMZ-PG-APP-TOO-LARGE": "size-or-compatibility-unclear",
    "NOT_COMPATIBLE": "size-or-compatibility-unclear",
    "PART_NOT_COMPATIBLE": "size-or-compatibility-unclear",
    "DEFECTIVE": "defective-supplier-batch",
    "QUALITY_UNACCEPTABLE": "defective-supplier-batch",
    "NOT_AS_DESCRIBED": "listing-did-not-match-product",
    "AMZ-PG-BAD-DESC": "listing-did-not-match-product",
    "APPAREL_STYLE": "listing-did-not-match-product",
    "MISSING_PARTS": "missing-parts-at-pack-out",
    "EXCESSIVE_INSTALLATION": "no-usable-instructions",
    "DAMAGED_BY_CARRIER": "damaged-in-transit",
    "DAMAGED_BY_FC": "damaged-in-transit",
}


def reason_class_sql(column: str) -> str:
    """SQL: ``product``, ``logistics`` or ``buyer`` for a return reason code."""
    code = f"upper(trim({column}))"
    product = ", ".join(f"'{c}'" for c in PRODUCT)
    logistics = ", ".join(f"'{c}'" for c in LOGISTICS)
    return (
        f"CASE WHEN {code} IN ({product}) THEN 'product' WHEN {code} IN ({logistics}) "
        f"OR {code} LIKE 'UNDELIVERABLE%' THEN 'logistics' ELSE 'buyer' END"
    )
