"""What reception staff type, typed into the real search box: the right article comes first."""

from __future__ import annotations

from urllib.parse import urlparse

import yaml

from ..harness.browser import drop_the_classifier, result_links, search
from ..harness.project import PATHS


def articles(hrefs: list[str]) -> list[str]:
    """'law-id#art-N' of each article result, in display order."""
    out = []
    for h in hrefs:
        url = urlparse(h)
        if "/laws/" in f"/{url.path}" and url.fragment.startswith("art-"):
            key = f"{url.path.rsplit('/', 1)[-1].removesuffix('.html')}#{url.fragment}"
            if key not in out:
                out.append(key)
    return out


def open_and_search(page, site_url, query):
    page.goto(f"{site_url}/index.html")
    search(page, query)
    return articles(result_links(page))


def test_colloquial_question_finds_the_statute(page, site_url):
    # 没批准 / 盖房 are not the law's words (未经批准 … 建住宅)
    found = open_and_search(page, site_url, "没批准就盖房")
    assert found[0] == "land-management#art-78", found


def test_an_article_is_found_by_how_villagers_ask_what_it_answers(page, site_url):
    """Words neither the article (向社会开放, 满二十五年) nor its 要点 use: its 问法
    (data/article_questions.yaml) bring it first; without them 档案法第二条 came first. They are
    indexed, not shown on the law page."""
    asked = "老档案啥时候老百姓能看"
    assert asked in yaml.safe_load(PATHS.article_questions.read_text(encoding="utf-8"))["archives"][27]
    assert open_and_search(page, site_url, asked)[0] == "archives#art-27"
    page.goto(f"{site_url}/laws/archives.html")
    assert "老百姓" not in page.inner_text("article")


def test_married_daughter_finds_womens_land_article(page, site_url):
    found = open_and_search(page, site_url, "女儿嫁出去了村里要收回她的地")
    assert found[0] == "rural-land-contract#art-31", found


def test_citation_in_short_form_puts_the_article_first(page, site_url):
    assert open_and_search(page, site_url, "承包法第二十七条")[0] == "rural-land-contract#art-27"
    assert open_and_search(page, site_url, "村委会组织法 第19条")[0] == "villagers-committee#art-19"
    assert open_and_search(page, site_url, "土地管理法第62条")[0] == "land-management#art-62"


def test_traditional_characters_find_the_same_results(page, site_url):
    simplified = open_and_search(page, site_url, "农村土地承包法 妇女结婚")
    traditional = open_and_search(page, site_url, "農村土地承包法 婦女結婚")
    assert traditional[0] == "rural-land-contract#art-31"
    # the first ten are rendered at once (Material renders the rest on scrolling)
    assert traditional[:10] == simplified[:10]


def test_long_spoken_question_still_returns_results(page, site_url):
    found = open_and_search(
        page,
        site_url,
        "我们村有个人没经过乡里同意就在自家承包的耕地上盖了两层楼房现在邻居来反映说他占用耕地这事该怎么处理",
    )
    assert "land-management#art-78" in found[:3], found


def test_result_list_keeps_materials_markup_and_highlights(page, site_url):
    open_and_search(page, site_url, "宅基地面积标准")
    # the first article (a reception script may lead: it is labelled 话术, the article 法条)
    first = page.locator("li.md-search-result__item", has=page.locator(".kb-kind--law")).first
    # the law's title as the page heading, the article under it, with the words marked
    assert first.locator("h1 .kb-kind").inner_text() == "法条"
    assert first.locator("h1").inner_text().endswith("中华人民共和国土地管理法")
    assert first.locator("h2").inner_text() == "第六十二条"
    assert "宅基地" in first.locator("mark").all_inner_texts()
    assert "个符合条件的结果" in page.inner_text(".md-search-result__meta")


def test_neighbour_question_finds_the_civil_code_article(page, site_url):
    # 邻居 / 挡住 … 采光 are not the code's words (相邻 … 通风、采光和日照); the article is on the
    # 物权编 part page of 民法典
    found = open_and_search(page, site_url, "邻居盖新房挡住了我家的采光")
    assert found[0] == "property#art-293", found
    assert open_and_search(page, site_url, "调解书怎么去法院确认")[0] == "people-mediation#art-33"


def test_amendment_decision_gives_way_to_the_law_but_can_be_cited(page, site_url):
    # the decision restates the old 提名 rule; the current law's article is what reception needs
    found = open_and_search(page, site_url, "村委会候选人由谁提名")
    assert found[0] == "villagers-committee#art-18", found
    assert not any(a.startswith("villagers-committee-amendment-2025#") for a in found[:3]), found
    cited = open_and_search(page, site_url, "村民委员会组织法修改决定第十四条")
    assert cited[0] == "villagers-committee-amendment-2025#art-14", cited


def pages(hrefs: list[str]) -> list[str]:
    """Page paths of the results, in display order, without repeats."""
    out = []
    for h in hrefs:
        path = urlparse(h).path.split("/site", 1)[-1]
        if path not in out:
            out.append(path)
    return out


def test_a_law_name_alone_opens_that_law(page, site_url):
    page.goto(f"{site_url}/index.html")
    search(page, "民法典")
    assert pages(result_links(page))[0].endswith("/laws/civil-code/index.html")


def test_a_page_title_puts_that_page_first(page, site_url):
    page.goto(f"{site_url}/index.html")
    search(page, "接待速查")
    assert pages(result_links(page))[0].endswith("/reception/lookup.html")


def test_the_classifier_trained_on_the_questions_puts_the_article_that_answers_first(browser, site_url, built_site):
    """macros/search/model.py reorders the first articles BM25 found: 档案法第八条 (who keeps a
    township's records) comes first; with the classifier taken out of the index it does not."""
    found = {}
    for name in ("with", "without"):
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        try:
            if name == "without":
                drop_the_classifier(page, built_site)
            found[name] = open_and_search(page, site_url, "乡政府的档案该由谁来管")
        finally:
            context.close()
    assert found["with"][0] == "archives#art-8", found
    assert found["without"][0] != "archives#art-8" and "archives#art-8" in found["without"][:5], found
