"""Writing the plan in Chinese: phrase entries, the Chinese mirror and the fact lock."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reinstate.case import load_case
from reinstate.cli import app
from reinstate.errors import CaseFileError
from reinstate.kb.phrases import CJK
from reinstate.letters import Draft, draft_appeal
from reinstate.letters.factlock import compare, zh_numeral

CASES = Path(__file__).parent / "cases"
POINTS = ("root_causes", "actions_taken", "preventive_measures")

BASE = """
seller:
  name: Lanternway Trading Co., Ltd.
as_of: 2026-11-25
reasons: [order-defect-rate]
"""


def phrase_draft() -> Draft:
    return draft_appeal(load_case(CASES / "phrases-only.yaml"))


def test_a_case_of_phrases_gives_an_english_letter_a_full_mirror_and_a_good_score() -> None:
    draft = phrase_draft()
    assert not CJK.search(draft.text), CJK.search(draft.text)
    mirror = draft.letter.mirror
    points = [m for m in mirror if m["section"] in POINTS]
    assert len(points) == 3 and all(m["zh"] and CJK.search(m["zh"]) for m in points)
    assert all(m["zh"] for m in mirror if m["section"] in {"subject", "opening", "closing", "signature"})
    assert " ".join(m["en"] or "" for m in mirror if m["section"] == "opening") == draft.letter.opening
    assert draft.review is not None and draft.review.score >= 90, draft.review.score
    assert draft.ready, draft.blocking
    cause = points[0]
    assert "12 to 20 October 2026" in (cause["en"] or "") and "2026年10月12日至20日" in (cause["zh"] or "")
    action = points[1]
    assert (action["en"] or "").startswith("On 3 November 2026 we contacted all 73 buyers")
    assert (action["zh"] or "").startswith("2026年11月3日完成：联系全部 73 位")


def test_the_mirror_travels_in_the_draft_json() -> None:
    data = phrase_draft().to_json()
    mirror = data["letter"]["mirror"]
    assert {"section", "en", "zh"} <= set(mirror[0])
    assert Draft.from_json(json.loads(json.dumps(data))).letter.mirror == mirror


def test_free_english_without_chinese_has_no_mirror_line(write_case: Callable[..., Path]) -> None:
    path = write_case(
        BASE
        + """
root_causes:
  - text: Our listings stayed active during an 8-day closure in October 2026.
    evidence: 9 of 12 defective orders were placed during it.
actions_taken:
  - text: Refunded all 12 buyers
    text_zh: 给全部 12 位买家退款
    date: 2026-11-18
"""
    )
    mirror = draft_appeal(load_case(path)).letter.mirror
    assert next(m for m in mirror if m["section"] == "root_causes")["zh"] is None
    assert (
        next(m for m in mirror if m["section"] == "actions_taken")["zh"]
        == "2026年11月18日完成：给全部 12 位买家退款"
    )


def test_a_translation_that_changes_a_number_is_caught_naming_both(write_case: Callable[..., Path]) -> None:
    path = write_case(
        BASE
        + """
root_causes:
  - text: Between 12 and 20 October 2026 our warehouse was closed, and 17 of the 73 defective orders were placed then.
    text_zh: 2026年10月12日至20日仓库放假，73 个缺陷订单里 71 个是这几天下的单。
