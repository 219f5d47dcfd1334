"""Reception scripts (docs/reception/): the 接待速查 quick-lookup table built from their front
matter, and the checks on what they point to (forms that exist). Plain Python, no mkdocs."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError, read_yaml
from ..core.frontmatter import read_front_matter
from ..core.pagemeta import PageMeta, load_page_meta


@dataclass
class Script:
    path: str          # relative to docs/: reception/homestead-application.md
    title: str
    meta: PageMeta


def reception_scripts(docs_dir: Path) -> list[Script]:
    """Every page under reception/ that declares what villagers say (keywords), in file order."""
    found = []
    for path in sorted((docs_dir / "reception").glob("*.md")):
        meta = load_page_meta(path)
        if meta.keywords:
            found.append(Script(path.relative_to(docs_dir).as_posix(), meta.title or path.stem, meta))
    return found


def check_forms(meta: PageMeta, docs_dir: Path, page: Path | str) -> None:
    for form in meta.forms:
        if not (docs_dir / form).is_file():
            raise ContentError(page, f"页首 forms 里的“{form}”不存在；请写 docs/ 下已有页面的路径，例如 templates/forms/visit-register.md")


def page_title(docs_dir: Path, rel: str) -> str:
    return str(read_front_matter(docs_dir / rel).get("title") or Path(rel).stem)


def _link(target: str, from_dir: str) -> str:
    return posixpath.relpath(target, from_dir or ".")


def nav_groups(docs_dir: Path) -> list[tuple[str, list[str]]]:
    """The groups of docs/reception/.nav.yml (土地和宅基地: [pages] …), pages docs-relative, so
    the lookup table follows the same grouping as the navigation."""
    nav_file = docs_dir / "reception" / ".nav.yml"
    nav = (read_yaml(nav_file) or {}).get("nav", []) if nav_file.exists() else []
    return [(title, [f"reception/{p}" for p in pages if isinstance(p, str)])
            for item in nav if isinstance(item, dict)
            for title, pages in item.items() if isinstance(pages, list)]


def lookup_table(scripts: list[Script], docs_dir: Path, from_dir: str) -> str:
    """群众怎么说 → 看哪一页 → 主要依据 → 用什么表, one row per script, grouped as in the
    section's navigation (scripts in no group come last, under 其他)."""
    by_path = {s.path: s for s in scripts}
    groups = [(title, [by_path[p] for p in pages if p in by_path]) for title, pages in nav_groups(docs_dir)]
    grouped = {s.path for _, members in groups for s in members}
    groups.append(("其他", [s for s in scripts if s.path not in grouped]))
    out = []
    for title, members in groups:
        if not members:
            continue
        out += [f"## {title}", "", "| 群众怎么说 | 接待话术 | 主要依据 | 表格 |", "| --- | --- | --- | --- |"]
        for s in members:
            says = "、".join(f"“{k}”" for k in s.meta.keywords)
            forms = "<br>".join(f"[{page_title(docs_dir, f)}]({_link(f, from_dir)})" for f in s.meta.forms) or "—"
            articles = "<br>".join(s.meta.key_articles) or "—"
            out.append(f"| {says} | [{s.title}]({_link(s.path, from_dir)}) | {articles} | {forms} |")
        out.append("")
    return "\n".join(out)
