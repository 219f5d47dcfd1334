"""The scale benchmark's machinery (scripts/bench_scale.py), the importer on the database's odd
laws, and the prebuilt search index (macros/searchindex.py). No timing here: the figures come
from `make bench-scale`."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest

from macros.xref.citations import CitationFinder
from macros.core.errors import ContentError
from macros.laws.importer import default_db_path, read_law_by_id
from macros.laws.lawlist import load_law_list
from macros.laws.registry import build_registry
from macros.search.index import pack, tokens
from scripts import bench_scale


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{default_db_path()}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_synthetic_copies_are_laws_of_their_own(tmp_path):
    project = bench_scale.copy_project(tmp_path / "project")
    added = bench_scale.add_synthetic_copies(project, 2, only=["people-mediation"])
    assert [e.id for e in added] == ["people-mediation-copy2"]

    registry = build_registry(project / "docs")
    original, copy = registry.laws["people-mediation"], registry.laws["people-mediation-copy2"]
    assert copy.name == "中华人民共和国人民调解法（规模测试副本2）"
    assert copy.pages == ["laws/people-mediation-copy2.md"]
    assert [a.text for a in copy.ordered_articles()] == [a.text for a in original.ordered_articles()]
    # the citation engine tells the copy from the original by name
    finder = CitationFinder(registry.aliases())
    (cit,) = finder.find("依照《人民调解法（规模测试副本2）》第十七条")
    assert cit.law_id == "people-mediation-copy2"
    (cit,) = finder.find("依照《人民调解法》第十七条")
    assert cit.law_id == "people-mediation"
    # the copy's law list knows it; the real one does not
    assert "people-mediation-copy2" in {e.id for e in load_law_list(project / "data/laws.yaml")}
    assert "people-mediation-copy2" not in {e.id for e in load_law_list()}


def test_a_database_law_kept_as_one_full_text_becomes_one_article(db):
    law = read_law_by_id(db, "e18bc5c68e7e")   # 关于《刑法》第三十条的解释
    assert [(a.number, a.anchor) for a in law.articles] == [("全文", "art-1")]
    assert law.articles[0].text.startswith("全国人民代表大会常务委员会根据司法实践")


def test_a_database_law_with_repeated_article_numbers_is_refused_by_name(db):
    with pytest.raises(ContentError, match=r"国际条约所规定的罪行.*条号重复：art-7, art-8"):
        read_law_by_id(db, "b8679caf2f75")


def test_whole_database_list_names_each_version_apart_and_says_it_is_unreviewed(db):
    entries = dict(bench_scale.database_entries(db, load_law_list()))
    names = [e.name for e in entries.values()]
    assert len(names) == len(set(names))
    assert "中华人民共和国宪法" in names                      # the current version keeps its name
    assert any(re.fullmatch(r"中华人民共和国宪法（1982-12-04 历史版本）", n) for n in names)
    assert "中华人民共和国土地管理法" not in names            # reviewed entries stay as they are
    assert all("未经核对" in e.status and "未经核对" in e.version for e in entries.values())


def test_tokens_and_packing_match_the_script():
    assert tokens("宅基地 abc12 地") == ["宅基", "基地", "abc12", "地"]
    # base-32, last digit from "0" (48), leading digits from "P" (80)
    assert pack([0, 2, 31, 32, 1000]) == "0" + "2" + "O" + "Q0" + "o8"   # 1000 = 31·32 + 8


def test_the_built_site_loads_the_prebuilt_index_not_the_texts(built_site):
    material = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"]["lang"]
    script = (built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1:script.rindex(")")])
    locations = [d[0] for d in index["docs"]]
    assert "laws/land-management.html#art-62" in locations
    assert len(index["tokens"]) == len(index["postings"]) and "宅基" in index["tokens"]
    shards = sorted((built_site / "search").glob("lawsearch-text-*.js"))
    assert len(shards) == len(index["shards"])
    data = (built_site / "assets/javascripts/lawsearch-data.js").read_text(encoding="utf-8")
    assert '"index":"search/lawsearch-index.js"' in data
