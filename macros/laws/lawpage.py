"""Reads a generated law page back: its metadata and its articles (number, anchor, text,
chapter, section, line). The law registry and the importer's check both stand on this."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ContentError
from ..core.frontmatter import split_front_matter

_HEADING = re.compile(r"^(#{1,6}) (.+?)(?: \{#([\w-]+)\})?\s*$")
_ARTICLE_ID = re.compile(r"^art-\d+(?:-\d+)?$")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]{}#>+\-.)])")


def article_anchor(number: int, sub: int | None = None) -> str:
    """art-62; art-120-1 for 第一百二十条之一."""
    return f"art-{number}" if sub is None else f"art-{number}-{sub}"


def normalise_text(text: str) -> str:
    """Whitespace-insensitive form of article text, for comparisons."""
    return re.sub(r"\s+", "", text)


def unescape_markdown(line: str) -> str:
    return _UNESCAPE.sub(r"\1", line).replace("&lt;", "<").replace("&amp;", "&")


@dataclass
class Article:
    number: str                 # 第六十二条
    anchor: str                 # art-62
    text: str = ""              # 款 separated by newlines, as in the source
    chapter: str | None = None
    section: str | None = None
    line: int = 0               # line of the heading in the page file

    @property
    def anchor_number(self) -> int:
        return int(self.anchor.split("-")[1])


@dataclass
class LawPage:
    path: Path
    meta: dict
    articles: list[Article] = field(default_factory=list)

    @property
    def law(self) -> dict:
        return self.meta.get("law", {})


def parse_law_page(path: Path) -> LawPage:
    meta, body, first_line = split_front_matter(path.read_text(encoding="utf-8"), path)
    if not isinstance(meta.get("law"), dict):
        raise ContentError(path, "法律页面的页首信息缺少 law: 段")
    page = LawPage(path, meta)
    chapter = section = None
    current: Article | None = None
    paragraphs: list[str] = []
    seen: dict[str, int] = {}

    def close():
        if current is not None:
            current.text = "\n".join(paragraphs)

    for offset, line in enumerate(body.split("\n")):
        lineno = first_line + offset
        m = _HEADING.match(line)
        if m:
            level, title, anchor = len(m.group(1)), m.group(2), m.group(3)
            if anchor and _ARTICLE_ID.match(anchor):
                close()
                if anchor in seen:
                    raise ContentError(path, f"锚点 #{anchor} 重复（第 {seen[anchor]} 行已有）", line=lineno)
                seen[anchor] = lineno
                current, paragraphs = Article(title, anchor, "", chapter, section, lineno), []
                page.articles.append(current)
                continue
            close()
            current = None
            if level == 2:
                chapter, section = title, None
            elif level == 3 and title.startswith("第") and "节" in title:
                section = title
            continue
        # indented lines belong to admonitions (the page's info box), not to article text
        if current is not None and line.strip() and not line.startswith("    "):
            paragraphs.append(unescape_markdown(line.strip()))
    close()
    return page
