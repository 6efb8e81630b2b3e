"""The case list of a consultant with many clients: search, filters, order, reason names, colours, countdown.

Twenty cases of different sellers, reasons, statuses, marketplaces and deadlines are written straight into
the app's store (as the local user of single-user mode), with the ASINs and order ids in their notices and
plans; another account owns cases that must never appear, one of which it shares.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reinstate.kb import load_kb
from reinstate.store import CaseQuery, Store, User, open_store
from reinstate.web.deadlines import countdown, days_left
from reinstate.web.views import list_query, score_tone
from tests.web.conftest import Client, make_app

TODAY = dt.date.today()
ROW = re.compile(r'<tr data-case-id="(\d+)">(.*?)</tr>', re.S)
TAGS = re.compile(r"<[^>]+>")

# title, seller, marketplace, reasons, status, deadline (days from today), ASIN, order id, newest draft
CASES: list[tuple[str, str, str, list[str], str, int | None, str, str, tuple[int, bool] | None]] = [
    ("LSR October", "Lanternway Trading", "US", ["late-shipment-rate"], "draft", 9, "B0LANT0001", "111-0000001-0000001", None),
    ("Cancellations", "Lanternway Trading", "US", ["pre-fulfillment-cancel-rate"], "draft", 2, "B0LANT0002", "111-0000002-0000002", (81, False)),
    ("ODR November", "Quayside Media", "UK", ["order-defect-rate"], "submitted", 5, "B0QUAY0003", "203-0000003-0000003", (94, True)),
    ("Used sold as new", "Quayside Media", "UK", ["condition-complaint"], "rejected", 1, "B0QUAY0004", "203-0000004-0000004", (96, True)),
    ("Trademark complaint", "Shenzhen Hongda", "DE", ["intellectual-property"], "draft", 14, "B0HOND0005", "302-0000005-0000005", (97, True)),
    ("Counterfeit claim", "Shenzhen Hongda", "DE", ["inauthentic"], "draft", None, "B0HOND0006", "302-0000006-0000006", (95, False)),
    ("Tracking below 95%", "Blue Harbor Goods", "US", ["valid-tracking-rate"], "reinstated", -20, "B0BLUE0007", "112-0000007-0000007", (92, True)),
    ("LSR and cancellations", "Blue Harbor Goods", "US", ["late-shipment-rate", "pre-fulfillment-cancel-rate"], "draft", 0, "B0BLUE0008", "112-0000008-0000008", (60, False)),
    ("Related account", "Pearl River Home", "CA", ["related-accounts"], "draft", 16, "B0PEAR0009", "701-0000009-0000009", None),
    ("ODR December", "Pearl River Home", "CA", ["order-defect-rate"], "submitted", 7, "B0PEAR0010", "701-0000010-0000010", (88, True)),
    ("Expired food", "Golden Bamboo", "US", ["product-safety"], "closed", -40, "B0GOLD0011", "113-0000011-0000011", None),
    ("Late shipments, spring", "Golden Bamboo", "US", ["late-shipment-rate"], "draft", -1, "B0GOLD0012", "113-0000012-0000012", (70, False)),
    ("Patent notice", "Northwind Supply", "UK", ["intellectual-property"], "draft", 11, "B0NORT0013", "204-0000013-0000013", None),
    ("ODR spike", "Northwind Supply", "UK", ["order-defect-rate"], "rejected", 3, "B0NORT0014", "204-0000014-0000014", (52, True)),
    ("Condition complaints", "Jade Lotus", "DE", ["condition-complaint"], "draft", 4, "B0JADE0015", "303-0000015-0000015", None),
    ("Cancel rate", "Jade Lotus", "DE", ["pre-fulfillment-cancel-rate"], "draft", 12, "B0JADE0016", "303-0000016-0000016", (91, True)),
    ("VTR appeal", "Silver Crane", "US", ["valid-tracking-rate"], "draft", 6, "B0SILV0017", "114-0000017-0000017", (77, True)),
    ("Inauthentic, second", "Silver Crane", "US", ["inauthentic"], "submitted", 8, "B0SILV0018", "114-0000018-0000018", None),
    ("深圳 ODR 停用", "深圳市晨光贸易", "US", ["order-defect-rate"], "draft", 10, "B0CHEN0019", "115-0000019-0000019", (93, True)),
    ("Late shipment rate", "Maple Leaf Outdoor", "CA", ["late-shipment-rate"], "draft", None, "B0MAPL0020", "702-0000020-0000020", None),
]  # fmt: skip
PLAN_ASIN = "B0PLANXX21"  # named only in the plan of "Trademark complaint"


def notice(asin: str, order: str) -> str:
    return (
        "Hello,\n\nWe have deactivated your selling privileges on Amazon.com.\n"
        f"ASIN: {asin}\nOrder ID: {order}\n\nHow do I reactivate my account?\n"
    )


def seed(store: Store, me: User) -> dict[str, int]:
    ids: dict[str, int] = {}
    for title, seller, market, reasons, status, due, asin, order, draft in CASES:
        plan = (
            f"version: 1\nroot_causes:\n  - text: Our template listed {PLAN_ASIN} as new.\n"
            if title == "Trademark complaint"
            else ""
        )
        case = store.create_case(
            me, title, seller, marketplace=market, reasons=reasons, status=status,
            deadline=TODAY + dt.timedelta(days=due) if due is not None else None,
            notice_text=notice(asin, order), case_yaml=plan,
        )  # fmt: skip
        ids[title] = case.id
        if draft:
            score, ready = draft
            document = json.dumps({"schema": "reinstate.draft/1", "ready": ready, "letter": {"text": "x"}})
            store.add_draft(me, case.id, "Dear Seller Performance team, ...", document, "{}", score)
    return ids


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Client, dict[str, int]]]:
    with make_app(tmp_path) as http:
        client = Client(http)
        store: Store = http.app.state.store  # type: ignore[attr-defined]
        me = store.local_user()
        ids = seed(store, me)
        other = store.create_user("rival@example.com", "correct horse battery")
        secret = store.create_case(
            other, "Rival's secret case", "Rival Seller Ltd", marketplace="JP", reasons=["review-manipulation"],
            deadline=TODAY, notice_text=notice("B0RIVAL022", "503-0000022-0000022") + "B0LANT0001\n",
        )  # fmt: skip
        shared = store.create_case(
            other, "Shared by a colleague", "Colleague Client", marketplace="US", reasons=["order-defect-rate"],
            deadline=TODAY + dt.timedelta(days=30), notice_text=notice("B0SHAR0023", "116-0000023-0000023"),
        )  # fmt: skip
        store.share_case(other, shared.id, "local@reinstate.invalid")
        ids["Rival's secret case"] = secret.id
        ids["Shared by a colleague"] = shared.id
        yield client, ids


def rows(page: str) -> dict[int, str]:
    """Case id -> the HTML of its row."""
    return {int(cid): body for cid, body in ROW.findall(page)}


def text_of(fragment: str) -> str:
    return html.unescape(TAGS.sub(" ", fragment))


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text[-500:]
    return str(response.text)


def titles(client: Client, ids: dict[str, int], url: str) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[cid] for cid in rows(get(client, url))]


def test_all_visible_cases_are_listed_and_nobody_elses(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    page = get(client, "/")
    shown = set(rows(page))
    assert shown == {v for k, v in ids.items() if k != "Rival's secret case"}
    assert "Rival" not in page and "JP" not in page  # nor its marketplace or reason among the filters
    assert 'value="review-manipulation"' not in page
    assert "共 21 个申诉" in get(client, "/?lang=zh")


def test_search_by_seller_title_asin_and_order_id(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    assert titles(client, ids, "/?q=lanternway") == ["Cancellations", "LSR October"]
    assert titles(client, ids, "/?q=Jade+Lotus") == ["Condition complaints", "Cancel rate"]
    assert titles(client, ids, "/?q=%E6%B7%B1%E5%9C%B3%E5%B8%82") == ["深圳 ODR 停用"]  # 深圳市
    assert titles(client, ids, "/?q=spike") == ["ODR spike"]
    assert titles(client, ids, "/?q=%E5%81%9C%E7%94%A8") == ["深圳 ODR 停用"]  # 停用, in a title
    assert titles(client, ids, "/?q=B0QUAY0004") == ["Used sold as new"]  # from the notice
    assert titles(client, ids, "/?q=b0quay0004") == ["Used sold as new"]  # as typed, lower case
    assert titles(client, ids, f"/?q={PLAN_ASIN}") == ["Trademark complaint"]  # from the plan
    assert titles(client, ids, "/?q=701-0000010-0000010") == ["ODR December"]
    assert titles(client, ids, "/?q=0000013-0000013") == ["Patent notice"]  # part of an order id
    # The rival's notice names B0LANT0001 too: still only my case. An id of theirs finds nothing.
    assert titles(client, ids, "/?q=B0LANT0001") == ["LSR October"]
    page = get(client, "/?q=B0RIVAL022")
    assert rows(page) == {} and "No case matches the search and filters." in page
    # A word that is not an identifier is not looked for in the notice ("selling" is in every one).
    assert titles(client, ids, "/?q=selling") == []
    # Every word must match; % and _ are plain characters.
    assert titles(client, ids, "/?q=Quayside+ODR") == ["ODR November"]
    assert titles(client, ids, "/?q=%25") == ["Tracking below 95%"]
    assert titles(client, ids, "/?q=_") == []


def test_filters_by_status_reason_and_marketplace(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    assert set(titles(client, ids, "/?status=rejected")) == {"Used sold as new", "ODR spike"}
    assert set(titles(client, ids, "/?reason=late-shipment-rate")) == {
        "LSR October", "LSR and cancellations", "Late shipments, spring", "Late shipment rate",
    }  # fmt: skip
    assert set(titles(client, ids, "/?marketplace=uk")) == {
        "ODR November", "Used sold as new", "Patent notice", "ODR spike",
    }  # fmt: skip
    assert titles(client, ids, "/?status=submitted&reason=order-defect-rate&marketplace=CA") == [
        "ODR December"
    ]
    page = get(client, "/?status=rejected&q=quayside")
    assert 'option value="rejected" selected' in page and 'value="quayside"' in page
    assert "Shown: 1 of 21" in page and "Clear search and filters" in page
    # A status or an order the list does not offer is ignored, never an error.
    assert len(rows(get(client, "/?status=bogus&sort=bogus"))) == 21


def test_default_order_is_by_deadline_then_the_finished_cases(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    order = titles(client, ids, "/")
    due = {title: days for title, _s, _m, _r, _st, days, *_ in CASES} | {"Shared by a colleague": 30}
    status = {title: st for title, _s, _m, _r, st, *_ in CASES} | {"Shared by a colleague": "draft"}
    open_cases = [t for t in order if status[t] not in ("reinstated", "closed")]
    finished = [t for t in order if status[t] in ("reinstated", "closed")]
    assert order == open_cases + finished
    dated = [due[t] for t in open_cases if due[t] is not None]
    assert dated == sorted(dated) and order[0] == "Late shipments, spring"  # overdue first
    assert [t for t in open_cases if due[t] is None] == open_cases[len(dated) :]  # no deadline: after
    assert finished == ["Expired food", "Tracking below 95%"]
    assert titles(client, ids, "/?sort=deadline") == order


def test_sort_by_score_and_by_last_activity(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    by_score = titles(client, ids, "/?sort=score")
    scores = {title: draft[0] for title, *_rest, draft in CASES if draft}
    scored = [scores[t] for t in by_score if t in scores]
    assert scored == sorted(scores.values(), reverse=True) and by_score[:2] == [
        "Trademark complaint",
        "Used sold as new",
    ]
    assert all(t not in scores for t in by_score[len(scored) :])  # cases without a draft come last
    store: Store = client.http.app.state.store  # type: ignore[attr-defined]
    me = store.local_user()
    case = store.get_case(me, ids["Patent notice"])
    store.update_case(me, case.id, case.version, title="Patent notice, answered")
    assert titles(client, ids, "/?sort=activity")[0] == "Patent notice"


def test_reasons_are_named_in_the_page_language(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    kb = load_kb()
    for lang in ("en", "zh"):
        page = get(client, f"/?lang={lang}")
        row = text_of(rows(page)[ids["LSR and cancellations"]])
        for reason in ("late-shipment-rate", "pre-fulfillment-cancel-rate"):
            assert kb.reasons[reason].names.get(lang) in row
            assert reason not in row
        visible = text_of(page)
        assert "late-shipment-rate" not in visible and "order-defect-rate" not in visible
        assert f">{html.escape(kb.reasons['order-defect-rate'].names.get(lang))}</option>" in page
    zh = get(client, "/?lang=zh")
    assert "被驳回" in zh and "搜索" in zh and "截止日期（最近的在前）" in zh and "全部站点" in zh


def test_colours_follow_the_state(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    page = rows(get(client, "/"))
    rejected = page[ids["Used sold as new"]]  # score 96, ready: but Amazon rejected the case
    assert "status-rejected" in rejected and "score-good" not in rejected and "score-fair" in rejected
    assert "score-good" in page[ids["Trademark complaint"]]  # 97, ready, a draft still to send
    not_ready = page[ids["Counterfeit claim"]]  # 95 but something blocks sending
    assert "score-good" not in not_ready and "badge-not-ready" in not_ready
    assert "score-poor" in page[ids["LSR and cancellations"]]
    assert "status-reinstated" in page[ids["Tracking below 95%"]]
    greens = [cid for cid, body in page.items() if "score-good" in body]
    assert sorted(greens) == sorted(
        ids[t]
        for t in ("ODR November", "Trademark complaint", "Tracking below 95%", "Cancel rate", "深圳 ODR 停用")
    )
    assert score_tone(None, None, "draft") is None
    assert score_tone(99, None, "draft") == "fair"  # a draft saved before drafts said whether they were ready


def test_the_list_and_the_case_page_count_the_same_days(seeded: tuple[Client, dict[str, int]]) -> None:
    client, ids = seeded
    page = rows(get(client, "/"))
    span = re.compile(r'<span class="countdown[^"]*"[^>]*>.*?</span>', re.S)
    for title, words in (
        ("Cancellations", "2 days left"),
        ("Used sold as new", "1 day left"),
        ("LSR and cancellations", "Due today"),
        ("Late shipments, spring", "overdue"),
        ("LSR October", "9 days left"),
    ):
        in_list = span.search(page[ids[title]])
        assert in_list is not None and words in in_list.group(0), title
        case_page = get(client, f"/cases/{ids[title]}")
        on_case = span.search(case_page)
        assert on_case is not None and on_case.group(0) == in_list.group(0), title
    assert 'class="countdown late"' in page[ids["Cancellations"]]
    assert 'class="countdown"' in page[ids["LSR October"]]
    zh = rows(get(client, "/?lang=zh"))
    assert "还剩 2 天" in zh[ids["Cancellations"]] and 'data-left="还剩 %(n)s 天"' in zh[ids["Cancellations"]]
    assert days_left(TODAY + dt.timedelta(days=3), TODAY) == 3 and days_left(None) is None
    assert countdown(TODAY, today=TODAY) == {
        "date": TODAY.isoformat(),
        "days": 0,
        "urgent": True,
        "urgent_days": 3,
    }
    assert countdown(TODAY, "reinstated") is None and countdown(None) is None
    finished = rows(get(client, "/"))[ids["Tracking below 95%"]]  # reinstated: its deadline no longer counts
    assert "countdown" not in finished and (TODAY - dt.timedelta(days=20)).isoformat() in finished


def test_the_form_has_labels_and_keeps_its_values(seeded: tuple[Client, dict[str, int]]) -> None:
    client, _ids = seeded
    page = get(client, "/?q=B0&sort=score&reason=inauthentic")
    for field in ("case-q", "case-status", "case-reason", "case-marketplace", "case-sort"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert 'method="get" action="/"' in page and 'role="search"' in page
    assert '<option value="score" selected>' in page and '<option value="inauthentic" selected>' in page


def test_query_parsing() -> None:
    query = list_query(
        {"q": "  B0X  ", "status": "rejected", "reason": "inauthentic", "marketplace": "uk", "sort": "score"}
    )
    assert query == CaseQuery(
        text="B0X", status="rejected", reason="inauthentic", marketplace="UK", sort="score"
    )
    assert list_query({"status": "nope", "sort": "nope"}) == CaseQuery()


def test_listing_on_postgresql_when_available(tmp_path: Path) -> None:
    """The same query on PostgreSQL (the newest draft's readiness is read there with its JSON functions)."""
    url = os.environ.get("REINSTATE_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("needs a PostgreSQL server (REINSTATE_TEST_POSTGRES_URL)")
    from tests.store.conftest import wipe_postgres

    wipe_postgres(url)
    store = open_store(url)
    try:
        me = store.local_user()
        ids = seed(store, me)
        listing = store.case_listing(me, CaseQuery(sort="score"))
        by_id: dict[int, Any] = {row.id: row for row in listing.rows}
        assert (
            by_id[ids["Trademark complaint"]].ready is True and by_id[ids["Counterfeit claim"]].ready is False
        )
        assert by_id[ids["Patent notice"]].ready is None and listing.total == 20
        assert [r.id for r in store.case_listing(me, CaseQuery(text="b0quay0004")).rows] == [
            ids["Used sold as new"]
        ]
        assert {r.id for r in store.case_listing(me, CaseQuery(reason="inauthentic")).rows} == {
            ids["Counterfeit claim"],
            ids["Inauthentic, second"],
        }
        assert listing.rows[0].id == ids["Trademark complaint"]
    finally:
        store.close()
