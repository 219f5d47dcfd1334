"""The search at the reception desk, in a real browser: each result says what it is, enough of
them fit on a screen, the reception script leads for what villagers say, a page is found by the
name clerks use for it, a result opens where the answer is (not at 不要这样说), the words that
matched are highlighted on the page, a question the site does not cover says so and offers the
office to refer to, and the count shown is what can be scrolled to."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from macros.search.index import shard_of

from ..harness.browser import INITIALISING, RESULT_META, SEARCH_INPUT, drop_the_classifier, search

ITEM = "li.md-search-result__item"
KINDS = {"法条", "话术", "表格", "公文模板", "培训", "索引", "转办"}


def open_search(page, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/index.html")
    search(page, query)


def items(page) -> list[dict]:
    """Each result in display order: its kind label, the page it opens and where."""
    return page.eval_on_selector_all(
        ITEM,
        """lis => lis.map(li => {
          const links = [...li.querySelectorAll('a.md-search-result__link')];
          const label = li.querySelector('.kb-kind');
          return {
            kind: label ? label.textContent.trim() : null,
            icon: label && label.querySelector('svg') ? label.querySelector('svg').innerHTML : null,
            colour: label ? getComputedStyle(label).backgroundColor : null,
            href: links[links.length - 1].getAttribute('href'),
            page: links[0].getAttribute('href'),
          };
        })""",
    )


def path_of(href: str) -> str:
    return unquote(urlparse(href).path)


def test_every_result_says_what_it_is_in_words_and_with_its_own_icon(page, site_url):
    open_search(page, site_url, "宅基地")
    shown = items(page)
    assert shown and all(i["kind"] in KINDS for i in shown), shown
    kinds = {i["kind"] for i in shown}
    assert {"话术", "法条"} <= kinds, kinds
    # index pages (主题索引, 引用索引 …) do not take the first screen from content
    assert all(i["kind"] != "索引" for i in shown[:6]), shown
    # one icon and one colour per kind, different from the other kinds'
    icon = {i["kind"]: i["icon"] for i in shown}
    colour = {i["kind"]: i["colour"] for i in shown}
    assert all(i["icon"] == icon[i["kind"]] and i["colour"] == colour[i["kind"]] for i in shown)
    assert len(set(icon.values())) == len(kinds) and len(set(colour.values())) == len(kinds)
    # a form and a template are labelled too
    open_search(page, site_url, "请示怎么写")
    assert items(page)[0]["kind"] == "公文模板"
    open_search(page, site_url, "会议签到表")
    assert items(page)[0]["kind"] == "表格"


# Whole result boxes inside both the viewport and the result list's visible area.
FULLY_SHOWN = """() => {
  const wrap = document.querySelector('.md-search__scrollwrap').getBoundingClientRect();
  const top = Math.max(0, wrap.top), bottom = Math.min(window.innerHeight, wrap.bottom);
  return [...document.querySelectorAll('li.md-search-result__item')]
    .map(li => li.getBoundingClientRect())
    .filter(r => r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5).length;
}"""


@pytest.mark.parametrize(
    "width, height, at_least",
    [(1280, 720, 6), (360, 640, 4)],
    ids=["desktop-1280x720", "phone-360x640"],
)
def test_enough_results_fit_on_one_screen(browser, site_url, width, height, at_least):
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/index.html")
        if width < 960:  # on a phone the search opens from the header's button
            page.click("label.md-header__button[for=__search]")
        for query in ("宅基地", "征地给的钱太少了", "村委会选举"):
            page.fill("input.md-search__input", "")
            search(page, query)
            page.wait_for_timeout(400)  # Material fades the panel in
            assert page.evaluate(FULLY_SHOWN) >= at_least, query
    finally:
        context.close()


@pytest.mark.parametrize(
    "query, script",
    [
        ("村委会不给看账", "reception/village-affairs-finance.html"),
        ("修路占了我家的地补偿款一直没给", "reception/project-land-compensation.html"),
        ("邻居新砌的墙把路堵了", "reception/homestead-boundary.html"),
        ("征地赔的钱太少", "reception/land-requisition.html"),
        ("俺家地叫村里收走了咋整", "reception/contract-land-taken-back.html"),
    ],
)
def test_the_script_comes_first_for_what_villagers_say(page, site_url, query, script):
    open_search(page, site_url, query)
    first = items(page)[0]
    assert first["kind"] == "话术" and path_of(first["page"]).endswith(script), items(page)[:3]
    # then the articles it rests on, before other scripts crowd them out, then its form
    assert any(i["kind"] == "法条" for i in items(page)[1:4]), items(page)[:4]
    assert any(path_of(i["page"]).endswith("templates/forms/visit-register.html") for i in items(page)[:5])


@pytest.mark.parametrize(
    "query, form",
    [
        ("上访登记本", "templates/forms/visit-register.html"),
        ("盖公章登记", "templates/forms/seal-use-register.html"),
        ("开会签到", "templates/forms/meeting-sign-in.html"),
        ("不受理告知书", "templates/forms/non-acceptance-notice.html"),
    ],
)
def test_a_page_is_found_by_the_name_clerks_use(page, site_url, query, form):
    # the names are the pages' `aliases:` front matter (上访登记本 is not the form's title)
    open_search(page, site_url, query)
    assert path_of(items(page)[0]["page"]).endswith(form), items(page)[:3]


def test_a_script_opens_at_its_top_or_the_points_not_at_what_not_to_say(page, site_url):
    for query in ("村委会不给看账", "征地补偿太低", "老公打我", "邻居新砌的墙把路堵了"):
        open_search(page, site_url, query)
        for i in items(page):
            if i["kind"] == "话术":
                assert unquote(urlparse(i["href"]).fragment) not in {"不要这样说", "常见错误"}, (query, i)
    # …unless that is what matched: then it opens there, marked as what not to say
    open_search(page, site_url, "国家要的地给多少就拿多少")
    first = page.locator(ITEM).first
    assert unquote(urlparse(items(page)[0]["href"]).fragment) == "不要这样说"
    assert first.locator("h2 .kb-say-no").inner_text() == "不要这样说"


def test_the_words_that_matched_are_highlighted_on_the_page(page, site_url):
    open_search(page, site_url, "村委会不给看账")
    href = items(page)[0]["href"]
    terms = parse_qs(urlparse(href).query)["h"][0].split()
    # everyday words reach the page's highlight as the page writes them
    assert terms and any(t in ("村委会", "村民委员会", "村务公开") for t in terms), terms
    page.goto(href)
    marked = page.locator(".md-content mark").all_inner_texts()
    assert marked and set(marked) & set(terms), (marked, terms)


def test_what_not_to_say_looks_different_from_what_to_say(page, site_url):
    page.goto(f"{site_url}/reception/land-requisition.html")
    style = """id => {
      const ul = document.getElementById(id).nextElementSibling;
      const li = ul.querySelector('li');
      return {tag: ul.tagName, border: getComputedStyle(ul).borderLeftColor,
              width: getComputedStyle(ul).borderLeftWidth, mark: getComputedStyle(li, '::before').backgroundImage};
    }"""
    ok, no = page.evaluate(style, "可以这样说"), page.evaluate(style, "不要这样说")
    assert ok["tag"] == no["tag"] == "UL"
    assert ok["border"] != no["border"] and float(no["width"].removesuffix("px")) >= 4
    # not colour alone: every line has its mark (✓ / ✗), and they differ
    assert ok["mark"].startswith("url(") and no["mark"].startswith("url(") and ok["mark"] != no["mark"]


def test_a_question_the_site_does_not_cover_says_so_and_offers_where_to_refer(page, site_url):
    open_search(page, site_url, "我想办低保")
    meta = page.inner_text(RESULT_META)
    assert "本站没有直接相关的内容" in meta and "民政" in meta, meta
    shown = items(page)
    assert shown[0]["kind"] == "索引" and "#office-civil-affairs" in shown[0]["href"], shown
    assert any(path_of(i["page"]).endswith("reception/general.html") for i in shown), shown
    assert not any(i["kind"] == "法条" for i in shown)
    # the office's row on the 转办目录 page
    page.goto(shown[0]["href"])
    assert "民政" in page.inner_text("tr:has(#office-civil-affairs)")
    # a covered question is answered, without the notice
    open_search(page, site_url, "老公打我")
    assert "本站没有" not in page.inner_text(RESULT_META)
    assert path_of(items(page)[0]["page"]).endswith("reception/domestic-violence.html")


def test_a_matter_the_directory_leaves_to_another_office_is_referred_there(page, site_url):
    # 医保 and 残疾证 are in the 转办目录's not_covered lines and in none of the site's topics
    open_search(page, site_url, "医保住院怎么报销")
    meta = page.inner_text(RESULT_META)
    assert "本站没有直接相关的内容" in meta and "社保" in meta, meta
    shown = items(page)
    assert "#office-social-security" in shown[0]["href"] and not any(i["kind"] == "法条" for i in shown), shown
    # under the office, what it handles (the matter asked about first), not its other names
    duties = page.inner_text("li.md-search-result__item:first-child article p")
    assert duties.startswith("城乡居民基本医疗保险") and "社保所；" not in duties, duties
    open_search(page, site_url, "残疾证怎么办理")
    assert "#office-disabled-persons" in items(page)[0]["href"], items(page)
    # 身份 is a topic word of the site (成员身份), 身份证 is in no topic entry: still the 派出所
    open_search(page, site_url, "身份证过期了去哪换")
    assert "#office-police" in items(page)[0]["href"], items(page)
    # matters of the offices the 转办目录 names for the everyday business of a township
    # 危房 and 改造 are both topic words of the site (城乡规划法's 改建危房), 危房改造 is the directory's
    for query, office in (
        ("卖牛要开检疫证明去哪开", "agriculture"),
        ("通村的水泥路坏了找谁修", "transport"),
        ("危房改造怎么申请", "village-construction"),
    ):
        open_search(page, site_url, query)
        assert "本站没有直接相关的内容" in page.inner_text(RESULT_META), query
        assert f"#office-{office}" in items(page)[0]["href"], (query, items(page))
    # the same matter in a question that is about the site's topics is answered
    open_search(page, site_url, "低保户的承包地被村里收回了")
    assert "本站没有" not in page.inner_text(RESULT_META)
    shown = items(page)
    assert shown[0]["kind"] == "话术", shown
    assert any(path_of(i["page"]).endswith("reception/contract-land-taken-back.html") for i in shown[:3]), shown


def test_a_matter_learnt_from_how_villagers_ask_about_it_is_referred(browser, site_url, built_site):
    """data/outside_questions.yaml teaches the classifier the 转办目录's not_covered matters in
    villagers' words: 电费 is a word of the site's pages too (so the directory's lines alone did
    not refer it); with the classifier the question goes to the 供电所, without it it does not."""
    query = "家里电费怎么这么贵"
    seen = {}
    for name in ("with", "without"):
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        try:
            if name == "without":
                drop_the_classifier(page, built_site)
            open_search(page, site_url, query)
            seen[name] = (page.inner_text(RESULT_META), items(page))
        finally:
            context.close()
    meta, shown = seen["with"]
    assert "本站没有直接相关的内容" in meta and "供电" in meta, meta
    assert "#office-power-supply" in shown[0]["href"], shown
    assert "本站没有" not in seen["without"][0], seen["without"]


SCROLL_TO_END = """async () => {
  const wrap = document.querySelector('.md-search__scrollwrap');
  for (let i = 0; i < 20; i++) { wrap.scrollTop = wrap.scrollHeight; await new Promise(r => setTimeout(r, 50)); }
  return document.querySelectorAll('li.md-search-result__item').length;
}"""


@pytest.mark.parametrize("query", ["宅基地", "村民委员会", "征地给的钱太少了", "土地管理法"])
def test_the_count_shown_is_what_can_be_scrolled_to(page, site_url, query):
    open_search(page, site_url, query)
    meta = page.inner_text(RESULT_META)
    m = re.search(r"(\d+) 个符合条件的结果", meta)
    count = int(m.group(1)) if m else (1 if "找到 1 个" in meta else None)
    assert count, meta
    assert page.evaluate(SCROLL_TO_END) == count


def test_search_says_it_is_unavailable_when_its_index_does_not_load(browser, site_url):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.route("**/search/lawsearch-index.js", lambda route: route.abort())
        page.goto(f"{site_url}/index.html")
        page.click(SEARCH_INPUT)
        page.wait_for_function(
            f"() => {{ const m = document.querySelector('{RESULT_META}');"
            f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}'); }}"
        )
        page.keyboard.insert_text("宅基地")
        page.keyboard.press("End")
        page.wait_for_function(f"() => document.querySelector('{RESULT_META}').textContent.includes('不可用')")
        assert "搜索暂时不可用" in page.inner_text(RESULT_META)
    finally:
        context.close()


def _wait_ready(page) -> None:
    page.click(SEARCH_INPUT)
    page.wait_for_function(
        f"() => {{ const m = document.querySelector('{RESULT_META}');"
        f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}'); }}"
    )


def _postings_count(built_site) -> int:
    script = (built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("(") + 1 : script.rindex(")")])["postingShards"]


def test_a_query_loads_only_the_postings_shards_of_its_tokens(browser, site_url, built_site):
    count = _postings_count(built_site)
    context = browser.new_context(locale="zh-CN")
    context.add_init_script("window.__lawSearchPrefetch = false")  # the background loading, off
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    shard_file = re.compile(r"/search/lawsearch-postings-(\d+)\.js$")

    def shards_since(start: int) -> list[int]:
        return sorted(int(m.group(1)) for u in requested[start:] if (m := shard_file.search(u)))

    try:
        page.goto(f"{site_url}/index.html")
        _wait_ready(page)
        assert shards_since(0) == [], "就绪之前不应载入倒排表分片"
        loaded: set[int] = set()
        for query in ("宅基地", "宅基地的面积标准", "征地补偿"):
            start = len(requested)
            page.fill(SEARCH_INPUT, "")
            page.keyboard.press("End")
            page.wait_for_function(f"() => document.querySelectorAll('{ITEM}').length === 0")
            page.keyboard.insert_text(query)
            page.keyboard.press("End")
            page.wait_for_function(f"() => document.querySelectorAll('{ITEM}').length > 0")
            tokens = page.evaluate("() => window.__lawSearchDebug.tokens")
            assert "宅基" in tokens or "征地" in tokens, tokens
            needed = {shard_of(t, count) for t in tokens}
            got = shards_since(start)
            # each shard the query needs and has not loaded yet, once; none it does not need
            assert got == sorted(needed - loaded), (query, got, sorted(needed - loaded))
            loaded |= needed
        assert len(loaded) < count
    finally:
        context.close()


def test_search_says_it_is_unavailable_when_a_postings_shard_does_not_load(browser, site_url, built_site):
    count = _postings_count(built_site)
    broken = shard_of("宅基", count)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.route(f"**/search/lawsearch-postings-{broken}.js", lambda route: route.abort())
        page.goto(f"{site_url}/index.html")
        _wait_ready(page)
        page.keyboard.insert_text("宅基地")
        page.keyboard.press("End")
        page.wait_for_function(f"() => document.querySelector('{RESULT_META}').textContent.includes('不可用')")
        meta = page.inner_text(RESULT_META)
        assert "搜索暂时不可用" in meta and f"lawsearch-postings-{broken}.js" in meta, meta
        assert page.locator(ITEM).count() == 0  # no results scored without that shard's lists
    finally:
        context.close()


def test_the_other_postings_shards_load_once_the_search_box_is_open_not_before(browser, site_url, built_site):
    count = _postings_count(built_site)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(f"{site_url}/index.html", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [u for u in requested if "lawsearch-postings-" in u], "没有打开搜索框就载入了倒排表分片"
        _wait_ready(page)
        page.wait_for_function(
            f"() => performance.getEntriesByType('resource')"
            f".filter(e => e.name.includes('/search/lawsearch-postings-')).length >= {count}",
            timeout=30000,
        )
        loaded = {u.rsplit("-", 1)[1] for u in requested if "/search/lawsearch-postings-" in u}
        assert loaded == {f"{k}.js" for k in range(count)}  # each once
        assert len([u for u in requested if "/search/lawsearch-postings-" in u]) == count
        search(page, "宅基地")
        assert any("land-management.html" in i["page"] for i in items(page))
    finally:
        context.close()
