"""The signed-in user's own account: change the password, see where it is signed in, sign out everywhere.

Only with accounts on (``--multi-user`` or a network address); the local user of single-user mode has
no password and no session to end.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reinstate.store import InvalidInput, SessionInfo, User, WrongPassword
from reinstate.web.i18n import gettext_for
from reinstate.web.pages import form_message, language, render
from reinstate.web.routes.auth import client_address, refuse_while_limited
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf, keep_signed_in, session_token

router = APIRouter(dependencies=[Depends(check_csrf)])
NEW_PASSWORD_MIN = 10  # what every password form of the app asks for
PasswordField = Annotated[str, Form(max_length=1000)]


def _accounts_on(request: Request) -> None:
    if not request.app.state.settings.needs_login:
        _ = gettext_for(language(request))
        raise HTTPException(
            status_code=404, detail=_("Accounts are off. Start reinstate with --multi-user to use them.")
        )


def _when(info: SessionInfo) -> dict[str, str | bool]:
    stamp = "%Y-%m-%d %H:%M UTC"
    return {
        "created_at": info.created_at.strftime(stamp),
        "last_seen_at": info.last_seen_at.strftime(stamp),
        "user_agent": info.user_agent,
        "current": info.current,
    }


def _page(
    request: Request, user: User, *, changed: bool = False, error: str = "", status_code: int = 200
) -> Response:
    sessions = store_of(request).list_sessions(user, session_token(request))
    context = {
        "email": user.email,
        "is_admin": user.is_admin,
        "changed": changed,
        "error": error,
        "sessions": [_when(s) for s in sessions],
    }
    return render(request, "account.html", context, status_code=status_code)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, user: UserDep, done: str = "") -> Response:
    if not request.app.state.settings.needs_login:
        return RedirectResponse("/", status_code=303)
    return _page(request, user, changed=done == "password")


@router.post("/account/password")
def change_password(
    request: Request,
    user: UserDep,
    current_password: PasswordField,
    new_password: PasswordField,
    new_password_again: PasswordField,
) -> Response:
    """A new password (the current one confirms it is you); every other browser is signed out."""
    _accounts_on(request)
    limiter = refuse_while_limited(request, user.email)  # the current password must not be guessable here
    problem = _form_problem(request, new_password, new_password_again)
    if problem:
        return _page(request, user, error=problem, status_code=400)
    agent = request.headers.get("user-agent", "")
    try:
        token = store_of(request).change_password(user, current_password, new_password, user_agent=agent)
    except InvalidInput as refused:  # a wrong current password, or a new one the rules refuse
        if isinstance(refused, WrongPassword):
            limiter.failed(user.email, client_address(request))
        return _page(request, user, error=form_message(refused, language(request)), status_code=400)
    limiter.succeeded(user.email)
    keep_signed_in(request, token)
    return RedirectResponse("/account?done=password", status_code=303)


def _form_problem(request: Request, new_password: str, again: str) -> str:
    """What is wrong with the new password as typed, before the store's own rules; "" when nothing."""
    _ = gettext_for(language(request))
    if new_password != again:
        return _("The two new passwords differ: type the same one twice.")
    if len(new_password) < NEW_PASSWORD_MIN:
        return _("The new password is shorter than %(n)s characters.") % {"n": NEW_PASSWORD_MIN}
    return ""


@router.post("/account/sign-out-everywhere")
def sign_out_everywhere(request: Request, user: UserDep) -> Response:
    """End every session of the account, this browser's too."""
    _accounts_on(request)
    store_of(request).end_all_sessions(user)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
