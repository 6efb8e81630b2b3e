"""Who may reach the app, and what every response tells the browser.

Allowed hosts. A web page the seller visits can point a name it controls at 127.0.0.1 (DNS
rebinding) and then read the local app as if it were its own site. Every request must therefore
name the app by a host it answers to: the loopback names, the address ``serve`` listens on, and any
name given with ``--allowed-host`` (a LAN name). Anything else gets 400 before a route runs.

Headers. Every response forbids framing (clickjacking), MIME sniffing and referrers, and carries a
Content-Security-Policy that allows only the app's own scripts, styles and images: no page can load
anything from elsewhere, so "runs on your computer, sends nothing anywhere" stays true. Inline style
attributes are allowed (the metric bars are drawn with a width); inline scripts are not.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reinstate.web.settings import LOOPBACK

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names a request may give in its Host header (lower case, without port)."""
    names = {*LOOPBACK, *(h.strip().lower() for h in extra if h.strip())}
    if host not in {"0.0.0.0", "::", ""}:
        names.add(host.lower())
    return frozenset(names)


def host_name(header: str) -> str:
    """``example.com:8000`` → ``example.com``; ``[::1]:8000`` → ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostAndHeaders:
    """ASGI middleware: refuse unknown Host headers, add the security headers to every response."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        name = host_name(Headers(scope=scope).get("host", ""))
        if name not in self.hosts:
            refusal = PlainTextResponse(
                f"reinstate does not answer to the host '{name[:100]}'. Open it at http://127.0.0.1 "
                "(or start it with --allowed-host NAME for a name on your network).",
                status_code=400,
            )
            await refusal(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        return sending
