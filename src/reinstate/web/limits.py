"""The request-size limit: a body past it is refused as it arrives, never spooled to disk first.

Starlette's own limit answers with a bare "Content Too Large" that overrides any page; this one
raises an :class:`HTTPException` (413) from the body reader instead, so the app's error handler
answers in the page's language with what to do. A body is only counted when a route reads it.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes (declared or as received) with a 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        too_large = declared.isdigit() and int(declared) > self.limit
        received = 0

        async def limited() -> Message:
            nonlocal received
            if too_large:
                raise HTTPException(413)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # no length declared (chunked), or a client that lied
                    raise HTTPException(413)
            return message

        await self.app(scope, limited, send)
