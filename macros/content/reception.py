"""Reception scripts (docs/reception/): the 接待速查 quick-lookup table built from their front
matter, and the checks on what they point to (forms that exist). Plain Python, no mkdocs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..core.pagemeta import PageMeta

# A group of the reception navigation: its title and its pages (docs-relative), as MkDocs built
# them from docs/reception/.nav.yml; the lookup table follows the same grouping.
NavGroup = tuple[str, list[str]]


@dataclass
class Script:
    path: str  # relative to docs/: reception/homestead-application.md
    title: str
    meta: PageMeta


def reception_scripts(metas: dict[str, PageMeta]) -> list[Script]:
    """Every page under reception/ that declares what villagers say (keywords), in file order.
    metas: docs-relative path → front matter, for every page."""
    return [
        Script(rel, meta.title or Path(rel).stem, meta)
        for rel, meta in sorted(metas.items())
        if rel.startswith("reception/") and rel.count("/") == 1 and meta.keywords
    ]


def check_forms(meta: PageMeta, pages: set[str], page: Path | str, line: int | None = None) -> None:
    for form in meta.forms:
        if form not in pages:
            raise ContentError(
                page,
                f"页首 forms 里的“{form}”不存在；请写 docs/ 下已有页面的路径，例如 templates/forms/visit-register.md",
                line=line,
            )


def _link(target: str, from_dir: str) -> str:
    return posixpath.relpath(target, from_dir or ".")


def grouped(scripts: list[Script], groups: list[NavGroup]) -> list[tuple[str, list[Script]]]:
    """The scripts under their navigation groups, in the navigation's order; scripts in no
    group come last, under 其他; groups without scripts are left out."""
    by_path = {s.path: s for s in scripts}
    rows = [(title, [by_path[p] for p in pages if p in by_path]) for title, pages in groups]
    placed = {s.path for _, members in rows for s in members}
    rows.append(("其他", [s for s in scripts if s.path not in placed]))
    return [(title, members) for title, members in rows if members]


def lookup_table(scripts: list[Script], groups: list[NavGroup], form_titles: dict[str, str], from_dir: str) -> str:
    """群众怎么说 → 看哪一页 → 主要依据 → 用什么表, one row per script, grouped as in the
    section's navigation."""
    out = []
    for title, members in grouped(scripts, groups):
        out += [f"## {title}", "", "| 群众怎么说 | 接待话术 | 主要依据 | 表格 |", "| --- | --- | --- | --- |"]
        for s in members:
            says = "、".join(f"“{k}”" for k in s.meta.keywords)
            forms = (
                "<br>".join(f"[{form_titles.get(f, Path(f).stem)}]({_link(f, from_dir)})" for f in s.meta.forms) or "—"
            )
            articles = "<br>".join(s.meta.key_articles) or "—"
            out.append(f"| {says} | [{s.title}]({_link(s.path, from_dir)}) | {articles} | {forms} |")
        out.append("")
    return "\n".join(out)


def contents_list(scripts: list[Script], groups: list[NavGroup], from_dir: str) -> str:
    """The reception section's contents: each navigation group with its scripts, so that a new
    script appears here as soon as it is in the navigation."""
    out = []
    for title, members in grouped(scripts, groups):
        out += [f"## {title}", ""] + [f"- [{s.title}]({_link(s.path, from_dir)})" for s in members] + [""]
    return "\n".join(out)
