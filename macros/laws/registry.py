"""The law registry: every law the site carries, read from the law pages themselves (not from
the importer's source) — names and aliases, and each article's number, text, anchor and page.

A law may span several pages (民法典, one page per 编): pages with the same `law.id` are merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.files import ProjectFiles
from ..core.pagemeta import LawMeta
from ..core.paths import article_anchor, parse_anchor
from .lawpage import Article, LawPage, read_law_pages

_PRC = "中华人民共和国"


@dataclass(frozen=True)
class RegisteredArticle:
    law_id: str
    number: str  # 第六十二条, as the page heads it
    anchor: str  # art-62
    n: int  # 62
    sub: int | None  # 1 for 第一百二十条之一
    text: str
    page: str  # docs-relative path of the page that holds it


@dataclass
class Law:
    id: str
    name: str
    short_names: list[str]
    meta: LawMeta  # law: front matter (of the entry page)
    pages: list[str] = field(default_factory=list)  # docs-relative pages holding articles
    entry: str | None = None  # entry page of a law split into parts
    articles: dict[str, RegisteredArticle] = field(default_factory=dict)  # by anchor

    @property
    def aliases(self) -> list[str]:
        """Every name a Chinese writer might cite it by."""
        names = [self.name, *self.short_names]
        if self.name.startswith(_PRC):
            names.append(self.name[len(_PRC) :])
        # a title inside a title: 《关于修改〈中华人民共和国村民委员会组织法〉的决定》
        names += [n.replace("《", "〈").replace("》", "〉") for n in names if "《" in n]
        return list(dict.fromkeys(names))

    @property
    def short_name(self) -> str:
        return self.short_names[0] if self.short_names else self.name

    @property
    def entry_page(self) -> str:
        return self.entry or self.pages[0]

    def article(self, n: int, sub: int | None = None) -> RegisteredArticle | None:
        return self.articles.get(article_anchor(n, sub))

    def ordered_articles(self) -> list[RegisteredArticle]:
        return sorted(self.articles.values(), key=lambda a: (a.n, a.sub or 0))


@dataclass
class LawRegistry:
    laws: dict[str, Law] = field(default_factory=dict)
    page_law: dict[str, str] = field(default_factory=dict)  # page path -> law id
    _aliases: dict[str, str] = field(default_factory=dict)  # alias -> law id

    def add_page(self, rel: str, meta: LawMeta, articles: list[Article]) -> None:
        law = self.laws.get(meta.id)
        if law is None:
            law = Law(meta.id, meta.name, list(meta.short_names), meta=meta)
            self.laws[law.id] = law
            for alias in law.aliases:
                self._aliases.setdefault(alias, law.id)
        self.page_law[rel] = law.id
        if meta.parts:  # the entry page of a law split into parts (民法典): no articles
            law.entry, law.meta = rel, meta
            return
        law.pages.append(rel)
        for a in articles:
            n, sub = parse_anchor(a.anchor)  # type: ignore[misc]
            law.articles[a.anchor] = RegisteredArticle(law.id, a.number, a.anchor, n, sub, a.text, rel)

    def resolve(self, name: str) -> Law | None:
        """The law a name (with or without 《》) refers to, or None if the site does not carry it."""
        key = re.sub(r"\s+", "", name.strip("《》"))
        law_id = self._aliases.get(key)
        return self.laws[law_id] if law_id else None

    def aliases(self) -> dict[str, str]:
        return dict(self._aliases)


def build_registry(pages: dict[str, LawPage]) -> LawRegistry:
    """The registry from the parsed law pages (docs-relative path → page)."""
    registry = LawRegistry()
    # the parts of a split law in article order (file names are not: contracts < general)
    ordered = sorted(
        pages.items(), key=lambda kv: (kv[1].law.id, kv[1].articles[0].anchor_number if kv[1].articles else 0)
    )
    for rel, page in ordered:
        registry.add_page(rel, page.law, page.articles)
    return registry


def registry_for_docs(docs_dir: Path, files: ProjectFiles | None = None) -> LawRegistry:
    """The registry of a docs folder's law pages (for tools and tests outside a site load)."""
    return build_registry(read_law_pages(docs_dir, files))
