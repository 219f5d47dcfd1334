"""The search's data files: the real ones are complete and point at real articles; bad ones
stop the build with the file and what to fix."""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest

from macros.core.errors import ContentError, ContentProblems
from macros.core.figures import figures, figures_missing
from macros.search.data import (
    AMENDMENT_WEIGHT,
    article_keyword_blocks,
    client_data,
    law_weights,
    load_keywords,
    load_questions,
    load_vocabulary,
    page_kind,
    traditional_table,
    write_client_data,
)

from ..harness.project import PATHS, ROOT, real_site

DOCS = ROOT / "docs"
SITE = real_site()
REGISTRY, LAWS = SITE.registry, SITE.law_list


def data_of_site() -> dict:
    return client_data(SITE.page_texts(), REGISTRY, SITE.vocab, LAWS, SITE.keywords)


def article_anchors(law_id: str) -> set[int]:
    """Article numbers on the law's page, or on its part pages (民法典, one page per 编)."""
    anchors = set()
    for page in REGISTRY.laws[law_id].pages:
        text = (DOCS / page).read_text(encoding="utf-8")
        anchors |= {int(n) for n in re.findall(r"\{#art-(\d+)\}", text)}
    return anchors


def test_vocabulary_has_no_empty_entries():
    vocab = load_vocabulary(PATHS.search_vocab, LAWS)
    assert len(vocab.synonyms) > 30
    for group in vocab.synonyms:
        assert group.say and group.law
        assert all(w.strip() == w and w for w in group.say + group.law), group
    assert all(w.strip() for w in vocab.stop)


def test_every_keyword_article_exists_on_its_law_page():
    keywords = load_keywords(REGISTRY, LAWS, PATHS.article_keywords)
    assert keywords, "要点文件是空的"
    for law_id, articles in keywords.items():
        anchors = article_anchors(law_id)
        for number, keys in articles.items():
            assert number in anchors, f"{law_id} 第 {number} 条"
            assert keys and all(k.strip() for k in keys)


