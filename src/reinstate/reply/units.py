"""Cut a reply into the units Amazon writes its points in: sentences, and each item of a list.

Amazon's answers list what is missing ("-- Greater detail on the root cause...", "• You have provided
an Order Confirmation..."). A list item is a unit of its own even when it has no full stop, and it
remembers whether the sentence that leads the list asks for something ("...is missing the following
information:", "请提供以下信息："), because an item such as "Root cause of buyers receiving defective
items" asks only through its lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reinstate.notice.requests import join_lines, split_sentences

BULLET = re.compile(
    r"^\s*(?:-{1,2}|•|\*|·|–|—|▪|○|●|\d{1,2}\s*[.)、]|[a-h][.)]|[一二三四五六七八九十][、.])\s*(?=\S)"
)
REQUEST = re.compile(
    r"\b(?:please|kindly|provide|submit|send|include|attach|upload|resubmit|we need|we require|"
    r"must|required|requires|missing|the following|greater detail|more detail|explain|make sure|ensure)\b|"
    r"请|需要|必须|缺少|补充|提供|提交|上传|以下",
    re.IGNORECASE,
)
ITEM_END = re.compile(r"[.!?。！？;；]\s*$")
LEADS_LIST = re.compile(r"[:：]\s*$|following|以下|如下")


@dataclass(frozen=True)
class Unit:
    """One sentence or list item; ``listed`` when it is an item of a list whose lead asks for something."""

    text: str
    listed: bool = False
    bullet: bool = False

    @property
    def asks(self) -> bool:
        """Whether this unit itself, or the list it stands in, asks for something."""
        return self.listed or bool(REQUEST.search(self.text))


def _blocks(lines: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Paragraphs as (text, is a list item): a bullet line starts a block of its own."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    bullet = False
    for line in [*lines, ""]:
        starts_item = bool(BULLET.match(line))
        # after a list item, a line that starts a new sentence ends the item ("-- Greater detail on X." /
        # "We reviewed your appeal..."): items are short, the prose after a list is not part of it
        ends_item = bullet and bool(current) and bool(ITEM_END.search(current[-1])) and not line[:1].islower()
        if (not line or starts_item or ends_item) and current:
            blocks.append((join_lines(current), bullet))
            current = []
        if line:
            if not current:
                bullet = starts_item
            current.append(BULLET.sub("", line, count=1) if starts_item else line)
    return blocks


def units(lines: tuple[str, ...]) -> list[Unit]:
    """The reply's units in order, list items marked with whether their lead asks for something."""
    out: list[Unit] = []
    in_request_list = False
    for text, bullet in _blocks(lines):
        if bullet:
            out.append(Unit(text.strip(), listed=in_request_list, bullet=True))
            continue
        sentences = split_sentences(text) or [text]
        for sentence in sentences:
            out.append(Unit(sentence.strip()))
        last = sentences[-1]
        in_request_list = bool(REQUEST.search(last) and LEADS_LIST.search(last))
    return [u for u in out if u.text]
