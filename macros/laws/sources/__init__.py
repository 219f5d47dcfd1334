"""The law model every source adapter reads into: a law's articles in order, each with its
number, anchor, text (款 separated by newlines, 项 as the source has them) and the chapter and
section it stands under. The importer renders pages from this model and nothing else, so the rest
of the site does not know where a law came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceArticle:
    number: str  # as written: 第六十二条
    anchor: str  # art-62, art-120-1 for 第一百二十条之一
    text: str  # the source text, 款 separated by newlines
    chapter: str | None
    section: str | None


@dataclass
class SourceLaw:
    law_id: str  # the source's own id for the law (database id, file name …)
    name: str
    articles: list[SourceArticle] = field(default_factory=list)
    source: str = ""  # where the text came from, for the page's front matter
    source_note: str = ""  # the same, as the page's info box says it
