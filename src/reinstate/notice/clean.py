"""Turn whatever a seller pasted into plain lines of text.

Sellers paste notices straight from an email client or a forum: HTML markup, quoted-printable
bodies (``=3D``, soft line breaks ``=`` at the end of a line), forum quote markers, non-breaking
spaces and curly quotes. :func:`clean_text` undoes all of that so the reader sees the words only.
Nothing here knows what a notice says.
"""

from __future__ import annotations

import html
import quopri
import re
from dataclasses import dataclass
from html.parser import HTMLParser

QP_ESCAPE = re.compile(r"=(?:\r?\n|[0-9A-F]{2})")
# Escapes that plain text hardly ever contains: "=3D" (an equals sign) and UTF-8 byte pairs such
# as "=E2=80" or "=C3=A9"; "itemID=200285170" in a help link is not one.
QP_STRONG = re.compile(r"=3D|=(?:C[2-9A-F]|D[0-9A-F]|E[0-9A-F]|F[0-4])=[89AB][0-9A-F]")
QP_HEADER = re.compile(r"content-transfer-encoding:\s*quoted-printable", re.IGNORECASE)
HTML_TAG = re.compile(
    r"<\s*(?:html|body|div|p|br|table|tr|td|span|font|b|strong|li|ul|a)\b[^>]*>", re.IGNORECASE
)
BLOCK_TAGS = {
    "p", "div", "br", "tr", "table", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "hr", "title", "dt", "dd",
}  # fmt: skip
HIDDEN_TAGS = {"script", "style", "head"}
QUOTE_PREFIX = re.compile(r"^(?:\s*>)+ ?")
BOILERPLATE = re.compile(
    r"^\s*(?:(?:copyright\s*)?©|copyright\s+(?:©\s*)?(?:\d{4}|\(c\)))|all rights reserved|"
    r"^\s*(?:unsubscribe|view this (?:e-?mail|message) in your browser)",
    re.IGNORECASE,
)
MAIL_HEADER = re.compile(
    r"^(?:content-type|content-transfer-encoding|content-disposition|mime-version|message-id|x-[\w-]+|received|"
    r"return-path|dkim-signature|arc-[\w-]+|authentication-results|delivered-to|reply-to|references|in-reply-to|"
    r"thread-(?:topic|index)|feedback-id)\s*:",
    re.IGNORECASE,
)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000\t"), " ")
QUOTES = {ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


@dataclass(frozen=True)
class CleanText:
    """The cleaned lines and what had to be undone to get them."""

    lines: tuple[str, ...]
    was_html: bool = False
    was_quoted_printable: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def looks_quoted_printable(text: str) -> bool:
    """True for a raw quoted-printable body: a transfer-encoding header or several ``=XX`` escapes."""
    if QP_HEADER.search(text):
        return True
    escapes = QP_ESCAPE.findall(text)
    soft_breaks = sum(1 for e in escapes if e.startswith("=\n") or e.startswith("=\r"))
    return (soft_breaks >= 1 and len(escapes) >= 2) or len(QP_STRONG.findall(text)) >= 2


def decode_quoted_printable(text: str) -> str:
    """Decode a quoted-printable body; bytes that are not UTF-8 are read as Windows-1252."""
    raw = quopri.decodestring(text.replace("\r\n", "\n").encode("utf-8", "replace"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def looks_like_html(text: str) -> bool:
    """True when the text carries at least two HTML tags of the kinds emails use."""
    return len(HTML_TAG.findall(text[:200_000])) >= 2


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML document, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(text: str) -> str:
    """The visible text of an HTML email, block elements on their own lines."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def normalise_line(line: str) -> str:
    """One line with invisible characters dropped and quotes, dashes and spaces made plain."""
    line = line.translate(INVISIBLE).translate(SPACES).translate(QUOTES).translate(DASHES)
    line = QUOTE_PREFIX.sub("", line)
    return re.sub(r" {2,}", " ", line).strip()


def clean_text(text: str) -> CleanText:
    """Plain lines from a pasted notice: decoded, markup removed, boilerplate footers dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    was_qp = looks_quoted_printable(text)
    if was_qp:
        text = decode_quoted_printable(text)
    was_html = looks_like_html(text)
    if was_html:
        text = html_to_text(text)
    elif "&nbsp;" in text or "&#" in text or "&amp;" in text:
        text = html.unescape(text)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = normalise_line(raw)
        if BOILERPLATE.search(line) or MAIL_HEADER.match(line):
            continue
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return CleanText(lines=tuple(lines), was_html=was_html, was_quoted_printable=was_qp)
