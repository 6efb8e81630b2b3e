"""The web app factory: ``create_app(settings)`` builds the FastAPI application.

Server-rendered Jinja2 pages with light progressive enhancement (a small vanilla script, vendored);
every page's data is also served as JSON under ``/api``. One exception handler turns every error into
one error page or one JSON shape: ``{"ok": false, "error": ..., "errors": [...], "status": N}``.
The package reads top-down: this module includes the routers of ``routes/``, which render their pages
with ``pages.py`` and never import this module (``lint-imports`` checks it).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from reinstate import __version__
from reinstate.errors import ReinstateError
from reinstate.kb import load_kb
from reinstate.store import (
    SESSION_LIFETIME,
    ConflictError,
    DatabaseUnavailable,
    NotFound,
    PermissionDenied,
    open_store,
)
from reinstate.web.headers import HostAndHeaders, allowed_hosts
from reinstate.web.i18n import gettext_for
from reinstate.web.limits import BodyLimit
from reinstate.web.pages import error_body, form_message, language, make_templates, render, wants_json
from reinstate.web.ratelimit import LoginLimiter
from reinstate.web.routes import (
    account,
    api,
    auth,
    calendar,
    cases,
    documents,
    letters,
    phrases,
    reports,
    sharing,
)
from reinstate.web.security import LoginRequired
from reinstate.web.settings import Settings

HERE = Path(__file__).parent
FORM_OVERHEAD = 64 * 1024  # multipart boundaries, headers and the other fields beside an upload


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="reinstate",
        version=__version__,
        description="Local case workspace for Amazon seller appeals. Every page's data is available here as JSON.",
        docs_url=None,  # served from the packaged Swagger UI below, never from a CDN
        openapi_url="/api/openapi.json",
        redoc_url=None,
        lifespan=_lifespan,
        # Starlette parses a form field of at most 1 MB; a notice may hold 200,000 Chinese characters.
        form_limits={"max_part_size": settings.max_field_bytes},
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db_url)
    app.state.kb = load_kb()
    app.state.templates = make_templates()
    app.state.login_limiter = LoginLimiter()
    app.state.analysis_queue = ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
    )
    # Inside the session middleware, so the 413 page knows the user's language and session.
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + FORM_OVERHEAD)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="reinstate_session",
        max_age=int(SESSION_LIFETIME.total_seconds()),  # the server-side session ends then too
        same_site="strict",
        https_only=settings.secure_cookies,
    )
    # Outermost: a request naming an unknown host is refused before anything else runs.
    app.add_middleware(HostAndHeaders, hosts=allowed_hosts(settings.host, settings.allowed_hosts))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _api_docs(app)
    _register_errors(app)

    for module in (auth, account, sharing, cases, reports, documents, calendar, letters, phrases, api):
        app.include_router(module.router)
    return app


def _api_docs(app: FastAPI) -> None:
    """The API documentation page, with Swagger UI from the swagger-ui-bundle package (nothing from a CDN)."""
    from fastapi.responses import HTMLResponse
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/api/docs/static", StaticFiles(directory=swagger_ui_path), name="api-docs-static")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse((HERE / "templates" / "api_docs.html").read_text(encoding="utf-8"))


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.analysis_queue.shutdown(wait=False, cancel_futures=True)


def create_app_from_env() -> FastAPI:
    """The factory uvicorn's worker processes call (`reinstate serve --workers N`): settings from the environment."""
    import os

    from reinstate.store import data_dir
    from reinstate.web.settings import secret_key_file

    settings = Settings(
        db_url=os.environ.get("REINSTATE_DB_URL") or None,
        multi_user=os.environ.get("REINSTATE_MULTI_USER") == "1",
        host=os.environ.get("REINSTATE_SERVE_HOST", "127.0.0.1"),
        secret_key=secret_key_file(data_dir()),
        allowed_hosts=tuple(h for h in os.environ.get("REINSTATE_ALLOWED_HOSTS", "").split(",") if h),
    )
    if token := os.environ.get("REINSTATE_SETUP_TOKEN"):
        settings = replace(settings, setup_token=token)
    return create_app(settings)


def _size(count: int) -> str:
    """A byte count as people write it: 50 MB, 97 KB."""
    megabytes = count / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes >= 1 else f"{count // 1024} KB"


def _lower_priority() -> None:
    """Report analysis yields the CPU to the pages people are waiting for, and ends with its server."""
    os.nice(15)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)  # the server is gone: nobody is waiting for this analysis

    threading.Thread(target=watch, daemon=True, name="reinstate-parent-watch").start()


# The library's errors and the HTTP status each becomes; the most specific first.
STATUS_OF: tuple[tuple[type[Exception], int], ...] = (
    (NotFound, 404),
    (PermissionDenied, 403),
    (ConflictError, 409),
    (DatabaseUnavailable, 503),
    (ReinstateError, 400),
)


def _register_errors(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, title: str = "") -> Response:
        if wants_json(request):
            return JSONResponse(error_body(status, [message]), status_code=status)
        _ = gettext_for(language(request))
        return render(
            request,
            "error.html",
            {"status": status, "message": message, "title": title or _("Something went wrong")},
            status,
        )

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if wants_json(request):
            return JSONResponse(error_body(401, ["Sign in first."]), status_code=401)
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    async def library_error(request: Request, exc: Exception) -> Response:
        status = next(code for kind, code in STATUS_OF if isinstance(exc, kind))
        lang = language(request)
        message = exc.render(lang) if isinstance(exc, ReinstateError) else str(exc)
        if isinstance(exc, NotFound) and exc.key == "case_id" and not wants_json(request):
            # A case that is not there, or not shared with this account: said plainly, with what to do.
            _ = gettext_for(lang)
            return respond(request, status, form_message(exc, lang), _("This case is not open to you"))
        return respond(request, status, message)

    for kind, _status in STATUS_OF:
        app.add_exception_handler(kind, library_error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """A form or JSON field of the wrong kind: 400 with the field named, in the page's language."""
        _ = gettext_for(language(request))
        fields = sorted({str(error.get("loc", ("", ""))[-1]) for error in exc.errors()})
        message = _(
            "Some fields of the form were missing or not valid (%(fields)s). Reload the page and try again."
        ) % {"fields": ", ".join(fields)[:200]}
        return respond(request, 400, message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 413:  # the body limit: say what it is and what to do, in the page's language
            _ = gettext_for(language(request))
            message = _(
                "The upload is larger than %(size)s. Fix: upload the report itself, not an archive of "
                "several; for a very long period, download a shorter date range."
            ) % {"size": _size(app.state.settings.max_upload_bytes)}
            return respond(request, 413, message)
        return respond(request, exc.status_code, str(exc.detail))
