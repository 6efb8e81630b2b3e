"""The web app turns a finding into a root cause without typing English, keeps phrase entries through a
save, and shows the letter beside its Chinese mirror."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.web.conftest import Client
from tests.web.test_pages import create, version_of

CLOSURE = "order_defect_rate-burst-2026-10-12"


@pytest.fixture
def analysed(client: Client, tmp_path: Path) -> int:
    from reinstate.sampledata import write_sample_data

    case_id = create(
        client, notice="Your order defect rate does not meet our performance target of less than 1%."
    )
    for path in write_sample_data(tmp_path / "downloads", orders=1500, seed=7):
        if path.suffix != ".md":
            client.post(
                f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
            )
    return case_id


def plan_of(client: Client, case_id: int) -> dict:  # type: ignore[type-arg]
    return client.get(f"/api/cases/{case_id}").json()["plan"]


def test_a_finding_becomes_a_root_cause_with_only_a_choice_to_make(client: Client, analysed: int) -> None:
    page = client.get(f"/cases/{analysed}?lang=zh").text
    # the button saves the plan on screen first, then opens the finding's cause form
    assert f'form="plan-form" name="then" value="finding:{CLOSURE}"' in page and "用作根本原因" in page
    version = str(version_of(client, analysed))
    saved = client.post(
        f"/cases/{analysed}/plan",
        {"version": version, "fact": "typed, not saved", "then": f"finding:{CLOSURE}"},
    )
    assert (
        saved.status_code == 303
        and saved.headers["location"] == f"/cases/{analysed}/findings/{CLOSURE}/cause"
    )
    assert plan_of(client, analysed)["facts"] == ["typed, not saved"]
    form = client.get(f"/cases/{analysed}/findings/{CLOSURE}/cause?lang=zh").text
    assert "2026-10-12 – 2026-10-20" in form and "（来自您的报表）" in form
    assert 'name="slot_why"' in form and "公共假期" in form and "【无法发货的原因】" in form
    version = str(version_of(client, analysed))
    missing = client.post(f"/cases/{analysed}/findings/{CLOSURE}/cause?lang=zh", {"version": version})
    assert missing.status_code == 400 and "必须填写“无法发货的原因”" in missing.text
    added = client.post(
        f"/cases/{analysed}/findings/{CLOSURE}/cause", {"version": version, "slot_why": "move"}
    )
    assert added.status_code == 303 and added.headers["location"].endswith("/phrases?kind=root_cause#chosen")
    cause = plan_of(client, analysed)["root_causes"][-1]
    assert cause["phrase"] == "order-defect-rate/listings-active-during-closure"
    orders = cause["values"]["orders"]
    assert cause["values"]["why"] == "move" and orders > 0
    assert "evidence" not in cause  # the finding backs it when the letter is drafted, in both languages
    # the step page the seller lands on lists it, in Chinese first, and offers the next step
    step = client.get(f"/cases/{analysed}/phrases?kind=root_cause&lang=zh").text
    assert 'aria-current="step"' in step and "由您的报表证明的原因" in step
    assert "仓库因搬仓无法发货" in step and "下一步：已采取的措施" in step
    actions = client.get(f"/cases/{analysed}/phrases?kind=action_taken&lang=zh").text
    assert "还没有内容" in actions and "由您的报表证明的原因" not in actions
    last = client.get(f"/cases/{analysed}/phrases?kind=preventive_measure&lang=zh").text
    assert "下一步：生成申诉信并查看中文对照" in last and f'action="/cases/{analysed}/drafts"' in last
    client.post(f"/cases/{analysed}/drafts")
    letter = client.get(f"/api/cases/{analysed}/drafts/1").json()
    assert "because of a warehouse move, but our listings stayed active" in letter["letter_text"]
    draft_page = client.get(f"/cases/{analysed}/drafts/1?lang=zh").text
    assert "中英对照" in draft_page and "仓库因搬仓无法发货" in draft_page


def test_an_unknown_finding_is_a_clear_404_or_400(client: Client, analysed: int) -> None:
    response = client.get(f"/cases/{analysed}/findings/no-such-finding/cause?lang=zh")
    assert response.status_code in (400, 404) and "没有这条发现" in response.text


def test_saving_the_plan_keeps_phrase_entries_and_remove_drops_one(client: Client, analysed: int) -> None:
    version = str(version_of(client, analysed))
    client.post(f"/cases/{analysed}/findings/{CLOSURE}/cause", {"version": version, "slot_why": "holiday"})
    page = client.get(f"/cases/{analysed}").text
    values = re.search(r'name="cause_values" value="([^"]+)"', page)
    assert values and "Our warehouse could not ship from 12 to 20 October 2026" in page
    assert "2026年10月12日至20日期间，仓库因公共假期无法发货" in page
    kept = json.loads(values.group(1).replace("&#34;", '"').replace("&quot;", '"'))
    form = {
        "version": str(version_of(client, analysed)),
        "cause_phrase": ["order-defect-rate/listings-active-during-closure", ""],
        "cause_values": [json.dumps(kept), ""],
        "cause_text": ["", "We left the handling time at one day during the move."],
        "cause_evidence": ["the orders placed during the closure", ""],
        "cause_kb": ["", ""],
        "cause_reason": ["", ""],
    }
    assert client.post(f"/cases/{analysed}/plan", form).status_code == 303
    causes = plan_of(client, analysed)["root_causes"]
    assert (
        causes[0]["phrase"] == "order-defect-rate/listings-active-during-closure" and "text" not in causes[0]
    )
    assert causes[0]["values"]["why"] == "holiday" and causes[1]["text"].startswith(
        "We left the handling time"
    )
    form["version"] = str(version_of(client, analysed))
    form["cause_remove"] = ["0"]
    client.post(f"/cases/{analysed}/plan", form)
    assert [c.get("phrase") for c in plan_of(client, analysed)["root_causes"]] == [None]


def test_damaged_phrase_values_are_refused_not_lost(client: Client, analysed: int) -> None:
    form = {
        "version": str(version_of(client, analysed)),
        "cause_phrase": ["order-defect-rate/listings-active-during-closure"],
        "cause_values": ["{not json"],
        "cause_text": [""],
    }
    response = client.post(f"/cases/{analysed}/plan?lang=zh", form)
    assert response.status_code == 400 and "现成句子的内容在提交时损坏了" in response.text


def test_actions_and_measures_come_from_ready_sentences_with_lists_not_english(
    client: Client, analysed: int
) -> None:
    picker = client.get(f"/cases/{analysed}/phrases?kind=action_taken&lang=zh").text
    assert "订单缺陷率（ODR）超过 1%" in picker and "用这个句子" in picker
    action_id = "order-defect-rate/contact-and-refund-affected-buyers"
    assert action_id.replace("/", "%2F") in picker or action_id in picker
    form = client.get(f"/cases/{analysed}/phrases/add?id={action_id}&lang=zh").text
    assert 'name="slot_remedy"' in form and "全额退款" in form and 'name="date"' in form
    version = str(version_of(client, analysed))
    bad = client.post(
        f"/cases/{analysed}/phrases/add?id={action_id}&lang=zh",
        {"version": version, "slot_buyers": "many", "slot_remedy": "refund", "date": "2026-11-03"},
    )
    assert bad.status_code == 400 and "不是整数" in bad.text and 'value="2026-11-03"' in bad.text
    added = client.post(
        f"/cases/{analysed}/phrases/add?id={action_id}",
        {
            "version": version,
            "slot_buyers": "73",
            "slot_remedy": "refund",
            "date": "2026-11-03",
            "done": "yes",
        },
    )
    assert added.status_code == 303
    measure_id = "order-defect-rate/vacation-mode-procedure"
    form = client.get(f"/cases/{analysed}/phrases/add?id={measure_id}&lang=zh").text
    assert 'name="owner"' in form and "运营经理" in form and 'name="frequency"' in form
    added = client.post(
        f"/cases/{analysed}/phrases/add?id={measure_id}",
        {
            "version": str(version_of(client, analysed)),
            "slot_days": "2",
            "owner": "Operations manager",
            "start": "2026-11-05",
            "frequency": "Daily",
        },
    )
    assert added.status_code == 303
    plan = plan_of(client, analysed)
    assert plan["actions_taken"][-1]["phrase"] == action_id and plan["actions_taken"][-1]["done"] is True
    assert plan["preventive_measures"][-1]["owner"] == "Operations manager"
    client.post(f"/cases/{analysed}/drafts")
    draft = client.get(f"/api/cases/{analysed}/drafts/1").json()
    assert "On 3 November 2026 we contacted all 73 buyers with a defective order" in draft["letter_text"]
    page = client.get(f"/cases/{analysed}/drafts/1?lang=zh").text
    assert "负责人：运营经理。" in page and "频率：每天。" in page


def test_an_unknown_sentence_is_refused(client: Client, analysed: int) -> None:
    response = client.get(f"/cases/{analysed}/phrases/add?id=nope&lang=zh")
    assert response.status_code in (400, 404) and "没有找到这个现成的句子" in response.text


def test_the_mirror_exports_as_its_own_word_file(client: Client, analysed: int) -> None:
    version = str(version_of(client, analysed))
    client.post(f"/cases/{analysed}/findings/{CLOSURE}/cause", {"version": version, "slot_why": "move"})
    client.post(f"/cases/{analysed}/drafts")
    assert "export.mirror-zh.docx" in client.get(f"/cases/{analysed}/drafts/1").text
    response = client.get(f"/cases/{analysed}/drafts/1/export.mirror-zh.docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_the_business_name_is_asked_in_english_with_the_chinese_one_beside_it(client: Client) -> None:
    refused = client.post(
        "/cases?lang=zh", {"title": "停用", "seller_name": "深圳市灯路贸易有限公司", "notice_text": ""}
    )
    assert refused.status_code == 400 and "英文或拼音" in refused.text
    made = client.post(
        "/cases",
        {
            "title": "ODR",
            "seller_name": "Lanternway Trading Co., Ltd.",
            "legal_name": "深圳市灯路贸易有限公司",
            "notice_text": "Your order defect rate does not meet our performance target of less than 1%.",
        },
    )
    case_id = int(made.headers["location"].rsplit("/", 1)[1])
    assert plan_of(client, case_id)["seller"]["legal_name"] == "深圳市灯路贸易有限公司"
    client.post(f"/cases/{case_id}/drafts")
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    assert "Lanternway Trading Co., Ltd. (深圳市灯路贸易有限公司)" in letter


def test_a_point_in_chinese_only_is_saved_and_a_changed_number_is_caught(
    client: Client, analysed: int
) -> None:
    form = {
        "version": str(version_of(client, analysed)),
        "cause_text": ["", "Between 12 and 20 October 2026 we shipped 17 orders late."],
        "cause_text_zh": [
            "10月12日到20日仓库放假，listing 没有关闭。",
            "10月12日至20日，我们有 71 个订单迟发。",
        ],
        "cause_evidence": ["", ""],
        "cause_kb": ["", ""],
        "cause_reason": ["", ""],
    }
    assert client.post(f"/cases/{analysed}/plan", form).status_code == 303
    causes = plan_of(client, analysed)["root_causes"]
    assert causes[0] == {"text_zh": "10月12日到20日仓库放假，listing 没有关闭。"}  # kept, not lost
    client.post(f"/cases/{analysed}/drafts")
    page = client.get(f"/cases/{analysed}/drafts/1?lang=zh").text
    assert "这一条只有中文" in page and "英文里是 17" in page and "中文里是 71" in page


def test_free_text_measures_offer_owners_and_frequencies_that_read_in_chinese(
    client: Client, analysed: int
) -> None:
    page = client.get(f"/cases/{analysed}?lang=zh").text
    assert 'list="plan-owners"' in page and '<option value="Operations manager">运营经理</option>' in page
    form = {
        "version": str(version_of(client, analysed)),
        "measure_text": ["Before any closure, our listings are switched to Vacation Mode."],
        "measure_text_zh": ["任何停工之前，开启假期模式。"],
        "measure_owner": ["Operations manager"],
        "measure_start": ["2026-11-05"],
        "measure_frequency": ["Daily"],
    }
    assert client.post(f"/cases/{analysed}/plan", form).status_code == 303
    client.post(f"/cases/{analysed}/drafts")
    assert "负责人：运营经理。" in client.get(f"/cases/{analysed}/drafts/1?lang=zh").text
