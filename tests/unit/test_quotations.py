"""Quotations after citations: the quoted words must be in the cited article (issue 12)."""

from __future__ import annotations

import pytest

from macros.laws.registry import registry_for_docs
from macros.xref.citations import CitationFinder
from macros.xref.graph import CitationGraph, TextSource, basis_problems, markdown_sources, scan
from macros.xref.quotations import basis_items, pieces, quoted_in

from ..harness.project import ROOT


@pytest.fixture(scope="module")
def laws():
    registry = registry_for_docs(ROOT / "docs")
    return registry, CitationFinder(registry.aliases())


def scan_text(laws, text: str) -> tuple[CitationGraph, list]:
    registry, finder = laws
    graph = CitationGraph()
    return graph, scan([TextSource("reception/x.md", "docs/reception/x.md", 7, text)], registry, finder, graph)


def test_pieces_split_at_ellipses_and_ignore_whitespace():
    assert pieces("由乡级人民政府……处理") == ["由乡级人民政府", "处理"]
    assert pieces(" 一户 只能…拥有 ") == ["一户只能", "拥有"]
    assert quoted_in("由乡级人民政府……处理", "个人之间的争议，由乡级人民政府或者县级以上人民政府处理。")
    assert not quoted_in("处理……由乡级人民政府", "由乡级人民政府或者县级以上人民政府处理。")  # out of order
    assert not quoted_in("……", "任何条文")


@pytest.mark.parametrize(
    "text",
    [
        "《土地管理法》第十四条规定：“个人之间、个人与单位之间的争议，由乡级人民政府或者县级以上人民政府处理。”",
        "依据《土地管理法》第十四条第二款（“由乡级人民政府或者县级以上人民政府处理”），镇政府可以处理。",
        "《土地管理法》第十四条：“单位之间的争议……由乡级人民政府……处理”",
        "《农村土地承包法》第二十七条、第二十八条：“承包期内，发包方不得调整承包地”",
    ],
)
def test_a_true_quotation_passes(laws, text):
    _, errors = scan_text(laws, text)
    assert errors == []


def test_a_wrong_quotation_names_the_file_line_and_article(laws):
    # the 2018 numbering: 第五条 was 指导、支持和帮助; in the 2025 text that is 第六条
    text = "《村民委员会组织法》第五条规定：“对村民委员会的工作给予指导、支持和帮助”"
    _, errors = scan_text(laws, text)
    assert len(errors) == 1
    msg = str(errors[0])
    assert msg.startswith(
        "docs/reception/x.md 第 7 行：引文“对村民委员会的工作给予指导、支持和帮助”不在村民委员会组织法第五条的条文中"
    )
    assert "原文是：" in msg and "改用自己的话转述" in msg
    _, errors = scan_text(laws, text.replace("第五条", "第六条"))
    assert errors == []


def test_a_quotation_of_a_law_not_carried_is_listed_as_unverified(laws):
    graph, errors = scan_text(laws, "《党政机关公文处理工作条例》第八条规定：“批复。适用于答复下级机关请示事项。”")
    assert errors == []
    assert graph.unverified == [
        (
            "reception/x.md",
            "docs/reception/x.md",
            7,
            "《党政机关公文处理工作条例》第八条",
            "批复。适用于答复下级机关请示事项。",
        )
    ]


def test_a_quotation_that_wraps_is_checked_and_reported_on_its_line(laws, tmp_path):
    page = tmp_path / "x.md"
    page.write_text(
        "---\ntitle: x\n---\n\n# x\n\n- 第一项说明，\n  《土地管理法》第十四条规定：“个人之间的争议，\n  由村民委员会处理”\n",
        encoding="utf-8",
    )
    sources = markdown_sources(page, "reception/x.md", page.read_text(encoding="utf-8"))
    assert [s.line for s in sources] == [7]
    registry, finder = laws
    errors = scan(sources, registry, finder, CitationGraph())
    assert len(errors) == 1 and errors[0].line == 8


def test_basis_items_join_wrapped_lines():
    body = "## 法律依据\n\n- 《土地管理法》第十四条规定：“个人之间\n  的争议”\n- 第二项\n\n## 材料\n\n- 不算\n"
    items = basis_items(body, 10, "法律依据")
    assert [(i.line, i.text) for i in items] == [(12, "《土地管理法》第十四条规定：“个人之间的争议”"), (14, "第二项")]


def test_basis_items_must_quote(laws, tmp_path):
    _, finder = laws
    page = tmp_path / "x.md"
    page.write_text(
        "---\ntitle: x\n---\n\n## 法律依据\n\n- 《土地管理法》第十四条：争议由政府处理。\n"
        "- 《土地管理法》第十四条规定：“由乡级人民政府或者县级以上人民政府处理”\n- 接待时要热情。\n",
        encoding="utf-8",
    )
    problems = basis_problems(page, "reception/x.md", finder, page.read_text(encoding="utf-8"))
    assert [(p.line, p.message.split("：")[0]) for p in problems] == [
        (7, "“法律依据”的这一项（《土地管理法》第十四条）没有摘录条文原文"),
        (9, "“法律依据”的这一项没有引用条文"),
    ]
