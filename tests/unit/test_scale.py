"""The scale benchmark's machinery (tests/harness/lawcopies.py, used by scripts/bench/bench_scale.py), the importer on the database's odd
laws, and the prebuilt search index (macros/search/index.py). No timing here: the figures come
from `make bench-scale`."""

from __future__ import annotations

import re

import pytest

from macros.core.errors import ContentError
from macros.laws.lawlist import load_law_list
from macros.laws.registry import registry_for_docs
from macros.laws.sources.database import open_database, read_law_by_id
from macros.search.index import pack, tokens
from macros.xref.citations import CitationFinder

from ..harness import lawcopies
from ..harness.project import PATHS, copy_project


@pytest.fixture(scope="module")
def db():
    conn = open_database()
    yield conn
    conn.close()


def test_synthetic_copies_are_laws_of_their_own(tmp_path):
    project = copy_project(tmp_path / "project")
    added = lawcopies.add_synthetic_copies(project, 2, only=["people-mediation"])
    assert [e.id for e in added] == ["people-mediation-copy2"]

    registry = registry_for_docs(project / "docs")
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
    assert "people-mediation-copy2" not in {e.id for e in load_law_list(PATHS.law_list)}


def test_a_database_law_kept_as_one_full_text_becomes_one_article(db):
    law = read_law_by_id(db, "e18bc5c68e7e")  # 关于《刑法》第三十条的解释
    assert [(a.number, a.anchor) for a in law.articles] == [("全文", "art-1")]
    assert law.articles[0].text.startswith("全国人民代表大会常务委员会根据司法实践")


def test_a_database_law_with_repeated_article_numbers_is_refused_by_name(db):
    with pytest.raises(ContentError, match=r"国际条约所规定的罪行.*条号重复：art-7, art-8"):
        read_law_by_id(db, "b8679caf2f75")


def test_whole_database_list_names_each_version_apart_and_says_it_is_unreviewed(db):
    entries = dict(lawcopies.database_entries(db, load_law_list(PATHS.law_list)))
    names = [e.name for e in entries.values()]
    assert len(names) == len(set(names))
    assert "中华人民共和国宪法" in names  # the current version keeps its name
    assert any(re.fullmatch(r"中华人民共和国宪法（1982-12-04 历史版本）", n) for n in names)
    assert "中华人民共和国土地管理法" not in names  # reviewed entries stay as they are
    assert all("未经核对" in e.status and "未经核对" in e.version for e in entries.values())


def test_tokens_and_packing_match_the_script():
    assert tokens("宅基地 abc12 地") == ["宅基", "基地", "abc12", "地"]
    # base-32, last digit from "0" (48), leading digits from "P" (80)
    assert pack([0, 2, 31, 32, 1000]) == "0" + "2" + "O" + "Q0" + "o8"  # 1000 = 31·32 + 8
