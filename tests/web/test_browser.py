"""End to end in a real browser: Debian's Chromium driven by Playwright through the whole flow.

Runs the app with uvicorn on a free loopback port, walks a seller from the notice to a recorded
reply in English and Chinese, and saves a screenshot of each step into docs/screenshots/. Skipped
with a clear reason when /usr/bin/chromium is missing (`.ci/run` installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reinstate.sampledata import write_sample_data
from reinstate.web import Settings

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
SAMPLES = Path(__file__).parents[2] / "src" / "reinstate" / "samples"
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (see .ci/run)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The app with these settings under uvicorn on a free loopback port, for as long as the block runs."""
    import uvicorn

    from reinstate.web import create_app

    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(), log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'cases.db'}", secret_key="browser-test", background_analysis=False
    )
    with serving(settings) as url:
        yield url


@pytest.fixture
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
        yield context.new_page()
        browser.close()


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_whole_flow_in_english_and_chinese(page: object, tmp_path: Path) -> None:
    p = page  # the Playwright page
    notice = (SAMPLES / "wrong-condition-upload" / "notice.txt").read_text(encoding="utf-8")
    p.goto("/")  # type: ignore[attr-defined]
    assert "No cases yet" in p.content()  # type: ignore[attr-defined]
    shot(p, "01-cases-empty")
    p.click("text=New case")  # type: ignore[attr-defined]
    p.fill("input[name=title]", "Used sold as new, November")  # type: ignore[attr-defined]
    p.fill("input[name=seller_name]", "Quayside Media Resale LLC")  # type: ignore[attr-defined]
    p.fill("textarea[name=notice_text]", notice)  # type: ignore[attr-defined]
    shot(p, "02-new-case")
    p.click("button:has-text('Create case')")  # type: ignore[attr-defined]
    p.wait_for_selector("#notice")  # type: ignore[attr-defined]
    assert "B0C4QZ7M21" in p.content()  # type: ignore[attr-defined]
    shot(p, "03-case-notice-checklist")
    downloads = write_sample_data(tmp_path / "downloads", orders=1500)
    chosen = [
        str(path) for path in downloads if path.name.startswith(("All-Orders", "Seller-Feedback", "claims"))
    ]
    p.set_input_files("input[name=file]", chosen)  # type: ignore[attr-defined]  # three files at once
    p.click("#reports button:has-text('Upload')")  # type: ignore[attr-defined]
    p.wait_for_selector("#metrics")  # type: ignore[attr-defined]
    assert "Order defect rate" in p.inner_text("#metrics")  # type: ignore[attr-defined]
    p.locator("#reports").screenshot(path=str(SHOTS / "03b-reports-metrics-findings.png"))  # type: ignore[attr-defined]

    p.fill("textarea[name=cause_text]", "Our upload template set 46 used SKUs to New, including B0C4QZ7M21.")  # type: ignore[attr-defined]
    p.fill(
        "input[name=cause_evidence]",
        "All 9 complaints came from orders placed between 2026-10-06 and 2026-11-02.",
    )  # type: ignore[attr-defined]
    p.fill("textarea[name=action_text]", "Corrected the condition of all 46 SKUs")  # type: ignore[attr-defined]
    p.fill("input[name=action_date]", "2026-11-04")  # type: ignore[attr-defined]
    p.fill("input[name=action_evidence]", "inventory file processing report")  # type: ignore[attr-defined]
    p.click("text=+ Add an action")  # type: ignore[attr-defined]
    p.locator("textarea[name=action_text]").nth(1).fill("Refunded the 9 buyers who complained")  # type: ignore[attr-defined]
    p.locator("input[name=action_date]").nth(1).fill("2026-11-07")  # type: ignore[attr-defined]
    p.fill(
        "textarea[name=measure_text]", "A second person checks every bulk upload against the grading notes."
    )  # type: ignore[attr-defined]
    p.fill("input[name=measure_owner]", "Listing lead")  # type: ignore[attr-defined]
    p.fill("input[name=measure_start]", "2026-11-08")  # type: ignore[attr-defined]
    p.fill("input[name=measure_frequency]", "every bulk upload")  # type: ignore[attr-defined]
    shot(p, "04-plan")
    p.click("#plan-save")  # type: ignore[attr-defined]
    p.click("button:has-text('Draft the appeal')")  # type: ignore[attr-defined]
    p.wait_for_selector("#letter")  # type: ignore[attr-defined]
    letter = p.input_value("#review-text")  # type: ignore[attr-defined]
    assert "On 7 November 2026 we refunded the 9 buyers who complained." in letter
    shot(p, "05-draft-with-review")
    p.fill("#review-text", letter + "\nThe customer was lying about the condition.")  # type: ignore[attr-defined]
    p.wait_for_selector("#review-result code:has-text('POA501')")  # type: ignore[attr-defined]
    shot(p, "05b-draft-edited-live-review")
    with p.expect_download() as download:  # type: ignore[attr-defined]
        p.click("text=Word (.docx)")  # type: ignore[attr-defined]
    assert download.value.suggested_filename.endswith(".docx")
    from docx import Document

    # the export is the text on screen: the edit was saved as a new version first
    exported = Document(download.value.path())
    assert "The customer was lying about the condition." in "\n".join(par.text for par in exported.paragraphs)

    p.goto("/review")  # type: ignore[attr-defined]
    p.fill("#review-text", "Root cause:\nThe customer was lying about the condition.\n")  # type: ignore[attr-defined]
    p.wait_for_selector("#review-result code:has-text('POA501')")  # type: ignore[attr-defined]
    shot(p, "06-review-editor-live")
    p.evaluate(  # type: ignore[attr-defined]
        "() => { const e = document.getElementById('review-text'); e.value = 'x'.repeat(200001);"
        " e.dispatchEvent(new Event('input')); }"
    )
    p.wait_for_selector("#review-result .note:has-text('longer than 200,000 characters')")  # type: ignore[attr-defined]

    p.goto("/?lang=zh")  # type: ignore[attr-defined]
    assert "新建申诉" in p.content()  # type: ignore[attr-defined]
    p.click("text=Used sold as new, November")  # type: ignore[attr-defined]
    assert "亚马逊处理的是什么问题" in p.content()  # type: ignore[attr-defined]
    p.fill("input[name=submitted_on]", "2026-11-10")  # type: ignore[attr-defined]
    p.click("#history form >> nth=0 >> button")  # type: ignore[attr-defined]
    p.fill("input[name=received_on]", "2026-11-12")  # type: ignore[attr-defined]
    p.fill("#history textarea[name=text]", "Your listings have been reinstated.")  # type: ignore[attr-defined]
    p.select_option("select[name=outcome]", "accepted")  # type: ignore[attr-defined]
    p.click("#history form >> nth=1 >> button")  # type: ignore[attr-defined]
    assert "已恢复" in p.content()  # type: ignore[attr-defined]
    shot(p, "07-case-zh-reinstated")


