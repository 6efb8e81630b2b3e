"""Find the notice inside what was pasted, and cut it into the sections of Amazon's skeleton.

Modern notices share a fixed skeleton of question headings ("Why is this happening?", "How do I
reactivate my account?", ...). Those headings, the usual openers ("Your Amazon seller account has
been deactivated") and the id lines (``ASIN:``, ``Complaint ID:``) are anchors. A forum thread
around the notice has few of them, so the densest cluster of anchors is the notice, and replies
that mention other metrics in passing are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Section = tuple[str, int, int]  # name, first line, last line + 1 (0-based, in the cleaned lines)

HEADINGS: dict[str, re.Pattern[str]] = {
    "why": re.compile(
        r"^(?:why (?:is this happening|did this happen|did we take this action|are we (?:taking this action|"
        r"contacting you))|what happened|为(?:什么|何)会?(?:发生|出现)(?:这种|此|这个|该)?(?:情况|问题)?|为什么会这样)\s*[?？:：]?$",
        re.IGNORECASE,
    ),
    "reactivate": re.compile(
        r"^(?:how (?:do|can) i (?:reactivate|reinstate|restore|appeal)\b.{0,40}|what (?:do|should) i (?:need to )?do"
        r"(?: next| now)?|how can i get my .{0,30} back|(?:我)?(?:该|应该|要|可以)?如何(?:重新激活|重新启用|恢复|重新开通|申诉).{0,20})"
        r"\s*[?？:：]?$",
        re.IGNORECASE,
    ),
    "submit": re.compile(
        r"^(?:how (?:do|can) i (?:submit|send|provide) (?:this|the|my)\b.{0,40}|(?:我)?(?:该|应该|要)?如何(?:提交|发送|提供).{0,20})"
        r"\s*[?？:：]?$",
        re.IGNORECASE,
    ),
    "consequence": re.compile(
        r"^(?:what (?:happens|will happen) if i (?:do not|don't|do n't) .{0,60}|如果(?:我)?(?:不|未|没有).{0,30})"
        r"\s*[?？:：]?$",
        re.IGNORECASE,
    ),
    "error": re.compile(
        r"^(?:(?:has|have|was|were) (?:my|your) .{0,40} in error|do you (?:believe|think) .{0,60} in error|"
        r".{0,30}(?:是否|是不是).{0,20}(?:错误|误).{0,10}|您的[帐账]户是否已被停用)\s*[?？:：]?$",
        re.IGNORECASE,
    ),
}
SUBJECT = re.compile(r"^(?:subject|subj|betreff|asunto|objet|oggetto|主题|主旨|标题)\s*[:：]", re.IGNORECASE)
OPENERS = re.compile(
    r"(?:your (?:amazon(?:\.[a-z.]+)? )?(?:seller|selling) (?:account|privileges)|selling privileges|"
    r"we (?:have )?(?:removed|closed|deactivated|suspended|restricted|placed)\b|(?:has|have) been (?:permanently |temporarily )?(?:deactivated|suspended|restricted|removed|closed)|ability to sell|"
    r"we are writing to (?:let you know|inform you)|dear seller|seller performance team|"
    r"卖家账户|销售权限|已被停用|已停用|移除了您的|下架|亲爱的卖家|卖家绩效团队)",
    re.IGNORECASE,
)
ID_LINE = re.compile(
    r"^(?:asin|isbn|complaint id|complaint type|infringement type|order id|title|标题|投诉编号|投诉类型|侵权类型|订单编号)"
    r"(?:\s*\(s\))?\s*[:：]",
    re.IGNORECASE,
)
BARE_IDS = re.compile(r"^(?:(?:B0[0-9A-Z]{8}|\d{9}[\dX]|\d{3}-\d{7}-\d{7})[\s,;]*)+$")
SIGN_OFF = re.compile(
    r"^(?:sincerely|regards|best regards|kind regards|thank you\.?|seller performance(?: team)?|amazon\.[a-z.]+|"
    r"amazon services|此致|敬礼|谢谢|亚马逊(?:卖家绩效)?团队)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|(?i:my|me|mine))\b|我(?!们)")
FORUM_MARKER = re.compile(
    r"posted by|^reply\b|\blike \(\d+\)|\b(?:wrote|said):\s*$|^re:|^-{3,}$|^quote\b|seller forums|^回复\s*\d*\s*楼|\d+\s*个回复|楼主|发帖|赞同来自",
    re.IGNORECASE,
)
INLINE_HEADING = re.compile(
    r"(why (?:is this happening|did this happen)\?|how (?:do|can) i (?:reactivate|reinstate|restore|appeal)[^?.\n]{0,40}\?|"
    r"how (?:do|can) i (?:submit|send|provide) (?:this|the)[^?.\n]{0,40}\?|what happens if i (?:do not|don't)[^?.\n]{0,60}\?|"
    r"(?:has|have) your [^?.\n]{0,40} in error\?|为什么[^。？?\n]{0,12}[？?]|(?:我)?(?:该|应该)?如何[^。？?\n]{0,16}[？?]|"
    r"如果我[^。？?\n]{0,20}[？?]|您的[帐账]户是否[^。？?\n]{0,16}[？?])",
    re.IGNORECASE,
)
CLUSTER_GAP = 14


@dataclass(frozen=True)
class Region:
    """The span of lines read as the notice, and its sections."""

    start: int
    end: int
    sections: tuple[Section, ...]
    trimmed: bool  # True when lines around the notice were left out


def unfold_headings(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Put skeleton headings that a paste ran into the text ("... email. Why is this happening? You
    have ...") on lines of their own, so the sections can be told apart."""
    out: list[str] = []
    for line in lines:
        if len(line) <= 100 and heading_of(line):
            out.append(line)
            continue
        parts = [p.strip() for p in INLINE_HEADING.split(line)]
        out += [p for p in parts if p] or [line]
    return tuple(out)


