"""Where to answer Amazon's reply: this email, the Account Health page, or an address it names."""

from __future__ import annotations

import re

from reinstate.reply.model import Channel
from reinstate.reply.units import Unit

IC = re.IGNORECASE

EMAIL = re.compile(r"\b[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,}\b", IC)
# Addresses that are not where an appeal goes: funds, no-reply senders.
NOT_FOR_ANSWERS = re.compile(r"^(?:payments?-funds|disbursement|no-?reply|do-?not-?reply|noreply)", IC)
ANSWER_VERB = re.compile(
    r"\b(?:send|email|e-mail|write|contact|submit|forward|reply|respond|provide|dispute)\b|发送|发邮件|联系|提交|回复",
    IC,
)
ACCOUNT_HEALTH_BUTTONS = (
    (
        "Submit new information",
        re.compile(r"submit (?:new|additional) information|提交新信息|提交新的信息", IC),
    ),
    ("Submit an appeal", re.compile(r"submit an appeal|提交申诉", IC)),
    ("View appeal", re.compile(r"\bview appeal\b|查看申诉", IC)),
    (
        "Reactivate your account",
        re.compile(r"reactivate your account\b[^.]{0,20}(?:page|button|link)|重新激活您的账户", IC),
    ),
    ("Appeal", re.compile(r"\bappeal button\b|click (?:the )?(?:\")?appeal|申诉按钮|点击“申诉”", IC)),
)
ACCOUNT_HEALTH = re.compile(
    r"\baccount health\b|performance notifications?|performance/dashboard|账户状况|账户健康|绩效通知", IC
)
REPLY = re.compile(
    r"\b(?:reply|respond) (?:directly )?to this (?:e-?mail|message|case|notification)\b|\brespond to this case\b|"
    r"\breply to this\b|回复(?:此|这封|本)(?:邮件|消息|电子邮件)|直接回复",
    IC,
)


def _email(units: list[Unit]) -> Channel | None:
    for unit in units:
        for found in EMAIL.finditer(unit.text):
            address = found.group(0).rstrip(".").lower()
            if NOT_FOR_ANSWERS.match(address) or not ANSWER_VERB.search(unit.text):
                continue
            kind = "notice_dispute" if address.startswith("notice-dispute@") else "email"
            return Channel(kind=kind, text=unit.text[:300], address=address)
    return None


def _account_health(units: list[Unit]) -> Channel | None:
    for label, pattern in ACCOUNT_HEALTH_BUTTONS:
        for unit in units:
            if pattern.search(unit.text) and (label != "Appeal" or ACCOUNT_HEALTH.search(unit.text)):
                return Channel(kind="account_health", text=label)
    for unit in units:
        if ACCOUNT_HEALTH.search(unit.text) and ANSWER_VERB.search(unit.text):
            return Channel(kind="account_health", text="Account Health")
    return None


def find_channel(units: list[Unit]) -> Channel | None:
    """The way to answer the reply names first in this order: a dispute address, a button in Account
    Health, "reply to this email", another address to write to; ``None`` when it names none."""
    email = _email(units)
    if email is not None and email.kind == "notice_dispute":
        return email
    health = _account_health(units)
    if health is not None:
        return health
    for unit in units:
        if REPLY.search(unit.text):
            return Channel(kind="reply", text=unit.text[:300])
    return email
