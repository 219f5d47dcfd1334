"""救济途径与时限 in the built site (docs/reception/remedies.yaml → docs/reception/remedies.md): the real page shows
every row under its agreed anchor with its time limits, the law pages list it as citing them,
and a bad data file is refused with a Chinese message naming the file, the entry and the article."""
from __future__ import annotations

import html
import re
import textwrap

import pytest

from macros.content.remedies import REMEDIES_FILE, load_remedies, remedies_markdown
from macros.core.errors import ContentError

from ..harness.project import ROOT, real_site

DOCS = ROOT / "docs"
REGISTRY, FINDER = real_site().registry, real_site().finder
# the anchors reception scripts link to (helper brief, issue 12): never renamed
ANCHORS = [
    "administrative-decision", "land-dispute-decision", "planning-enforcement", "administrative-penalty",
    "homestead-refusal", "contract-arbitration", "arbitration-award", "mediation-agreement",
    "petition-review", "requisition-compensation", "village-committee-decision",
    "village-rules-correction", "collective-organization-decision", "civil-claims", "protection-order",
]


@pytest.fixture(scope="module")
def table():
    return load_remedies(DOCS, REGISTRY, FINDER)


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", fragment)))


@pytest.fixture(scope="module")
def page(built_site) -> str:
    return (built_site / "reception/remedies.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The rendered section of one row: from its heading to the next row's."""
    start = page.index(f'<h2 id="{anchor}"')
    end = page.find("<h2 ", start + 1)
    return page[start:end if end != -1 else page.index("</article>")]


@pytest.mark.parametrize("anchor", ANCHORS)
def test_the_page_shows_each_row_under_its_anchor_with_its_time_limits(page, table, anchor):
    row = next(r for r in table.rows if r.id == anchor)
    shown = section(page, anchor)
    assert text_of(shown).startswith(text_of(row.title))
    for route in row.routes:
        assert text_of(route.remedy) in text_of(shown)
        limit = re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", route.time_limit or "所引条文没有规定期限")
        assert f"时限：{text_of(limit)}" in text_of(shown), (anchor, route.remedy)
        for b in route.basis:                  # the article's words, after its citation
            assert text_of(f"{b.cite}：“{b.quote}”") in text_of(shown)
    # the overview at the top links the row
    assert f'<a href="#{anchor}">' in page


def test_key_time_limits_as_the_articles_say_them(page):
    expected = {
        "administrative-decision": ["六十日内", "六个月内", "收到复议决定书之日起十五日内"],
        "land-dispute-decision": ["自接到处理决定通知之日起三十日内"],
        "contract-arbitration": ["二年，自当事人知道或者应当知道其权利被侵害之日起计算"],
        "arbitration-award": ["自收到裁决书之日起三十日内"],
        "mediation-agreement": ["自调解协议生效之日起三十日内"],
        "petition-review": ["自收到书面答复之日起30日内"],
        "collective-organization-decision": ["一年内", "五年内"],
        "civil-claims": ["三年", "不适用诉讼时效"],
        "protection-order": ["七十二小时内", "二十四小时内", "不超过六个月"],
    }
    for anchor, limits in expected.items():
        shown = text_of(section(page, anchor))
        for limit in limits:
            assert limit in shown, (anchor, limit)


def test_citations_link_the_petition_regulations_like_any_law(page):
    """信访工作条例 is imported (issue 13): its citations link its page, no row is marked uncarried."""
    shown = section(page, "petition-review")
    assert "《信访工作条例》第三十六条第一款" in html.unescape(shown)    # 复核 is 第三十六条, not 第三十五条
    assert 'class="law-cite" href="../laws/petition-work-regulations.html#art-36"' in shown
    assert "本站尚未收录" not in page
    assert 'class="law-cite" href="../laws/administrative-reconsideration.html#art-20"' in page


def test_law_pages_list_the_remedies_page_as_citing_them(built_site):
    law = (built_site / "laws/administrative-reconsideration.html").read_text(encoding="utf-8")
    art = law[law.index('id="art-20"'):law.index('id="art-21"')]
    assert "救济途径与时限" in art and "../reception/remedies.html" in art


def test_quotations_of_the_petition_regulations_are_checked_not_listed_as_unverified(built_site):
    report = html.unescape((built_site / "editors/unresolved.html").read_text(encoding="utf-8"))
    assert "可以自收到书面答复之日起30日内请求原办理机关" not in report
    body = report[report.index("<article"):report.index("</article>")]  # not the navigation
    assert "信访工作条例" not in body.split("未收录法律的引用", 1)[1]
    law = (built_site / "laws/petition-work-regulations.html").read_text(encoding="utf-8")
    art = law[law.index('id="art-35"'):law.index('id="art-36"')]
    assert "救济途径与时限" in art and "../reception/remedies.html" in art