def heading_of(line: str) -> str | None:
    """The skeleton section a heading line opens, or ``None`` for any other line."""
    if not line or len(line) > 100:
        return None
    for name, pattern in HEADINGS.items():
        if pattern.match(line):
            return name
    return None


def _anchor_weight(line: str) -> float:
    if heading_of(line):
        return 3.0
    if ID_LINE.match(line):
        return 1.0
    if BARE_IDS.match(line):
        return 0.5
    if OPENERS.search(line) and not FIRST_PERSON.search(line):
        return 2.0
    return 0.0


def _best_cluster(lines: tuple[str, ...]) -> tuple[int, int, float] | None:
    anchors = [(i, w) for i, line in enumerate(lines) if (w := _anchor_weight(line)) > 0]
    if not anchors:
        return None
    clusters: list[list[tuple[int, float]]] = [[anchors[0]]]
    for index, weight in anchors[1:]:
        if index - clusters[-1][-1][0] <= CLUSTER_GAP:
            clusters[-1].append((index, weight))
        else:
            clusters.append([(index, weight)])
    best = max(clusters, key=lambda c: sum(w for _, w in c))
    return best[0][0], best[-1][0], sum(w for _, w in best)


def locate(lines: tuple[str, ...]) -> Region:
    """The notice's lines within ``lines``: the densest cluster of anchors, widened paragraph by paragraph.

    Widening stops at a paragraph that reads like a person rather than Amazon (first person
    singular outside the skeleton headings, forum markers such as "posted by" or "Reply"), and
    after the sign-off.
    """
    cluster = _best_cluster(lines)
    if cluster is None or cluster[2] < 2.0:
        return Region(0, len(lines), split_sections(lines, 0, len(lines)), trimmed=False)
    first, last, _ = cluster
    start, end = _paragraph(lines, first)[0], _paragraph(lines, last)[1]
    while start < first and not _notice_like((lines[start],)):  # a poster's words on the lines above
        start += 1
    while start > 0:
        j = start - 1
        while j >= 0 and not lines[j]:
            j -= 1
        if j < 0:
            break
        p_start, p_end = _paragraph(lines, j)
        if not _notice_like(lines[p_start:p_end]):
            break
        start = p_start
    signed = any(_signs_off(line) for line in lines[first:end])
    while end < len(lines) and not signed:
        j = end
        while j < len(lines) and not lines[j]:
            j += 1
        if j >= len(lines):
            break
        p_start, p_end = _paragraph(lines, j)
        if not _notice_like(lines[p_start:p_end]):
            break
        end = p_end
        signed = any(_signs_off(line) for line in lines[p_start:p_end])
    trimmed = _substantial(lines[:start]) or _substantial(lines[end:])
    return Region(start, end, split_sections(lines, start, end), trimmed=trimmed)


def _paragraph(lines: tuple[str, ...], index: int) -> tuple[int, int]:
    """The first line and the line after the last of the paragraph that holds ``index``."""
    start, end = index, index + 1
    while start > 0 and lines[start - 1]:
        start -= 1
    while end < len(lines) and lines[end]:
        end += 1
    return start, end


def _notice_like(paragraph: tuple[str, ...]) -> bool:
    """True unless the paragraph reads like a person writing (first person singular) or forum chrome."""
    if any(FORUM_MARKER.search(line) for line in paragraph):
        return False
    return not FIRST_PERSON.search(" ".join(line for line in paragraph if not heading_of(line)))


def _signs_off(line: str) -> bool:
    return len(line) <= 40 and bool(SIGN_OFF.match(line))


def _substantial(lines: tuple[str, ...]) -> bool:
    """More than a stray line or two: worth telling the seller that it was left out."""
    kept = [line for line in lines if line]
    return len(kept) > 2 or sum(len(line) for line in kept) > 120


def split_sections(lines: tuple[str, ...], start: int, end: int) -> tuple[Section, ...]:
    """Cut ``lines[start:end]`` at the skeleton headings.

    The part before the first heading is ``intro`` (``body`` when the notice has no headings at
    all); a ``Subject:`` line is its own ``subject`` section.
    """
    sections: list[Section] = []
    has_headings = any(heading_of(lines[i]) for i in range(start, end))
    name, begin = ("intro" if has_headings else "body"), start
    for i in range(start, end):
        heading = heading_of(lines[i])
        if SUBJECT.match(lines[i]):
            if i > begin:
                sections.append((name, begin, i))
            sections.append(("subject", i, i + 1))
            begin = i + 1
        elif heading:
            if i > begin:
                sections.append((name, begin, i))
            name, begin = heading, i
    if end > begin:
        sections.append((name, begin, end))
    return tuple(sections)
