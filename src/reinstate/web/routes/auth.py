"""Sign-in for multi-user mode, the first administrator, and accounts (adding and deleting them; sharing a
case is in ``sharing.py``). Signing in starts a server-side session; signing out ends it (``web/security.py``)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reinstate.store import User
from reinstate.web.i18n import gettext_for
from reinstate.web.pages import language, render
from reinstate.web.ratelimit import LoginLimiter
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf, sign_in, sign_out

router = APIRouter(dependencies=[Depends(check_csrf)])


def _safe_next(target: str) -> str:
    """Only local paths: a login link must not send the user to another site."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    if not request.app.state.settings.needs_login:
        return RedirectResponse("/", status_code=303)
    if not store_of(request).has_users():
        return RedirectResponse("/setup", status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "failed": False})


@router.post("/login")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    limiter = refuse_while_limited(request, email)
    user = store_of(request).authenticate(email, password)
    if user is None:
        limiter.failed(email, client_address(request))
        return render(request, "login.html", {"next": _safe_next(next), "failed": True}, status_code=401)
    limiter.succeeded(email)
    sign_in(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def refuse_while_limited(request: Request, account: str) -> LoginLimiter:
    """429 while this account or address has failed too often; else the limiter, to count the attempt."""
    limiter: LoginLimiter = request.app.state.login_limiter
    wait = limiter.wait_seconds(account, client_address(request))
    if wait:
        _ = gettext_for(language(request))
        message = _("Too many failed sign-ins. Wait %(minutes)s minutes, then try again.") % {
            "minutes": max(1, (wait + 59) // 60)
        }
        raise HTTPException(status_code=429, detail=message)
    return limiter


@router.post("/logout")
def logout(request: Request) -> Response:
    """End this browser's session on the server: a copy of its cookie signs in nobody afterwards."""
    sign_out(request)
    return RedirectResponse("/login", status_code=303)


def _check_setup_token(request: Request, token: str) -> None:
    """Off loopback, only the person who started the server (and saw its token) creates the admin."""
    settings = request.app.state.settings
    if settings.setup_needs_token and not secrets.compare_digest(token, settings.setup_token):
        _ = gettext_for(language(request))
        raise HTTPException(
            status_code=403,
            detail=_(
                "Open the set-up link that `reinstate serve` printed when it started (it holds a token)."
            ),
        )


@router.get("/setup", response_class=HTMLResponse)
def setup_form(request: Request, token: str = "") -> Response:
    if store_of(request).has_users() or not request.app.state.settings.needs_login:
        return RedirectResponse("/", status_code=303)
    _check_setup_token(request, token)
    return render(request, "setup.html", {"token": token})


@router.post("/setup")
def setup(
    request: Request,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(min_length=10, max_length=1000)],
    token: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    _check_setup_token(request, token)
    user = store_of(request).create_first_admin(email, password)
    sign_in(request, user)
    return RedirectResponse("/", status_code=303)


def _admin_only(request: Request, user: User) -> None:
    if not user.is_admin:
        _ = gettext_for(language(request))
        raise HTTPException(status_code=403, detail=_("Only an administrator can manage accounts."))


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, user: UserDep) -> Response:
    _admin_only(request, user)
    accounts = [
        {"id": u.id, "email": u.email, "is_admin": u.is_admin, "me": u.id == user.id}
        for u in store_of(request).list_users(user)
    ]
    return render(request, "users.html", {"users": accounts})


@router.post("/users")
def add_user(
    request: Request,
    user: UserDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(min_length=10, max_length=1000)],
) -> Response:
    _admin_only(request, user)
    store_of(request).create_user(email, password)
    return RedirectResponse("/users", status_code=303)


@router.get("/users/{user_id}/delete", response_class=HTMLResponse)
def confirm_delete_user(request: Request, user_id: int, user: UserDep) -> Response:
    _admin_only(request, user)
    found = next((u for u in store_of(request).list_users(user) if u.id == user_id), None)
    if found is None:
        _ = gettext_for(language(request))
        raise HTTPException(status_code=404, detail=_("This account does not exist (any more)."))
    return render(request, "user_delete.html", {"account": {"id": found.id, "email": found.email}})


@router.post("/users/{user_id}/delete")
def delete_user(
    request: Request, user_id: int, user: UserDep, confirm: Annotated[str, Form(max_length=10)] = ""
) -> Response:
    """Delete an account and end its sessions (refused while it owns cases: see ``store/sessions.py``)."""
    store_of(request).delete_user(user, user_id, confirm=confirm == "yes")
    return RedirectResponse("/users", status_code=303)