"""
    )
    draft = draft_appeal(load_case(path))
    found = [x for x in draft.warnings if x.code == "fact-mismatch"]
    assert len(found) == 1 and found[0].key == "root_causes[0]"
    assert "17" in found[0].message and "71" in found[0].message and "71" in found[0].message_zh
    assert "fact-mismatch" in {b.code for b in draft.blocking}


def test_a_faithful_translation_passes_the_fact_lock() -> None:
    assert (
        compare(
            "Between 12 and 20 October 2026 our warehouse was closed, and 71 of the 73 defective orders were placed then.",
            "2026年10月12日至20日仓库放假，73个缺陷订单里71个是这几天下的单。",
        )
        is None
    )
    assert (
        compare(
            "We refunded two buyers $45.50 for ASIN B0C1234567.",
            "给两位买家退款 45.50 美元，ASIN B0C1234567。",
        )
        is None
    )


@pytest.mark.parametrize(
    ("en", "zh", "only_en", "only_zh"),
    [
        (
            "We shipped 17 orders on 13 November.",
            "11月3日发出了 71 个订单。",
            ["17", "November 13"],
            ["71", "11月3日"],
        ),
        ("We retrained three packers.", "对七十三名打包员进行再培训。", ["3"], ["73"]),
        ("Our supplier shipped the wrong colour.", "供应商 Foshan Ltd 发错了颜色。", [], ["Foshan", "Ltd"]),
        ("ASIN B0C1234567 was corrected.", "更正了 ASIN B0C7654321。", ["B0C1234567"], ["B0C7654321"]),
    ],
)
def test_the_fact_lock_names_what_differs(en: str, zh: str, only_en: list[str], only_zh: list[str]) -> None:
    mismatch = compare(en, zh)
    assert mismatch is not None
    assert mismatch.only_en == only_en and sorted(mismatch.only_zh) == sorted(only_zh)


def test_chinese_numerals() -> None:
    assert [zh_numeral(t) for t in ("七十三", "十二", "两", "一百零五", "三百")] == [73, 12, 2, 105, 300]


def test_chinese_in_text_offers_the_phrase_bank(write_case: Callable[..., Path]) -> None:
    path = write_case(BASE + "root_causes:\n  - text: 10月12日到10月20日仓库放假，listing没有关闭。\n")
    draft = draft_appeal(load_case(path))
    warning = next(x for x in draft.warnings if x.code == "not-english")
    assert "phrase" in warning.message and "text_zh" in warning.message and "现成的句子" in warning.message_zh
    assert not draft.ready


@pytest.mark.parametrize(
    ("entry", "line", "says"),
    [
        ("  - phrase: no-such-phrase\n", 6, "no phrase 'no-such-phrase'"),
        (
            "  - phrase: order-defect-rate/contact-and-refund-affected-buyers\n    values: {buyers: 3, remedy: refund}\n",
            6,
            "action phrase",
        ),
        (
            "  - phrase: order-defect-rate/listings-active-during-closure\n    values:\n      why: holiday\n"
            "      orders: 3\n",
            7,
            "'closed'",
        ),
        (
            "  - phrase: order-defect-rate/listings-active-during-closure\n    values:\n"
            "      closed: {from: 2026-10-12, to: 2026-10-20}\n      why: holiday\n      orders: many\n",
            10,
            "whole number",
        ),
        (
            "  - phrase: order-defect-rate/listings-active-during-closure\n    values:\n"
            "      closed: {from: 2026-10-12, to: 2026-10-20}\n      why: party\n      orders: 3\n",
            9,
            "not one of: holiday",
        ),
        (
            "  - phrase: order-defect-rate/late-or-lost-deliveries\n    values:\n      orders: 3\n"
            "      carrier: 顺丰\n      tracked: untracked\n",
            9,
            "pinyin",
        ),
        (
            "  - phrase: order-defect-rate/late-or-lost-deliveries\n    text: We shipped late.\n",
            7,
            "either `phrase` or `text`",
        ),
    ],
)
def test_wrong_phrase_entries_name_the_line_the_slot_and_the_fix(
    write_case: Callable[..., Path], entry: str, line: int, says: str
) -> None:
    path = write_case(BASE + "root_causes:\n" + entry)
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    error = caught.value
    assert says in error.message and error.line == line and error.fix, (error.message, error.line)
    assert error.key and error.key.startswith("root_causes[0]")


def test_phrases_command_lists_the_bank_as_json() -> None:
    result = CliRunner().invoke(
        app, ["phrases", "order-defect-rate", "--kind", "root_cause", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    phrases = json.loads(result.stdout)
    assert phrases and all(p["reason"] == "order-defect-rate" and p["kind"] == "root_cause" for p in phrases)
    first = phrases[0]
    assert {"id", "reason", "kb", "kind", "slots", "en", "zh"} <= set(first)
    assert {"name", "type", "label_en", "label_zh", "required", "example"} <= set(first["slots"][0])


def test_phrases_command_in_chinese_shows_the_example_in_both_languages() -> None:
    result = CliRunner().invoke(app, ["phrases", "order-defect-rate", "--lang", "zh"])
    assert result.exit_code == 0
    assert "例句（英文）：" in result.stdout and "例句（中文）：" in result.stdout


def test_phrases_command_refuses_an_unknown_reason() -> None:
    result = CliRunner().invoke(app, ["phrases", "no-such-reason"])
    assert result.exit_code == 2 and "unknown reason id" in result.output


# --- findings become causes -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reinstate.sampledata import write_sample_data

    folder = tmp_path_factory.mktemp("reports")
    write_sample_data(folder)
    return folder


def test_a_finding_carries_its_phrase_filled_from_the_data(sample_reports: Path) -> None:
    from reinstate.diagnose import analyze

    findings = analyze([sample_reports]).to_json()["findings"]
    closure = next(f for f in findings if f["kb_cause"] == "order-defect-rate/listings-active-during-closure")
    phrase = closure["phrase"]
    assert phrase["id"] == "order-defect-rate/listings-active-during-closure"
    assert phrase["values"]["closed"] == {"from": "2026-10-12", "to": "2026-10-20"}
    assert phrase["values"]["orders"] == closure["count"] and phrase["values"]["total"] == closure["total"]
    assert phrase["missing"] == ["why"]  # only the seller knows why nobody shipped
    assert all(f["phrase"] is None for f in findings if not f["kb_cause"])


def test_init_with_reports_writes_the_findings_as_phrase_entries(sample_reports: Path) -> None:
    path = sample_reports.parent / f"{sample_reports.name}-case.yaml"
    result = CliRunner().invoke(app, ["init", str(path), "--reports", str(sample_reports), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "# - phrase: order-defect-rate/listings-active-during-closure" in text
    assert "why:    # 无法发货的原因: holiday (公共假期)" in text
    assert f"reports: {sample_reports.name}" in text
    load_case(path)  # the starter loads as it is
    filled = text.replace(
        "  # - phrase: order-defect-rate/listings-active-during-closure",
        "  - phrase: order-defect-rate/listings-active-during-closure",
    )
    lines = filled.split("\n")
    start = next(
        i
        for i, line in enumerate(lines)
        if line == "  - phrase: order-defect-rate/listings-active-during-closure"
    )
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("  #   "))
    for i in range(start + 1, end):
        lines[i] = "  " + lines[i][4:]
        if lines[i].strip().startswith("why:"):
            lines[i] = "      why: move"
    path.write_text("\n".join(lines), encoding="utf-8")
    draft = draft_appeal(load_case(path))
    assert "because of a warehouse move, but our listings stayed active" in draft.text
    assert "Our Seller Central data shows this:" in draft.text  # the finding backs the cause
    cause = next(m for m in draft.letter.mirror if m["section"] == "root_causes")
    assert "我们的卖家平台数据可以证明：" in (cause["zh"] or "")


def test_several_reasons_open_without_a_stray_article(write_case: Callable[..., Path]) -> None:
    for name in ("Alder Ltd", "Birch LLC", "Cedar Inc", "Damson Co", "Elm GmbH", "Fir Ltd"):
        path = write_case(
            f"""
