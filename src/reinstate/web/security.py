"""Who is acting, and proof that a form came from our own pages (CSRF).

Single-user mode (the default on 127.0.0.1) acts as the store's local user with no login. With
``--multi-user``, or on any other address, every page needs a signed-in account. Every unsafe
request carries the session's CSRF token, in a form field or the ``X-CSRF-Token`` header, in both
modes: a page on another site must not be able to post into a seller's local app.

The signed cookie (Starlette's session) holds the CSRF token and, once signed in, the token of a
server-side session (``sid``). Who is signed in comes only from that session's row in the store: a
cookie whose session ended (sign-out, a password change, "sign out everywhere", a deleted account)
or expired signs in nobody, even though its signature is still good.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from fastapi import HTTPException, Request

from reinstate.store import Store, User

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
SESSION_KEY = "sid"  # the cookie's key for the server-side session token


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
    """The acting user: the local user, or the account of the request's unexpired server-side session."""
    store: Store = request.app.state.store
    if not request.app.state.settings.needs_login:
        return store.local_user()
    user = store.session_user(session_token(request))
    if user is None:
        request.session.pop(SESSION_KEY, None)
        raise LoginRequired()
    request.state.user = user  # the page's menu shows "Accounts" to an administrator
    return user


def session_token(request: Request) -> str | None:
    """The server-side session's token the request's cookie carries, if any."""
    token = request.session.get(SESSION_KEY)
    return token if isinstance(token, str) else None


def sign_in(request: Request, user: User) -> None:
    """Start a server-side session for ``user`` and put its token in a fresh cookie (new CSRF token too)."""
    store: Store = request.app.state.store
    token = store.start_session(user, request.headers.get("user-agent", ""))
    request.session.clear()
    request.session[SESSION_KEY] = token


def keep_signed_in(request: Request, token: str) -> None:
    """Carry on with the new session ``token`` (after a password change ended the old one)."""
    request.session[SESSION_KEY] = token


def sign_out(request: Request) -> None:
    """End this browser's server-side session and forget the cookie's contents."""
    store: Store = request.app.state.store
    store.end_session(session_token(request))
    request.session.clear()
