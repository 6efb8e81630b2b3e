"""The reply reader: every outcome and ask kind, deadlines, channels, HTML and quoted-printable input."""

from __future__ import annotations

import html
import quopri

import pytest

from reinstate.errors import InputError
from reinstate.reply import ASK_KINDS, OUTCOMES, Reply, read_reply, reply_text
from tests.reply import replies as r


def kinds(reply: Reply) -> list[str]:
    return [a.kind for a in reply.asks]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (r.MORE_INFO, "more_information"),
        (r.REINSTATED, "reinstated"),
        (r.REJECTED, "rejected"),
        (r.FINAL, "final_decision"),
        (r.UNKNOWN, "unknown"),
        (r.DOCUMENTS, "more_information"),
        (r.ZH_MORE, "more_information"),
        (r.ZH_REINSTATED, "reinstated"),
        (r.ZH_REJECTED, "rejected"),
        (r.ZH_FINAL, "final_decision"),
        (r.ZH_DOCUMENTS, "more_information"),
    ],
)
def test_outcome(text: str, outcome: str) -> None:
    reply = read_reply(text)
    assert reply.outcome == outcome
    assert (reply.evidence is None) == (outcome == "unknown")


def test_every_outcome_is_tested() -> None:
    seen = {read_reply(t).outcome for t in (r.MORE_INFO, r.REINSTATED, r.REJECTED, r.FINAL, r.UNKNOWN)}
    assert seen == set(OUTCOMES)


def test_plan_asks_quote_the_reply_and_name_the_issue() -> None:
    reply = read_reply(r.MORE_INFO)
    assert kinds(reply) == [
        "root_cause_detail",
        "actions_detail",
        "prevention_detail",
        "actions_not_implemented",
    ]
    root, actions, prevention, _ = reply.asks
    assert root.text == "Greater detail on the root cause of buyers receiving defective items."
    assert root.reason == "buyers receiving defective items"
    assert actions.reason is None  # "the problem" names no issue
    assert prevention.reason == "buyers receiving defective items"


def test_document_asks_each_kind() -> None:
    reply = read_reply(r.DOCUMENTS)
    assert kinds(reply) == [
        "documents_invalid",
        "documents_forged",
        "invoice_required",
        "compliance_evidence",
        "identity_verification",
        "documents_missing",
        "other",
    ]
    by_kind = {a.kind: a for a in reply.asks}
    assert by_kind["documents_missing"].documents == ("letter-of-authorization",)
    assert by_kind["other"].text == "The name of the warehouse that shipped the cited orders."


def test_every_ask_kind_is_tested() -> None:
    seen = {k for t in (r.MORE_INFO, r.DOCUMENTS) for k in kinds(read_reply(t))}
    assert seen == set(ASK_KINDS)


def test_unknown_and_final_and_reinstated_ask_nothing() -> None:
    for text in (r.UNKNOWN, r.REINSTATED, r.FINAL, r.ZH_REINSTATED):
        assert read_reply(text).asks == ()


def test_conditional_reinstatement_is_not_one() -> None:
    text = (
        "We'll review the information you send. If your plan of action addresses the complaints, we will "
        "reinstate your selling privileges. Please provide greater detail on the root cause."
    )
    assert read_reply(text).outcome == "more_information"


def test_chinese_asks_and_issue() -> None:
    reply = read_reply(r.ZH_MORE)
    assert reply.language == "zh"
    assert kinds(reply) == ["root_cause_detail", "actions_detail", "prevention_detail"]
    assert reply.asks[0].reason == "买家收到有缺陷商品"
    assert reply.asks[1].reason is None and reply.asks[2].reason is None


def test_chinese_document_asks() -> None:
    reply = read_reply(r.ZH_DOCUMENTS)
    assert kinds(reply) == [
        "documents_invalid",
        "documents_forged",
        "invoice_required",
        "compliance_evidence",
        "identity_verification",
        "documents_missing",
    ]


@pytest.mark.parametrize(
    ("text", "days", "hours", "date"),
    [
        (r.MORE_INFO, 14, None, None),
        (r.DOCUMENTS, 3, 72, None),
        (r.DISPUTE, None, None, "2026-12-12"),
        (r.ZH_MORE, 14, None, None),
        (r.ZH_DOCUMENTS, None, None, "2026-12-12"),
        ("Please respond within the next 7 days with the documents requested.", 7, None, None),
    ],
)
def test_deadline(text: str, days: int | None, hours: int | None, date: str | None) -> None:
    deadline = read_reply(text).deadline
    assert deadline is not None
    assert (deadline.days, deadline.hours, deadline.date) == (days, hours, date)


def test_no_deadline_when_none_is_given() -> None:
    assert read_reply(r.REJECTED).deadline is None


