"""The reader's parts one by one: cleaning, language, ids, requests, dates and scope, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.errors import InputError
from reinstate.kb import KnowledgeBase
from reinstate.notice import parse_notice
from reinstate.notice.clean import clean_text, looks_quoted_printable
from reinstate.notice.facts import find_dates, find_infringement_types, find_scope
from reinstate.notice.ids import (
    find_amazon_contacts,
    find_asins,
    find_complaint_ids,
    find_marketplace,
    find_order_ids,
    find_rights_owner,
    isbn10_valid,
)
from reinstate.notice.language import detect_language
from reinstate.notice.region import unfold_headings
from reinstate.notice.requests import find_deadline, find_documents

FIXTURES = Path(__file__).parent / "fixtures"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_notice_is_a_clear_input_error(name: str, kb: KnowledgeBase) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_notice(text, kb=kb, source=name)
    assert str(caught.value) == (
        f"{name}: the notice is empty. Fix: paste the whole notification from Seller Central or the email."
    )


def test_markup_without_text_is_an_input_error(kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="no readable text once markup is removed"):
        parse_notice("<html><body><div></div><p> </p></body></html>", kb=kb)


# --- cleaning --------------------------------------------------------------------------------


def test_quoted_printable_is_decoded() -> None:
    raw = "We removed your listing because of a rights=\n owner=E2=80=99s complaint. Price =3D 5\n"
    assert looks_quoted_printable(raw)
    cleaned = clean_text(raw)
    assert cleaned.was_quoted_printable
    assert cleaned.lines == ("We removed your listing because of a rights owner's complaint. Price = 5",)


def test_plain_text_with_an_equals_sign_is_not_decoded() -> None:
    assert not looks_quoted_printable("Defect rate = 2.1%\nTarget = 1%\n")
    links = "See help.html?itemID=200285170 and ?itemID=201623610 and ?itemID=G200370560&language=en_US\n"
    assert not looks_quoted_printable(links)
    assert clean_text(links).lines == (links.strip(),)


def test_html_keeps_visible_text_only_and_drops_the_footer() -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body><p>Hello,</p>"
        "<p>Your order defect rate&nbsp;is 2%.<br>Seller&#39;s reply</p>"
        "<p>&copy; 2026 Amazon.com, Inc. All rights reserved.</p></body></html>"
    )
    cleaned = clean_text(html)
    assert cleaned.was_html
    assert [line for line in cleaned.lines if line] == [
        "Hello,",
        "Your order defect rate is 2%.",
        "Seller's reply",
    ]


def test_forum_quote_markers_and_mail_headers_are_removed() -> None:
    cleaned = clean_text("> > Why is this happening?\nContent-Type: text/plain\n>  Your ODR is 2%.\n")
    assert cleaned.lines == ("Why is this happening?", "Your ODR is 2%.")


def test_headings_run_into_the_text_get_their_own_lines() -> None:
    line = "Dear Seller, your listings were removed. Why is this happening? You listed a restricted item. How do I reactivate my account? Send a plan."
    assert unfold_headings((line,)) == (
        "Dear Seller, your listings were removed.",
        "Why is this happening?",
        "You listed a restricted item.",
        "How do I reactivate my account?",
        "Send a plan.",
    )


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Your account has been deactivated and we have removed your listings.", "en"),
        ("您的卖家账户已被停用。ASIN: B0CM4T8X2R ASIN: B0CM4T8X2S", "zh"),
        (
            "Ihr Konto wurde deaktiviert und die Angebote wurden entfernt. Bitte senden Sie uns einen Plan.",
            "de",
        ),
        ("Hemos desactivado tu cuenta de vendedor y las ofertas que tienes en la tienda.", "es"),
        ("出品アカウントが停止されました。ご確認ください。", "ja"),
        ("B0CM4T8X2R 112-1234567-1234567", "und"),
    ],
)
def test_language_detection(text: str, code: str) -> None:
    assert detect_language(text) == code


# --- ids -------------------------------------------------------------------------------------


def test_isbn10_check_digit() -> None:
    assert isbn10_valid("0316769487") and isbn10_valid("080442957X")
    assert not isbn10_valid("0316769488")


def test_asins_need_a_label_or_an_id_line_for_ten_digit_numbers() -> None:
    lines = (
        "ASIN: 080442957X Title: A book",
        "0140449132, 0316769487",
        "Call us on 0123456789 about B0CM4T8X2R.",
        "Complaint ID: 0306406152 ASIN: b0cm4t8x2r",
    )
    # 0123456789 and 0306406152 have valid check digits, but one is a phone number and one a
    # complaint id; the lower-case ASIN is not an ASIN as written.
    assert find_asins(lines) == ("080442957X", "0140449132", "0316769487", "B0CM4T8X2R")


def test_masked_asins_as_sellers_post_them() -> None:
    lines = ("ASIN: B07TLXXXX Infringement type: Copyright", "B07XXXXXXX and B0XXXXX in a sentence")
    # a masked id of the wrong length counts only after an ASIN label
    assert find_asins(lines) == ("B07TLXXXX", "B07XXXXXXX")


def test_order_ids_including_masked_and_s01() -> None:
    lines = (
        "Orders 112-1234567-1234567 and 112-XXXXXXX-XXXXXXX,",
        "S01-1234567-7654321 and 112-1234567-1234567",
    )
    assert find_order_ids(lines) == ("112-1234567-1234567", "112-XXXXXXX-XXXXXXX", "S01-1234567-7654321")


def test_complaint_ids_several_on_a_line_and_on_the_next_line() -> None:
    lines = (
        "Complaint IDs: 1234567890, 2345678901 and 3456789012",
        "Complaint ID:",
        "9988776655",
        "投诉编号：A1B2C3D4",
    )
    assert find_complaint_ids(lines) == ("1234567890", "2345678901", "3456789012", "9988776655", "A1B2C3D4")


def test_complaint_id_in_a_sentence_takes_no_words() -> None:
    assert find_complaint_ids(("Quote the complaint ID when you write to us.",)) == ()
    assert find_complaint_ids(("Quote the complaint ID (9023381176) when you write.",)) == ("9023381176",)


def test_rights_owner_on_one_line_with_angle_brackets() -> None:
    lines = (
        "These are the rights owner's contact details: Quill & Co Legal <ip@quill.example>",
        "ASIN: B0CM4T8X2R",
    )
    owner = find_rights_owner(lines)
    assert (owner.name, owner.email) == ("Quill & Co Legal", "ip@quill.example")


def test_masked_names_and_amazon_sentences_are_not_the_rights_owner() -> None:
    lines = (
        "These are the rights owner's contact details: ***********",
        "We can only accept retractions if the rights owner clearly states that they made an error.",
    )
    owner = find_rights_owner(lines)
    assert (owner.name, owner.email) == (None, None)


def test_amazon_addresses_glued_to_words_by_a_paste() -> None:
    lines = ("send the retraction to us atnotice-retraction@amazon.comor use Brand Registry; ops@amazon.de",)
    assert find_amazon_contacts(lines) == ("notice-retraction@amazon.com", "ops@amazon.de")


def test_marketplace_skips_amazon_email_domains() -> None:
    lines = ("Write to notice-dispute@amazon.com.", "Your Amazon.co.jp account")
    assert find_marketplace(lines) == "JP"
    assert find_marketplace(("sellercentral-europe.amazon.com",)) is None


# --- requests: documents and deadline --------------------------------------------------------


def test_documents_skip_what_the_notice_says_is_not_needed() -> None:
    docs, periods = find_documents(
        ("You do not need to send a plan of action. Please provide your business licence.",)
    )
    assert docs == ("business-license",)
    assert periods == {}


@pytest.mark.parametrize("text", ["Send your invoices within 17 days.", "请在 17 天内提交发票。"])
def test_a_deadline_is_not_a_period(text: str) -> None:
    docs, periods = find_documents((text,))
    assert (docs, periods) == (("invoices",), {})
    deadline = find_deadline((text,))
    assert deadline is not None and deadline.days == 17


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Provide invoices issued within the 365 days before this notice.", 365),
        ("Provide invoices dated within 180 days.", 180),
        ("请提供 90 天内开具的水电费账单。", 90),
    ],
)
def test_periods_that_date_the_document(text: str, days: int) -> None:
    assert len(find_documents((text,))[1]) == 1
    assert next(iter(find_documents((text,))[1].values())) == days


def test_period_goes_to_the_nearest_document() -> None:
    docs, periods = find_documents(
        ("Send your business license and invoices issued within the last 12 months.",)
    )
    assert docs == ("business-license", "invoices")
    assert periods == {"invoices": 365}


@pytest.mark.parametrize(
    ("text", "days", "hours"),
    [
        (
            "If you do not send an acceptable plan within seventeen days, your account stays deactivated.",
            17,
            None,
        ),
        ("Please respond in 3 business days.", 3, None),
        ("Submit the documents within 48 hours.", 2, 48),
        ("You have 90 days after receiving this notification to appeal.", 90, None),
        ("请在 72 小时内提交行动计划。", 3, 72),
    ],
)
def test_deadlines(text: str, days: int, hours: int | None) -> None:
    deadline = find_deadline((text,))
    assert deadline is not None
    assert (deadline.days, deadline.hours) == (days, hours)


@pytest.mark.parametrize(
    "text",
    [
        "Please expect a reply to your appeal within two days.",
        "Send invoices issued in the last 365 days.",
        "请提供过去 365 天内的发票。",
        "Your late shipment rate over the last 30 days was 6%.",
    ],
)
def test_not_deadlines(text: str) -> None:
    assert find_deadline((text,)) is None


# --- dates, scope, infringement types --------------------------------------------------------


def test_dates_in_every_format_in_order() -> None:
    lines = (
        "Date: Mon, 2 Nov 2026 10:14:00 +0000",
        "between Sept. 3, 2026 and 2026-11-01, and on 11/05/2026 and 2026年11月20日",
        "not a date: 2026-02-30",
    )
    assert find_dates(lines) == ("2026-11-02", "2026-09-03", "2026-11-01", "2026-11-05", "2026-11-20")
    assert find_dates(("on 05/11/2026",), day_first=True) == ("2026-11-05",)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Your Amazon.com seller account has been deactivated.", "account"),
        ("We removed some of your listings because of customer complaints.", "listing"),
        ("We have restricted your ability to sell in the Grocery category.", "category"),
        ("Your merchant-fulfilled offers have been deactivated for late deliveries.", "fulfillment-method"),
        ("Because of your multi-pack prices you may not currently sell on Amazon.com.", "account"),
        ("我们暂停了您的亚马逊卖家帐户。", "account"),
        ("Your order defect rate is above the target.", "unknown"),
        ("Has your account been deactivated in error?", "unknown"),
    ],
)
def test_scope(text: str, scope: str) -> None:
    assert find_scope((text,))[0] == scope


def test_infringement_types_from_labels_and_sentences() -> None:
    lines = (
        "The listings may infringe the rights owner's patent.",
        "Infringement type: Design Complaint ID: 123456",
        "Title: Trademark-free mug Infringement type: Copyright",
        "侵权类型：商标",
    )
    assert find_infringement_types(lines) == ("design", "copyright", "trademark", "patent")