CHINESE_NOTICE = """您好，

我们停用了您的卖家账户，因为您的订单缺陷率（ODR）超过了我们 1% 的绩效目标。订单缺陷率是指在 60 天内
收到负面反馈、亚马逊商城交易保障索赔或信用卡拒付的订单所占的百分比。

如需恢复销售权限，请在 17 天内通过“账户状况”页面提交行动计划，说明问题的根本原因、您已采取的措施以及
防止问题再次发生的措施。
"""


def test_a_chinese_seller_writes_an_english_letter_without_typing_english(
    page: object, tmp_path: Path
) -> None:
    """From a Chinese notice and her downloads to an exported English letter: she picks, chooses and
    types only numbers and dates; a finding becomes her root cause; she reads every point in Chinese."""
    import re

    p = page
    p.goto("/cases/new?lang=zh")  # type: ignore[attr-defined]
    p.fill("input[name=title]", "订单缺陷率停用 11月")  # type: ignore[attr-defined]
    p.fill("input[name=seller_name]", "Lanternway Trading Co., Ltd.")  # type: ignore[attr-defined]
    p.fill("textarea[name=notice_text]", CHINESE_NOTICE)  # type: ignore[attr-defined]
    p.click("button:has-text('创建申诉')")  # type: ignore[attr-defined]
    p.wait_for_selector("#notice")  # type: ignore[attr-defined]
    for path in write_sample_data(tmp_path / "downloads", orders=1500):
        if path.name.startswith(("All-Orders", "Seller-Feedback", "claims")):
            p.set_input_files("input[name=file]", str(path))  # type: ignore[attr-defined]
            p.click("#reports button:has-text('上传')")  # type: ignore[attr-defined]
            p.wait_for_selector(f"#reports .report-name:has-text('{path.name}')")  # type: ignore[attr-defined]
    p.click("#reports button:has-text('用作根本原因') >> nth=0")  # type: ignore[attr-defined]
    p.wait_for_selector("select[name=slot_why]")  # type: ignore[attr-defined]
    p.select_option("select[name=slot_why]", "holiday")  # type: ignore[attr-defined]
    shot(p, "08-zh-finding-as-root-cause")
    p.click("button:has-text('加入我的行动计划')")  # type: ignore[attr-defined]

    # The guided flow, with the keyboard only from here: Tab to a control, Enter or Space to use it.
    def press(locator: object, key: str = "Enter") -> None:
        locator.focus()  # type: ignore[attr-defined]
        p.keyboard.press(key)  # type: ignore[attr-defined]

    p.wait_for_selector("#chosen li")  # type: ignore[attr-defined]  # back on the causes step, which lists it
    assert "仓库因公共假期无法发货" in p.inner_text("#chosen")  # type: ignore[attr-defined]
    press(p.get_by_role("link", name="下一步：已采取的措施"))  # type: ignore[attr-defined]
    p.wait_for_selector("li[aria-current=step]:has-text('已采取的措施')")  # type: ignore[attr-defined]
    press(p.locator("details:has(a[href*='contact-and-refund-affected-buyers']) summary").first)  # type: ignore[attr-defined]
    press(p.locator("a[href*='contact-and-refund-affected-buyers']").first)  # type: ignore[attr-defined]
    p.wait_for_selector("input[name=slot_buyers]")  # type: ignore[attr-defined]
    p.locator("input[name=slot_buyers]").focus()  # type: ignore[attr-defined]
    p.keyboard.type("56")  # type: ignore[attr-defined]
    p.select_option("select[name=slot_remedy]", "refund")  # type: ignore[attr-defined]
    p.fill("input[name=date]", "2026-11-03")  # type: ignore[attr-defined]
    shot(p, "09-zh-action-from-ready-sentence")
    press(p.locator("button:has-text('加入我的行动计划')"))  # type: ignore[attr-defined]
    p.wait_for_selector("#chosen li")  # type: ignore[attr-defined]
    press(p.get_by_role("link", name="下一步：预防措施"))  # type: ignore[attr-defined]
    p.wait_for_selector("li[aria-current=step]:has-text('预防措施')")  # type: ignore[attr-defined]
    press(p.locator("details:has(a[href*='vacation-mode-procedure']) summary").first)  # type: ignore[attr-defined]
    press(p.locator("a[href*='vacation-mode-procedure']").first)  # type: ignore[attr-defined]
    p.wait_for_selector("input[name=slot_days]")  # type: ignore[attr-defined]
    p.fill("input[name=slot_days]", "2")  # type: ignore[attr-defined]
    p.fill("input[name=start]", "2026-11-05")  # type: ignore[attr-defined]
    press(p.locator("button:has-text('加入我的行动计划')"))  # type: ignore[attr-defined]
    p.wait_for_selector("#chosen li")  # type: ignore[attr-defined]
    p.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 390, f"the guided step is {width} px wide on a 390 px phone"
    shot(p, "09b-zh-guided-step-390px")
    p.set_viewport_size({"width": 1280, "height": 900})  # type: ignore[attr-defined]
    press(p.get_by_role("link", name="返回申诉页面"))  # type: ignore[attr-defined]
    p.wait_for_selector("#plan .phrase-view")  # type: ignore[attr-defined]
    p.locator("#plan").screenshot(path=str(SHOTS / "10-zh-plan-from-ready-sentences.png"))  # type: ignore[attr-defined]
    p.click("button.add-row[data-for=cause]")  # type: ignore[attr-defined]
    p.locator("textarea[name=cause_text]").last.fill("仓库放假期间没有开启假期模式")  # type: ignore[attr-defined]
    p.wait_for_selector(".not-english:has-text('中文原文')")  # type: ignore[attr-defined]
    p.locator("textarea[name=cause_text]").last.fill("")  # type: ignore[attr-defined]

    p.click("button:has-text('生成申诉信')")  # type: ignore[attr-defined]
    p.wait_for_selector("#mirror")  # type: ignore[attr-defined]
    letter = p.input_value("#review-text")  # type: ignore[attr-defined]
    assert not re.search(r"[\u3400-\u9fff]", letter), letter
    assert (
        "because of a public holiday" in letter and "On 3 November 2026 we contacted all 56 buyers" in letter
    )
    mirror = p.inner_text("#mirror")  # type: ignore[attr-defined]
    assert "中英对照" in mirror and "仓库因公共假期无法发货" in mirror and "负责人：运营经理" in mirror
    p.locator("#mirror").screenshot(path=str(SHOTS / "11-zh-draft-mirror.png"))  # type: ignore[attr-defined]
    p.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 390, f"the draft page is {width} px wide on a 390 px phone"
    p.locator("#mirror").screenshot(path=str(SHOTS / "11b-zh-draft-mirror-390px.png"))  # type: ignore[attr-defined]
    with p.expect_download() as download:  # type: ignore[attr-defined]
        p.click("a[href$='export.docx']")  # type: ignore[attr-defined]
    assert download.value.suggested_filename.endswith(".docx")


