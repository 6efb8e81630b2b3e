"""Small notices and cases written for these tests (Amazon's wording, invented sellers and ids)."""

from __future__ import annotations

from pathlib import Path

import pytest

IP_NOTICE = """Hello,

We removed some of your listings because we received a report from a rights owner that they may infringe
the rights owner's trademark. The listings we removed are at the bottom of this message.

These are the rights owner's contact details:
Keller Brands GmbH
legal@kellerbrands.example

ASIN: B0C4QZ7M21
Infringement type: Trademark
Complaint ID: 8123456781

Sent on November 2, 2026 from amazon.de
"""

VARIATION_NOTICE = """Hello,

We have detected a policy violation that impacts your account health. If left unaddressed, it may lead to
account deactivation.

Why did this happen?
You created one or more ASIN variations that violate our ASIN Creation policies. Selling partners may not:
- Add incorrect child variations that are not true variations of the parent product.

Here are examples of your listings that do not comply with this policy:
Listings Removed
Parent ASIN: B0C4QZ7M21
Removed ASIN: B0C4QZ7M22 B0C4QZ7M23
Invalid Variation Type: Inconsistent Child Variations

Sent on November 2, 2026.
"""

ODR_NOTICE = """Hello,

Your Amazon selling privileges have been deactivated because your order defect rate is above our target of 1%.
Your order defect rate is 1.8%. We measure A-to-z Guarantee claims, negative feedback, and chargebacks.

How do I reactivate my account?
Send us a plan of action that explains the root cause, the actions you have taken and the steps you will take
to prevent it. Sent on November 2, 2026 from amazon.com
"""

AHA_NOTICE = """Hello,

Your account is enrolled in Account Health Assurance. We have found an issue that would otherwise result in
account deactivation: your order defect rate is above our target of 1%. An account health specialist will
contact you. Please respond within 72 hours. Sent on November 2, 2026 from amazon.com
"""

ATOZ_NOTICE = """Hello,

We are investigating an A-to-z Guarantee claim for order 112-1234567-1234567. We need additional information
to complete our investigation. Please respond to Amazon with the dispatch method, tracking number and proof of
delivery. If you do not respond to our request for additional information within 48 hours, the claim will be
granted in favor of the buyer.
"""

SELLER = """version: 1
seller:
  name: Shenzhen Lanting Trading Co., Ltd.
  marketplace: {marketplace}
  contact: Lin Wei, account manager
notice: notice.txt
as_of: 2026-11-20
"""


@pytest.fixture
def write_case(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write notice.txt and case.yaml (the seller block, then ``body``) into a fresh folder."""

    def write(notice: str, body: str = "", marketplace: str = "US") -> Path:
        (tmp_path / "notice.txt").write_text(notice, encoding="utf-8")
        case = tmp_path / "case.yaml"
        case.write_text(SELLER.format(marketplace=marketplace) + body, encoding="utf-8")
        return case

    return write
