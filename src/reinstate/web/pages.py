"""What every page shares: its language, its templates, ``render`` and the JSON error shape.

The web package reads top-down: ``app.py`` builds the application from the routers in ``routes/``,
and the routers build their pages with these helpers; nothing here imports a router or the app
(an import-linter contract in ``pyproject.toml`` keeps it so).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from reinstate import __version__
from reinstate.errors import ReinstateError
from reinstate.review.model import band
from reinstate.web.i18n import gettext_for, pick_language
from reinstate.web.security import csrf_token, session_token

TEMPLATES = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    """The Jinja2 templates of every page, autoescaping every value."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.autoescape = True
    templates.env.globals["version"] = __version__
    templates.env.globals["score_band"] = band
    # a status's words where its stored id is not already plain English ("more-info")
    templates.env.globals["status_words"] = {"more-info": "more information asked"}
    return templates


def language(request: Request) -> str:
    return pick_language(
        request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language")
    )


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a page with the language, the CSRF token and the user in its context."""
    lang = language(request)
    user = getattr(request.state, "user", None)  # the signed-in account, set by ``current_user``
    full = {
        "request": request,
        "lang": lang,
        "_": gettext_for(lang),
        "csrf": csrf_token(request),
        "needs_login": request.app.state.settings.needs_login,
        "signed_in": session_token(request) is not None,
        "is_admin": bool(user is not None and user.is_admin),
        # punctuation around labels and asides: full-width in Chinese (原因：… （…）)
        "colon": "：" if lang == "zh" else ":",
        "lparen": "（" if lang == "zh" else " (",
        "rparen": "）" if lang == "zh" else ")",
        **context,
    }
    templates: Jinja2Templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, full, status_code=status_code)
    if request.query_params.get("lang") in ("en", "zh"):
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_body(status: int, messages: list[str]) -> dict[str, Any]:
    return {"ok": False, "error": "; ".join(messages), "errors": messages, "status": status}


def form_message(error: ReinstateError, lang: str) -> str:
    """An error shown beside a form's fields: its message and fix, without the field's internal name."""
    if lang == "zh" and error.message_zh:
        return error.message_zh + (f"解决办法：{error.fix_zh or error.fix}" if error.fix else "")
    return error.message[:1].upper() + error.message[1:] + (f" Fix: {error.fix}" if error.fix else "")
