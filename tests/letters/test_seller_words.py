"""Every warning a draft can carry has words for a seller: where in the plan, then what to do in the web
app's terms, in English and Chinese, with no case keys, no commands and no knowledge-base ids.

The command line keeps its precise ``message`` (keys and commands); ``seller`` is what the web app shows.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from reinstate.case import load_case
from reinstate.kb import load_kb
from reinstate.letters import Draft, DraftOptions, DraftWarning, draft_appeal
from reinstate.letters import warnings as w
from reinstate.letters.model import place_of

ORDERS = Path(__file__).parents[1] / "fixtures" / "reports" / "basic" / "all-orders.txt"
YAML_KEY = re.compile(r"\w+\[\d+\]")
FORBIDDEN = (
    "root_causes",
    "actions_taken",
    "preventive_measures",
    "`",
    "reinstate ",
    "kb:",
    "reason:",
    "as_of",
    "text_zh",
    "--",
)
CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
HALF_WIDTH_AFTER_CHINESE = re.compile(CJK + r"[:;,()]")


@cache
def kb_ids() -> frozenset[str]:
    """Every reason id and every id of a cause, an action or a measure in the knowledge base."""
    kb = load_kb()
    ids = set(kb.reasons)
    for reason in kb.reasons.values():
        ids |= {c.id for c in reason.root_causes}
        ids |= {a.id for a in reason.corrective_actions}
        ids |= {m.id for m in reason.preventive_measures}
    return frozenset(ids)


@cache
def kb_id_pattern() -> re.Pattern[str]:
    ids = sorted(kb_ids(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")


def problems(warning: DraftWarning) -> list[str]:
    """What keeps a warning's seller words from being a seller's: empty, a key, a command, an id."""
    found = []
    for lang, text in (("en", warning.seller), ("zh", warning.seller_zh)):
        where = f"{warning.code} ({warning.key}) {lang}"
        if not text.strip():
            found.append(f"{where}: no seller text")
            continue
        if key := YAML_KEY.search(text):
            found.append(f"{where}: key {key.group(0)!r}")
        found += [f"{where}: {bad!r}" for bad in FORBIDDEN if bad in text]
        if kb_id := kb_id_pattern().search(text):
            found.append(f"{where}: knowledge-base id {kb_id.group(0)!r}")
    zh = warning.seller_zh
    if half := HALF_WIDTH_AFTER_CHINESE.search(zh):
        found.append(f"{warning.code} zh: half-width {half.group(0)!r}")
    if "你" in zh:
        found.append(f"{warning.code} zh: 你 instead of 您")
    if "案例" in zh:
        found.append(f"{warning.code} zh: 案例 instead of 申诉")
    if not re.search(CJK, zh):
        found.append(f"{warning.code} zh: not Chinese")
    if warning.key and not (warning.place and warning.place_zh) and warning.key != "reports":
        found.append(f"{warning.code}: key {warning.key!r} has no place")
    for place in (warning.place, warning.place_zh):
        if YAML_KEY.search(place) or "_" in place:
            found.append(f"{warning.code}: place {place!r}")
    return found


# --- every constructor, called directly -------------------------------------------------------------


def calls() -> dict[str, Callable[[], list[DraftWarning]]]:
    """Each public constructor of ``letters.warnings`` with the arguments the drafter gives it."""
    kb = load_kb()
    odr, lsr, ip = kb.reason("order-defect-rate"), kb.reason("late-shipment-rate"), kb.reason("inauthentic")
    cause = odr.cause("late-or-lost-deliveries")
    day, today = dt.date(2026, 12, 20), dt.date(2026, 12, 1)
    return {
        "reason_without_cause": lambda: [w.reason_without_cause(r) for r in (odr, lsr, ip)],
        "cause_for_other_reason": lambda: [
            w.cause_for_other_reason("root_causes[1]", lsr, [odr, ip]),
            w.cause_for_other_reason("root_causes[1]", None, [odr]),
        ],
        "cause_only_kb": lambda: [w.cause_only_kb("root_causes[0]", c) for c in (cause, None)],
        "cause_without_evidence": lambda: [
            w.cause_without_evidence("root_causes[2]", c) for c in (cause, None)
        ],
        "action_reads_as_plan": lambda: [w.action_reads_as_plan("actions_taken[0]")],
        "action_is_promise": lambda: [w.action_is_promise("actions_taken[1]")],
        "action_is_standing_rule": lambda: [
            w.action_is_standing_rule("actions_taken[2]", "present-tense rule: 'are shipped'")
        ],
        "action_kept_as_written": lambda: [w.action_kept_as_written("actions_taken[3]")],
        "root_cause_reason_guessed": lambda: [w.root_cause_reason_guessed("root_causes[0]", lsr, [lsr, odr])],
        "figure_differs": lambda: [
            w.figure_differs("order defect rate", "3.1%", "2.4%", "订单缺陷率"),
            w.figure_differs("order defect rate", "3.1%", "2.4%"),
        ],
        "letter_not_english": lambda: [
            w.letter_not_english(["facts[1]", "root_causes[0]", "seller.name"]),
            w.letter_not_english(["the letter"]),
        ],
        "action_without_date": lambda: [w.action_without_date("actions_taken[4]")],
        "planned_without_date": lambda: [w.planned_without_date("actions_taken[5]")],
        "action_in_future": lambda: [w.action_in_future("actions_taken[6]", day, today)],
        "action_without_evidence": lambda: [w.action_without_evidence("actions_taken[0]")],
        "no_actions_taken": lambda: [w.no_actions_taken()],
        "measure_incomplete": lambda: [
            w.measure_incomplete("preventive_measures[0]", ["owner", "start", "frequency"]),
            w.measure_incomplete("preventive_measures[1]", ["start"]),
        ],
        "no_measures": lambda: [w.no_measures()],
        "not_english": lambda: [w.not_english("root_causes[0]")],
        "seller_name_not_latin": lambda: [w.seller_name_not_latin()],
        "english_missing": lambda: [w.english_missing("root_causes[0]")],
        "fact_mismatch": lambda: [
            w.fact_mismatch("facts[2]", ["17", "November 13"], ["71", "11月3日"]),
            w.fact_mismatch("root_causes[0]", [], ["Foshan"]),
        ],
        "document_not_attached": lambda: [w.document_not_attached(odr, "Supplier invoices", "供应商发票")],
        "cited_item_not_covered": lambda: [
            w.cited_item_not_covered("asin", "B0HPGTHIN1"),
            w.cited_item_not_covered("order", "113-4402918-5520371"),
            w.cited_item_not_covered("complaint", "1234567890"),
        ],
        "requested_document_missing": lambda: [
            w.requested_document_missing("Supplier invoices", "供应商发票")
        ],
        "placeholder_seller": lambda: [w.placeholder_seller()],
        "reports_unusable": lambda: [
            w.reports_unusable("none of the files could be read as a Seller Central download")
        ],
        "report_skipped": lambda: [
            w.report_skipped("/tmp/case/junk.txt", "/tmp/case/junk.txt:1: the header line is not a download")
        ],
        "data_suggests_cause": lambda: [
            w.data_suggests_cause(
                "order-defect-rate/late-or-lost-deliveries",
                "9 of the 12 defective orders went with one carrier.",
                cause,
                "12 个缺陷订单中有 9 个由同一家承运商配送。",
            ),
            w.data_suggests_cause("order-defect-rate/late-or-lost-deliveries", "9 of 12 orders.", None),
        ],
        "over_length": lambda: [
            w.over_length(457, 300, [("root_causes[0]", 65), ("actions_taken[1]", 40), ("facts", 30)])
        ],
        "form_truncated": lambda: [
            w.form_truncated("root_cause", 400, ["root_causes[1]", "the opening facts"]),
            w.form_truncated("actions_taken", 400, ["point 2", "actions_taken[3]"]),
        ],
    }


def constructors() -> set[str]:
    """The public functions of ``letters.warnings`` that make a warning."""
    return {
        name
        for name, function in inspect.getmembers(w, inspect.isfunction)
        if function.__module__ == w.__name__
        and not name.startswith("_")
        and inspect.signature(function).return_annotation in ("DraftWarning", DraftWarning)
    }


def test_every_warning_constructor_is_checked_here() -> None:
    """A new constructor fails here until it is listed above, and then below until it has seller words."""
    assert constructors() == set(calls()), "add the new constructor to calls() with its seller words"


@pytest.mark.parametrize("name", sorted(calls()))
def test_each_constructor_writes_for_a_seller(name: str) -> None:
    made = calls()[name]()
    assert made
    for warning in made:
        assert warning.message and warning.message_zh  # the command line keeps its own words
        assert not problems(warning), problems(warning)


# --- every code, raised by a draft ------------------------------------------------------------------

MANY = """
version: 1
seller:
  name: Your Business Name LLC
  marketplace: US
  fulfillment: MFN