@pytest.fixture
def multi_user_server(tmp_path: Path) -> Iterator[str]:
    """The app with accounts on (``--multi-user``), as a shop's team uses it, on a loopback port of its own."""
    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'team.db'}", secret_key="browser-test", background_analysis=False,
        multi_user=True,
    )  # fmt: skip
    with serving(settings) as url:
        yield url


def test_an_owner_shares_a_case_with_a_colleague_and_stops_sharing_it(
    page: object, multi_user_server: str
) -> None:
    """Two browsers, two accounts: the owner (in Chinese) shares her case by her colleague's sign-in
    e-mail, the colleague (in English) opens it, the owner stops sharing and the colleague is told so."""
    browser = page.context.browser  # type: ignore[attr-defined]
    owner = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=multi_user_server
    ).new_page()
    colleague = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=multi_user_server
    ).new_page()

    owner.goto("/setup?lang=zh")
    owner.fill("input[name=email]", "li.consultant@example.com")
    owner.fill("input[name=password]", "admin-password-1")
    owner.click("form button.button")
    owner.click("nav a[href='/users']")  # the administrator's accounts page is in her menu
    assert "账号管理" in owner.inner_text("h1")
    owner.fill("input[name=email]", "chen.ops@example.com")
    owner.fill("input[name=password]", "colleague-password-1")
    owner.click("form button.button")
    owner.wait_for_selector("#accounts:has-text('chen.ops@example.com')")

    notice = (SAMPLES / "wrong-condition-upload" / "notice.txt").read_text(encoding="utf-8")
    owner.goto("/cases/new")
    owner.fill("input[name=title]", "Used sold as new, November")
    owner.fill("input[name=seller_name]", "Quayside Media Resale LLC")
    owner.fill("textarea[name=notice_text]", notice)
    owner.click("button:has-text('创建申诉')")
    owner.wait_for_selector("#sharing")
    case_url = owner.url.split("#")[0].removeprefix(multi_user_server)
    assert "只有您能看到这个申诉。" in owner.inner_text("#access-line")

    owner.fill("#sharing input[name=email]", "chen@example.com")  # a typo: no such account
    owner.click("#sharing button:has-text('共享')")
    assert "没有用 chen@example.com 登录的账号" in owner.inner_text("#share-error")
    owner.fill("#sharing input[name=email]", "chen.ops@example.com")
    owner.click("#sharing button:has-text('共享')")
    owner.wait_for_selector("#sharing li:has-text('chen.ops@example.com')")
    assert "已共享给 chen.ops@example.com。" in owner.inner_text("#access-line")
    owner.locator("#sharing").screenshot(path=str(SHOTS / "13-sharing.png"))

    colleague.goto("/login?lang=en")
    colleague.fill("input[name=email]", "chen.ops@example.com")
    colleague.fill("input[name=password]", "colleague-password-1")
    colleague.click("button:has-text('Sign in')")
    assert colleague.locator("nav a[href='/users']").count() == 0  # not an administrator
    colleague.click("text=Used sold as new, November")
    assert "Shared with you by li.consultant@example.com." in colleague.inner_text("#access-line")
    assert colleague.locator("#sharing form").count() == 0  # only the owner shares
    assert "Only its owner can share this case" in colleague.inner_text("#sharing")

    owner.click("#sharing button:has-text('取消共享')")
    owner.wait_for_selector("#access-line:has-text('只有您能看到这个申诉。')")
    assert owner.locator("#sharing li:has-text('chen.ops@example.com')").count() == 0

    colleague.goto(case_url)
    assert "ask its owner to share it with you" in colleague.inner_text("main")
    colleague.goto("/")
    assert "Used sold as new, November" not in colleague.inner_text("main")


