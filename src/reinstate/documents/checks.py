"""The checks of one supplier document against Amazon's invoice requirements (docs/documents.md).

Each check returns a :class:`Check`: ``pass``, ``fail`` or ``unknown`` (a field that could not be
read, with what to look at by eye), a message in the seller's words in English and Chinese, and the
evidence it read. The cross-document checks (quantities, identifiers) live in ``coverage.py``.
"""

from __future__ import annotations

from reinstate.documents.context import CheckContext, address_matches, names_match
from reinstate.documents.model import Check, Document, Fields, Party

NOT_INVOICE = {
    "order_confirmation": ("an order confirmation", "订单确认"),
    "receipt": ("a receipt", "收据"),
    "pro_forma": ("a pro forma invoice (a quote, not a sale)", "形式发票（只是报价，不是成交）"),
    "packing_list": ("a packing list", "装箱单"),
}
AMAZON_ORDER_CONFIRMATION = (
    'Amazon rejects these: "You have provided an Order Confirmation. Please provide an invoice reflecting '
    'the itemized list of goods purchased and the terms of sale."'
)


def is_invoice(fields: Fields) -> Check:
    kind = fields.type
    evidence = fields.type_evidence
    if kind in NOT_INVOICE:
        en, zh = NOT_INVOICE[kind]
        return Check(
            "is_invoice",
            "fail",
            f"This is {en}, not an invoice. {AMAZON_ORDER_CONFIRMATION} Ask the supplier for the invoice of the same order.",
            f"这是{zh}，不是发票。亚马逊会拒收，并要求提供列明所购商品和交易条款的发票。请向供应商索取这笔订单的正式发票。",
            evidence,
        )
    if kind != "invoice":
        return Check(
            "is_invoice",
            "unknown",
            'The word "Invoice" was not found, so this may not be an invoice. Check by eye that the title says Invoice.',
            "没有读到“Invoice/发票”字样，可能不是发票。请亲自核对标题是否写明发票。",
            evidence or "(no title read)",
        )
    fapiao = "增值税" in evidence or "普通发票" in evidence or "专用发票" in evidence
    if fields.terms or fapiao:
        return Check(
            "is_invoice",
            "pass",
            "It is titled an invoice and states its terms of sale.",
            "标题为发票，并写明了交易条款。",
            evidence + (f" | {fields.terms}" if fields.terms else ""),
        )
    return Check(
        "is_invoice",
        "fail",
        "It is titled an invoice but shows no terms of sale (payment terms or Incoterms such as FOB). Amazon staff "
        "say an invoice carries both; ask the supplier for an invoice that states them.",
        "标题虽为发票，但没有写明交易条款（付款条件或 FOB 等贸易术语）。亚马逊要求发票同时包含这两项，请让供应商补开写明条款的发票。",
        evidence,
    )


def date_within_365_days(fields: Fields, ctx: CheckContext) -> Check:
    day = ctx.notice_date
    source = _date_source(ctx)
    if fields.issue_date is None:
        return Check(
            "date_within_365_days",
            "unknown",
            "No issue date could be read. Check by eye that the invoice is dated within the 365 days before the notice.",
            "没有读到开票日期。请亲自核对发票日期是否在通知日期之前的 365 天内。",
            "",
        )
    age = (day - fields.issue_date).days
    quoted = fields.issue_date_text or fields.issue_date.isoformat()
    if age < 0:
        return Check(
            "date_within_365_days",
            "fail",
            f"It is dated {fields.issue_date.isoformat()}, after {source} ({day.isoformat()}). An invoice issued after "
            "the notice cannot prove where the units you sold came from.",
            f"开票日期为 {fields.issue_date.isoformat()}，晚于{_date_source_zh(ctx)}（{day.isoformat()}）。通知之后开具的发票无法证明已售商品的来源。",
            quoted,
        )
    if age > 365:
        return Check(
            "date_within_365_days",
            "fail",
            f"It is dated {fields.issue_date.isoformat()}, {age} days before {source} ({day.isoformat()}). Amazon "
            "accepts invoices from the 365 days before the notice; send a more recent one.",
            f"开票日期为 {fields.issue_date.isoformat()}，比{_date_source_zh(ctx)}（{day.isoformat()}）早 {age} 天。亚马逊只接受通知日期前 365 天内的发票，请提供更近期的发票。",
            quoted,
        )
    return Check(
        "date_within_365_days",
        "pass",
        f"Dated {fields.issue_date.isoformat()}, {age} days before {source} ({day.isoformat()}).",
        f"开票日期为 {fields.issue_date.isoformat()}，在{_date_source_zh(ctx)}（{day.isoformat()}）之前 {age} 天。",
        quoted,
    )