as_of: 2026-12-01
reasons: [order-defect-rate, late-shipment-rate]
notice: |
  Hello,

  Your Order Defect Rate is 3.1%. We have removed your listings for the following ASINs:

  ASIN: B0HPGTHIN1

  Order ID: 113-4402918-5520371

  To reinstate these listings, please send us a plan of action and invoices from your supplier for the
  affected items.
facts:
  - Our order defect rate was 2.40% (12 of 500 orders) in the 60 days to 2026-11-25.
  - 仓库在国庆期间关闭。
  - text: We shipped 17 orders late in October.
    text_zh: 我们在十月有 71 个订单迟发。
root_causes:
  - kb: late-or-lost-deliveries
    reason: order-defect-rate
  - text: Our handling time was too short.
    reason: pre-fulfillment-cancel-rate
actions_taken:
  - text: We will retrain the packers
  - text: This will not happen again
  - text: Going forward, all parcels are shipped with tracking
    date: 2026-11-29
  - text: Refunded all buyers
  - text: Replace the broken scale
    date: 2026-12-20
  - text: All 3 remaining buyers were contacted by phone
    date: 2026-11-20
  - text: Audit the divider stock
    done: false
preventive_measures:
  - text: Check metrics
  - text_zh: 每周检查一次账户状况。
