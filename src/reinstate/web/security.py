"""Who is acting, and proof that a form came from our own pages (CSRF).

Single-user mode (the default on 127.0.0.1) acts as the store's local user with no login. With
``--multi-user``, or on any other address, every page needs a signed-in account. Every unsafe
request carries the session's CSRF token, in a form field or the ``X-CSRF-Token`` header, in both
modes: a page on another site must not be able to post into a seller's local app.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from fastapi import HTTPException, Request

from reinstate.store import NotFound, Store, User

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class LoginRequired(Exception):
    """Raised by :func:`current_user` when a page needs a signed-in account."""


def csrf_token(request: Request) -> str:
    session: dict[str, Any] = request.session
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request whose token does not match the session's."""
    if request.method not in UNSAFE:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form(max_part_size=request.app.state.settings.max_field_bytes)
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise HTTPException(status_code=403, detail="This form has expired. Reload the page and try again.")


def current_user(request: Request) -> User:
    store: Store = request.app.state.store
    if not request.app.state.settings.needs_login:
        return store.local_user()
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        raise LoginRequired()
    try:
        return store.get_user(user_id)
    except NotFound:
        request.session.pop("user_id", None)
        raise LoginRequired() from None