def _date_source(ctx: CheckContext) -> str:
    return {"notice": "the notice", "case": "the case's date (as_of)"}.get(ctx.notice_date_source, "today")


def _date_source_zh(ctx: CheckContext) -> str:
    return {"notice": "通知日期", "case": "申诉资料文件中的日期（as_of）"}.get(ctx.notice_date_source, "今天")


def supplier_contact_complete(fields: Fields) -> Check:
    supplier = fields.supplier
    parts = (("name", "名称", supplier.name), ("address", "地址", supplier.address),
             ("phone", "电话", supplier.phone), ("website", "网站", supplier.website))  # fmt: skip
    absent = [(en, zh) for en, zh, value in parts if not value]
    evidence = _party_text(supplier)
    if not absent:
        return Check(
            "supplier_contact_complete",
            "pass",
            "The supplier's name, address, phone number and website are all shown; Amazon may call the supplier to confirm.",
            "供应商的名称、地址、电话和网站都已列明；亚马逊可能会致电供应商核实。",
            evidence,
        )
    if len(absent) == len(parts):
        return Check(
            "supplier_contact_complete",
            "unknown",
            "The supplier's details could not be read. Check by eye that its name, address, phone number and website are printed.",
            "没有读到供应商信息。请亲自核对发票上是否印有供应商的名称、地址、电话和网站。",
            "",
        )
    return Check(
        "supplier_contact_complete",
        "fail",
        f"The supplier's {_join([en for en, _ in absent])} could not be found. Amazon asks for the supplier's name, "
        "address, phone number and website so it can contact them; ask for an invoice that shows them all.",
        f"没有找到供应商的{'、'.join(zh for _, zh in absent)}。亚马逊要求发票列明供应商的名称、地址、电话和网站，以便联系核实；请让供应商补全。",
        evidence,
    )


def buyer_matches_seller(fields: Fields, ctx: CheckContext, check_id: str = "buyer_matches_seller") -> Check:
    """The buyer (an invoice) or the account holder (a bill) against the Seller Central name and address."""
    buyer = fields.buyer
    evidence = _party_text(buyer)
    bill = check_id == "name_address_match"
    who, who_zh = ("account holder", "账户持有人") if bill else ("buyer", "买方")
    issuer, issuer_zh = ("issuer", "出具方") if bill else ("supplier", "供应商")
    if not ctx.seller_names:
        return Check(
            check_id,
            "unknown",
            "No case file was given, so the name and address could not be compared. Check by eye that they match "
            "Seller Central exactly, or run with --case.",
            "没有提供申诉资料文件，无法比对名称和地址。请亲自核对是否与卖家平台的注册信息完全一致，或加上 --case 重新检查。",
            evidence,
        )
    if not buyer.name:
        return Check(
            check_id,
            "unknown",
            f"The {who}'s name could not be read. Check by eye that the document is made out to "
            f"{ctx.seller_names[0]} at your Seller Central address.",
            f"没有读到{who_zh}名称。请亲自核对抬头是否为 {ctx.seller_names[0]}，地址是否为卖家平台中的注册地址。",
            evidence,
        )
    if not names_match(buyer.name, ctx.seller_names):
        return Check(
            check_id,
            "fail",
            f'It is made out to "{buyer.name}", not to {_join(list(ctx.seller_names), "or")} as registered in Seller '
            f"Central. Amazon checks that the {who}'s name and address match your account.",
            f"抬头是“{buyer.name}”，与卖家平台注册的名称（{' 或 '.join(ctx.seller_names)}）不一致。亚马逊会核对{who_zh}名称和地址是否与账户一致。",
            evidence,
        )
    if not ctx.seller_address:
        return Check(
            check_id,
            "unknown",
            "The name matches; the case has no business address to compare the address with: check by eye that "
            "it is your address as registered in Seller Central."
            if ctx.web
            else "The name matches; add `seller.address` to the case file to compare the address too.",
            "名称一致；这个申诉没有填写营业地址，无法比对地址：请亲自核对是否为您在卖家平台注册的地址。"
            if ctx.web
            else "名称一致；请在申诉资料文件中填写 seller.address，以便同时比对地址。",
            evidence,
        )
    printed = " ".join(v for v in (buyer.name, buyer.address) if v)
    ok, absent = address_matches(printed, ctx.seller_address)
    if ok:
        return Check(check_id, "pass", "The name and address match your Seller Central details.",
                     "名称和地址与卖家平台的注册信息一致。", evidence)  # fmt: skip
    return Check(
        check_id,
        "fail",
        f"The name matches but the address differs from your Seller Central address ({ctx.seller_address}); "
        f"not found: {', '.join(absent[:6])}. Ask the {issuer} to correct it.",
        f"名称一致，但地址与卖家平台的注册地址（{ctx.seller_address}）不一致，缺少：{'、'.join(absent[:6])}。请让{issuer_zh}更正。",
        evidence,
    )


