"""Sharing a case with a colleague, with accounts on (``--multi-user`` or a network address).

The case page shows who has access (``views.sharing_of``); its owner shares the case by the account
e-mail a colleague signs in with, and stops sharing it. The store decides who may: only the owner
(another account with access gets 403, one without gets 404, an administrator too). Single-user mode
has one user and nobody to share with, so these routes answer 404 there.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from reinstate.store import InvalidInput, NotFound, User
from reinstate.web.i18n import gettext_for
from reinstate.web.pages import language, render, wants_json
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf
from reinstate.web.views import case_page

router = APIRouter(dependencies=[Depends(check_csrf)])
AccountField = Annotated[str, Form(max_length=254)]


def _accounts_on(request: Request) -> None:
    if not request.app.state.settings.needs_login:
        _ = gettext_for(language(request))
        raise HTTPException(
            status_code=404, detail=_("Accounts are off. Start reinstate with --multi-user to use them.")
        )


@router.post("/cases/{case_id}/share")
def share(request: Request, case_id: int, user: UserDep, email: AccountField) -> Response:
    """Let the colleague who signs in with ``email`` read and edit the case (its owner only)."""
    _accounts_on(request)
    try:
        store_of(request).share_case(user, case_id, email)
    except (NotFound, InvalidInput) as refused:
        if refused.key != "email" or not email.strip():
            raise  # the case itself is not found (or not the user's to see), or nothing was typed
        return _no_such_account(request, user, case_id, email.strip())
    return RedirectResponse(f"/cases/{case_id}#sharing", status_code=303)


@router.post("/cases/{case_id}/unshare")
def unshare(request: Request, case_id: int, user: UserDep, email: AccountField) -> Response:
    """Stop sharing the case with that colleague (its owner only); nothing if it was not shared."""
    _accounts_on(request)
    store_of(request).unshare_case(user, case_id, email)
    return RedirectResponse(f"/cases/{case_id}#sharing", status_code=303)


def _no_such_account(request: Request, user: User, case_id: int, typed: str) -> Response:
    """400 in the page's language: the case page again, the message beside the form and what was typed
    still in it (the JSON error shape for a script)."""
    lang = language(request)
    _ = gettext_for(lang)
    message = _(
        "No account signs in as %(name)s. Check the e-mail your colleague signs in with, or ask your "
        "administrator to add an account for them."
    ) % {"name": typed[:254]}
    if wants_json(request):
        raise HTTPException(status_code=400, detail=message)
    page = case_page(store_of(request), request.app.state.kb, user, case_id, lang, accounts=True)
    return render(request, "case.html", page | {"share_error": message, "share_email": typed}, 400)
