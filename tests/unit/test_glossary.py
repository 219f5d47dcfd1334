"""The glossary data file: validated, with errors that name the file and the term."""

from __future__ import annotations

import textwrap

import pytest

from macros.content.glossary import load_glossary
from macros.core.errors import ContentError, ContentProblems

from ..harness.project import ROOT, real_site

FINDER = real_site().finder


def load(tmp_path, text: str):
    (tmp_path / "indexes").mkdir()
    (tmp_path / "indexes/glossary.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_glossary(tmp_path, FINDER)


def test_the_real_glossary_loads_and_every_term_cites_something():
    terms = load_glossary(ROOT / "docs", FINDER)
    assert len(terms) >= 20
    assert all(t.articles for t in terms)


@pytest.mark.parametrize(
    "text,message",
    [
        (
            "terms:\n  - term: 宅基地\n    definiton: 错字\n",
            "第 1 个术语（宅基地）：字段 definition：缺少必填项|第 1 个术语（宅基地）：字段 definiton：不认识的字段",
        ),
        (
            "terms:\n  - term: 宅基地\n    definition: 甲\n  - term: 宅基地\n    definition: 乙\n",
            "第 2 个术语（宅基地）：术语重复",
        ),
        (
            "terms:\n  - term: 宅基地\n    definition: 甲\n    articles: [土地管理法六十二条]\n",
            "“土地管理法六十二条”不是一条完整的法条引用",
        ),
        (
            "terms:\n  - term: 公文\n    definition: 甲\n    articles: [《党政机关公文处理工作条例》第三条]\n",
            "“《党政机关公文处理工作条例》第三条”所引的法律本站未收录",
        ),
        ("terms:\n  - term: 宅基地\n    definition: '   '\n", "字段 definition：不能为空"),
        ("terms: [\n", "YAML 格式错误"),
        ("- term: 宅基地\n", "文件顶层应为 `terms:` 列表"),
    ],
)
def test_bad_glossary_entries_are_named(tmp_path, text, message):
    with pytest.raises((ContentError, ContentProblems)) as e:
        load(tmp_path, text)
    assert "indexes/glossary.yaml" in str(e.value)
    for part in message.split("|"):  # every problem of the file, each named
        assert part in str(e.value)
