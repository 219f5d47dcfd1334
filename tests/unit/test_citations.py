"""The citation recogniser on real-world forms, and on text it must leave alone."""

from __future__ import annotations

import pytest

from macros.laws.registry import registry_for_docs
from macros.xref.citations import CitationFinder

from ..harness.project import ROOT

REGISTRY = registry_for_docs(ROOT / "docs")
FINDER = CitationFinder(REGISTRY.aliases())


def cited(text: str, current_law: str | None = None) -> list[tuple[str | None, list[int]]]:
    return [(c.law_id, [n for n, _ in c.article_numbers()]) for c in FINDER.find(text, current_law)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("依据《中华人民共和国土地管理法》第六十二条的规定", [("land-management", [62])]),
        ("《土地管理法》第62条", [("land-management", [62])]),
        ("《土地管理法》第６２条", [("land-management", [62])]),
        ("土地管理法第六十二条第四款", [("land-management", [62])]),
        ("中华人民共和国土地管理法第七十八条", [("land-management", [78])]),
        ("《农村土地承包法》第二十七条、第二十八条", [("rural-land-contract", [27, 28])]),
        ("《农村土地承包法》第二十七条至第三十条", [("rural-land-contract", [27, 28, 29, 30])]),
        ("《农村土地承包法》第三十一条和第三十三条", [("rural-land-contract", [31, 33])]),
        ("承包法第二十七条", [("rural-land-contract", [27])]),
        ("村委会组织法 第19条", [("villagers-committee", [19])]),
        ("《村民委员会组织法》第十七条第二款", [("villagers-committee", [17])]),
        ("《保密法》第十四条第（三）项", [("state-secrets", [14])]),
        ("农村土地承包经营纠纷调解仲裁法第十条", [("land-contract-arbitration", [10])]),
        ("《土地管理法》的第六十二条", [("land-management", [62])]),
        (
            "先看《土地管理法》第六十二条，再看《农村土地承包法》第三十一条。",
            [("land-management", [62]), ("rural-land-contract", [31])],
        ),
        # a law the site does not carry: recognised so it can be reported, with no law id
        ("《民法典》第一千二百五十四条", [("civil-code", [1254])]),
        ("《中华人民共和国城乡规划法》第六十五条", [("urban-rural-planning", [65])]),
        ("《中华人民共和国招标投标法》第三条", [(None, [3])]),
        ("《党政机关公文处理工作条例》第九条", [(None, [9])]),
        # rules imported from source files (sources/lawrefbook/) are carried like any law
        ("《信访工作条例》第二十二条", [("petition-work-regulations", [22])]),
        ("《中华人民共和国土地管理法实施条例》第十条", [("land-management-regulations", [10])]),
        ("《土地管理法实施条例》第三十四条", [("land-management-regulations", [34])]),
        ("土地管理法实施条例第十条", [("land-management-regulations", [10])]),
    ],
)
def test_recognised(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "第三条规定了基本原则",  # no law named
        "依照本法第四十四条的规定",  # 本法 outside a law page names no law
        "招标投标法实施条例第十条",  # a bare name that is not one of ours
        "《土地管理法》明确规定",  # a law with no article
        "土地管理法和农村土地承包法",  # laws with no article
        "第六十二条第四款",
        "《人民日报》第三版",
    ],
)
def test_not_citations(text):
    assert cited(text) == []


def test_self_reference_on_a_law_page():
    assert cited("依照本法第四十四条的规定办理", current_law="land-management") == [("land-management", [44])]


def test_positions_cover_each_article_segment():
    text = "见《农村土地承包法》第二十七条、第二十八条。"
    (c,) = FINDER.find(text)
    assert c.text == "《农村土地承包法》第二十七条、第二十八条"
    assert [text[r.start : r.end] for r in c.refs] == ["第二十七条", "第二十八条"]


def test_every_alias_of_every_law_is_recognised():
    for law in REGISTRY.laws.values():
        for alias in law.aliases:
            assert cited(f"{alias}第一条") == [(law.id, [1])], alias
            if "《" not in alias:  # written in 《》, an inner title takes 〈〉
                assert cited(f"《{alias}》第一条") == [(law.id, [1])], alias


def test_a_decision_is_cited_with_its_inner_title_in_angle_brackets():
    text = "《全国人民代表大会常务委员会关于修改〈中华人民共和国村民委员会组织法〉的决定》第六条"
    assert cited(text) == [("villagers-committee-amendment-2025", [6])]


def test_registry_reads_laws_from_pages():
    law = REGISTRY.resolve("《土地管理法》")
    assert law.id == "land-management" and law.entry_page == "laws/land-management.md"
    assert law.article(62).text.startswith("农村村民一户只能拥有一处宅基地")
    assert REGISTRY.resolve("村委会组织法").name == "中华人民共和国村民委员会组织法"
    assert REGISTRY.resolve("中华人民共和国不存在法") is None