seller:
  name: {name}
as_of: 2026-11-25
reasons: [valid-tracking-rate, order-defect-rate, high-return-rate]
root_causes:
  - reason: order-defect-rate
    text: Our listings stayed active during an 8-day closure in October 2026.
"""
        )
        text = draft_appeal(load_case(path)).text
        assert "The a " not in text and "The an " not in text
        assert "Below are the root cause " not in text


def test_init_with_reports_outside_the_case_folder_says_so(sample_reports: Path, tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    result = CliRunner().invoke(app, ["init", str(path), "--reports", str(sample_reports)])
    assert result.exit_code == 0 and "lies outside the folder" in result.output
    assert "reports:" not in path.read_text(encoding="utf-8").split("root_causes")[0]
    load_case(path)


def test_draft_mirror_writes_a_separate_word_file_for_the_seller(tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "appeal.docx"
    case = CASES / "phrases-only.yaml"
    result = CliRunner().invoke(app, ["draft", str(case), "-o", str(out), "--mirror"])
    assert result.exit_code == 0, result.output
    mirror = tmp_path / "appeal.mirror-zh.docx"
    letter_xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    mirror_xml = zipfile.ZipFile(mirror).read("word/document.xml").decode("utf-8")
    assert not CJK.search(letter_xml)  # the letter Amazon gets holds no Chinese
    assert (
        "中英对照" in mirror_xml and "仓库因公共假期无法发货" in mirror_xml and "Our warehouse" in mirror_xml
    )
    again = CliRunner().invoke(app, ["draft", str(case), "-o", str(out), "--mirror"])
    assert again.exit_code == 0, again.output  # an earlier mirror may be replaced


def test_mirror_needs_a_word_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["draft", str(CASES / "phrases-only.yaml"), "--mirror"])
    assert result.exit_code == 2 and "-o appeal.docx" in result.output


def test_the_chinese_registered_name_follows_the_english_one_in_the_signature(
    write_case: Callable[..., Path],
) -> None:
    text = (CASES / "phrases-only.yaml").read_text(encoding="utf-8")
    path = write_case(
        text.replace(
            "  name: Lanternway Trading Co., Ltd.\n",
            "  name: Lanternway Trading Co., Ltd.\n  legal_name: 深圳市灯路贸易有限公司\n",
        )
    )
    draft = draft_appeal(load_case(path))
    assert "Lanternway Trading Co., Ltd. (深圳市灯路贸易有限公司)" in draft.text
    assert draft.ready, draft.blocking
    assert draft.review is not None and not [f for f in draft.review.findings if f.code == "POA521"]


def test_a_chinese_seller_name_asks_for_the_english_or_pinyin_one(write_case: Callable[..., Path]) -> None:
    text = (CASES / "phrases-only.yaml").read_text(encoding="utf-8")
    path = write_case(
        text.replace("  name: Lanternway Trading Co., Ltd.\n", "  name: 深圳市灯路贸易有限公司\n")
    )
    draft = draft_appeal(load_case(path))
    found = [x for x in draft.warnings if x.key == "seller.name"]
    assert found and "pinyin" in found[0].message and "legal_name" in found[0].message
    assert "拼音" in (found[0].seller_zh or "") and not draft.ready


def test_a_point_given_only_in_chinese_is_kept_and_asks_for_its_english(
    write_case: Callable[..., Path],
) -> None:
    path = write_case(BASE + "root_causes:\n  - text_zh: 10月12日到20日仓库放假，listing 没有关闭。\n")
    loaded = load_case(path)  # saved, not refused: nothing she wrote is lost
    assert loaded.case.root_causes[0].text_zh
    draft = draft_appeal(loaded)
    assert not CJK.search(draft.text) and "english-missing" in {b.code for b in draft.blocking}
