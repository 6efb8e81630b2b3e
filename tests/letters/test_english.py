"""Reading the seller's action text: what kind of statement it is, and its past and base forms."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reinstate.letters.english import (
    ActionReading,
    base_clause,
    count_phrase,
    lower_first,
    past_clause,
    plural,
    read_action,
    reads_as_plan,
    sentence,
)

# --- intentions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("We will refund every buyer", "Refund every buyer"),
        ("Plan to retrain staff", "Retrain staff"),
        ("We plan to retrain staff", "Retrain staff"),
        ("We are going to switch carriers", "Switch carriers"),
        ("Going to switch carriers", "Switch carriers"),
        ("We'll refund the buyers and replace the units", "Refund the buyers and replace the units"),
        ("I will also be retraining all packers", "Retrain all packers"),
        ("We intend to relist 14 ASINs", "Relist 14 ASINs"),
        ("Will not happen again", None),
        ("We will make sure this never happens again", "Make sure this never happens again"),
        ("All staff will be retrained", None),
        ("Will never happen again", None),
        ("Retraining staff will happen next week", None),
        ("Going forward we will check every order", "Check every order"),
        ("From now on, we will always use tracked shipping", "Always use tracked shipping"),
        ("We would like to retrain staff", "Retrain staff"),
    ],
)
def test_intention(text: str, base: str | None) -> None:
    reading = read_action(text)
    assert reading.kind == "intention"
    assert reading.past is None
    assert reading.base == base
    assert reading.why.startswith("states an intention")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("We will refund every buyer", True),
        ("We plan to retrain staff", True),
        ("Going to switch carriers", True),
        ("Will not happen again", True),
        ("We'll refund every buyer", True),
        ("We would like to retrain staff", True),
        ("Refunded every buyer", False),
        ("Willow Street warehouse closed", False),
        ("Refund all 12 buyers", False),
    ],
)
def test_reads_as_plan(text: str, plan: bool) -> None:
    assert reads_as_plan(text) is plan


# --- standing rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base", "why"),
    [
        (
            "Going forward, all parcels are shipped with tracking",
            "All parcels are shipped with tracking",
            "starts with 'going forward'",
        ),
        ("From now on, we check every order", "Check every order", "starts with 'from now on'"),
        ("Moving forward: refund buyers within a day", "Refund buyers within a day", "moving forward"),
        ("Henceforth every order is checked", "Every order is checked", "henceforth"),
        ("In future we ship with tracking", "Ship with tracking", "in future"),
        ("Ship with tracking in the future", "Ship with tracking in the future", "contains 'in the future'"),
        (
            "Refund buyers who complain within 24 hours",
            "Refund buyers who complain within 24 hours",
            "present-tense rule: 'buyers who complain'",
        ),
        (
            "Cancel orders that arrive after 3 pm",
            "Cancel orders that arrive after 3 pm",
            "present-tense rule: 'orders that arrive'",
        ),
        ("Relist any SKU that sells out", "Relist any SKU that sells out", "'SKU that sells'"),
        (
            "Check every parcel before it leaves the warehouse",
            "Check every parcel before it leaves the warehouse",
            "rule",
        ),
        ("Always use tracked services", "Always use tracked services", "frequency word 'always'"),
        ("Audit stock levels every week", "Audit stock levels every week", "'every week'"),
        ("Checked stock levels every day", "Check stock levels every day", "'every day'"),
        ("Reconcile inventory daily", "Reconcile inventory daily", "'daily'"),
        ("Reply whenever a buyer writes", "Reply whenever a buyer writes", "'whenever'"),
        ("Keep proof of delivery at all times", "Keep proof of delivery at all times", "'at all times'"),
        ("Each day, review the A-to-z claims", "Each day, review the A-to-z claims", "'each day'"),
        ("Check every order before dispatch", "Check every order before dispatch", "'every order'"),
        ("Move every order to a tracked carrier", "Move every order to a tracked carrier", "'every order'"),
        ("Buy Shipping labels for every order", "Buy Shipping labels for every order", "'every order'"),
        (
            "All parcels are now shipped with tracking",
            "All parcels are now shipped with tracking",
            "present passive: 'are now shipped'",
        ),
        ("Every order is checked by two people", "Every order is checked by two people", "'is checked'"),
        (
            "We refund every buyer within a day",
            "Refund every buyer within a day",
            "present tense: 'we refund'",
        ),
        ("Our team checks every parcel", "Check every parcel", "present tense: 'our team checks'"),
        ("We now ship every order with tracking", "Ship every order with tracking", "'we ship'"),
    ],
)
def test_standing_rule(text: str, base: str, why: str) -> None:
    reading = read_action(text)
    assert reading.kind == "standing_rule"
    assert reading.past is None
    assert reading.base == base
    assert why in reading.why


def test_going_forward_alone_has_no_measure_text() -> None:
    reading = read_action("Going forward.")
    assert reading.kind == "standing_rule"
    assert reading.base is None


# --- one-off actions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "past", "base"),
    [
        # ported from test_tense.py
        ("Refund all 12 affected buyers in full", "refunded all 12 affected buyers in full", "Refund all 12 affected buyers in full"),
        ("Refunded all 12 affected buyers in full.", "refunded all 12 affected buyers in full", "Refund all 12 affected buyers in full"),
        ("We refunded all 12 affected buyers", "refunded all 12 affected buyers", "Refund all 12 affected buyers"),
        ("We have updated the shipping templates", "updated the shipping templates", "Update the shipping templates"),
        ("Ship the backlog", "shipped the backlog", "Ship the backlog"),
        ("Write a closure procedure", "wrote a closure procedure", "Write a closure procedure"),
        ("Set handling time to 3 days", "set handling time to 3 days", "Set handling time to 3 days"),
        ("Reclassify 46 SKUs", "reclassified 46 SKUs", "Reclassify 46 SKUs"),
        ("Fully refund the buyers", "fully refunded the buyers", "Fully refund the buyers"),
        # the brief's examples
        ("Refunded all 11 buyers within 24 hours of their message", "refunded all 11 buyers within 24 hours of their message", "Refund all 11 buyers within 24 hours of their message"),
        ("Refund the 11 buyers who complained in October", "refunded the 11 buyers who complained in October", "Refund the 11 buyers who complained in October"),
        ("Checked every parcel in the October backlog", "checked every parcel in the October backlog", "Check every parcel in the October backlog"),
        ("Shipped all backlog orders and cancelled none", "shipped all backlog orders and cancelled none", "Ship all backlog orders and cancel none"),
        ("Ship all backlog orders and cancel none", "shipped all backlog orders and canceled none", "Ship all backlog orders and cancel none"),
        ("Refund the buyers, replace the units and answer every message", "refunded the buyers, replaced the units and answered every message", "Refund the buyers, replace the units and answer every message"),
        ("Retraining all 4 packers on the new checklist", "retrained all 4 packers on the new checklist", "Retrain all 4 packers on the new checklist"),
        ("Fixed the listing and package design", "fixed the listing and package design", "Fix the listing and package design"),
        # subjects, auxiliaries and adverbs
        ("We have also written a new procedure", "wrote a new procedure", "Write a new procedure"),
        ("I then contacted every affected buyer", "contacted every affected buyer", "Contact every affected buyer"),
        ("Our team retrained all 4 packers", "retrained all 4 packers", "Retrain all 4 packers"),
        ("Immediately removed the listing", "immediately removed the listing", "Immediately remove the listing"),
        ("Also refunded the buyers", "also refunded the buyers", "Also refund the buyers"),
        # coordination
        ("Refund, replace and relist the units", "refunded, replaced and relisted the units", "Refund, replace and relist the units"),
        ("Refund buyers and apologise", "refunded buyers and apologised", "Refund buyers and apologise"),
        ("Follow up with every buyer and close the cases", "followed up with every buyer and closed the cases", "Follow up with every buyer and close the cases"),
        ("Retraining packers and updating the checklist", "retrained packers and updated the checklist", "Retrain packers and update the checklist"),
        ("Refunded the buyers and replace the units", "refunded the buyers and replaced the units", "Refund the buyers and replace the units"),
        ("Refund the buyers then update the listings", "refunded the buyers then updated the listings", "Refund the buyers then update the listings"),
        # relative clauses keep their own tense
        ("Refund the buyers who complained and replace the units", "refunded the buyers who complained and replaced the units", "Refund the buyers who complained and replace the units"),
        ("Refund the buyers whose parcel was lost and replace the units", "refunded the buyers whose parcel was lost and replaced the units", "Refund the buyers whose parcel was lost and replace the units"),
        ("Removed the listing that infringes the brand", "removed the listing that infringes the brand", "Remove the listing that infringes the brand"),
        ("We introduced a rule that every order is checked", "introduced a rule that every order is checked", "Introduce a rule that every order is checked"),
        # prefixed verbs missing from the dictionary
        ("Relist 14 ASINs", "relisted 14 ASINs", "Relist 14 ASINs"),
        ("Reshipped the 3 lost orders", "reshipped the 3 lost orders", "Reship the 3 lost orders"),
        ("Recategorize 12 listings", "recategorized 12 listings", "Recategorize 12 listings"),
        ("Restock the warehouse", "restocked the warehouse", "Restock the warehouse"),
        ("Unlist the expired listings and delist the duplicates", "unlisted the expired listings and delisted the duplicates", "Unlist the expired listings and delist the duplicates"),
        ("Re-listed 4 ASINs", "re-listed 4 ASINs", "Re-list 4 ASINs"),
        # the seller's case, ids and numbers are kept
        ("Removed ASIN B0CXYZ1234 from FBA", "removed ASIN B0CXYZ1234 from FBA", "Remove ASIN B0CXYZ1234 from FBA"),
        ("Refund   all 12 buyers;", "refunded all 12 buyers", "Refund all 12 buyers"),
    ],
)  # fmt: skip
def test_one_off(text: str, past: str, base: str) -> None:
    reading = read_action(text)
    assert reading.kind == "one_off", reading.why
    assert reading.past == past
    assert reading.base == base
    assert past_clause(text) == past


@pytest.mark.parametrize(
    ("text", "us", "uk"),
    [
        ("Ship all backlog orders and cancel none", "shipped all backlog orders and canceled none", "shipped all backlog orders and cancelled none"),
        ("Cancel the duplicate orders", "canceled the duplicate orders", "cancelled the duplicate orders"),
        ("Travel to the warehouse", "traveled to the warehouse", "travelled to the warehouse"),
        ("Cancelled the duplicate orders", "cancelled the duplicate orders", "cancelled the duplicate orders"),
    ],
)  # fmt: skip
def test_spelling(text: str, us: str, uk: str) -> None:
    assert past_clause(text, spelling="us") == us
    assert past_clause(text, spelling="uk") == uk
    assert read_action(text, spelling="uk").past == uk


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Refunded all 12 buyers", "leading past-tense verb 'refunded'"),
        ("Refund all 12 buyers", "leading base-form verb 'refund'"),
        ("Retraining all 4 packers", "leading gerund 'retraining'"),
        ("We have written a procedure", "leading participle 'written'"),
    ],
)
def test_one_off_why(text: str, why: str) -> None:
    assert read_action(text).why == why


# --- the exact bugs this module replaces --------------------------------------------------------


def test_coordinated_verb_is_never_left_in_the_base_form() -> None:
    past = past_clause("Ship all backlog orders and cancel none")
    assert past != "shipped all backlog orders and cancel none"
    assert past is not None and past.endswith("and canceled none")


def test_gerund_never_survives_into_the_past() -> None:
    past = past_clause("Retraining all 4 packers")
    assert past == "retrained all 4 packers"
    assert "retraining" not in past.lower()


@pytest.mark.parametrize(
    "text",
    ["Going forward, all parcels are shipped with tracking", "Refund buyers who complain within 24 hours"],
)
def test_rules_are_never_a_done_event(text: str) -> None:
    reading = read_action(text)
    assert reading.kind == "standing_rule"
    assert reading.past is None
    assert past_clause(text) is None


def test_a_noun_after_and_is_not_conjugated() -> None:
    reading = read_action("Fixed the listing and package design")
    assert reading.past is not None and "packaged" not in reading.past
    assert reading.past.endswith("and package design")


# --- kept as written ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why", "finite"),
    [
        ("All 12 buyers were refunded", "no leading verb: 'all'", True),
        ("SKU audit of 340 items", "acronym 'SKU'", False),
        ("FBA inventory removed", "acronym 'FBA'", True),
        ("Inventory count", "noun compound 'inventory count'", False),
        ("Retraining of all packers", "nominal form 'retraining of'", False),
        ("Audit of all listings", "nominal form 'audit of'", False),
        ("Refunds sent to all 12 buyers", "'refunds' reads as a noun", False),
        ("Package inserts added to every box", "noun phrase 'package inserts' before 'added'", False),
        ("Shipping labels bought for every order", "noun phrase 'shipping labels' before 'bought'", False),
        ("Refund requests answered within a day", "noun phrase 'refund requests' before 'answered'", False),
        ("Willow Street warehouse closed", "no leading verb: 'willow'", True),
        ("The old supplier was replaced", "no leading verb: 'the'", True),
        ("Defective units have been replaced", "no leading verb: 'defective'", True),
        ("Have been replaced", "no leading verb: 'have'", False),
        ("Done.", "nothing follows the verb 'done'", False),
    ],
)
def test_as_written(text: str, why: str, finite: bool) -> None:
    reading = read_action(text)
    assert reading.kind == "as_written"
    assert reading.past is None
    assert reading.base is None
    assert why in reading.why
    assert reading.has_finite_verb is finite
    assert reading.sentence == sentence(text)
    assert past_clause(text) is None


@pytest.mark.parametrize(
    ("text", "finite"),
    [
        ("Refund the 11 buyers who complained in October", True),
        ("Refund all 12 buyers", False),
        ("We refunded all 12 buyers", True),
        ("We now ship every order with tracking", True),
        ("Any SKU that sells out is relisted", True),
        ("Refunds sent to all 12 buyers", False),
        ("Inventory count completed by the manager", True),
        ("Tracking on every order", False),
    ],
)
def test_has_finite_verb(text: str, finite: bool) -> None:
    assert read_action(text).has_finite_verb is finite


def test_sentence_is_the_sellers_text_cleaned() -> None:
    reading = read_action("  refund   all 12 buyers  ")
    assert reading == ActionReading(
        kind="one_off",
        past="refunded all 12 buyers",
        base="Refund all 12 buyers",
        sentence="Refund all 12 buyers.",
        why="leading base-form verb 'refund'",
        has_finite_verb=False,
    )
    assert (
        read_action("Going forward,   ship with tracking!").sentence == "Going forward, ship with tracking!"
    )


def test_empty_text() -> None:
    reading = read_action("   ")
    assert reading.kind == "as_written"
    assert reading.sentence == ""
    assert reading.past is None and reading.base is None


# --- base_clause, sentence, lower_first (ported from test_tense.py) -----------------------------


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Refunded all buyers", "Refund all buyers"),
        ("We shipped the backlog", "Ship the backlog"),
        ("Wrote a procedure", "Write a procedure"),
        ("Retraining all 4 packers", "Retrain all 4 packers"),
        ("Move every order to a tracked carrier", "Move every order to a tracked carrier"),
        ("All buyers were refunded", "All buyers were refunded"),
        ("We will refund every buyer", "Refund every buyer"),
        ("Will not happen again", "Will not happen again"),
        ("  Inventory count ", "Inventory count"),
    ],
)
def test_base_clause(text: str, base: str) -> None:
    assert base_clause(text) == base


def test_sentence_and_lower_first() -> None:
    assert sentence("refunded buyers") == "Refunded buyers."
    assert sentence("Done!") == "Done!"
    assert sentence("  two   spaces ") == "Two spaces."
    assert sentence("") == ""
    assert lower_first("Operations manager") == "operations manager"
    assert lower_first("SKU counts") == "SKU counts"
    assert lower_first("FBA removal") == "FBA removal"
    assert lower_first("eBay listings") == "eBay listings"
    assert lower_first("3PL contract") == "3PL contract"


# --- plurals and counts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "n", "expected"),
    [
        ("measure", 2, "measures"),
        ("measure", 1, "measure"),
        ("measure", 0, "measures"),
        ("box", 3, "boxes"),
        ("analysis", 2, "analyses"),
        ("child", 2, "children"),
        ("Measure", 2, "Measures"),
        ("SKU", 3, "SKUs"),
        ("corrective action", 2, "corrective actions"),
        ("measures", 2, "measures"),
    ],
)
def test_plural(noun: str, n: int, expected: str) -> None:
    assert plural(noun, n) == expected


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "root cause", "no root causes"),
        (1, "root cause", "root cause"),
        (2, "root cause", "two root causes"),
        (3, "root cause", "three root causes"),
        (10, "corrective action", "ten corrective actions"),
        (11, "corrective action", "11 corrective actions"),
        (120, "buyer", "120 buyers"),
    ],
)
def test_count_phrase(n: int, noun: str, expected: str) -> None:
    assert count_phrase(n, noun) == expected


def test_lemminflect_is_imported_lazily() -> None:
    code = "import sys, reinstate.letters.english; print('lemminflect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "past", "base"),
    [
        # the relative clause keeps its tense; only the main verb changes
        ("We removed the listings that were active during the closure", "removed the listings that were active during the closure", "Remove the listings that were active during the closure"),
        ("Retrain the staff who packed the orders", "retrained the staff who packed the orders", "Retrain the staff who packed the orders"),
        ("Retrain the staff who packed the orders and update the checklist", "retrained the staff who packed the orders and updated the checklist", "Retrain the staff who packed the orders and update the checklist"),
        ("Retrain the staff who packed the orders and checked the labels", "retrained the staff who packed the orders and checked the labels", "Retrain the staff who packed the orders and checked the labels"),
        # a verb with an object after a clause of "be" cannot belong to it: it is the main verb's
        ("Removed the listings that were active during the closure and refunded the buyers", "removed the listings that were active during the closure and refunded the buyers", "Remove the listings that were active during the closure and refund the buyers"),
        ("Contacted the buyers whose parcels were lost and sent replacements", "contacted the buyers whose parcels were lost and sent replacements", "Contact the buyers whose parcels were lost and send replacements"),
        ("Removed the listings which had been active and relisted 3 of them", "removed the listings which had been active and relisted 3 of them", "Remove the listings which had been active and relist 3 of them"),
        ("Refund the buyers whose parcels were damaged and returned to us", "refunded the buyers whose parcels were damaged and returned to us", "Refund the buyers whose parcels were damaged and returned to us"),
        # a comma after the clause's own words ends it
        ("Retrained the staff who packed the orders, and checked the labels", "retrained the staff who packed the orders, and checked the labels", "Retrain the staff who packed the orders, and check the labels"),
        ("Retrained the staff who packed, labelled and shipped the orders", "retrained the staff who packed, labelled and shipped the orders", "Retrain the staff who packed, labelled and shipped the orders"),
        # "we" again after the clause: the plan's step has no subject
        ("We removed the listings that were active during the closure, and we refunded the buyers.", "removed the listings that were active during the closure, and we refunded the buyers", "Remove the listings that were active during the closure, and refund the buyers"),
    ],
)  # fmt: skip
def test_only_the_main_verb_changes_after_a_relative_clause(text: str, past: str, base: str) -> None:
    reading = read_action(text)
    assert reading.kind == "one_off", reading.why
    assert (reading.past, reading.base) == (past, base)
