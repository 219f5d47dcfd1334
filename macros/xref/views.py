"""Markdown for the cross-reference views: the backlinks under an article, the citation index
(article -> pages, page -> articles), the topic index and the report of laws not carried."""

from __future__ import annotations

from collections import defaultdict

from ..core.paths import rel_link
from ..core.sorting import pinyin_key
from ..laws.registry import LawRegistry
from .graph import KIND_ORDER, CitationGraph, page_kind


def backlinks_block(graph: CitationGraph, law_page: str, pages: list[str]) -> list[str]:
    """The compact 引用本条的内容 line under an article, grouped by kind of page."""
    if not pages:
        return []
    groups: dict[str, list[str]] = defaultdict(list)
    for p in pages:
        groups[page_kind(p)].append(f"[{graph.titles.get(p, p)}]({rel_link(law_page, p)})")
    body = "；".join(f"{kind}：{'、'.join(groups[kind])}" for kind in KIND_ORDER if kind in groups)
    return [f'<div class="law-backlinks" data-search-exclude markdown>\n**引用本条的内容** {body}\n</div>']


def citation_index(registry: LawRegistry, graph: CitationGraph, from_page: str) -> str:
    by_article = graph.by_article()
    out = ["## 按法条查引用页面 {#by-article}", ""]
    for law in registry.laws.values():
        cited = [a for a in law.ordered_articles() if (law.id, a.anchor) in by_article]
        out += [f"### {law.name} {{#law-{law.id}}}", ""]
        if not cited:
            out += ["本站内容暂未引用本法条文。", ""]
            continue
        out += ["| 条文 | 引用它的内容 |", "| --- | --- |"]
        for a in cited:
            pages = by_article[(law.id, a.anchor)]
            links = "、".join(f"[{graph.titles.get(p, p)}]({rel_link(from_page, p)})" for p in pages)
            out.append(f"| [{a.number}]({rel_link(from_page, a.page, a.anchor)}) | {links} |")
        out.append("")
    out += ["## 按页面查所引法条 {#by-page}", ""]
    by_page = graph.by_page()
    if not by_page:
        out.append("暂无。")
    else:
        out += ["| 页面 | 类别 | 所引法条 |", "| --- | --- | --- |"]
        for page in sorted(by_page, key=lambda p: (KIND_ORDER.index(page_kind(p)), p)):
            arts = []
            for law_id, anchor in by_page[page]:
                law = registry.laws[law_id]
                a = law.articles[anchor]
                arts.append(f"[{law.short_name}{a.number}]({rel_link(from_page, a.page, anchor)})")
            out.append(
                f"| [{graph.titles.get(page, page)}]({rel_link(from_page, page)}) "
                f"| {page_kind(page)} | {'、'.join(arts)} |"
            )
    return "\n".join(out)


def topic_index(topics: dict[str, list[str]], titles: dict[str, str], from_page: str) -> str:
    """topics: topic -> pages. One heading per topic, in pinyin order."""
    if not topics:
        return "暂无页面声明主题。"
    out = []
    for topic in sorted(topics, key=pinyin_key):
        pages = sorted(topics[topic], key=lambda p: (KIND_ORDER.index(page_kind(p)), p))
        out += [f"## {topic}", ""]
        out += [f"- [{titles.get(p, p)}]({rel_link(from_page, p)})（{page_kind(p)}）" for p in pages]
        out.append("")
    return "\n".join(out)


def unverified_quotation_report(graph: CitationGraph, from_page: str) -> str:
    """Quotations of laws the site does not carry: not yet checked against any text."""
    if not graph.unverified:
        return "没有未核对的引文。"
    out = ["| 引用 | 引文 | 所在页面 | 位置 |", "| --- | --- | --- | --- |"]
    for page, file, line, cite, words in sorted(graph.unverified, key=lambda u: (u[3], u[0], u[2] or 0)):
        where = f"第 {line} 行" if line else file
        out.append(
            f"| <span data-nocite>{cite}</span> | {words.replace('|', '｜')} "
            f"| [{graph.titles.get(page, page)}]({rel_link(from_page, page)}) | {where} |"
        )
    return "\n".join(out)


def unknown_law_report(graph: CitationGraph, from_page: str) -> str:
    if not graph.unknown:
        return "没有引用本站未收录法律的地方。"
    out = ["| 引用 | 所在页面 | 位置 |", "| --- | --- | --- |"]
    for page, file, line, text in sorted(graph.unknown, key=lambda u: (u[3], u[0])):
        where = f"第 {line} 行" if line else file
        out.append(
            f"| <span data-nocite>{text}</span> | [{graph.titles.get(page, page)}]"
            f"({rel_link(from_page, page)}) | {where} |"
        )
    return "\n".join(out)
