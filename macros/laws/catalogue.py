"""The law catalogue table (docs/laws/index.md and the home page), from the law registry,
which reads the law pages' front matter: one row per law, however many pages it spans."""

from __future__ import annotations

from ..core.paths import rel_link
from .lawlist import LawEntry
from .registry import LawRegistry


def catalogue_table(registry: LawRegistry, law_list: list[LawEntry], from_page: str) -> str:
    """A Markdown table: name (linked), level, region, version, effective date, status, articles.
    A local rule an editor has not reviewed yet shows 未经核对 as its status."""
    rows = [
        "| 法律名称 | 效力级别 | 地区 | 版本 | 施行日期 | 状态 | 条文数 |",
        "| --- | --- | --- | --- | --- | --- | ---: |",
    ]
    order = {e.id: i for i, e in enumerate(law_list)}  # the law list's reviewed order
    for law in sorted(registry.laws.values(), key=lambda law: order.get(law.id, len(order))):
        m = law.meta
        rows.append(
            f"| [{law.name}]({rel_link(from_page, law.entry_page)}) | {m.level} | {m.region_shown} | {m.version} "
            f"| {m.effective} | {m.status_shown} | {len(law.articles)} |"
        )
    return "\n".join(rows)
