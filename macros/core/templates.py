"""The pages' macros (`{{ quiz("x") }}`, `{% if %}`) checked before anything renders them.

mkdocs-macros renders each page as a Jinja template and, on any error, prints a Python
traceback in English and stops. Editors meet two mistakes most: a brace pair typed as text
(`{% 注意 %}`, `{{ 空 }}`) and a macro name misspelt (`{{ referal_list() }}`). Both are found
here, with the file and line, in Chinese, in `make check` as in the build.

The Jinja settings must match mkdocs.yml's macros plugin (comments are `{## … ##}` there, so
that attr_list ids like `{#art-1}` are not read as comments); tests/unit/test_templates_check.py
holds the two together."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import nodes

from .errors import ContentError

COMMENT_START, COMMENT_END = "{##", "##}"
# names mkdocs-macros itself gives every page (https://mkdocs-macros-plugin.readthedocs.io)
BUILTIN_NAMES = {
    "config",
    "page",
    "extra",
    "macros",
    "filters",
    "environment",
    "plugin",
    "git",
    "navigation",
    "files",
    "now",
    "fix_url",
    "context",
    "macros_info",
    "pretty",
}

_ENV = jinja2.Environment(comment_start_string=COMMENT_START, comment_end_string=COMMENT_END)

_SYNTAX = [
    ("Encountered unknown tag", "不认识的 {% %} 标签"),
    ("unexpected end of template", "{% %} 或 {{ }} 没有闭合，页面就结束了"),
    ("unexpected char", "{{ }} 或 {% %} 里有不能出现的字符"),
    ("expected token", "{{ }} 或 {% %} 里的写法不完整"),
    ("unexpected '", "{{ }} 或 {% %} 里的写法不完整"),
    ("tag name expected", "{% %} 里缺少标签名"),
]


def _explain(message: str) -> str:
    for english, chinese in _SYNTAX:
        if english in message:
            return chinese
    return f"写法有误（{message}）"


def template_problems(
    body: str, path: Path | str, body_line: int, macros: set[str], variables: set[str] | frozenset[str] = frozenset()
) -> list[ContentError]:
    """Syntax errors and calls of macros that do not exist, in one page body. body_line: the line
    of the file where the body starts (after the front matter); variables: other names the page
    may use (its front-matter keys, mkdocs.yml extra)."""
    if "{{" not in body and "{%" not in body:
        return []
    try:
        tree = _ENV.parse(body)
    except jinja2.TemplateSyntaxError as e:
        return [
            ContentError(
                path,
                f"页面里的宏写法有误：{_explain(e.message or '')}。{{{{ }}}} 和 {{% %}} 是宏的记号，"
                "要照原样显示花括号，请把它放进代码块（```）或写成全角｛｝",
                line=body_line + (e.lineno or 1) - 1,
            )
        ]
    known = macros | BUILTIN_NAMES | set(variables)
    problems = []
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name not in known:
            problems.append(
                ContentError(
                    path,
                    f"页面用了不存在的宏 {call.node.name}()：请检查拼写；可用的宏有 {'、'.join(sorted(macros))}",
                    line=body_line + call.lineno - 1,
                )
            )
    return problems
