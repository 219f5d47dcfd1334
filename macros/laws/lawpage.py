"""Reads a generated law page back: its metadata and its articles (number, anchor, text,
chapter, section, line). The law registry and the importer's check both stand on this."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ContentError
from ..core.files import ProjectFiles
from ..core.frontmatter import split_front_matter
from ..core.pagemeta import LawMeta
from ..core.paths import parse_anchor

_HEADING = re.compile(r"^(#{1,6}) (.+?)(?: \{#([\w-]+)\})?\s*$")
_ARTICLE_ID = re.compile(r"^art-\d+(?:-\d+)?$")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]{}#>+\-.)])")


def normalise_text(text: str) -> str:
    """Whitespace-insensitive form of article text, for comparisons."""
    return re.sub(r"\s+", "", text)


def unescape_markdown(line: str) -> str:
    return _UNESCAPE.sub(r"\1", line).replace("&lt;", "<").replace("&amp;", "&")


@dataclass
class Article:
    number: str  # 第六十二条
    anchor: str  # art-62
    text: str = ""  # 款 separated by newlines, as in the source
    chapter: str | None = None
    section: str | None = None
    line: int = 0  # line of the heading in the page file

    @property
    def anchor_number(self) -> int:
        return parse_anchor(self.anchor)[0]  # type: ignore[index]


@dataclass
class LawPage:
    path: Path
    law: LawMeta  # the page's law: front matter
    articles: list[Article] = field(default_factory=list)


def is_law_page(text: str) -> bool:
    """Only pages whose front matter has a law: section are law pages (not the catalogue)."""
    return text.startswith("---\n") and "\nlaw:" in text.split("\n---\n", 1)[0]


def parse_law_page(path: Path, files: ProjectFiles | None = None) -> LawPage:
    return parse_law_text((files or ProjectFiles()).text(path), path)


def parse_law_text(text: str, path: Path) -> LawPage:
    meta, body, first_line = split_front_matter(text, path)
    if not isinstance(meta.get("law"), dict):
        raise ContentError(path, "法律页面的页首信息缺少 law: 段")
    try:
        law = LawMeta.model_validate(meta["law"])
    except ValueError as e:
        raise ContentError(
            path, f"法律页面的页首信息 law: 段有误（{e}）；法律页面由导入程序生成，请重新导入，不要手工修改"
        ) from None
    page = LawPage(path, law)
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


def read_law_pages(docs_dir: Path, files: ProjectFiles | None = None) -> dict[str, LawPage]:
    """Every law page under docs/laws/, parsed: docs-relative path → page."""
    files = files or ProjectFiles()
    out = {}
    for path in sorted((docs_dir / "laws").rglob("*.md")):
        text = files.text(path)
        if is_law_page(text):
            out[path.relative_to(docs_dir).as_posix()] = parse_law_text(text, path)
    return out
