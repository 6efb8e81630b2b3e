"""The case page says how to answer the notice (issue 15): the recommended path first with why, its time
and sources; the draft can be that answer; notices of one policy for the same seller are counted."""

from __future__ import annotations

from tests.paths.conftest import IP_NOTICE, ODR_NOTICE
from tests.web.conftest import Client
from tests.web.test_pages import version_of


def create(client: Client, notice: str, seller: str = "Keller Trading Co., Ltd.", title: str = "IP") -> int:
    answer = client.post("/cases", {"title": title, "seller_name": seller, "notice_text": notice})
    assert answer.status_code == 303, answer.text
    return int(answer.headers["location"].rsplit("/", 1)[1])


def test_an_ip_complaint_recommends_a_retraction_and_drafts_one(client: Client) -> None:
    case_id = create(client, IP_NOTICE)
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert "如何回应这份通知" in page and "建议" in page and "请权利人撤回投诉" in page
    assert '<option value="retraction" selected>' in page  # the letter to write defaults to the advice
    assert "Keller Brands GmbH" in page and "核实" in page
    drafted = client.post(
        f"/cases/{case_id}/plan",
        {"version": str(version_of(client, case_id)), "then": "draft", "kind": "retraction"},
    )
    assert drafted.status_code == 303
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    assert "Keller Brands GmbH" in letter and "8123456781" in letter


def test_a_plain_odr_notice_offers_only_a_plan_of_action(client: Client) -> None:
    case_id = create(client, ODR_NOTICE, title="ODR")
    page = client.get(f"/cases/{case_id}").text
    assert "A Plan of Action" in page and 'name="kind"' not in page  # nothing to choose


def test_notices_of_one_policy_for_the_same_seller_are_counted(client: Client) -> None:
    first = create(client, IP_NOTICE, title="first")
    second = IP_NOTICE.replace("8123456781", "8123456999").replace("November 2, 2026", "November 20, 2026")
    create(client, second, title="second")
    create(client, IP_NOTICE, seller="Another Shop LLC", title="other seller")
    page = client.get(f"/cases/{first}").text
    assert 'class="note repeat-' in page and "2 " in page  # the other seller's notice is not counted
    other = client.get(f"/cases/{create(client, ODR_NOTICE, seller='Lone Seller LLC', title='odr')}").text
    assert 'class="note repeat-' not in other