"""
BASE = """
version: 1
seller:
  name: Lanternway Trading Co., Ltd.
as_of: 2026-11-25
"""
GUESSED = (
    BASE
    + """
reasons: [late-shipment-rate, pre-fulfillment-cancel-rate]
root_causes:
  - text: A cause with no reason.
    evidence: 3 orders.
  - text: 10月12日到10月20日仓库放假，listing没有关闭。
"""
)
LONG = (
    BASE
    + "reasons: [order-defect-rate]\nroot_causes:\n"
    + "".join(
        f"  - text: Cause number {n} " + "with a very long explanation " * 12 + "\n    evidence: 3 orders.\n"
        for n in range(6)
    )
)
ANALYSIS: dict[str, Any] = {
    "metrics": {},
    "findings": [
        {
            "id": "order_defect_rate-carrier",
            "reason": "order-defect-rate",
            "metric": "order_defect_rate",
            "kind": "carrier",
            "summary": "9 of the 12 defective orders went with one carrier.",
            "summary_zh": "12 个缺陷订单中有 9 个由同一家承运商配送。",
            "share": 0.75,
            "count": 9,
            "total": 12,
            "kb_cause": "order-defect-rate/late-or-lost-deliveries",
            "evidence": {"rows": []},
        }
    ],
}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> list[Draft]:
    folder = tmp_path_factory.mktemp("seller-words")
    shutil.copy(ORDERS, folder / "orders.txt")
    (folder / "junk.txt").write_text("hello\tworld\n1\t2\n", encoding="utf-8")
    cases: list[tuple[str, DraftOptions | None]] = [
        (MANY, None),
        (GUESSED, None),
        (BASE + "reasons: [order-defect-rate]\n", DraftOptions(analysis=ANALYSIS)),
        (LONG, DraftOptions(max_words=300, form_limit=400)),
        (BASE + "reasons: [order-defect-rate]\nreports: [orders.txt, junk.txt]\n", None),
        (BASE + "reasons: [order-defect-rate]\nreports: [junk.txt]\n", None),
    ]
    made = []
    for n, (text, options) in enumerate(cases):
        path = folder / f"case-{n}.yaml"
        path.write_text(text.lstrip("\n"), encoding="utf-8")
        made.append(draft_appeal(load_case(path), options=options))
    return made


def test_the_drafts_raise_every_code(drafts: list[Draft]) -> None:
    raised = {x.code for d in drafts for x in d.warnings + d.blocking}
    every = {x.code for make in calls().values() for x in make()}
    assert every <= raised, every - raised


def test_every_warning_of_a_draft_is_in_seller_words(drafts: list[Draft]) -> None:
    found = [p for d in drafts for x in d.warnings + d.blocking for p in problems(x)]
    assert not found, "\n".join(found)


def test_reasons_and_causes_are_named_not_given_as_ids(drafts: list[Draft]) -> None:
    by_code = {x.code: x for d in drafts for x in d.warnings}
    off = by_code["root-cause-off-notice"]
    assert (
        "“Pre-fulfillment cancel rate above 2.5%”" in off.seller
        and "“配送前取消率超过 2.5%”" in off.seller_zh
    )
    assert "pre-fulfillment-cancel-rate" in off.message  # the command line keeps the id
    suggested = by_code["data-suggests-cause"]
    assert "“Late or lost deliveries”" in suggested.seller and "“配送延误或丢件”" in suggested.seller_zh
    assert "12 个缺陷订单中有 9 个" in suggested.seller_zh
    figure = by_code["figure-differs-from-notice"]
    assert "订单缺陷率是 3.1%" in figure.seller_zh and figure.place_zh == "基本情况"
    undated = by_code["action-without-date"]
    assert "add the date it was done" in undated.seller.lower() and "mark it as planned" in undated.seller
    assert "done: false" in undated.message  # unchanged for the command line


# --- where, in words; the JSON ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "en", "zh"),
    [
        ("root_causes[0]", "Root cause 1", "第 1 条根本原因"),
        ("root_causes[0].evidence", "Root cause 1", "第 1 条根本原因"),
        ("actions_taken[1]", "Action 2", "第 2 项已采取的措施"),
        ("preventive_measures[0]", "Preventive measure 1", "第 1 项预防措施"),
        ("facts", "Facts", "基本情况"),
        ("attachments", "Exhibits", "附件"),
        ("seller.name", "Seller name", "卖家名称"),
        ("root_causes", "Root causes", "根本原因"),
        ("something.unknown", "", ""),
        (None, "", ""),
    ],
)
def test_place_of_a_key(key: str | None, en: str, zh: str) -> None:
    assert place_of(key) == (en, zh)
    warning = DraftWarning("x", "m", "m", key=key)
    assert (warning.place, warning.place_zh) == (en, zh)


def test_the_json_carries_the_seller_words_and_old_drafts_still_load(drafts: list[Draft]) -> None:
    draft = drafts[0]
    data = json.loads(json.dumps(draft.to_json(), ensure_ascii=False))
    for entry in data["warnings_detail"] + data["blocking"]:
        assert {"code", "message", "message_zh", "seller", "seller_zh", "place", "place_zh"} <= set(entry)
        assert entry["seller"] and entry["seller_zh"]
    assert data["warnings"] == [x.text("en") for x in draft.warnings]  # the command line's lines, as before
    back = Draft.from_json(data)
    assert back.blocking == draft.blocking
    assert [b.place for b in back.blocking] == [b.place for b in draft.blocking]
    for entry in data["blocking"]:
        for name in ("key", "seller", "seller_zh", "place", "place_zh"):
            entry.pop(name)
    old = Draft.from_json(data)
    assert [b.code for b in old.blocking] == [b.code for b in draft.blocking]
    assert all(b.seller == "" and b.place == "" and b.message for b in old.blocking)
