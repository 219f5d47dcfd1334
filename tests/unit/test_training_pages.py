"""Training modules and the study path: structure every module keeps, citations that name only
articles the law pages have, and the study path as rendered."""

from __future__ import annotations

import re

import pytest

from macros.content.quiz_model import MODULE_ORDER
from macros.core.cnnum import cn_to_int
from macros.core.frontmatter import split_front_matter
from macros.laws.lawlist import load_law_list
from macros.laws.lawpage import parse_law_page

from ..harness.project import PATHS, ROOT

DOCS = ROOT / "docs"
MODULES = MODULE_ORDER  # every module of the study path
_CN = "[零一二三四五六七八九十百千]+"
CITED = re.compile(rf"《(?:中华人民共和国)?([^》]+)》((?:第{_CN}条(?:、|和)?)+)")


def laws_by_short_name() -> dict[str, set[str]]:
    out = {}
    for law in load_law_list(PATHS.law_list):
        anchors = {a.anchor for a in parse_law_page(DOCS / law.page).articles}
        for name in [*law.short_names, law.name.removeprefix("中华人民共和国")]:
            out[name] = anchors
    return out


@pytest.mark.parametrize("slug", MODULES)
def test_module_page_structure(slug):
    path = DOCS / "training" / f"{slug}.md"
    meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
    assert meta.get("topics") and meta.get("title") and meta.get("description")
    assert "正在编写中" not in body
    assert "学完本单元，你应当能够" in body
    headings = re.findall(r"^#{2,3} .*$", body, re.M)
    assert len(headings) >= 4
    bare = [h for h in headings if not re.search(r"\{#[a-z0-9-]+\}\s*$", h)]
    assert not bare, f"没有固定锚点的标题：{bare}"
    assert "{#zi-ce}" in body and body.count("??? question") >= 3
    # the module ends with the button to its own practice page
    assert body.rstrip().endswith(f'{{{{ quiz_button("{slug}") }}}}')


@pytest.mark.parametrize("slug", MODULES)
def test_citations_name_existing_articles(slug):
    laws = laws_by_short_name()
    body = (DOCS / "training" / f"{slug}.md").read_text(encoding="utf-8")
    checked = 0
    for m in CITED.finditer(body):
        if m.group(1) not in laws:
            continue  # a rule without a law page (党政机关公文处理工作条例)
        for n in re.findall(rf"第({_CN})条", m.group(2)):
            assert f"art-{cn_to_int(n)}" in laws[m.group(1)], f"{slug}：{m.group(0)} 不存在"
            checked += 1
    if slug.endswith("-law") or slug == "villagers-committee-2025":
        assert checked >= 8, f"{slug}：法律单元应当引用条文（只找到 {checked} 处）"
