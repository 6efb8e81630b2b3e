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

# return reason code -> what it means in Chinese (the code itself stays in the sentence, as in the report)
REASON_CODES_ZH: dict[str, str] = {
    "DEFECTIVE": "商品有缺陷或无法使用", "NOT_AS_DESCRIBED": "与商品描述不符", "QUALITY_UNACCEPTABLE": "质量不可接受",
    "MISSING_PARTS": "缺少零件或配件", "NOT_COMPATIBLE": "不兼容", "PART_NOT_COMPATIBLE": "配件不兼容",
    "APPAREL_TOO_SMALL": "尺码偏小", "APPAREL_TOO_LARGE": "尺码偏大", "APPAREL_STYLE": "不喜欢款式",
    "EXCESSIVE_INSTALLATION": "安装太复杂", "AMZ-PG-BAD-DESC": "商品描述有误", "AMZ-PG-APP-TOO-SMALL": "尺码偏小",
    "AMZ-PG-APP-TOO-LARGE": "尺码偏大", "DID_NOT_LIKE_FABRIC": "不喜欢面料", "DID_NOT_LIKE_COLOR": "不喜欢颜色",
    "DAMAGED_BY_CARRIER": "运输途中损坏", "DAMAGED_BY_FC": "在亚马逊运营中心损坏",
    "MISSED_ESTIMATED_DELIVERY": "未在预计送达日期前送达", "NEVER_ARRIVED": "未收到货", "EXTRA_ITEM": "多发了商品",
    "UNDELIVERABLE_CARRIER_MISS_SORTED": "承运商分拣错误，无法投递",
    "UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS": "多次投递失败", "UNDELIVERABLE_INSUFFICIENT_ADDRESS": "地址不完整，无法投递",
    "UNDELIVERABLE_MISSING_LABEL": "缺少面单，无法投递", "UNDELIVERABLE_REFUSED": "买家拒收",
    "UNDELIVERABLE_UNCLAIMED": "无人签收", "UNDELIVERABLE_UNKNOWN": "无法投递（原因不明）",
    "UNWANTED_ITEM": "不再需要", "FOUND_BETTER_PRICE": "找到了更低的价格", "MISORDERED": "买错了",
    "ORDERED_WRONG_ITEM": "买错了商品", "NO_REASON_GIVEN": "未说明原因", "UNAUTHORIZED_PURCHASE": "非本人授权的购买",
}  # fmt: skip


def reason_code_zh(code: object) -> str:
    """``code`` followed by its Chinese meaning in brackets when it is a known code, else the code alone."""
    meaning = REASON_CODES_ZH.get(str(code).strip().upper())
    return f"{code}（{meaning}）" if meaning else str(code)


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
