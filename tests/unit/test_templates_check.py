"""The pages' macros are checked before mkdocs-macros renders them (macros/core/templates.py)."""

from __future__ import annotations

import yaml

from macros.core.templates import COMMENT_END, COMMENT_START, template_problems

from ..harness.project import PATHS


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_the_jinja_settings_are_the_macros_plugins():
    config = yaml.load(PATHS.config.read_text(encoding="utf-8"), Loader=_Loader)
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert (macros["j2_comment_start_string"], macros["j2_comment_end_string"]) == (COMMENT_START, COMMENT_END)


def test_attr_list_ids_are_not_comments_and_good_macros_pass():
    body = "### 第一条 {#art-1}\n\n{{ referral_list() }}\n\n{% if page %}x{% endif %}\n"
    assert template_problems(body, "docs/x.md", 5, {"referral_list"}) == []


def test_a_brace_pair_typed_as_text_names_its_line():
    (problem,) = template_problems("第一行\n\n{% 注意 %}\n", "docs/x.md", 5, set())
    assert str(problem).startswith("docs/x.md 第 7 行：页面里的宏写法有误：不认识的 {% %} 标签")
    (problem,) = template_problems("{{ 没有闭合\n", "docs/x.md", 1, set())
    assert str(problem).startswith("docs/x.md 第 1 行：页面里的宏写法有误：")


def test_a_misspelt_macro_names_its_line_and_the_macros_there_are():
    (problem,) = template_problems("a\n{{ referal_list() }}\n", "docs/x.md", 4, {"referral_list", "glossary"})
    assert (
        str(problem)
        == "docs/x.md 第 5 行：页面用了不存在的宏 referal_list()：请检查拼写；可用的宏有 glossary、referral_list"
    )