def test_bad_vocabulary_names_the_field(tmp_path):
    bad = tmp_path / "vocab.yaml"
    bad.write_text("synonyms:\n  - {say: [村委会], law: []}\nstop: [怎么办]\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_vocabulary(bad, LAWS)
    assert str(bad) in str(e.value) and "synonyms.0.law" in str(e.value) and "不能为空" in str(e.value)


def test_every_statute_word_of_the_vocabulary_is_in_a_law():
    # the law side of a synonym group is how the statutes say it: a word no law page has finds nothing
    text = "".join(re.sub(r"\s+", "", a.text) for law in REGISTRY.laws.values() for a in law.articles.values())
    vocab = load_vocabulary(PATHS.search_vocab, LAWS)
    missing = [w for g in vocab.synonyms for w in g.law if re.sub(r"\s+", "", w) not in text]
    assert not missing, missing


def test_one_character_say_word_is_a_build_error(tmp_path):
    bad = tmp_path / "vocab.yaml"
    bad.write_text("synonyms:\n  - {say: [出嫁, 嫁], law: [妇女结婚]}\nstop: [怎么办]\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_vocabulary(bad, LAWS)
    assert "synonyms.0.say" in str(e.value) and "说法至少要两个字" in str(e.value) and "：嫁" in str(e.value)


def test_keyword_for_missing_article_is_a_build_error(tmp_path):
    bad = tmp_path / "keys.yaml"
    bad.write_text("land-management:\n  999: [不存在的条]\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"land-management 第 999 条不存在（中华人民共和国土地管理法共 87 条）"):
        load_keywords(REGISTRY, LAWS, bad)


def test_a_figure_the_article_does_not_state_is_a_build_error_at_its_line(tmp_path):
    """调解仲裁法第四十八条 gives thirty days to sue after an award; a 要点 once said fifteen. Every
    wrong figure is listed, each at its line; the same figure written another way (二年 / 两年,
    三十日 / 30日) and an ordinal (第二天) are not errors."""
    bad = tmp_path / "keys.yaml"
    bad.write_text(
        "land-contract-arbitration:\n"
        "  48: [不服裁决, 收到裁决书十五日内起诉]\n"
        "  18: [仲裁时效两年, 从知道之日起算]\n"
        "land-management:\n"
        "  57: [临时用地一般不超过二年]\n"
        "  49: [补偿费收支状况要公布, 过五年再公布]\n"
        "  14: [三十日内起诉, 从第二天算]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentProblems) as e:
        load_keywords(REGISTRY, LAWS, bad)
    assert [(p.line, p.message.split("：")[0]) for p in e.value.problems] == [
        (
            2,
            "land-contract-arbitration 第 48 条的要点“收到裁决书十五日内起诉”里有“十五日”，这一条的条文里没有这个期限、金额或数字",
        ),
        (6, "land-management 第 49 条的要点“过五年再公布”里有“五年”，这一条的条文里没有这个期限、金额或数字"),
    ]


def test_figures_are_read_as_values_whatever_the_numerals():
    assert figures("三十日内，满二年，15日，六个月，五个工作日，十八周岁，三分之二以上，第二天") == {
        (30, "日"): "三十日",
        (2, "年"): "二年",
        (15, "日"): "15日",
        (6, "月"): "六个月",
        (5, "工作日"): "五个工作日",
        (18, "周岁"): "十八周岁",
        (Fraction(2, 3), "分之"): "三分之二",
    }
    assert figures_missing("两年内, 30日", "二年，三十日") == []


def test_amounts_and_both_ends_of_a_range_are_figures_too():
    article = "处五日以上十日以下拘留，并处五百元以上一千元以下罚款；情节较重的，处二十万元以上一百万元以下罚款，或者一倍以下罚款"
    assert figures(article) == {
        (5, "日"): "五日",
        (10, "日"): "十日",
        (500, "元"): "五百元",
        (1000, "元"): "一千元",
        (200000, "元"): "二十万元",
        (1000000, "元"): "一百万元",
        (1, "倍"): "一倍",
    }
    # a 要点 in plain words: a range is both its ends; 1000元 and 一千元 are one amount
    assert figures_missing("拘留五到十日并处五百至1000元罚款, 二十万到一百万元, 一倍以下", article) == []
    # the first end of a range and an amount are checked (the check saw only 十日 of 三到十日 before)
    assert figures_missing("拘留三到十日", article) == ["三日"]
    assert figures_missing("罚款五百到两千元", article) == ["两千元"]


def test_questions_are_indexed_with_the_article_but_not_sent_as_its_keys(tmp_path):
    """问法 are search-only: indexed with the article's 要点 (postings), but not among the keys the
    browser reads as the site's topics or highlights; and not held to the article's figures (a
    villager asks 过了两年还能告吗 of a thirty-day limit)."""
    asks = tmp_path / "asks.yaml"
    asks.write_text(
        "land-management:\n  14: [两家为地边吵了两年还能找政府吗]\n  7: [有人乱占地能去举报不]\n", encoding="utf-8"
    )
    questions = load_questions(REGISTRY, LAWS, asks)
    assert questions == {"land-management": {14: ["两家为地边吵了两年还能找政府吗"], 7: ["有人乱占地能去举报不"]}}
    data = client_data(SITE.page_texts(), REGISTRY, SITE.vocab, LAWS, SITE.keywords, questions=questions)
    assert data["asks"]["laws/land-management.html#art-14"] == "两家为地边吵了两年还能找政府吗"
    assert "地边" not in data["keys"]["laws/land-management.html#art-14"]
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(
        '{"config": {}, "docs": [{"location": "laws/land-management.html#art-14", "title": "第十四条", "text": "土地争议"}]}',
        encoding="utf-8",
    )
    written = write_client_data(site, data).read_text(encoding="utf-8")
    assert "两家为地边" not in written and '"asks"' not in written
    posted = set()  # the tokens with posting lists (the shards also carry the classifier's vectors)
    for path in (site / "search").glob("lawsearch-postings-*.js"):
        text = path.read_text(encoding="utf-8")
        posted.update(json.loads(text[text.index(",") + 1 : text.rindex(")")])["tokens"])
    assert "地边" in posted and "举报" not in posted  # art. 7 has no section in this index


@pytest.mark.parametrize(
    "text, message",
    [
        ("land-management:\n  999: [问]\n", "land-management 第 999 条不存在（中华人民共和国土地管理法共 87 条）"),
        ("land-management:\n  14: []\n", "land-management 第 14 条：问法应为不空的文字列表，不能有空项"),
        ("no-such-law:\n  1: [问]\n", "法律 no-such-law 不在法律清单 data/laws.yaml 里"),
    ],
)
def test_bad_question_file_is_a_build_error(tmp_path, text, message):
    bad = tmp_path / "asks.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)):
        load_questions(REGISTRY, LAWS, bad)


def test_keyword_for_unknown_law_is_a_build_error(tmp_path):
    bad = tmp_path / "keys.yaml"
    bad.write_text("no-such-law:\n  1: [总则]\n", encoding="utf-8")
    with pytest.raises(ContentError, match="法律 no-such-law 不在法律清单 data/laws.yaml 里"):
        load_keywords(REGISTRY, LAWS, bad)


def test_keyword_block_goes_under_its_article_only():
    blocks = article_keyword_blocks({"land-management": {62: ["一户一宅", "宅基地面积标准"]}})
    assert blocks("land-management", "art-62") == [
        "**要点**（本站概括，以条文为准）：一户一宅 · 宅基地面积标准\n{: .article-keys }"
    ]
    assert blocks("land-management", "art-61") == []
    assert blocks("rural-land-contract", "art-62") == []


def test_traditional_table_maps_only_characters_the_site_does_not_write():
    table = traditional_table(set("农村土地承包法村民委员会妇女结婚于干"))
    assert table["農"] == "农" and table["會"] == "会" and table["婦"] == "妇"
    assert "干" not in table and "于" not in table  # simplified characters stay as they are


def test_client_data_knows_every_law_by_its_names():
    data = data_of_site()
    laws = {law["id"]: law for law in data["laws"]}
    assert set(REGISTRY.laws) == set(laws)
    assert laws["rural-land-contract"]["pages"] == ["laws/rural-land-contract.html"]
    assert {"中华人民共和国农村土地承包法", "农村土地承包法", "承包法"} <= set(laws["rural-land-contract"]["names"])
    assert data["keys"]["laws/land-management.html#art-62"].startswith("宅基地")
    assert data["stop"].index("怎么办") < data["stop"].index("怎么")


def test_added_laws_have_keywords_on_their_part_pages():
    data = data_of_site()
    # 民法典 articles are keyed on the page of their 编
    assert "诉讼时效一般三年" in data["keys"]["laws/civil-code/general.html#art-188"]
    assert "相邻关系" in data["keys"]["laws/civil-code/property.html#art-288"]
    assert "法定继承顺序" in data["keys"]["laws/civil-code/succession.html#art-1127"]
    for law_id in ("womens-rights", "rural-collective-economic-organization", "people-mediation"):
        assert any(k.startswith(f"laws/{law_id}.html#art-") for k in data["keys"]), law_id


def test_amendment_decisions_are_weighted_down_and_nothing_else_by_default():
    vocab = load_vocabulary(PATHS.search_vocab, LAWS)
    weights = law_weights(vocab, LAWS)
    decisions = {law.id for law in LAWS if law.amends}
    assert decisions == {"villagers-committee-amendment-2025"}
    for law_id in decisions:
        assert weights[law_id] == AMENDMENT_WEIGHT < 1
    # the data the browser gets: the same weights, for laws on the site
    assert data_of_site()["weights"] == {k: w for k, w in weights.items() if w != 1}
    # the vocabulary's law_weight overrides and adds
    vocab.law_weight = {"civil-code": 0.8, "villagers-committee-amendment-2025": 1}
    weights = law_weights(vocab, LAWS)
    assert weights["civil-code"] == 0.8 and weights["villagers-committee-amendment-2025"] == 1


def test_bad_law_weight_is_a_build_error(tmp_path):
    bad = tmp_path / "vocab.yaml"
    bad.write_text(
        "synonyms:\n  - {say: [村委会], law: [村民委员会]}\nstop: [怎么办]\nlaw_weight: {no-such-law: 0.5}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="law_weight 里的法律 no-such-law 不在法律清单 data/laws.yaml 里"):
        load_vocabulary(bad, LAWS)
    bad.write_text(
        "synonyms:\n  - {say: [村委会], law: [村民委员会]}\nstop: [怎么办]\nlaw_weight: {civil-code: 0}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="权重应大于 0、不大于 1：civil-code"):
        load_vocabulary(bad, LAWS)


def test_every_page_has_a_kind_by_where_it_is():
    assert page_kind("laws/civil-code/property.md") == "law"
    assert page_kind("reception/land-requisition.md") == "script"
    assert page_kind("templates/forms/visit-register.md") == "form"
    assert page_kind("templates/notice.md") == "template"
    assert page_kind("training/meetings.md") == "training"
    for index in (
        "index.md",
        "indexes/topics.md",
        "reception/lookup.md",
        "reception/directory.md",
        "templates/index.md",
    ):
        assert page_kind(index) == "index", index


def desk_data() -> dict:
    offices = [
        {
            "id": "civil-affairs",
            "location": "reception/directory.html#office-civil-affairs",
            "name": "民政办",
            "words": ["民政办", "低保"],
        }
    ]
    return client_data(
        SITE.page_texts(),
        REGISTRY,
        SITE.vocab,
        LAWS,
        SITE.keywords,
        metas=SITE.metas(),
        finder=SITE.finder,
        offices=offices,
    )


def test_pages_carry_their_kind_names_articles_and_forms_from_front_matter():
    data = desk_data()
    form = data["pages"]["templates/forms/visit-register.html"]
    # the names clerks use (aliases:) after the title
    assert form["kind"] == "form" and form["names"][0] == "来访登记表" and "上访登记本" in form["names"]
    script = data["pages"]["reception/land-requisition.html"]
    assert script["kind"] == "script" and script["desk"] is True
    # key_articles as the locations of the articles, in their order; forms as pages
    assert script["articles"][:3] == [f"laws/land-management.html#art-{n}" for n in (47, 48, 49)]
    assert script["forms"][0] == "templates/forms/visit-register.html"
    # keywords (what villagers say) and the description are indexed with the page
    assert "征地补偿太低" in data["keys"]["reception/land-requisition.html"]
    assert not any(url.startswith("laws/") for url in data["pages"])
    assert data["refer"] == ["reception/directory.html", "reception/general.html"]
    assert data["offices"][0]["location"].endswith("#office-civil-affairs")


def test_dialect_words_are_replaced_longest_first():
    data = desk_data()
    words = [w for w, _ in data["dialect"]]
    assert dict(data["dialect"])["俺"] == "我" and words.index("俺们") < words.index("俺")
    assert 0 < data["notCoveredBelow"] < 1


def test_bad_not_covered_threshold_is_a_build_error(tmp_path):
    bad = tmp_path / "vocab.yaml"
    bad.write_text(
        "synonyms:\n  - {say: [村委会], law: [村民委员会]}\nstop: [怎么办]\nnot_covered_below: 2\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"not_covered_below.*应在 0 和 1 之间"):
        load_vocabulary(bad, LAWS)


def test_bad_outside_ratio_is_a_build_error(tmp_path):
    bad = tmp_path / "vocab.yaml"
    bad.write_text(
        "synonyms:\n  - {say: [村委会], law: [村民委员会]}\nstop: [怎么办]\nnot_covered_outside_ratio: -1\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"not_covered_outside_ratio.*不能是负数"):
        load_vocabulary(bad, LAWS)


def test_the_directory_gives_each_office_an_anchor_search_can_offer():
    from macros.content.referrals import directory_table, office_anchor

    table = directory_table(SITE.offices, SITE.township)
    for office_id in SITE.offices:
        assert f'<span id="{office_anchor(office_id)}"></span>' in table


def test_the_keys_label_is_shown_on_the_page_but_not_counted_by_search():
    """（本站概括，以条文为准） after 要点 tells a clerk the words are the site's; search reads the
    article and its 要点, not the label (it would lengthen every article that has 要点)."""
    from macros.search.index import KEYS_LABEL, build_index

    text = f"<p>第一条正文。</p><p><strong>要点</strong>（{KEYS_LABEL}）：一户一宅</p>"
    index = build_index([{"location": "laws/x.html#art-1", "title": "第一条", "text": text}], {}, {})
    assert "一户" in index["tokens"] and "概括" not in index["tokens"] and "条文" not in index["tokens"]


def test_words_only_the_asks_hold_do_not_count_as_what_the_pages_say():
    """pageDf: for the not-covered signals (lawsearch.js Engine.idf), the sections a token is
    shown in. 问法 add 补贴 to one article and 宅基地 to a second that already shows it."""
    from macros.search.index import build_index, shard_postings

    docs = [
        {"location": "laws/x.html#art-1", "title": "第一条", "text": "宅基地的申请"},
        {"location": "laws/x.html#art-2", "title": "第二条", "text": "宅基地的面积"},
    ]
    asks = {"laws/x.html#art-1": "有没有补贴", "laws/x.html#art-2": "宅基地多大"}
    index = build_index(docs, {}, {}, asks)
    df = index["pageDf"]
    assert df["补贴"] == 0 and df["多大"] == 0
    assert "宅基" not in df  # both sections show it: the postings' count is right
    shards = shard_postings(index["tokens"], index["postings"], size=10**6, page_df=df)
    assert shards[0]["pageDf"] == df