def test_a_consultant_finds_a_case_among_twenty_clients(page: object, tmp_path: Path) -> None:
    """Twenty cases of ten clients: search by ASIN, sort by score, the countdown in the browser's own
    time zone, and the Chinese list on a 390 px phone as cards that never scroll sideways."""
    import datetime as dt
    from typing import Any
    from zoneinfo import ZoneInfo

    from reinstate.store import open_store
    from tests.web.test_case_list import seed

    store = open_store(f"sqlite:///{tmp_path / 'cases.db'}")  # the database the `server` fixture serves
    try:
        ids = seed(store, store.local_user())
    finally:
        store.close()
    p: Any = page  # the Playwright page
    p.goto("/?lang=zh")
    assert p.locator("#case-list tbody tr").count() == 20
    assert "共 20 个申诉" in p.inner_text("#case-count")
    first = p.locator("#case-list tbody tr").first
    assert "Late shipments, spring" in first.inner_text() and "已逾期" in first.inner_text()  # by deadline
    row = p.locator(f"tr[data-case-id='{ids['LSR and cancellations']}']")
    assert "迟发率（LSR）超过 4%" in row.inner_text() and "late-shipment-rate" not in row.inner_text()
    shot(p, "12-case-list-zh")

    # Keyboard: the labelled search box, then each filter in order; Enter searches.
    p.get_by_label("搜索", exact=True).focus()
    p.keyboard.press("Tab")
    assert p.evaluate("() => document.activeElement.id") == "case-status"
    p.get_by_label("搜索", exact=True).fill("b0quay0004")
    p.get_by_label("搜索", exact=True).press("Enter")
    p.wait_for_url("**/?q=b0quay0004*")
    assert p.locator("#case-list tbody tr").count() == 1
    assert "Used sold as new" in p.inner_text("#case-list") and "被驳回" in p.inner_text("#case-list")
    assert "score-good" not in (p.locator("#case-list tbody tr").first.inner_html())  # rejected: never green

    p.click("a:has-text('清除搜索和筛选条件')")
    p.get_by_label("排序方式").select_option("score")
    p.get_by_label("原因", exact=True).select_option("order-defect-rate")
    p.click("button:has-text('筛选')")
    p.wait_for_url("**sort=score*")
    titles = p.locator("#case-list tbody tr td.c-title").all_inner_texts()
    assert titles == ["ODR November", "深圳 ODR 停用", "ODR December", "ODR spike"], titles

    # The countdown is the same on the list and the case page, counted in the browser's time zone.
    p.goto("/?lang=zh")
    in_list = p.inner_text(f"tr[data-case-id='{ids['Cancellations']}'] .countdown")
    p.goto(f"/cases/{ids['Cancellations']}")
    assert p.inner_text("#deadline .countdown") == in_list == "还剩 2 天"
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC-11: often different days
        context = p.context.browser.new_context(base_url=p.url.split("/cases")[0], timezone_id=zone)
        other = context.new_page()
        other.goto("/?lang=en")
        deadline = dt.date.today() + dt.timedelta(days=9)  # "LSR October"
        days = (deadline - dt.datetime.now(ZoneInfo(zone)).date()).days
        shown = other.inner_text(f"tr[data-case-id='{ids['LSR October']}'] .countdown")
        assert shown == f"{days} days left", (zone, shown)
        context.close()

    p.set_viewport_size({"width": 390, "height": 844})
    p.goto("/?lang=zh")
    width = p.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the case list is {width} px wide on a 390 px phone"
    assert p.locator("#case-list thead").is_hidden()
    display = p.evaluate("() => getComputedStyle(document.querySelector('#case-list tbody tr')).display")
    assert display == "grid"  # a card
    badge = p.locator(f"tr[data-case-id='{ids['Used sold as new']}'] .status").bounding_box()
    assert badge["height"] < 40 and badge["width"] > badge["height"], badge  # 被驳回 on one line
    # the form and the first cards (the whole list of twenty cards is over 6,000 px tall)
    top = {"x": 0, "y": 0, "width": 390, "height": 1600}
    p.screenshot(path=str(SHOTS / "12b-case-list-390px.png"), full_page=True, clip=top)