@pytest.mark.parametrize(
    ("text", "kind", "label", "address"),
    [
        (r.MORE_INFO, "account_health", "Submit new information", None),
        (r.REJECTED, "account_health", "Submit an appeal", None),
        (r.DOCUMENTS, "reply", None, None),
        (r.DISPUTE, "notice_dispute", None, "notice-dispute@amazon.com"),
        (r.EMAIL, "email", None, "seller-performance-policy@amazon.com"),
        (r.ZH_MORE, "account_health", "Submit new information", None),
        (r.ZH_DOCUMENTS, "reply", None, None),
    ],
)
def test_channel(text: str, kind: str, label: str | None, address: str | None) -> None:
    channel = read_reply(text).channel
    assert channel is not None and channel.kind == kind and channel.address == address
    if label:
        assert channel.text == label


def test_payments_address_is_not_a_channel() -> None:
    text = "Your appeal was not accepted. If you have questions about your funds, email payments-funds@amazon.com."
    assert read_reply(text).channel is None


def test_html_email_reads_like_text() -> None:
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in r.MORE_INFO.split("\n\n"))
    page = f"<html><head><style>p {{color: red}}</style></head><body><div>{body}</div></body></html>"
    assert read_reply(page).model_dump(exclude={"source"}) == read_reply(r.MORE_INFO).model_dump(
        exclude={"source"}
    )


def test_quoted_printable_chinese_email() -> None:
    raw = quopri.encodestring(r.ZH_MORE.encode("utf-8")).decode("ascii")
    source = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + raw
    reply = read_reply(source)
    assert reply.outcome == "more_information"
    assert [a.kind for a in reply.asks] == ["root_cause_detail", "actions_detail", "prevention_detail"]


def test_next_steps_follow_outcome_and_asks_in_both_languages() -> None:
    steps = read_reply(r.MORE_INFO).next_steps
    assert (
        "buyers receiving defective items" in steps[1].en
        and "buyers receiving defective items" in steps[1].zh
    )
    assert steps[-1].en.startswith("Answer in Seller Central, Account Health") and "14 天内" in steps[-1].zh
    for text in (r.REINSTATED, r.FINAL, r.UNKNOWN, r.REJECTED):
        only = read_reply(text).next_steps
        assert only and all(s.en and s.zh for s in only)
    for step in steps:  # written for a seller: no ids, no case-file keys
        assert "_" not in step.en and "root_causes" not in step.zh


def test_json_shape() -> None:
    data = read_reply(r.DOCUMENTS).to_json()
    assert data["schema"] == "reinstate.reply/1"
    assert set(data) >= {"schema", "outcome", "asks", "deadline", "channel", "next_steps"}
    assert set(data["asks"][0]) >= {"kind", "text", "reason"}
    assert set(data["next_steps"][0]) == {"en", "zh"}


def test_text_rendering_in_both_languages() -> None:
    reply = read_reply(r.MORE_INFO)
    assert "More information needed" in reply_text(reply, "en")
    zh = reply_text(reply, "zh")
    assert "需要补充信息" in zh and "提交新信息" in zh


@pytest.mark.parametrize("text", ["", "   \n\t", "<html><body><script>x</script></body></html>"])
def test_empty_input_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        read_reply(text)


def test_overlong_input_is_refused() -> None:
    with pytest.raises(InputError, match="not one reply"):
        read_reply("Please provide the invoice. " * 10_000)


@pytest.mark.parametrize(
    ("text", "outcome", "kinds"),
    [
        # the root cause asked as "the issue(s) that caused", with the issue named
        (
            "Please send greater detail on the issue(s) that you believe caused the complaints about the "
            "condition of your items.",
            "more_information",
            ["root_cause_detail"],
        ),
        # a plan called not valid is a request for what it lacks, not a refusal
        (
            "We do not consider this to be a valid plan of action. Explain how you will prevent late "
            "deliveries in the future.",
            "more_information",
            ["prevention_detail"],
        ),
        # evidence that the account complies with a policy
        (
            "We do not have enough information to reactivate your account. Please send evidence or examples "
            "that demonstrate that your account complies with our policy.",
            "more_information",
            ["compliance_evidence"],
        ),
        # "may not respond" is a warning; beside a request for more it does not decide
        (
            "We still do not have enough information. Please note that we may not respond to further emails "
            "about this issue.",
            "more_information",
            [],
        ),
        ("We may not respond to further emails about this issue.", "final_decision", []),
        (
            "Your account has been temporarily deactivated because the invoice you sent appears altered.",
            "rejected",
            ["documents_forged"],
        ),
        (
            "After reviewing your account, we have decided to reinstate your selling privileges.",
            "reinstated",
            [],
        ),
    ],
)
def test_wordings_of_public_replies(text: str, outcome: str, kinds: list[str]) -> None:
    reply = read_reply(text)
    assert reply.outcome == outcome
    assert [a.kind for a in reply.asks] == kinds


def test_issue_named_in_caused_wording() -> None:
    reply = read_reply(
        "Please send greater detail on the issue(s) that you believe caused the complaints about the condition "
        "of your items, and on the steps you have taken to prevent future complaints about the condition of your items."
    )
    assert reply.asks[0].reason == "complaints about the condition of your items"
