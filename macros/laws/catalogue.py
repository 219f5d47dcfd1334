"""The law catalogue table (docs/laws/index.md and the home page), from the law registry,
which reads the law pages' front matter: one row per law, however many pages it spans."""

from __future__ import annotations

from ..core.paths import rel_link
from .lawlist import LawEntry
from .registry import LawRegistry


def catalogue_table(registry: LawRegistry, law_list: list[LawEntry], from_page: str) -> str:
    """A Markdown table: name (linked), version, effective date, status, articles."""
    rows = [
        "| 法律名称 | 版本 | 施行日期 | 状态 | 条文数 |",
        "| --- | --- | --- | --- | ---: |",
    ]
    order = {e.id: i for i, e in enumerate(law_list)}  # the law list's reviewed order
    for law in sorted(registry.laws.values(), key=lambda law: order.get(law.id, len(order))):
        m = law.meta
        rows.append(
            f"| [{law.name}]({rel_link(from_page, law.entry_page)}) | {m.version} "
            f"| {m.effective} | {m.status} | {len(law.articles)} |"
        )
    return "\n".join(rows)