def arithmetic(fields: Fields) -> Check:
    items = [i for i in fields.items if i.unit_price is not None and i.amount is not None and i.quantity]
    totals = fields.totals
    if not items:
        return Check(
            "arithmetic",
            "unknown",
            "No prices could be read (Amazon allows hiding them). If they are shown, check by eye that quantity "
            "× unit price gives each line and the lines add up to the total.",
            "没有读到价格（亚马逊允许隐去价格）。如有价格，请亲自核对数量 × 单价是否等于各行金额，各行相加是否等于合计。",
            "",
        )
    wrong = [i for i in items if not _close((i.quantity or 0) * (i.unit_price or 0), i.amount or 0)]
    lines_sum = round(sum(i.amount or 0 for i in items), 2)
    problems_en: list[str] = [
        f"{i.quantity} × {i.unit_price:.2f} is not {i.amount:.2f} ({i.description})" for i in wrong
    ]
    problems_zh: list[str] = [
        f"{i.quantity} × {i.unit_price:.2f} 不等于 {i.amount:.2f}（{i.description}）" for i in wrong
    ]
    extras = (totals.tax or 0) + (totals.shipping or 0) - (totals.discount or 0)
    if totals.subtotal is not None and not _close(lines_sum, totals.subtotal):
        problems_en.append(f"the lines add up to {lines_sum:.2f}, the subtotal says {totals.subtotal:.2f}")
        problems_zh.append(f"各行合计为 {lines_sum:.2f}，小计却是 {totals.subtotal:.2f}")
    if totals.total is not None:
        base = totals.subtotal if totals.subtotal is not None else lines_sum
        if not _close(base + extras, totals.total):
            problems_en.append(
                f"{base:.2f} plus tax and shipping is {base + extras:.2f}, the total says {totals.total:.2f}"
            )
            problems_zh.append(
                f"{base:.2f} 加上税费和运费为 {base + extras:.2f}，合计却是 {totals.total:.2f}"
            )
    evidence = "; ".join(i.text for i in items[:5]) + (
        f" | total {totals.total:.2f}" if totals.total is not None else ""
    )
    if problems_en:
        return Check(
            "arithmetic",
            "fail",
            "The figures do not add up: "
            + "; ".join(problems_en)
            + ". Amazon reads a wrong sum as a sign the "
            "invoice was changed; ask the supplier for a corrected invoice.",
            "金额对不上："
            + "；".join(problems_zh)
            + "。亚马逊会把算错的金额视为发票被改动过的迹象，请让供应商重新开具正确的发票。",
            evidence,
        )
    if totals.total is None:
        return Check("arithmetic", "unknown", "Each line adds up, but no total was found; check the total by eye.",
                     "各行金额正确，但没有读到合计，请亲自核对合计金额。", evidence)  # fmt: skip
    return Check("arithmetic", "pass", "Quantities × prices give each line, and the lines add up to the total.",
                 "数量 × 单价与各行金额一致，各行相加等于合计。", evidence)  # fmt: skip


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.011, abs(b) * 0.002)


def _party_text(party: Party) -> str:
    return " | ".join(v for v in (party.name, party.address, party.phone, party.email, party.website) if v)


def _join(parts: list[str], word: str = "and") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def document_checks(doc: Document, ctx: CheckContext) -> list[Check]:
    """The single-document checks that apply to this type (quantities and identifiers come later)."""
    from reinstate.documents.editing import signs_of_editing
    from reinstate.documents.other import (
        bill_within_90_days,
        loa_names_brand_and_seller,
        loa_signed_and_dated,
    )

    fields = doc.fields
    kind = fields.type
    if kind == "utility_bill":
        return [bill_within_90_days(fields, ctx), buyer_matches_seller(fields, ctx, "name_address_match"),
                signs_of_editing(doc)]  # fmt: skip
    if kind == "letter_of_authorization":
        return [
            loa_names_brand_and_seller(doc, ctx),
            loa_signed_and_dated(fields, ctx),
            signs_of_editing(doc),
        ]
    if kind in ("bank_statement", "business_license"):
        return [buyer_matches_seller(fields, ctx, "name_address_match"), signs_of_editing(doc)]
    return [
        is_invoice(fields),
        date_within_365_days(fields, ctx),
        supplier_contact_complete(fields),
        buyer_matches_seller(fields, ctx),
        arithmetic(fields),
        signs_of_editing(doc),
    ]
