"""Reception scripts (docs/reception/): the 接待速查 quick-lookup table built from their front
matter, and the checks on what they point to (forms that exist). Plain Python, no mkdocs."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .frontmatter import read_front_matter
from .pagemeta import PageMeta, load_page_meta


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


def lookup_table(scripts: list[Script], docs_dir: Path, from_dir: str) -> str:
    """群众怎么说 → 看哪一页 → 主要依据 → 用什么表, one row per script."""
    rows = ["| 群众怎么说 | 接待话术 | 主要依据 | 表格 |", "| --- | --- | --- | --- |"]
    for s in scripts:
        says = "、".join(f"“{k}”" for k in s.meta.keywords)
        forms = "<br>".join(f"[{page_title(docs_dir, f)}]({_link(f, from_dir)})" for f in s.meta.forms) or "—"
        articles = "<br>".join(s.meta.key_articles) or "—"
        rows.append(f"| {says} | [{s.title}]({_link(s.path, from_dir)}) | {articles} | {forms} |")
    return "\n".join(rows)
