"""Turns recognised citations in a rendered page's HTML into links to the article, with the
article's text as the link title (Material's content.tooltips shows it as a preview).

Works on HTML, after Markdown and macros, so citations written anywhere — paragraphs, lists,
tables, admonitions, macro output — are linked alike. Text inside links, code, headings, form
controls and elements marked data-nocite is left alone."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable

from ..laws.registry import LawRegistry, RegisteredArticle
from .citations import CitationFinder

SKIP_TAGS = {
    "a",
    "code",
    "pre",
    "kbd",
    "script",
    "style",
    "textarea",
    "title",
    "label",
    "button",
    "select",
    "option",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
TOOLTIP_CHARS = 180


def tooltip(article: RegisteredArticle, law_short_name: str) -> str:
    text = article.text.replace("\n", " ")
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + "……"
    return f"{law_short_name}{article.number}：{text}"


def link_citations(
    html: str,
    registry: LawRegistry,
    finder: CitationFinder,
    url_for: Callable[[RegisteredArticle], str],
    current_law_id: str | None = None,
) -> str:
    parts = _TAG.split(html)
    skip_name, depth = None, 0
    for i, token in enumerate(parts):
        if i % 2 == 1:  # a tag
            m = _TAG_NAME.match(token)
            if not m:
                continue
            name, closing = m.group(1).lower(), token.startswith("</")
            selfclosing = token.endswith("/>")
            if skip_name:
                if name == skip_name and not selfclosing:
                    depth += -1 if closing else 1
                    if depth == 0:
                        skip_name = None
            elif not closing and not selfclosing and (name in SKIP_TAGS or "data-nocite" in token):
                skip_name, depth = name, 1
        elif token and not skip_name and "第" in token:
            parts[i] = _link_text(token, registry, finder, url_for, current_law_id)
    return "".join(parts)


def _link_text(text, registry, finder, url_for, current_law_id) -> str:
    cits = finder.find(text, current_law_id)
    if not cits:
        return text
    out, pos = [], 0
    for cit in cits:
        if cit.law_id is None:
            continue  # a law the site does not carry: reported, not linked
        law = registry.laws[cit.law_id]
        for k, ref in enumerate(cit.refs):
            art = law.article(ref.n, ref.sub)
            if art is None:
                continue
            start = cit.start if k == 0 else ref.start  # the first link takes the law's name too
            out.append(text[pos:start])
            title = htmllib.escape(tooltip(art, law.short_name), quote=True)
            out.append(
                f'<a class="law-cite" href="{htmllib.escape(url_for(art))}" title="{title}">{text[start : ref.end]}</a>'
            )
            pos = ref.end
    out.append(text[pos:])
    return "".join(out)
