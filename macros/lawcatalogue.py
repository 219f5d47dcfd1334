"""The law catalogue table (docs/laws/index.md), built from the law pages' front matter."""
from __future__ import annotations

from pathlib import Path

from .frontmatter import read_front_matter


def law_pages(docs_dir: Path) -> list[tuple[str, dict]]:
    """(path relative to docs/, law metadata) for every law under laws/: its page, or for a law
    split into parts (laws/civil-code/), its entry page."""
    found = []
    laws = docs_dir / "laws"
    for path in sorted([*laws.glob("*.md"), *laws.glob("*/index.md")]):
        meta = read_front_matter(path)
        if isinstance(meta.get("law"), dict) and not meta["law"].get("part"):
            found.append((path.relative_to(docs_dir).as_posix(), meta["law"]))
    return found


def catalogue_table(pages: list[tuple[str, dict]], from_dir: str = "laws") -> str:
    """A Markdown table: name (linked), version, effective date, status, articles."""
    rows = [
        "| 法律名称 | 版本 | 施行日期 | 状态 | 条文数 |",
        "| --- | --- | --- | --- | ---: |",
    ]
    for rel, law in pages:
        link = Path(rel).relative_to(from_dir).as_posix() if rel.startswith(from_dir + "/") else rel
        rows.append(
            f"| [{law['name']}]({link}) | {law['version']} | {law['effective']} "
            f"| {law['status']} | {law['articles']} |"
        )
    return "\n".join(rows)
