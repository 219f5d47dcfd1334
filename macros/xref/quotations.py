"""Quotations attached to citations: the words a page says an article says must be in it.

The build already proves that a cited article exists; it cannot tell whether the article says
what the sentence claims. Where a page quotes the article right after citing it, it can:

    《土地管理法》第十四条规定：“个人之间、个人与单位之间的争议，由乡级人民政府……处理”
    依据《村民委员会组织法》第六条（“乡、民族乡、镇的人民政府对村民委员会的工作给予指导、支持和帮助”）
    《人民调解法》第三十三条：“……自调解协议生效之日起三十日内共同向人民法院申请司法确认……”

The quoted words must appear in the cited article(s) exactly, whitespace aside; “……” leaves out
a stretch, and the pieces must come in the article's order. ‘’ inside a quotation stands for
“” in the article. A quotation of a law the site does not carry is recorded as unverified.

Sections that state the legal basis (a reception script's 法律依据, a template's 依据) must
quote: every item that cites an article carries at least one such quotation, so the words the
page relies on are always checked. Plain Python, no mkdocs import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .citations import Citation

# what may stand between the citation and its opening quotation mark
_LEAD = re.compile(r"(?:中|里)?(?:的)?(?:明确)?(?:规定|写明|写道|指出)?[：:][ \t\u3000]*“|[ \t\u3000]*[（(]“")
_ELLIPSIS = re.compile(r"…+|\.{3,}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Quotation:
    citation: Citation
    start: int  # offsets of the quoted words (inside the quotation marks)
    end: int
    words: str


def quotation_after(text: str, cit: Citation) -> Quotation | None:
    """The quotation that directly follows a citation in `text`, if any."""
    m = _LEAD.match(text, cit.end)
    if not m:
        return None
    close = text.find("”", m.end())
    if close == -1:
        return None
    return Quotation(cit, m.end(), close, text[m.end() : close])


def _normal(text: str) -> str:
    return _SPACE.sub("", text).replace("‘", "“").replace("’", "”")


def pieces(words: str) -> list[str]:
    """The stretches of a quotation between its ellipses, normalised for comparison."""
    return [p for p in (_normal(s) for s in _ELLIPSIS.split(words)) if p]


def quoted_in(words: str, article_text: str) -> bool:
    """Whether every piece of the quotation is in the article text, in order."""
    text, at = _normal(article_text), 0
    parts = pieces(words)
    if not parts:
        return False
    for part in parts:
        found = text.find(part, at)
        if found == -1:
            return False
        at = found + len(part)
    return True


def mismatch_message(q: Quotation, law, articles) -> str:
    numbers = "、".join(a.number for a in articles)
    shown = articles[0].text.replace("\n", " ")
    if len(shown) > 90:
        shown = shown[:90] + "……"
    return (
        f"引文“{q.words}”不在{law.short_name}{numbers}的条文中：引号里的字必须与条文一字不差"
        f"（可用“……”省略中间部分）。{law.short_name}{articles[0].number}的原文是：“{shown}”。"
        "请对照条文改正引文或条号，或去掉引号改用自己的话转述"
    )


# ---- the sections that state a page's legal basis -----------------------------------------

BASIS_HEADINGS = {"reception": "法律依据", "templates": "依据"}
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class BasisItem:
    line: int  # where the item starts
    text: str  # the item, continuation lines joined


def basis_items(body: str, first_line: int, heading: str) -> list[BasisItem]:
    """The top-level list items of the `## heading` section of a page body."""
    items: list[BasisItem] = []
    inside, start = False, 0
    current: list[str] = []
    for offset, line in enumerate(body.split("\n")):
        m = _HEADING.match(line)
        if m:
            if current:
                items.append(BasisItem(start, "".join(current)))
                current = []
            inside = len(m.group(1)) == 2 and m.group(2) == heading
            continue
        if not inside:
            continue
        if _ITEM.match(line):
            if current:
                items.append(BasisItem(start, "".join(current)))
            current, start = [_ITEM.sub("", line).strip()], first_line + offset
        elif line.strip() and current and line.startswith((" ", "\t")):
            current.append(line.strip())
        elif line.strip() == "" and current:
            items.append(BasisItem(start, "".join(current)))
            current = []
    if current:
        items.append(BasisItem(start, "".join(current)))
    return items