@pytest.fixture
def background_server(tmp_path: Path) -> Iterator[str]:
    """The app as `reinstate serve` runs it: uploads are analysed by a background process."""
    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'bg.db'}", secret_key="browser-test", background_analysis=True
    )
    with serving(settings) as url:
        yield url


def new_case(p: object, title: str, notice: str, lang: str = "en") -> None:
    p.goto(f"/cases/new?lang={lang}")  # type: ignore[attr-defined]
    p.fill("input[name=title]", title)  # type: ignore[attr-defined]
    p.fill("input[name=seller_name]", "Lanternway Trading Co., Ltd.")  # type: ignore[attr-defined]
    p.fill("textarea[name=notice_text]", notice)  # type: ignore[attr-defined]
    p.click("form[action='/cases'] button")  # type: ignore[attr-defined]
    p.wait_for_selector("#notice")  # type: ignore[attr-defined]


def test_three_downloads_at_once_and_the_page_updates_itself(background_server: str, tmp_path: Path) -> None:
    """Three files chosen together go up with a progress bar each; the background analysis ends and the
    metrics appear without a reload, while what the seller typed in the plan stays on screen."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        p = browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=background_server
        ).new_page()
        new_case(p, "ODR, three downloads", CHINESE_NOTICE)
        assert p.is_visible("#download-guide ol")  # which downloads to get, before the first upload
        assert "All Orders report" in p.inner_text("#download-guide")
        p.fill("textarea[name=cause_text]", "Our warehouse closed for nine days.")
        p.evaluate("() => { window.stillHere = true; }")
        downloads = write_sample_data(tmp_path / "downloads", orders=1500)
        chosen = [str(d) for d in downloads if d.name.startswith(("All-Orders", "Seller-Feedback", "claims"))]
        assert len(chosen) == 3
        p.set_input_files("input[name=file]", chosen)
        p.click("#reports button:has-text('Upload')")
        p.wait_for_selector("#upload-progress li")
        # the section is redrawn when the uploads end: an element screenshot could catch it mid-swap, so
        # scroll to the progress list in one step and take the viewport
        p.evaluate("() => document.getElementById('upload-progress')?.scrollIntoView({block: 'center'})")
        p.screenshot(path=str(SHOTS / "03c-three-uploads-progress.png"))
        p.wait_for_selector("#metrics", timeout=120_000)  # drawn by the page itself when the analysis ends
        assert p.evaluate("() => window.stillHere === true"), "the page reloaded"
        assert p.input_value("textarea[name=cause_text]") == "Our warehouse closed for nine days."
        assert p.locator("#reports .report-list li").count() == 3
        assert "UTC" not in p.inner_text("#reports .report-list")  # times in the browser's own zone
        p.locator("#reports").screenshot(path=str(SHOTS / "03d-uploads-analysed-in-place.png"))
        browser.close()


def test_the_plan_saves_itself_and_a_reload_keeps_it_on_a_phone_in_chinese(page: object) -> None:
    p = page
    p.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    new_case(p, "自动保存", CHINESE_NOTICE, lang="zh")
    p.fill("textarea[name=cause_text]", "Our warehouse closed from 12 to 20 October 2026.")  # type: ignore[attr-defined]
    p.fill("input[name=cause_evidence]", "71 of 73 defective orders were placed in those days.")  # type: ignore[attr-defined]
    p.click("button.add-row[data-for=fact]")  # type: ignore[attr-defined]
    p.locator("input[name=fact]").last.fill("a fact typed by mistake")  # type: ignore[attr-defined]
    p.wait_for_selector("#plan-state.saved")  # type: ignore[attr-defined]
    assert "已于" in p.inner_text("#plan-state")  # type: ignore[attr-defined]
    p.locator("input[name=fact]").last.press("Enter")  # type: ignore[attr-defined]  # Enter saves, nothing else
    p.wait_for_selector("#plan")  # type: ignore[attr-defined]
    assert "/phrases" not in p.url and "/drafts/" not in p.url  # type: ignore[attr-defined]
    p.locator("#plan .row.single:has(input[name=fact]) .remove-row").last.click()  # type: ignore[attr-defined]
    p.wait_for_selector("#plan-state.saved")  # type: ignore[attr-defined]
    p.reload()  # type: ignore[attr-defined]
    assert p.input_value("textarea[name=cause_text]") == "Our warehouse closed from 12 to 20 October 2026."  # type: ignore[attr-defined]
    facts = p.locator("input[name=fact]").evaluate_all("(fields) => fields.map((f) => f.value)")  # type: ignore[attr-defined]
    assert "a fact typed by mistake" not in facts
    width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 390, f"the case page is {width} px wide on a 390 px phone"
    p.locator("#plan").screenshot(path=str(SHOTS / "14-zh-plan-autosaved-390px.png"))  # type: ignore[attr-defined]
    # typed, then drafted at once: the draft has it (the plan is saved before drafting)
    p.fill("textarea[name=action_text]", "Refunded the 56 buyers whose orders were late")  # type: ignore[attr-defined]
    p.fill("input[name=action_date]", "2026-11-03")  # type: ignore[attr-defined]
    p.click("button:has-text('生成申诉信')")  # type: ignore[attr-defined]
    p.wait_for_selector("#review-text")  # type: ignore[attr-defined]
    assert "56 buyers" in p.input_value("#review-text")  # type: ignore[attr-defined]
    for path in ("/", "/cases/new", "/downloads", "/review", "/account"):
        p.goto(path)  # type: ignore[attr-defined]
        width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
        assert width <= 390, f"{path} is {width} px wide on a 390 px phone"


def test_documents_checked_and_a_reply_read_on_a_phone_in_chinese(page: object, tmp_path: Path) -> None:
    """A seller adds her supplier documents and sees each verdict; then Amazon asks for more and the page
    says what to change: in Chinese, at 390 px, nothing wider than the screen."""
    from tests.reply.replies import MORE_INFO

    sample = SAMPLES / "inauthentic"
    p = page
    p.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    p.goto("/cases/new?lang=zh")  # type: ignore[attr-defined]
    p.fill("input[name=title]", "假冒投诉 两个商品")  # type: ignore[attr-defined]
    p.fill("input[name=seller_name]", "Larkspur Home & Apparel")  # type: ignore[attr-defined]
    p.fill("input[name=address]", "2150 Harbor View Drive, Suite 400, Tacoma, WA 98402, USA")  # type: ignore[attr-defined]
    p.fill("textarea[name=notice_text]", (sample / "notice.txt").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    p.click("form[action='/cases'] button")  # type: ignore[attr-defined]
    p.wait_for_selector("#documents")  # type: ignore[attr-defined]
    docs = [
        str(sample / "documents" / n)
        for n in ("invoice-oakhaven.pdf", "order-confirmation.pdf", "loa-unsigned.pdf")
    ]
    p.set_input_files("#document-files", docs)  # type: ignore[attr-defined]
    p.click("#documents-form button")  # type: ignore[attr-defined]
    p.wait_for_selector("#documents .check-fail")  # type: ignore[attr-defined]
    assert "订单确认" in p.inner_text("#documents")  # type: ignore[attr-defined]
    width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 390, f"the case page is {width} px wide on a 390 px phone"
    p.locator("#documents").screenshot(path=str(SHOTS / "15-zh-documents-checked-390px.png"))  # type: ignore[attr-defined]
    p.fill("input[name=submitted_on]", "2026-11-24")  # type: ignore[attr-defined]
    p.click("#history form >> nth=0 >> button")  # type: ignore[attr-defined]
    p.fill("input[name=received_on]", "2026-11-26")  # type: ignore[attr-defined]
    p.fill("#history textarea[name=text]", MORE_INFO)  # type: ignore[attr-defined]
    p.click("#history form >> nth=1 >> button")  # type: ignore[attr-defined]
    p.wait_for_selector("#reply-read")  # type: ignore[attr-defined]
    assert "要求补充信息" in p.inner_text(".heading .status")  # type: ignore[attr-defined]
    assert "根本原因需要更详细" in p.inner_text("#reply-read")  # type: ignore[attr-defined]
    width = p.evaluate("() => document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 390, f"the case page is {width} px wide on a 390 px phone"
    p.locator("#history").screenshot(path=str(SHOTS / "16-zh-reply-read-390px.png"))  # type: ignore[attr-defined]
