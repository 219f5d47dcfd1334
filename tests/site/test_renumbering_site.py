"""The generated old -> new table and the 沿革 notes, as they come out in the built site."""
from __future__ import annotations

import re

from .test_site_build import article_html, text_of


def test_table_lists_every_old_article_with_links(built_site):
    page = (built_site / "laws/villagers-committee-renumbering.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr>\s*<td><span id="old-(\d+)"></span>(.*?)</tr>', page, re.S)
    assert [int(n) for n, _ in rows] == list(range(1, 42))
    row6 = dict(rows)["6"]
    assert '<a href="villagers-committee.html#art-8">第八条</a>' in row6
    assert '<a href="villagers-committee.html#art-42">第四十二条</a>' in row6
    assert "第三款并入第四十二条" in text_of(row6)
    assert '<a href="villagers-committee-amendment-2025.html#art-6">条目六</a>' in row6
    assert "内容未变，序号调整" in text_of(dict(rows)["11"])
    assert "拆分：第一款改入第四十三条，第二款改入第四十二条" in text_of(dict(rows)["37"])
    added = page[page.index('id="added"'):]
    assert re.findall(r'villagers-committee.html#art-(\d+)">', added)[:8] == ["5", "7", "13", "20", "33", "44", "45", "46"]


def test_every_current_article_has_one_history_note(built_site):
    notes = {}
    for n in range(1, 51):
        frag = article_html(built_site, "villagers-committee", f"art-{n}")
        found = re.findall(r'<p class="article-history">(.*?)</p>', frag, re.S)
        assert len(found) == 1, f"第{n}条"
        notes[n] = found[0]
    assert text_of(notes[8]) == "沿革：原第六条，2025年修改（条目六、条目二十六）。"
    assert '<a href="villagers-committee-renumbering.html#old-6">原第六条</a>' in notes[8]
    assert '<a href="villagers-committee-amendment-2025.html#art-6">条目六</a>' in notes[8]
    assert text_of(notes[5]) == "沿革：2025年修改时新增（条目四）。"
    assert text_of(notes[14]) == "沿革：原第十一条，2025年修改时只调整了条文序号，内容未变。"
    assert text_of(notes[42]) == "沿革：由原第六条第三款、原第三十七条第二款合并而成，2025年修改（条目二十六）。"
    assert text_of(notes[43]) == "沿革：原第三十七条第一款，2025年修改时单独成条（条目二十七）。"


def test_decision_items_show_the_articles_they_concern(built_site):
    frag = article_html(built_site, "villagers-committee-amendment-2025", "art-6")
    assert text_of(frag).count("本项涉及：原第六条 → 现第八条、现第四十二条。") == 1
    assert '<a href="villagers-committee.html#art-8">现第八条</a>' in frag
    assert "本项涉及：新增 现第五条。" in text_of(article_html(built_site, "villagers-committee-amendment-2025", "art-4"))
    # the heading keeps the source's own label
    assert '<h2 id="art-29">条目二十九' in (built_site / "laws/villagers-committee-amendment-2025.html").read_text(encoding="utf-8")
