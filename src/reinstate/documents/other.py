"""Checks of utility bills (identity verification) and letters of authorization (IP and inauthentic cases)."""

from __future__ import annotations

import re

from reinstate.documents.context import CheckContext, names_match, normalise_name
from reinstate.documents.model import Check, Document, Fields

BILL_DAYS = 90


def bill_within_90_days(fields: Fields, ctx: CheckContext) -> Check:
    day = ctx.notice_date
    if fields.issue_date is None:
        return Check(
            "bill_within_90_days",
            "unknown",
            "No bill date could be read. Check by eye that the bill was issued within the last 90 days.",
            "没有读到账单日期。请亲自核对账单是否为最近 90 天内开具。",
            "",
        )
    age = (day - fields.issue_date).days
    quoted = fields.issue_date_text or fields.issue_date.isoformat()
    if 0 <= age <= BILL_DAYS:
        return Check(
            "bill_within_90_days",
            "pass",
            f"The bill is dated {fields.issue_date.isoformat()}, {age} days before {day.isoformat()}.",
            f"账单日期为 {fields.issue_date.isoformat()}，在 {day.isoformat()} 之前 {age} 天。",
            quoted,
        )
    if age < 0:
        en = f"The bill is dated {fields.issue_date.isoformat()}, after {day.isoformat()}; check the date that was read."
        zh = f"账单日期为 {fields.issue_date.isoformat()}，晚于 {day.isoformat()}；请核对读到的日期是否正确。"
    else:
        en = (f"The bill is dated {fields.issue_date.isoformat()}, {age} days before {day.isoformat()}. Amazon wants a "
              "bill issued within the last 90 days; send the latest one.")  # fmt: skip
        zh = f"账单日期为 {fields.issue_date.isoformat()}，距 {day.isoformat()} 已有 {age} 天。亚马逊要求 90 天内开具的账单，请提供最新一期。"
    return Check("bill_within_90_days", "fail", en, zh, quoted)


def loa_names_brand_and_seller(doc: Document, ctx: CheckContext) -> Check:
    text = doc.read.text
    flat = normalise_name(text)
    seller = next((n for n in ctx.seller_names if normalise_name(n) and normalise_name(n) in flat), None)
    if seller is None and doc.fields.buyer.name:
        seller = names_match(doc.fields.buyer.name, ctx.seller_names)
    brand = next((b for b in ctx.brands if re.search(re.escape(b), text, re.IGNORECASE)), None)
    named_brand = doc.fields.brand
    evidence = " | ".join(
        v for v in (named_brand and f"brand: {named_brand}", seller and f"seller: {seller}") if v
    )
    if not ctx.seller_names:
        return Check(
            "loa_names_brand_and_seller",
            "unknown",
            "No case file was given. Check by eye that the letter names the brand and your business exactly as "
            "registered in Seller Central.",
            "没有提供申诉资料文件。请亲自核对授权书是否写明品牌名称，以及与卖家平台注册信息一致的公司名称。",
            evidence,
        )
    absent_en: list[str] = []
    absent_zh: list[str] = []
    if seller is None:
        absent_en.append(f"your business ({' or '.join(ctx.seller_names)})")
        absent_zh.append(f"您的公司名称（{' 或 '.join(ctx.seller_names)}）")
    if ctx.brands and brand is None:
        absent_en.append(f"the brand ({', '.join(ctx.brands)})")
        absent_zh.append(f"品牌（{'、'.join(ctx.brands)}）")
    elif not ctx.brands and not named_brand:
        absent_en.append("a brand")
        absent_zh.append("品牌名称")
    if absent_en:
        return Check(
            "loa_names_brand_and_seller",
            "fail",
            f"The letter does not name {' or '.join(absent_en)}. Amazon accepts a letter of authorization only when it "
            "names the brand and the seller it authorizes, as registered in Seller Central.",
            f"授权书中没有写明{'和'.join(absent_zh)}。亚马逊只接受写明品牌和被授权卖家（与卖家平台注册名称一致）的授权书。",
            evidence,
        )
    return Check(
        "loa_names_brand_and_seller",
        "pass",
        f"The letter names the brand ({brand or named_brand}) and your business ({seller}).",
        f"授权书写明了品牌（{brand or named_brand}）和您的公司（{seller}）。",
        evidence,
    )


def loa_signed_and_dated(fields: Fields, ctx: CheckContext) -> Check:
    signature = fields.signature
    dated = fields.issue_date
    evidence = " | ".join(v for v in (f"signature: {signature}" if signature else "",
                                      fields.issue_date_text or "") if v)  # fmt: skip
    if fields.valid_until and fields.valid_until < ctx.notice_date:
        return Check(
            "loa_signed_and_dated",
            "fail",
            f"The authorization expired on {fields.valid_until.isoformat()}. Ask the brand owner for a current letter.",
            f"授权已于 {fields.valid_until.isoformat()} 过期。请向品牌方索取仍在有效期内的授权书。",
            evidence,
        )
    if signature is None or dated is None:
        missing_en = " and no ".join(
            w for w, gap in (("signature", signature is None), ("date", dated is None)) if gap
        )
        missing_zh = "和".join(w for w, gap in (("签名", signature is None), ("日期", dated is None)) if gap)
        return Check(
            "loa_signed_and_dated",
            "fail",
            f"No {missing_en} could be found. A letter of authorization must be signed by the brand owner and dated; "
            "ask for a signed, dated copy.",
            f"没有找到{missing_zh}。授权书必须由品牌方签字并注明日期，请索取签字并注明日期的版本。",
            evidence,
        )
    if signature == "":
        return Check(
            "loa_signed_and_dated",
            "unknown",
            f"It is dated {dated.isoformat()}; the signature line holds no readable name (a handwritten signature "
            "cannot be read). Check by eye that it is signed.",
            f"日期为 {dated.isoformat()}；签名处没有可识别的姓名（手写签名无法识别）。请亲自确认已经签字。",
            evidence,
        )
    return Check(
        "loa_signed_and_dated",
        "pass",
        f"Signed ({signature}) and dated {dated.isoformat()}.",
        f"已签字（{signature}），日期为 {dated.isoformat()}。",
        evidence,
    )
