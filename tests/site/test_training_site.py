"""Training modules and the study path: structure every module keeps, citations that name only
articles the law pages have, and the study path as rendered."""
from __future__ import annotations

import re
from pathlib import Path

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


def test_study_path_orders_every_module_with_a_progress_slot(built_site):
    page = (built_site / "training/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<a href="([a-z0-9-]+)\.html">', page)
    assert [s for s in linked if s in MODULES] == MODULES
    slots = re.findall(r'<span class="quiz-progress" data-module="([a-z0-9-]+)"></span>', page)
    assert slots == MODULES


def test_module_embeds_the_generated_added_articles_table(built_site):
    page = (built_site / "training/villagers-committee-2025.html").read_text(encoding="utf-8")
    added = re.findall(r'<a href="\.\./laws/villagers-committee\.html#art-(\d+)">第[^<]+条</a></td>', page)
    assert added == ["5", "7", "13", "20", "33", "44", "45", "46"]

