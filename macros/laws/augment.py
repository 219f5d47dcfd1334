"""Adds generated blocks under each article of a law page at build time (backlinks, article
keywords, amendment history …) without touching the importer's page on disk.

A provider is a function (law_id, anchor) -> list of Markdown blocks; the blocks are inserted
after the article's text, before the next heading, in provider order."""

from __future__ import annotations

import re
from collections.abc import Callable

ArticleBlocks = Callable[[str, str], list[str]]

_ARTICLE_HEADING = re.compile(r"^#{2,6} .+ \{#(art-\d+(?:-\d+)?)\}\s*$")
_ANY_HEADING = re.compile(r"^#{1,6} ")


def augment_law_markdown(markdown: str, law_id: str, providers: list[ArticleBlocks]) -> str:
    if not providers:
        return markdown
    out: list[str] = []
    current: str | None = None

    def flush():
        if current is None:
            return
        blocks = [b for p in providers for b in p(law_id, current)]
        if blocks:
            while out and not out[-1].strip():
                out.pop()
            out.append("")
            for block in blocks:
                out.extend([block.rstrip("\n"), ""])

    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and _ANY_HEADING.match(line):
            flush()
            m = _ARTICLE_HEADING.match(line)
            current = m.group(1) if m else None
        out.append(line)
    flush()
    return "\n".join(out)
