"""The request-size limit: a body past it is refused as it arrives, never spooled to disk first.

Starlette's own limit answers with a bare "Content Too Large" that overrides any page; this one
raises an :class:`HTTPException` (413) from the body reader instead, so the app's error handler
answers in the page's language with what to do. A body is only counted when a route reads it.
"""

from __future__ import annotations

from starlette.datastructures import Headers, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reinstate.errors import InputError


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


MAX_FILES = 20  # one submit; more is a mistake (a whole folder), said plainly


async def chosen_files(
    request: Request, *, default_name: str, none_fix: str, many_fix: str, too_large_fix: str
) -> list[tuple[str, bytes]]:
    """The files of the form's ``file`` field as (name, content): at least one, at most :data:`MAX_FILES`,
    each within the upload limit (the body limit above already bounds them together); the fixes say what
    to do in the words of the page that asked (``many_fix`` takes ``{n}``, the most files at once)."""
    limit = request.app.state.settings.max_upload_bytes
    form = await request.form(max_part_size=limit + 1, max_files=MAX_FILES + 1)
    uploads = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
    if not uploads:
        raise InputError("no file was chosen.", fix=none_fix)
    if len(uploads) > MAX_FILES:
        raise InputError(f"{len(uploads)} files at once.", fix=many_fix.format(n=MAX_FILES))
    files = []
    for upload in uploads:
        name = upload.filename or default_name
        content = await upload.read(limit + 1)
        if len(content) > limit:
            raise InputError(f"'{name}' is larger than {limit // (1024 * 1024)} MB.", fix=too_large_fix)
        files.append((name, content))
    return files
